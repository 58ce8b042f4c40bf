"""Build ``src/sipcli/data/font_widths.json``: how wide each character is in the fonts sip fits.

Word's column fitting (`sipcli.render.docx_tables`) measures a cell's words with these
widths. They are read from the free fonts that share Microsoft's fonts' metrics (Carlito for
Calibri, Caladea for Cambria, Liberation Sans for Arial, Liberation Serif for Times New
Roman), so a word measured here takes the same room in Word and in LibreOffice. Only the
advance widths are kept, in thousandths of an em: no font file ships with sip.

Usage: python tools/build_font_widths.py [OUTPUT]   (needs fontTools and the fonts installed)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# fontTools comes with matplotlib (the charts extra) and has no type hints.
from fontTools.ttLib import TTFont  # type: ignore[import-untyped,unused-ignore]

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "sipcli" / "data" / "font_widths.json"
FONTS = Path("/usr/share/fonts/truetype")

#: The metric-compatible font files, regular then bold, and the Word fonts they stand for.
FAMILIES = {
    "calibri": (("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"), ("Carlito",)),
    "cambria": (("crosextra/Caladea-Regular.ttf", "crosextra/Caladea-Bold.ttf"), ("Caladea",)),
    "arial": (
        ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
        ("Liberation Sans", "Helvetica", "Arimo"),
    ),
    "times new roman": (
        ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
        ("Liberation Serif", "Times", "Tinos"),
    ),
}

#: The characters measured: printable ASCII and Latin-1, and the punctuation plans use.
CHARACTERS = (
    "".join(chr(code) for code in range(0x20, 0x7F))
    + "".join(chr(code) for code in range(0xA0, 0x100))
    + "\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2122\u20ac\u2713\ufffd"
)


#: What a font without a character shows instead: the character it stands for (a
#: non-breaking space is a space, a non-breaking hyphen a hyphen, a soft hyphen nothing).
STAND_INS = {"\u00a0": " ", "\u2010": "-", "\u2011": "-", "\u00ad": ""}
#: The width given to a character a font lacks (LibreOffice borrows it from another font).
MISSING = 1000


def advances(path: Path) -> list[int]:
    """Return each character's advance width in thousandths of an em."""
    font = TTFont(str(path))
    units = int(font["head"].unitsPerEm)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics

    def width(char: str) -> int:
        if ord(char) in cmap:
            return round(1000 * int(metrics[cmap[ord(char)]][0]) / units)
        if char in STAND_INS:
            return sum(width(other) for other in STAND_INS[char])
        return MISSING

    return [width(char) for char in CHARACTERS]


def build() -> dict[str, object]:
    """Return the data file's content."""
    fonts: dict[str, object] = {}
    aliases: dict[str, str] = {}
    for name, (files, others) in FAMILIES.items():
        regular, bold = (advances(FONTS / file) for file in files)
        fonts[name] = {"regular": regular, "bold": bold}
        aliases |= {other.lower(): name for other in others}
    return {
        "about": "Advance widths in thousandths of an em, built by tools/build_font_widths.py.",
        "characters": CHARACTERS,
        "aliases": aliases,
        "fonts": fonts,
    }


def main() -> None:
    """Write the data file (to the path given, or sip's own)."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    data = build()
    # One line per list of widths, so that the file stays short enough to read.
    lines = [
        "{",
        f' "about": {json.dumps(data["about"])},',
        f' "characters": {json.dumps(data["characters"])},',
        f' "aliases": {json.dumps(data["aliases"], sort_keys=True)},',
        ' "fonts": {',
    ]
    fonts = data["fonts"]
    assert isinstance(fonts, dict)
    for index, (name, styles) in enumerate(fonts.items()):
        comma = "," if index < len(fonts) - 1 else ""
        lines.append(f"  {json.dumps(name)}: {{")
        lines.append(f'   "regular": {json.dumps(styles["regular"])},')
        lines.append(f'   "bold": {json.dumps(styles["bold"])}')
        lines.append(f"  }}{comma}")
    lines += [" }", "}"]
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
