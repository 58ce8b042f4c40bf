"""How wide a table's words are, set in the font of its cells.

Words are measured with the advance widths of the font they are set in, read from
``sipcli/data/font_widths.json`` (taken from the free fonts that share Calibri's, Cambria's,
Arial's and Times New Roman's metrics, so Word and LibreOffice set them the same). A font the
file does not know is measured with the widest of the known fonts, so its words still fit.

Widths are in twentieths of a point (twips), the unit of a Word table's grid.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

#: The font whose widths stand in for one the data file does not know: the widest of them.
UNKNOWN_FONT = ""
#: How much room a measured word is given beyond its measure: rounding and kerning differ
#: a little between Word, LibreOffice and the fonts the widths were read from.
SLACK = 1.03
#: And the few twips of a glyph's side bearing past its advance, once per word.
SLACK_TWIPS = 12
#: The longest a word of prose keeps its column from narrowing (about 1.2 inches); a longer
#: one may wrap at its hyphens or slashes. Ids, dates, money, codes and headers never wrap.
WORD_CAP = 1700

#: A token that must stay whole: it holds a digit or a currency sign (ids, dates, money,
#: school years, figures) or a capital after its first letter (codes such as MCAS or TP2).
_WHOLE = re.compile(r"[0-9$€£%]|.[A-Z]")
#: Where a long word of prose may wrap: after a hyphen, a dash or a slash.
_WORD_BREAK = re.compile(r"(?<=[-\u2010\u2013\u2014/])")


@dataclass(frozen=True)
class Font:
    """A font as a table's text uses it: its name, size in half-points, and boldness."""

    name: str
    half_points: int
    bold: bool = False


@cache
def _metrics() -> dict[str, object]:
    """Return the font widths data file, read once."""
    text = files("sipcli").joinpath("data").joinpath("font_widths.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def _advances(name: str, bold: bool) -> dict[str, int]:
    """Return each character's advance (thousandths of an em) in the named font."""
    data = _metrics()
    characters = str(data["characters"])
    fonts = data["fonts"]
    aliases = data["aliases"]
    assert isinstance(fonts, dict) and isinstance(aliases, dict)
    weight = "bold" if bold else "regular"
    key = name.lower()
    key = key if key in fonts else aliases.get(key, UNKNOWN_FONT)
    if key in fonts:
        return dict(zip(characters, fonts[key][weight], strict=True))
    widest = zip(*(font[weight] for font in fonts.values()), strict=True)
    return dict(zip(characters, (max(widths) for widths in widest), strict=True))


@lru_cache(maxsize=8192)
def measure(text: str, font: Font) -> float:
    """Return how wide ``text`` is set in ``font``, in twips (unknown characters an em)."""
    advances = _advances(font.name, font.bold)
    thousandths = sum(advances.get(char, 1000) for char in text)
    # An em is the font size: half-points * 10 twips; thousandths of it, so / 1000.
    return thousandths * font.half_points / 100


@lru_cache(maxsize=4096)
def least_width(text: str, font: Font, whole: bool = False) -> float:
    """Return the narrowest ``text`` can be set without breaking a token that must stay whole.

    Ids, dates, money and codes stay whole, and so does every word when ``whole`` (a header);
    a word of prose keeps its column at least as wide as itself up to `WORD_CAP`, beyond
    which it may wrap at a hyphen or slash, and a piece still longer wraps anywhere.
    """
    widest = 0.0
    for token in text.split():
        width = _room(measure(token, font))
        if not (whole or must_stay_whole(token)) and width > WORD_CAP:
            pieces = _WORD_BREAK.split(token)
            width = min(WORD_CAP, max(_room(measure(piece, font)) for piece in pieces))
        widest = max(widest, width)
    return widest


def must_stay_whole(token: str) -> bool:
    """True for a token no line may break inside: an id, date, sum of money, figure or code."""
    return _WHOLE.search(token) is not None


def fixed_hyphens(text: str) -> list[str]:
    """Return ``text`` cut at the hyphens inside tokens that must stay whole.

    Word and LibreOffice break a line after any hyphen ("2026-" / "27"); joined again with
    non-breaking hyphens, the pieces read the same and stay on one line.
    """
    if "-" not in text:
        return [text]
    pieces = [""]
    for part in re.split(r"(\s+)", text):
        inner = part[1:-1] if len(part) > 2 and must_stay_whole(part) else ""
        if "-" not in inner:
            pieces[-1] += part
            continue
        cuts = part[0] + inner
        pieces[-1] += cuts.split("-")[0]
        pieces += cuts.split("-")[1:]
        pieces[-1] += part[-1]
    return pieces


def line_width(text: str, font: Font) -> float:
    """Return the room ``text`` needs to be set on one line."""
    return _room(measure(text.strip(), font)) if text.strip() else 0.0


def words(text: str, font: Font) -> tuple[float, ...]:
    """Return the width of each word of a line of ``text``, in order, with `SLACK`.

    A line of them needs their widths, a space between each two, and `SLACK_TWIPS`.
    """
    return tuple(measure(word, font) * SLACK for word in text.split())


def space(font: Font) -> float:
    """Return the width of a space between two words, with `SLACK`."""
    return measure(" ", font) * SLACK


def _room(width: float) -> float:
    """Return the room a measured width is given (see `SLACK`)."""
    return width * SLACK + SLACK_TWIPS
