"""Source documents for the importer, built in the test the way real plans are laid out.

Each builder returns the bytes of a file: Word documents made with python-docx (raw XML through
its oxml layer for text boxes and tracked changes), and the bad files sip must refuse (an old
OLE compound file, a macro-enabled package, ...). The wording is sip's own: a made-up school,
Riverbend Elementary, and its plan.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table
from docx.text.paragraph import Paragraph

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BOX_NS = (
    f"{_W_NS} "
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def saved(document: Document) -> bytes:
    """The bytes of ``document`` saved as a .docx."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def fill(table: Table, rows: list[list[str]]) -> None:
    """Write ``rows`` into ``table`` cell by cell."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


GOAL_ROWS = [
    ["Goal", "Measure", "Baseline", "Target", "Owner"],
    [
        "Raise grade 3 reading",
        "Share of grade 3 students meeting expectations on MCAS ELA",
        "41% (spring 2025)",
        "50% by spring 2027",
        "Literacy coach",
    ],
    [
        "Cut chronic absence",
        "Share of students missing 10% or more of school days",
        "18% (2024-25)",
        "12% by June 2027",
        "Assistant principal",
    ],
]


def dese_template_plan() -> bytes:
    """A plan on the DESE template: styled headings, lists, and a goals table."""
    document = docx.Document()
    document.add_paragraph("Riverbend Elementary Sustainable Improvement Plan", style="Title")
    document.add_heading("Executive Summary", level=1)
    document.add_paragraph(
        "Riverbend Elementary will focus on early literacy and attendance over the next two years."
    )
    document.add_heading("Stakeholder Engagement", level=1)
    document.add_paragraph("Family night surveys in October", style="List Bullet")
    document.add_paragraph("Teacher focus groups by grade band", style="List Bullet 2")
    document.add_heading("Strategic Objectives", level=1)
    document.add_paragraph("Every student reads on grade level by grade 3.", style="List Number")
    document.add_heading("Goals and Benchmarks", level=2)
    fill(document.add_table(rows=3, cols=5), GOAL_ROWS)
    document.add_paragraph("Benchmarks are reviewed each quarter by the leadership team.")
    return saved(document)


def _bold_line(document: Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def own_headings_plan() -> bytes:
    """A plan with hand-made headings: bold lines, Roman numerals, an outline level, a style."""
    document = docx.Document()
    _bold_line(document, "Riverbend Elementary Improvement Plan")
    document.add_paragraph("I. Where We Stand")
    document.add_paragraph("Attendance fell in two grades last year.")
    document.add_paragraph("II. Measurable Annual Goals")
    # A bold run inside a sentence is emphasis, not a heading.
    mixed = document.add_paragraph("Reading is ")
    mixed.add_run("our first priority").bold = True
    mixed.add_run(" this year.")
    outlined = document.add_paragraph("Budget Notes")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    section = document.styles.add_style("Plan Section", 1)
    section.base_style = document.styles["Heading 2"]
    document.add_paragraph("Initiatives", style="Plan Section")
    document.add_paragraph("2.1 Family Literacy Nights")
    document.add_paragraph("Run by the family liaison. Monthly.")
    _bold_line(document, "Note: this plan was drafted in August 2025.")
    return saved(document)


def merged_cells_table() -> bytes:
    """A goals table with a merged title row, a two-row header and a goal spanning two rows."""
    document = docx.Document()
    table = document.add_table(rows=5, cols=4)
    fill(
        table,
        [
            ["", "", "", ""],
            ["Goal", "Benchmarks", "", "Owner"],
            ["", "Mid-year", "End of year", ""],
            ["Raise grade 3 reading", "44%", "47%", "Literacy coach"],
            ["", "45%", "50%", ""],
        ],
    )
    table.cell(0, 0).merge(table.cell(0, 3)).text = "Goals for 2025-26"
    table.cell(1, 1).merge(table.cell(1, 2))
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 3).merge(table.cell(2, 3))
    table.cell(3, 0).merge(table.cell(4, 0))
    table.cell(3, 3).merge(table.cell(4, 3))
    nested = document.add_table(rows=1, cols=2)
    inner = nested.cell(0, 1).add_table(rows=2, cols=2)
    fill(inner, [["Q1", "40%"], ["Q2", "43%"]])
    nested.cell(0, 0).text = "Progress so far"
    return saved(document)


def _drawing_box(text: str) -> str:
    """A text box as Word 2010 and later writes it: DrawingML, with a VML copy as fallback."""
    return (
        f'<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _vml_box(text: str) -> str:
    """A text box as Word 2007 and earlier wrote it: VML only."""
    return (
        f"<w:r {_BOX_NS}><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def text_box_doc() -> bytes:
    """Text boxes: one anchored in a paragraph with text, one in an empty paragraph (VML)."""
    document = docx.Document()
    document.add_heading("Envisioning the Future", level=1)
    anchor = document.add_paragraph("Our vision statement follows.")
    anchor._p.append(parse_xml(_drawing_box("Every Riverbend student leaves a confident reader.")))
    document.add_paragraph()._p.append(parse_xml(_vml_box("Adopted by the school council")))
    document.add_paragraph("The council reviews the vision each spring.")
    return saved(document)


def _runs(xml: str) -> list[object]:
    return list(parse_xml(f"<w:p {_W_NS}>{xml}</w:p>"))


def tracked_changes_doc() -> bytes:
    """Tracked insertions, deletions and a move, a comment, fields, and a page header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Riverbend Elementary - draft"
    document.add_heading("Initiatives", level=1)
    changed = document.add_paragraph()
    for element in _runs(
        '<w:r><w:t xml:space="preserve">Tutoring runs </w:t></w:r>'
        '<w:del w:id="1" w:author="Pat"><w:r><w:delText>twice</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Pat"><w:r><w:t>three times</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> a week.</w:t></w:r>'
    ):
        changed._p.append(element)
    moved_from = document.add_paragraph()
    for element in _runs(
        '<w:moveFrom w:id="3" w:author="Pat"><w:r><w:t>Grade 2 first.</w:t></w:r></w:moveFrom>'
    ):
        moved_from._p.append(element)
    fields = document.add_paragraph()
    for element in _runs(
        '<w:r><w:t xml:space="preserve">See page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF goals \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>4</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>June 2026</w:t></w:r></w:fldSimple>'
    ):
        fields._p.append(element)
    moved_to = document.add_paragraph()
    for element in _runs(
        '<w:moveTo w:id="4" w:author="Pat"><w:r><w:t>Grade 2 first.</w:t></w:r></w:moveTo>'
    ):
        moved_to._p.append(element)
    commented = document.add_paragraph("Coaches meet every Friday.")
    document.add_comment(commented.runs, text="Is Friday still right?", author="Pat")
    return saved(document)


def empty_template_with_instructions() -> bytes:
    """The DESE template before anyone filled it in: headings, instructions, an empty table."""
    document = docx.Document()
    document.add_paragraph("Sustainable Improvement Plan", style="Title")
    document.add_heading("Root Cause Analysis", level=1)
    document.add_paragraph("[Describe the root causes your team identified, with evidence.]")
    document.add_heading("Goals and Benchmarks", level=1)
    document.add_paragraph("Instructions: add one row per goal. Delete this line when done.")
    fill(document.add_table(rows=2, cols=3), [["Goal", "Baseline", "Target"], ["", "", ""]])
    document.add_paragraph()
    return saved(document)


# Bad input: files sip must refuse, built byte by byte.

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_FREE, _END, _FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def ole_file(*streams: str) -> bytes:
    """A minimal OLE compound file (512-byte sectors) holding empty streams named ``streams``.

    Sector 0 is the allocation table, sector 1 the directory: enough for a reader that lists
    the streams, which is all sip's sniffer does (olefile itself can only read).
    """
    header = bytearray(512)
    header[0:8] = _OLE_MAGIC
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)  # version, byte order, 512
    struct.pack_into("<H", header, 0x20, 6)  # mini sectors of 64 bytes
    struct.pack_into("<IIII", header, 0x2C, 1, 1, 0, 0x1000)  # FAT sectors, dir start, cutoff
    struct.pack_into("<IIII", header, 0x3C, _END, 0, _END, 0)  # no mini FAT, no DIFAT sectors
    difat = [0] + [_FREE] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = struct.pack("<128I", _FAT_SECTOR, _END, *([_FREE] * 126))
    entries = [_ole_entry("Root Entry", 5)] + [_ole_entry(name, 2) for name in streams]
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + fat + directory[:512]


def _ole_entry(name: str, kind: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[0 : len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, _FREE, _FREE, _FREE)
    struct.pack_into("<II", entry, 116, _END, 0)
    return bytes(entry)


def repackaged(
    source: bytes,
    change: Callable[[str, bytes], bytes | None],
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """``source`` (a zip) rewritten: ``change(name, data)`` gives each part's new bytes, or None to drop it."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return out.getvalue()


def macro_enabled_docx() -> bytes:
    """A .docm: the main part's content type says macros, and a VBA project is inside."""
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def change(name: str, data: bytes) -> bytes:
        return data.replace(plain, macro) if name == "[Content_Types].xml" else data

    return repackaged(dese_template_plan(), change, {"word/vbaProject.bin": b"\0" * 64})


def workbook_bytes() -> bytes:
    """A small .xlsx package (only what a sniffer looks at): a workbook's content types."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        package.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def zip_bomb(uncompressed: int) -> bytes:
    """A zip whose one member inflates to ``uncompressed`` bytes of zeros (a few KB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * uncompressed)
    return out.getvalue()
