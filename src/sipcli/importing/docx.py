"""Read a Word document (.docx) into blocks: headings, paragraphs and tables, in reading order.

python-docx lists paragraphs and tables apart, so the body's XML children are walked instead,
which keeps their order. The text read is what Word shows with every tracked change accepted:
inserted and moved-to text kept, deleted and moved-from text left out. A field keeps its result
only; comments, page headers, footers and footnotes are left out, each with a note. Text boxes
become paragraphs after the paragraph they are anchored in. A table nested in a cell is
flattened into that cell's text: one line per row, its cells joined by `` | ``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from sipcli.errors import SipError
from sipcli.importing.blocks import Block, Cell, Heading, Origin, Paragraph, SourceDocument, Table
from sipcli.importing.derived import rendered_by_sip

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FALLBACK = f"{_MC}Fallback"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_TXBX = qn("w:txbxContent")
_TRACKED = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
#: Never read as text: deleted or moved-away text, field codes, properties, the VML copy of a
#: drawing that mc:Choice already holds, and text boxes (read as paragraphs of their own).
_SKIPPED = frozenset(
    {
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:delText"),
        qn("w:instrText"),
        qn("w:pPr"),
        qn("w:rPr"),
        _FALLBACK,
        _TXBX,
    }
)
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})
_FALSE = frozenset({"0", "false", "off"})
#: Longest paragraph taken for a hand-made heading (a bold or numbered line alone).
_HEADING_WORDS = 12
#: Word allows 63 columns; a damaged file claiming more is read as this many, not as millions.
_MAX_COLUMNS = 64
#: The widest table read; columns past it in a damaged file are not read.
_MAX_WIDTH = 4 * _MAX_COLUMNS
_HEADING_CHARS = 90
_ROMAN_TITLE = re.compile(r"^(?P<number>[IVXL]+)[.)]\s+\S")
_DECIMAL_TITLE = re.compile(r"^(?P<number>\d+(?:\.\d+)+)\.?\s+[A-Za-z]")
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$")
_LIST_STYLE = re.compile(r"^list(?: (?:bullet|number|continue|paragraph))?(?: ([1-9]))?$")


def read_docx(data: bytes, file: str) -> SourceDocument:
    """Read the Word document in ``data`` (named ``file`` in messages) into blocks.

    Raises:
        SipError: when ``data`` is not a Word document python-docx can open.
    """
    document = _open(data, file)
    body = document.element.find(qn("w:body"))
    if body is None:
        raise _damaged(file)
    reader = _Reader(_Styles(document))
    reader.walk(body)
    notes = _tracked_note(body) + _part_notes(document)
    return SourceDocument(file, tuple(reader.blocks), notes, _by_sip(document, reader.styles))


def _by_sip(document: Document, styles: _Styles) -> bool:
    """Whether sip rendered the document, by its author, creation date and styles."""
    try:
        properties = document.core_properties
        author, created = properties.author, properties.created
    # A damaged core properties part: nothing says sip made the document.
    except Exception:
        return False
    return rendered_by_sip(author, created, styles.names())


def _open(data: bytes, file: str) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx raises many kinds of error on a damaged package (KeyError for a missing
    # part, XMLSyntaxError, BadZipFile, ValueError...): all mean the same to the user.
    except Exception as error:
        raise _damaged(file) from error


def _damaged(file: str) -> SipError:
    return SipError(
        f"{file} could not be read as a Word document: it is damaged or is not a .docx "
        "file. Open it in Word, save it again as a Word Document (.docx), and import "
        "that file."
    )


class _Styles:
    """The document's styles, looked up by id, each with the styles it is based on."""

    def __init__(self, document: Document) -> None:
        try:
            root: BaseOxmlElement | None = document.styles.element
        # A damaged styles part (python-docx then gives a plain part, or none): Word reads
        # on without styles, and so does sip; headings are then found by their look only.
        except (AttributeError, KeyError, ValueError):
            root = None
        found = [] if root is None else root.iterchildren(qn("w:style"))
        self._by_id = {style.get(qn("w:styleId")): style for style in found}
        self._default = next(
            (
                style
                for style in self._by_id.values()
                if style.get(qn("w:type")) == "paragraph"
                and style.get(qn("w:default")) in {"1", "true"}
            ),
            None,
        )

    def names(self) -> list[str]:
        """The name of every style the document defines."""
        return [_name(style) for style in self._by_id.values()]

    def chain(self, style_id: str | None) -> list[BaseOxmlElement]:
        """The style ``style_id`` (or the default paragraph style) and those it is based on."""
        style = self._by_id.get(style_id) if style_id else self._default
        chain: list[BaseOxmlElement] = []
        while style is not None and style not in chain and len(chain) < 20:
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style = self._by_id.get(based.get(qn("w:val"))) if based is not None else None
        return chain


def _number(value: str | None, default: int) -> int:
    """``value`` as a whole number, or ``default`` when it is missing or not one."""
    return int(value) if value is not None and re.fullmatch(r"[0-9]{1,4}", value) else default


def _val(element: BaseOxmlElement | None) -> str | None:
    return None if element is None else element.get(qn("w:val"))


def _name(style: BaseOxmlElement) -> str:
    return (_val(style.find(qn("w:name"))) or "").strip().lower()


def _style_id(p: BaseOxmlElement) -> str | None:
    return _val(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}"))


class _Reader:
    """Walks a body in reading order and collects its blocks, counting paragraphs and tables."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        #: The level of the last heading Word itself calls one: a bold line below it is
        #: taken for a heading one level down.
        self.styled_level = 0

    def walk(self, container: BaseOxmlElement) -> None:
        """Read every paragraph and table in ``container``, descending content controls."""
        for child in _block_children(container):
            if child.tag == _P:
                self._paragraph(child)
            else:
                self._table(child)

    def _paragraph(self, p: BaseOxmlElement) -> None:
        text = paragraph_text(p)
        if text:
            self.paragraphs += 1
            self.blocks.append(self._classify(p, text))
        anchor = f"after paragraph {self.paragraphs}" if self.paragraphs else "at the start"
        for line in text_box_lines(p):
            self.blocks.append(Paragraph(line, Origin(f"text box {anchor}")))

    def _classify(self, p: BaseOxmlElement, text: str) -> Block:
        styles = self.styles.chain(_style_id(p))
        level = _outline_level(p, styles)
        if level is not None:
            self.styled_level = level
            return Heading(text, level, Origin(f"heading {_quote(text)}"))
        guessed = _guessed_heading(p, text, self.styles, min(self.styled_level + 1, 9))
        if guessed is not None:
            level, how = guessed
            return Heading(text, level, Origin(f"heading {_quote(text)} ({how})"))
        where = Origin(f"paragraph {self.paragraphs}")
        return Paragraph(text, where, _list_level(p, styles))

    def _table(self, tbl: BaseOxmlElement) -> None:
        table = read_table(tbl, self.tables + 1)
        # A table without cells shows nothing in Word: it is neither read nor counted.
        if table.rows and table.rows[0]:
            self.tables += 1
            self.blocks.append(table)


def _block_children(container: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """The paragraphs and tables of ``container``, looking inside content controls."""
    yield from _children(container, (_P, _TBL))


def _children(element: BaseOxmlElement, tags: tuple[str, ...]) -> Iterator[BaseOxmlElement]:
    # Content controls (w:sdt) and custom XML wrap paragraphs, rows or cells in templates.
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tags)


def paragraph_text(p: BaseOxmlElement) -> str:
    """The text Word shows for paragraph ``p``: changes accepted, field results, no text boxes.

    Runs of spaces and tabs become one space; a line break inside the paragraph is kept.
    """
    raw = "".join(_text_parts(p))
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_parts(element: BaseOxmlElement) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == qn("w:t"):
            yield child.text or ""
        elif tag == qn("w:tab"):
            yield "\t"
        elif tag in _BREAKS:
            yield "\n"
        elif tag == qn("w:noBreakHyphen"):
            yield "-"
        else:
            yield from _text_parts(child)


def text_box_lines(p: BaseOxmlElement) -> list[str]:
    """The text of each paragraph in the text boxes anchored in ``p``, in document order.

    A drawing carries its text box twice (the DrawingML choice and a VML fallback): the
    fallback is not read, so each box is read once.
    """
    lines: list[str] = []
    for box in p.iter(_TXBX):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        for child in _block_children(box):
            if child.tag == _P:
                lines.extend([paragraph_text(child)] if paragraph_text(child) else [])
            else:
                lines.extend(_flattened(child).split("\n"))
    return [line for line in lines if line]


def _outline_level(p: BaseOxmlElement, styles: list[BaseOxmlElement]) -> int | None:
    """The heading level Word gives ``p``: its own outline level, or its style's."""
    own = _val(p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}"))
    if own is not None:
        return _from_outline(own)
    for style in styles:
        name = _name(style)
        if name == "title":
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        outline = _val(style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}"))
        if outline is not None:
            return _from_outline(outline)
    return None


def _from_outline(value: str) -> int | None:
    # Outline levels count from 0; 9 is "body text".
    level = _number(value, 9)
    return level + 1 if level < 9 else None


def _guessed_heading(
    p: BaseOxmlElement, text: str, styles: _Styles, bold_level: int
) -> tuple[int, str] | None:
    """A short line that looks like a heading though Word does not call it one.

    A Roman numeral numbers a top section, "2.1" a section below; a bold line gets
    ``bold_level``.
    """
    if "\n" in text or len(text) > _HEADING_CHARS or len(text.split()) > _HEADING_WORDS:
        return None
    roman = _ROMAN_TITLE.match(text)
    if roman:
        return 1, "a numbered line"
    decimal = _DECIMAL_TITLE.match(text)
    if decimal:
        return decimal.group("number").count(".") + 1, "a numbered line"
    if not text.endswith((".", ":", ";", ",")) and _all_bold(p, styles):
        return bold_level, "a bold line"
    return None


def _all_bold(p: BaseOxmlElement, styles: _Styles) -> bool:
    """Whether every run of ``p`` that shows text is bold."""
    paragraph_styles = styles.chain(_style_id(p))
    runs = [run for run in _visible_runs(p) if "".join(_text_parts(run)).strip()]
    return bool(runs) and all(_bold(run, paragraph_styles, styles) for run in runs)


def _visible_runs(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for child in element:
        if child.tag == qn("w:r"):
            yield child
        elif child.tag not in _SKIPPED and isinstance(child.tag, str):
            yield from _visible_runs(child)


def _bold(run: BaseOxmlElement, paragraph_styles: list[BaseOxmlElement], styles: _Styles) -> bool:
    # Direct formatting wins over the character style, which wins over the paragraph style.
    own = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    if own is not None:
        return own.get(qn("w:val"), "1").lower() not in _FALSE
    character = _val(run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}"))
    chain = (styles.chain(character) if character else []) + paragraph_styles
    for style in chain:
        bold = style.find(f"{qn('w:rPr')}/{qn('w:b')}")
        if bold is not None:
            return bold.get(qn("w:val"), "1").lower() not in _FALSE
    return False


def _list_level(p: BaseOxmlElement, styles: list[BaseOxmlElement]) -> int | None:
    """The list level of ``p`` (0 for the outermost), or None when it is not a list item.

    A paragraph is numbered when it or its style names a numbering (w:numId, 0 switching it
    off), or when its style is a list style ("List Bullet 2" is level 1).
    """
    layers = [p.find(qn("w:pPr")), *(style.find(qn("w:pPr")) for style in styles)]
    numbering = [
        found
        for found in (None if layer is None else layer.find(qn("w:numPr")) for layer in layers)
        if found is not None
    ]
    number = next((v for n in numbering if (v := _val(n.find(qn("w:numId")))) is not None), None)
    named = next((m for style in styles if (m := _LIST_STYLE.match(_name(style)))), None)
    if number == "0" or (number is None and named is None):
        return None
    levels = [_val(n.find(qn("w:ilvl"))) for n in numbering]
    own = levels[0] if numbering and numbering[0].getparent() is layers[0] else None
    if own is None and named is not None:
        # A list style's numbering often names no level: Word takes it from the style.
        return int(named.group(1)) - 1 if named.group(1) else 0
    level = own or next((level for level in levels if level is not None), None)
    return min(_number(level, 0), 8)


def _quote(text: str) -> str:
    return "'" + text.replace("\n", " ") + "'"


_Place = tuple[int, int]
"""A (row, column) position on a table's grid, counted from 0."""


@dataclass
class _Slot:
    """A w:tc as laid out on the table's grid: its first column and how many it spans."""

    tc: BaseOxmlElement
    column: int
    span: int
    continues_above: bool


def read_table(tbl: BaseOxmlElement, number: int) -> Table:
    """Read table ``tbl`` (the ``number``-th of the document) with its merged cells resolved."""
    grid = [_row_slots(tr) for tr in _children(tbl, (_TR,))]
    columns = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    width = min(max([columns] + [_end(row) for row in grid]), _MAX_WIDTH)
    owners = _owners(grid, width)
    texts = {(r, slot.column): cell_text(slot.tc) for r, row in enumerate(grid) for slot in row}
    sizes = _sizes(owners)
    rows = tuple(
        tuple(_cell(number, (r, c), owners[r][c], texts, sizes) for c in range(width))
        for r in range(len(owners))
    )
    caption = _val(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}"))
    return Table(rows, Origin(f"table {number}"), caption or None)


def _end(row: list[_Slot]) -> int:
    return row[-1].column + row[-1].span if row else 0


def _row_slots(tr: BaseOxmlElement) -> list[_Slot]:
    """The cells of row ``tr`` with their grid columns (after any w:gridBefore)."""
    column = min(_number(_val(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")), 0), _MAX_COLUMNS)
    slots: list[_Slot] = []
    for tc in _children(tr, (_TC,)):
        properties = tc.find(qn("w:tcPr"))
        spans = None if properties is None else properties.find(qn("w:gridSpan"))
        span = min(max(_number(_val(spans), 1), 1), _MAX_COLUMNS)
        legacy = None if properties is None else properties.find(qn("w:hMerge"))
        if legacy is not None and legacy.get(qn("w:val")) != "restart" and slots:
            # The old way of merging across: this cell widens the one before it.
            slots[-1].span += span
        else:
            vmerge = None if properties is None else properties.find(qn("w:vMerge"))
            continues = vmerge is not None and vmerge.get(qn("w:val"), "continue") != "restart"
            slots.append(_Slot(tc, column, max(span, 1), continues))
        column += max(span, 1)
    return slots


def _owners(grid: list[list[_Slot]], width: int) -> list[list[_Place | None]]:
    """For every grid position, the (row, column) of the cell whose text shows there."""
    owners: list[list[_Place | None]] = []
    for r, row in enumerate(grid):
        line: list[_Place | None] = [None] * width
        for slot in row:
            above = owners[r - 1][slot.column] if r and slot.continues_above else None
            for c in range(slot.column, min(slot.column + slot.span, width)):
                line[c] = above if above is not None else (r, slot.column)
        owners.append(line)
    return owners


def _sizes(owners: list[list[_Place | None]]) -> dict[_Place, tuple[int, int]]:
    """How many columns and rows each cell covers, keyed by its top-left place."""
    spans: dict[_Place, int] = {}
    heights: dict[_Place, int] = {}
    for r, line in enumerate(owners):
        for c, owner in enumerate(line):
            if owner is not None and owner[0] == r:
                spans[owner] = spans.get(owner, 0) + 1
            if owner is not None and owner[1] == c:
                heights[owner] = heights.get(owner, 0) + 1
    return {owner: (spans[owner], heights.get(owner, 1)) for owner in spans}


def _cell(
    number: int,
    place: _Place,
    owner: _Place | None,
    texts: dict[_Place, str],
    sizes: dict[_Place, tuple[int, int]],
) -> Cell:
    if owner is None:
        return Cell("", _cell_origin(number, *place))
    text, origin = texts[owner], _cell_origin(number, *owner)
    if owner != place:
        return Cell(text, origin, merged=True)
    span, rows = sizes[owner]
    return Cell(text, origin, span=span, rows=rows)


def _cell_origin(number: int, r: int, c: int) -> Origin:
    return Origin(f"table {number}, row {r + 1}, column {c + 1}")


def cell_text(tc: BaseOxmlElement) -> str:
    """A cell's text: its paragraphs and text boxes one per line, nested tables flattened."""
    lines: list[str] = []
    for child in _block_children(tc):
        if child.tag == _P:
            lines.extend([paragraph_text(child), *text_box_lines(child)])
        else:
            lines.append(_flattened(child))
    return "\n".join(line for line in lines if line)


def _flattened(tbl: BaseOxmlElement) -> str:
    """A nested table as text: one line per row, its cells' text joined by `` | ``."""
    rows = []
    for tr in _children(tbl, (_TR,)):
        cells = [cell_text(tc).replace("\n", " ") for tc in _children(tr, (_TC,))]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _tracked_note(body: BaseOxmlElement) -> tuple[str, ...]:
    tracked = any(True for _ in body.iter(*_TRACKED))
    if not tracked:
        return ()
    return ("tracked changes were accepted: inserted text is kept and deleted text left out",)


#: Parts of a document sip does not import, the element that holds text in each, and the note.
_LEFT_OUT = (
    (RT.COMMENTS, "w:comment", "comments were left out"),
    (RT.HEADER, "w:p", "page headers were left out"),
    (RT.FOOTER, "w:p", "page footers were left out"),
    (RT.FOOTNOTES, "w:footnote", "footnotes were left out"),
    (RT.ENDNOTES, "w:endnote", "endnotes were left out"),
)


def _part_notes(document: Document) -> tuple[str, ...]:
    """A note for each kind of part that holds text sip left out."""
    notes: list[str] = []
    related = list(document.part.rels.values())
    for reltype, tag, note in _LEFT_OUT:
        parts = [
            rel.target_part for rel in related if rel.reltype == reltype and not rel.is_external
        ]
        if any(_holds_text(part.blob, tag) for part in parts) and note not in notes:
            notes.append(note)
    return tuple(notes)


def _holds_text(blob: bytes, tag: str) -> bool:
    try:
        root = parse_xml(blob)
    except Exception:  # lxml's XMLSyntaxError: a part sip leaves out anyway, damaged.
        return False
    # Footnotes and endnotes always hold Word's separators (w:type set): those are not text.
    items = [item for item in root.iter(qn(tag)) if item.get(qn("w:type")) is None]
    return any(
        paragraph_text(p) for item in items for p in ([item] if tag == "w:p" else item.iter(_P))
    )
