"""What a Word document's styles say about its paragraphs and tables.

Word resolves a run's font from, in order, the run's own properties, its character style,
the paragraph's style, the table's style and the document's defaults, each style through
the styles it is based on; a theme font (``minorHAnsi``) is looked up in the theme. The
table fitting needs the result (which font, what size, bold or not), and the heading rules
need to know which paragraphs are headings; both are answered here, from the XML.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from sipcli.render.docx_sections import text_of
from sipcli.render.docx_widths import Font

_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
#: What Word assumes when nothing says otherwise: 10 point text, and a cell's left and right
#: margins of 0.075 inch (the "Normal Table" style's).
_DEFAULT_HALF_POINTS, _DEFAULT_CELL_MARGIN = 20, 108
#: Clark names of the tags looked up, made once each: they are asked for by the thousand.
_qn = cache(qn)
#: Values of an on/off property that mean off.
_OFF = {"0", "false", "off"}
#: The font a document without one falls back to.
_DEFAULT_FONT = "Calibri"


class StyleBook:
    """A document's styles, theme fonts and defaults, and the answers the table fitting needs."""

    def __init__(self, document: Document) -> None:
        """Read the styles of ``document``."""
        root = document.styles.element
        self._styles = {
            style.get(_qn("w:styleId")): style for style in root.iterchildren(_qn("w:style"))
        }
        self._default = {
            style.get(_qn("w:type")): style.get(_qn("w:styleId"))
            for style in root.iterchildren(_qn("w:style"))
            if style.get(_qn("w:default")) in ("1", "true")
        }
        defaults = root.find(_qn("w:docDefaults"))
        self._defaults = (
            defaults.find(f"{_qn('w:rPrDefault')}/{_qn('w:rPr')}") if defaults is not None else None
        )
        self._theme = _theme_fonts(document)
        self._chains: dict[tuple[str | None, str], tuple[BaseOxmlElement, ...]] = {}
        self._fonts: dict[tuple[object, ...], Font] = {}

    def chain(self, style_id: str | None, kind: str) -> tuple[BaseOxmlElement, ...]:
        """Return a style and the styles it is based on (the kind's default when None)."""
        key = (style_id, kind)
        if key not in self._chains:
            self._chains[key] = tuple(self._walk(style_id, kind))
        return self._chains[key]

    def _walk(self, style_id: str | None, kind: str) -> Iterator[BaseOxmlElement]:
        current = style_id if style_id is not None else self._default.get(kind)
        seen: set[str] = set()
        while current is not None and current not in seen and current in self._styles:
            seen.add(current)
            style = self._styles[current]
            yield style
            based = style.find(_qn("w:basedOn"))
            current = based.get(_qn("w:val")) if based is not None else None

    def cell_font(self, paragraph: BaseOxmlElement, table_style: str | None, bold: bool) -> Font:
        """Return the font of a table cell's paragraph; bold when asked or its runs are.

        Cells alike in their styles and run properties share the answer: a plan's hundreds
        of cells come in a handful of kinds.
        """
        runs = [run for run in paragraph.iter(_qn("w:r")) if text_of(run)]
        key = (
            _paragraph_style(paragraph),
            table_style,
            bold,
            tuple(_signature(run.find(_qn("w:rPr"))) for run in runs),
        )
        if key not in self._fonts:
            self._fonts[key] = self._cell_font(paragraph, runs, table_style, bold)
        return self._fonts[key]

    def _cell_font(
        self,
        paragraph: BaseOxmlElement,
        runs: list[BaseOxmlElement],
        table_style: str | None,
        bold: bool,
    ) -> Font:
        run = runs[0] if runs else None
        levels = self._levels(paragraph, run, table_style)
        name = next(filter(None, (self._font_name(level) for level in levels)), _DEFAULT_FONT)
        size = next(filter(None, (_size(level) for level in levels)), _DEFAULT_HALF_POINTS)
        bold = bold or any(self._run_bold(other, paragraph, table_style) for other in runs)
        return Font(name, size, bold)

    def header_bold(self, table: BaseOxmlElement) -> bool:
        """True when the table's style sets its header row in bold."""
        look = table.find(f"{_qn('w:tblPr')}/{_qn('w:tblLook')}")
        if look is not None and not _first_row_on(look):
            return False
        for style in self.chain(table_style(table), "table"):
            for conditional in style.iterchildren(_qn("w:tblStylePr")):
                if conditional.get(_qn("w:type")) == "firstRow":
                    value = _flag(conditional.find(_qn("w:rPr")), "w:b")
                    if value is not None:
                        return value
        return False

    def cell_margins(self, table: BaseOxmlElement) -> int:
        """Return a cell's left and right margins together, in twips."""
        sides: dict[str, int | None] = {"left": None, "right": None}
        for properties in self._table_properties(table):
            margins = properties.find(_qn("w:tblCellMar"))
            if margins is None:
                continue
            for side, names in (("left", ("w:left", "w:start")), ("right", ("w:right", "w:end"))):
                for name in names:
                    found = margins.find(_qn(name))
                    if sides[side] is None and found is not None:
                        sides[side] = _int(found.get(_qn("w:w")))
        return sum(_DEFAULT_CELL_MARGIN if value is None else value for value in sides.values())

    def border(self, table: BaseOxmlElement) -> int:
        """Return the width of the table's vertical lines between cells, in twips."""
        for properties in self._table_properties(table):
            borders = properties.find(_qn("w:tblBorders"))
            line = borders.find(_qn("w:insideV")) if borders is not None else None
            if line is not None:
                if line.get(_qn("w:val")) in ("nil", "none"):
                    return 0
                # Border sizes are in eighths of a point; a twip is a twentieth.
                return round(_int(line.get(_qn("w:sz"))) * 20 / 8)
        return 0

    def is_heading(self, paragraph: BaseOxmlElement) -> bool:
        """True when a paragraph is a heading: it has an outline level or keeps with the next."""
        for properties in self._paragraph_levels(paragraph):
            outline = properties.find(_qn("w:outlineLvl"))
            if outline is not None:
                return _int(outline.get(_qn("w:val"))) < 9
        return self.keeps_with_next(paragraph)

    def starts_page(self, paragraph: BaseOxmlElement) -> bool:
        """True when a paragraph starts a new page (a stage's Heading 1, a page break)."""
        if paragraph.find(f".//{_qn('w:br')}[@{_qn('w:type')}='page']") is not None:
            return True
        return self._paragraph_flag(paragraph, "w:pageBreakBefore")

    def starts_stage(self, paragraph: BaseOxmlElement) -> bool:
        """True when a paragraph starts a stage: a new page, or a heading of the first level."""
        if self.starts_page(paragraph):
            return True
        for properties in self._paragraph_levels(paragraph):
            outline = properties.find(_qn("w:outlineLvl"))
            if outline is not None:
                return _int(outline.get(_qn("w:val"))) == 0
        return False

    def keeps_with_next(self, paragraph: BaseOxmlElement) -> bool:
        """True when a paragraph, by its own properties or its style, keeps with the next."""
        return self._paragraph_flag(paragraph, "w:keepNext")

    def _paragraph_flag(self, paragraph: BaseOxmlElement, name: str) -> bool:
        for properties in self._paragraph_levels(paragraph):
            value = _flag(properties, name)
            if value is not None:
                return value
        return False

    def _paragraph_levels(self, paragraph: BaseOxmlElement) -> list[BaseOxmlElement]:
        """Return the paragraph properties that apply to ``paragraph``, its own first."""
        styles = self.chain(_paragraph_style(paragraph), "paragraph")
        levels = [paragraph.find(_qn("w:pPr")), *(style.find(_qn("w:pPr")) for style in styles)]
        return [level for level in levels if level is not None]

    def _levels(
        self, paragraph: BaseOxmlElement, run: BaseOxmlElement | None, table_style: str | None
    ) -> list[BaseOxmlElement]:
        """Return the run properties that apply to ``run``, the most particular first."""
        levels: list[BaseOxmlElement | None] = []
        if run is not None:
            properties = run.find(_qn("w:rPr"))
            levels.append(properties)
            style = properties.find(_qn("w:rStyle")) if properties is not None else None
            character = style.get(_qn("w:val")) if style is not None else None
            if character is not None:
                levels += [s.find(_qn("w:rPr")) for s in self.chain(character, "character")]
        levels += [
            s.find(_qn("w:rPr")) for s in self.chain(_paragraph_style(paragraph), "paragraph")
        ]
        levels += [s.find(_qn("w:rPr")) for s in self.chain(table_style, "table")]
        levels.append(self._defaults)
        return [level for level in levels if level is not None]

    def _run_bold(
        self, run: BaseOxmlElement, paragraph: BaseOxmlElement, table_style: str | None
    ) -> bool:
        for level in self._levels(paragraph, run, table_style):
            value = _flag(level, "w:b")
            if value is not None:
                return value
        return False

    def _font_name(self, properties: BaseOxmlElement) -> str | None:
        fonts = properties.find(_qn("w:rFonts"))
        if fonts is None:
            return None
        theme = fonts.get(_qn("w:asciiTheme"))
        if theme is not None:
            return self._theme.get("major" if theme.startswith("major") else "minor")
        name: str | None = fonts.get(_qn("w:ascii"))
        return name

    def _table_properties(self, table: BaseOxmlElement) -> list[BaseOxmlElement]:
        """Return the table's own properties, then its style's, the most particular first."""
        own = table.find(_qn("w:tblPr"))
        styles = [s.find(_qn("w:tblPr")) for s in self.chain(table_style(table), "table")]
        return [properties for properties in (own, *styles) if properties is not None]


def table_style(table: BaseOxmlElement) -> str | None:
    """Return the id of a table's style, None when it has none."""
    style = table.find(f"{_qn('w:tblPr')}/{_qn('w:tblStyle')}")
    return style.get(_qn("w:val")) if style is not None else None


def _paragraph_style(paragraph: BaseOxmlElement) -> str | None:
    style = paragraph.find(f"{_qn('w:pPr')}/{_qn('w:pStyle')}")
    return style.get(_qn("w:val")) if style is not None else None


def _signature(properties: BaseOxmlElement | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return what a run's own properties hold, comparable with another run's."""
    if properties is None:
        return ()
    return tuple((child.tag, tuple(sorted(child.values()))) for child in properties)


def _size(properties: BaseOxmlElement) -> int | None:
    size = properties.find(_qn("w:sz"))
    return _int(size.get(_qn("w:val"))) or None if size is not None else None


def _flag(properties: BaseOxmlElement | None, name: str) -> bool | None:
    """Return an on/off property's value, None when ``properties`` do not set it."""
    found = properties.find(_qn(name)) if properties is not None else None
    if found is None:
        return None
    return found.get(_qn("w:val"), "1").lower() not in _OFF


def _first_row_on(look: BaseOxmlElement) -> bool:
    """True when a table's look formats its first row (the attribute, else the old bit mask)."""
    first = look.get(_qn("w:firstRow"))
    if first is not None:
        return first.lower() not in _OFF
    try:
        return bool(int(look.get(_qn("w:val"), "0"), 16) & 0x0020)
    except ValueError:
        return False


def _theme_fonts(document: Document) -> dict[str, str]:
    """Return the theme's body ("minor") and heading ("major") fonts."""
    try:
        theme = document.part.part_related_by(RELATIONSHIP_TYPE.THEME)
    except KeyError:
        return {}
    root = parse_xml(theme.blob)
    fonts: dict[str, str] = {}
    for kind in ("minor", "major"):
        latin = root.find(f".//{{{_DRAWING_NS}}}{kind}Font/{{{_DRAWING_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = str(latin.get("typeface"))
    return fonts


def _int(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
