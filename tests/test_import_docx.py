"""Reading Word documents into blocks, and refusing files sip cannot import (issue 18)."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import docx
import pytest

from sipcli.errors import SipError
from sipcli.importing.blocks import Cell, Heading, Paragraph, SourceDocument, Table
from sipcli.importing.docx import read_docx
from sipcli.importing.sniff import ZIP_FACTOR, kind_of, ole_stream_names
from sipcli.load.limits import DEFAULT_MAX_BYTES
from tests.conftest import SOFFICE, needs_libreoffice
from tests.import_fixtures import (
    GOAL_ROWS,
    dese_template_plan,
    empty_template_with_instructions,
    macro_enabled_docx,
    merged_cells_table,
    ole_file,
    own_headings_plan,
    repackaged,
    saved,
    text_box_doc,
    tracked_changes_doc,
    workbook_bytes,
    zip_bomb,
)


def outline(document: SourceDocument) -> list[tuple[str, ...]]:
    """Each block as a short tuple: kind, text (or table size), level, and where it came from."""
    rows: list[tuple[str, ...]] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            rows.append(("heading", block.text, str(block.level), block.origin.where))
        elif isinstance(block, Paragraph):
            level = "" if block.list_level is None else str(block.list_level)
            rows.append(("paragraph", block.text, level, block.origin.where))
        else:
            rows.append(
                ("table", f"{len(block.rows)}x{len(block.rows[0])}", "", block.origin.where)
            )
    return rows


def texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def tables(document: SourceDocument) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


# Reading


def test_a_dese_template_plan_reads_in_order_with_styled_headings_and_lists() -> None:
    document = read_docx(dese_template_plan(), "riverbend.docx")

    assert document.file == "riverbend.docx"
    title = "Riverbend Elementary Sustainable Improvement Plan"
    assert outline(document) == [
        ("heading", title, "1", f"heading '{title}'"),
        ("heading", "Executive Summary", "1", "heading 'Executive Summary'"),
        (
            "paragraph",
            "Riverbend Elementary will focus on early literacy and attendance over the next two years.",
            "",
            "paragraph 3",
        ),
        ("heading", "Stakeholder Engagement", "1", "heading 'Stakeholder Engagement'"),
        ("paragraph", "Family night surveys in October", "0", "paragraph 5"),
        ("paragraph", "Teacher focus groups by grade band", "1", "paragraph 6"),
        ("heading", "Strategic Objectives", "1", "heading 'Strategic Objectives'"),
        ("paragraph", "Every student reads on grade level by grade 3.", "0", "paragraph 8"),
        ("heading", "Goals and Benchmarks", "2", "heading 'Goals and Benchmarks'"),
        ("table", "3x5", "", "table 1"),
        (
            "paragraph",
            "Benchmarks are reviewed each quarter by the leadership team.",
            "",
            "paragraph 10",
        ),
    ]
    (goals,) = tables(document)
    assert texts(goals) == GOAL_ROWS
    assert goals.rows[2][3].origin.where == "table 1, row 3, column 4"
    assert document.notes == ()


def test_hand_made_headings_are_taken_and_say_they_were_guessed() -> None:
    document = read_docx(own_headings_plan(), "own.docx")

    assert outline(document) == [
        (
            "heading",
            "Riverbend Elementary Improvement Plan",
            "1",
            "heading 'Riverbend Elementary Improvement Plan' (a bold line)",
        ),
        ("heading", "I. Where We Stand", "1", "heading 'I. Where We Stand' (a numbered line)"),
        ("paragraph", "Attendance fell in two grades last year.", "", "paragraph 3"),
        (
            "heading",
            "II. Measurable Annual Goals",
            "1",
            "heading 'II. Measurable Annual Goals' (a numbered line)",
        ),
        # Bold words inside a sentence are emphasis: the paragraph stays a paragraph.
        ("paragraph", "Reading is our first priority this year.", "", "paragraph 5"),
        # An outline level set on the paragraph itself; a style based on Heading 2.
        ("heading", "Budget Notes", "2", "heading 'Budget Notes'"),
        ("heading", "Initiatives", "2", "heading 'Initiatives'"),
        (
            "heading",
            "2.1 Family Literacy Nights",
            "2",
            "heading '2.1 Family Literacy Nights' (a numbered line)",
        ),
        ("paragraph", "Run by the family liaison. Monthly.", "", "paragraph 9"),
        # A bold sentence ending in a full stop is a sentence, not a heading.
        ("paragraph", "Note: this plan was drafted in August 2025.", "", "paragraph 10"),
    ]


def test_merged_cells_appear_once_with_their_span_and_are_repeated_where_they_cover() -> None:
    document = read_docx(merged_cells_table(), "merged.docx")
    goals, progress = tables(document)

    assert texts(goals) == [
        ["Goals for 2025-26"] * 4,
        ["Goal", "Benchmarks", "Benchmarks", "Owner"],
        ["Goal", "Mid-year", "End of year", "Owner"],
        ["Raise grade 3 reading", "44%", "47%", "Literacy coach"],
        ["Raise grade 3 reading", "45%", "50%", "Literacy coach"],
    ]
    title = goals.rows[0]
    assert (title[0].span, title[0].rows, title[0].merged) == (4, 1, False)
    assert all(cell.merged for cell in title[1:])
    assert {cell.origin.where for cell in title} == {"table 1, row 1, column 1"}
    header, subheader = goals.rows[1], goals.rows[2]
    assert (header[0].span, header[0].rows) == (1, 2)
    assert (header[1].span, header[1].rows, header[2].merged) == (2, 1, True)
    assert subheader[0] == Cell("Goal", header[0].origin, merged=True)
    assert not subheader[1].merged
    assert subheader[1].origin.where == "table 1, row 3, column 2"
    goal, continued = goals.rows[3], goals.rows[4]
    assert (goal[0].rows, goal[3].rows) == (2, 2)
    assert continued[0].merged and continued[3].merged
    assert not continued[1].merged
    # A table nested in a cell is flattened into that cell's text, one line per row.
    assert texts(progress) == [["Progress so far", "Q1 | 40%\nQ2 | 43%"]]


def test_a_row_starting_after_the_grid_is_padded_and_hmerge_widens_the_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["Goal", "Owner", "Due"]):
        table.cell(0, c).text = text
    table.cell(1, 2).text = "June"
    second = table.rows[1]._tr
    # Drop the row's first cell and say the row starts one grid column in (w:gridBefore).
    second.remove(second.tc_lst[0])
    second.get_or_add_trPr().append(
        docx.oxml.parse_xml(f'<w:gridBefore {docx.oxml.ns.nsdecls("w")} w:val="1"/>')
    )
    first = table.rows[0]._tr.tc_lst
    first[0].get_or_add_tcPr().append(
        docx.oxml.parse_xml(f'<w:hMerge {docx.oxml.ns.nsdecls("w")} w:val="restart"/>')
    )
    first[1].get_or_add_tcPr().append(
        docx.oxml.parse_xml(f"<w:hMerge {docx.oxml.ns.nsdecls('w')}/>")
    )

    (read,) = tables(read_docx(saved(document), "grid.docx"))

    assert texts(read) == [["Goal", "Goal", "Due"], ["", "", "June"]]
    assert (read.rows[0][0].span, read.rows[0][1].merged) == (2, True)
    assert read.rows[1][0].origin.where == "table 1, row 2, column 1"


def test_text_boxes_are_read_once_as_paragraphs_where_they_are_anchored() -> None:
    document = read_docx(text_box_doc(), "boxes.docx")

    assert outline(document) == [
        ("heading", "Envisioning the Future", "1", "heading 'Envisioning the Future'"),
        ("paragraph", "Our vision statement follows.", "", "paragraph 2"),
        # Word writes each box twice (DrawingML and a VML fallback): it is read once.
        (
            "paragraph",
            "Every Riverbend student leaves a confident reader.",
            "",
            "text box after paragraph 2",
        ),
        # A VML-only box anchored in an empty paragraph.
        ("paragraph", "Adopted by the school council", "", "text box after paragraph 2"),
        ("paragraph", "The council reviews the vision each spring.", "", "paragraph 3"),
    ]


def test_tracked_changes_are_accepted_fields_keep_their_result_and_notes_say_what_was_left() -> (
    None
):
    document = read_docx(tracked_changes_doc(), "tracked.docx")

    assert [text for _, text, _, _ in outline(document)] == [
        "Initiatives",
        "Tutoring runs three times a week.",
        "See page 4 and June 2026",
        # Moved text: left out where it was, kept where it went.
        "Grade 2 first.",
        "Coaches meet every Friday.",
    ]
    assert document.notes == (
        "tracked changes were accepted: inserted text is kept and deleted text left out",
        "comments were left out",
        "page headers were left out",
    )
    everything = " ".join(text for _, text, _, _ in outline(document))
    assert "twice" not in everything
    assert "Is Friday still right?" not in everything
    assert "draft" not in everything


def test_an_empty_template_keeps_its_instructions_and_its_empty_table() -> None:
    document = read_docx(empty_template_with_instructions(), "template.docx")

    assert [row[:2] for row in outline(document)] == [
        ("heading", "Sustainable Improvement Plan"),
        ("heading", "Root Cause Analysis"),
        ("paragraph", "[Describe the root causes your team identified, with evidence.]"),
        ("heading", "Goals and Benchmarks"),
        ("paragraph", "Instructions: add one row per goal. Delete this line when done."),
        ("table", "2x3"),
    ]
    (table,) = tables(document)
    assert texts(table) == [["Goal", "Baseline", "Target"], ["", "", ""]]


def test_content_controls_are_read_through() -> None:
    document = docx.Document()
    document.add_heading("Monitoring", level=1)
    body = document.element.body
    control = docx.oxml.parse_xml(
        f"<w:sdt {docx.oxml.ns.nsdecls('w')}><w:sdtContent><w:p><w:r>"
        "<w:t>Data team meets monthly.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, control)  # before the section properties

    assert outline(read_docx(saved(document), "sdt.docx"))[1] == (
        "paragraph",
        "Data team meets monthly.",
        "",
        "paragraph 2",
    )


def test_a_numbered_list_switched_off_and_a_long_bold_paragraph_are_plain_paragraphs() -> None:
    document = docx.Document()
    plain = document.add_paragraph("Not a list item any more", style="List Number")
    plain._p.get_or_add_pPr().append(
        docx.oxml.parse_xml(
            f'<w:numPr {docx.oxml.ns.nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
        )
    )
    long_bold = document.add_paragraph()
    long_bold.add_run(
        "Every classroom will use the same reading routine for twenty minutes each morning"
    ).bold = True

    assert [row[2:] for row in outline(read_docx(saved(document), "lists.docx"))] == [
        ("", "paragraph 1"),
        ("", "paragraph 2"),
    ]


def test_a_bold_line_under_a_styled_heading_is_one_level_down() -> None:
    document = docx.Document()
    document.add_heading("Executive Summary", level=1)
    document.add_paragraph().add_run("Key strategies").bold = True
    document.add_heading("Goals and Benchmarks", level=2)
    document.add_paragraph().add_run("Reading goals").bold = True

    assert [row[1:] for row in outline(read_docx(saved(document), "levels.docx"))] == [
        ("Executive Summary", "1", "heading 'Executive Summary'"),
        ("Key strategies", "2", "heading 'Key strategies' (a bold line)"),
        ("Goals and Benchmarks", "2", "heading 'Goals and Benchmarks'"),
        ("Reading goals", "3", "heading 'Reading goals' (a bold line)"),
    ]


def test_a_style_naming_a_list_level_but_no_numbering_is_not_a_list() -> None:
    # Some templates give Subtitle a w:numPr with only a level: Word numbers nothing.
    document = docx.Document()
    style = document.styles.add_style("Cover Line", 1)
    style.element.get_or_add_pPr().append(
        docx.oxml.parse_xml(f'<w:numPr {docx.oxml.ns.nsdecls("w")}><w:ilvl w:val="1"/></w:numPr>')
    )
    document.add_paragraph("Sustainable Improvement Plan", style="Cover Line")
    numbered = document.add_paragraph("Read every day")
    numbered._p.get_or_add_pPr().append(
        docx.oxml.parse_xml(
            f'<w:numPr {docx.oxml.ns.nsdecls("w")}><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr>'
        )
    )

    assert [row[2] for row in outline(read_docx(saved(document), "cover.docx"))] == ["", "2"]


def test_odd_numbers_in_a_damaged_file_are_read_as_the_default_or_capped() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Goal", "Owner"
    first, second = table.rows[0]._tr.tc_lst
    w = docx.oxml.ns.nsdecls("w")
    first.get_or_add_tcPr().append(docx.oxml.parse_xml(f'<w:gridSpan {w} w:val="two"/>'))
    second.get_or_add_tcPr().append(docx.oxml.parse_xml(f'<w:gridSpan {w} w:val="9999"/>'))
    heading = document.add_paragraph("Budget")
    heading._p.get_or_add_pPr().append(docx.oxml.parse_xml(f'<w:outlineLvl {w} w:val="x"/>'))
    item = document.add_paragraph("Read daily")
    item._p.get_or_add_pPr().append(
        docx.oxml.parse_xml(f'<w:numPr {w}><w:ilvl w:val="²"/><w:numId w:val="3"/></w:numPr>')
    )
    # A table with no rows shows nothing in Word and is not counted.
    document.element.body.insert(0, docx.oxml.parse_xml(f"<w:tbl {w}><w:tblPr/></w:tbl>"))

    read = read_docx(saved(document), "odd.docx")

    (goals,) = tables(read)
    assert goals.origin.where == "table 1"
    assert [cell.text for cell in goals.rows[0][:2]] == ["Goal", "Owner"]
    assert goals.rows[0][1].span == 64  # Word allows 63 columns: a claim of thousands is capped
    assert outline(read)[1:] == [
        ("paragraph", "Budget", "", "paragraph 1"),
        ("paragraph", "Read daily", "0", "paragraph 2"),
    ]


def test_a_damaged_word_document_is_refused_in_words() -> None:
    broken = repackaged(
        dese_template_plan(), lambda name, data: None if name == "word/document.xml" else data
    )

    with pytest.raises(SipError, match=r"^broken\.docx could not be read as a Word document"):
        read_docx(broken, "broken.docx")


# Sniffing: what a file is, whatever its name says


@pytest.mark.parametrize(
    ("name", "build", "kind"),
    [
        ("plan.docx", dese_template_plan, "docx"),
        ("goals.xlsx", workbook_bytes, "xlsx"),
        ("goals.csv", lambda: b"goal,baseline\nRead more,41%\n", "csv"),
        ("-", lambda: b"goal,baseline\nRead more,41%\n", "csv"),
        ("goals.csv", lambda: "goal\n".encode("utf-16"), "csv"),
    ],
)
def test_the_files_sip_imports_are_told_apart(name: str, build: object, kind: str) -> None:
    assert callable(build)
    assert kind_of(build(), name) == kind


REFUSED = [
    ("empty.docx", lambda: b"", r"^empty\.docx is empty: there is nothing to import"),
    (
        "locked.docx",
        lambda: ole_file("EncryptedInfo", "EncryptedPackage"),
        r"^locked\.docx is protected with a password.*Open it in Word, remove the password "
        r"\(File > Info > Protect Document",
    ),
    (
        "locked.xlsx",
        lambda: ole_file("EncryptedInfo", "EncryptedPackage"),
        r"^locked\.xlsx is protected with a password.*Open it in Excel.*Protect Workbook",
    ),
    (
        "old.doc",
        lambda: ole_file("WordDocument", "1Table"),
        r"^old\.doc is an old Word 97-2003 document \(\.doc\).*save it as a Word Document \(\.docx\)",
    ),
    (
        "renamed.docx",
        lambda: ole_file("WordDocument", "1Table"),
        r"^renamed\.docx is an old Word 97-2003 document",
    ),
    (
        "old.xls",
        lambda: ole_file("Workbook"),
        r"^old\.xls is an old Excel 97-2003 workbook.*Excel Workbook \(\.xlsx\)",
    ),
    (
        "macros.docm",
        macro_enabled_docx,
        r"^macros\.docm holds macros; sip does not read macro-enabled files.*Word Document \(\.docx\)",
    ),
    ("macros.docx", macro_enabled_docx, r"^macros\.docx holds macros"),
    (
        "goals.xlsm",
        lambda: repackaged(
            workbook_bytes(),
            lambda name, data: data.replace(
                b"openxmlformats-officedocument.spreadsheetml.sheet", b"ms-excel.sheet.macroEnabled"
            ),
        ),
        r"^goals\.xlsm holds macros.*Open it in Excel, save it as an Excel Workbook \(\.xlsx\)",
    ),
    (
        "goals.xlsb",
        lambda: repackaged(
            workbook_bytes(),
            lambda name, data: data.replace(
                b"openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"ms-excel.sheet.binary.macroEnabled.main",
            ),
        ),
        r"^goals\.xlsb is an Excel binary workbook \(\.xlsb\)",
    ),
    (
        "plan.pdf",
        lambda: b"%PDF-1.7\n1 0 obj\n<< /Type /Page >>\n",
        r"^plan\.pdf is a PDF; sip cannot read PDF plans.*open the PDF in Word",
    ),
    ("scan.docx", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", r"^scan\.docx is a PDF"),
    (
        "cut.docx",
        lambda: dese_template_plan()[:2000],
        r"^cut\.docx is damaged or is not a Word or Excel file",
    ),
    ("words.docx", lambda: b"Goals for next year", r"^words\.docx is damaged"),
    (
        "goals.docx",
        workbook_bytes,
        r"^goals\.docx is an Excel workbook, though its name ends in \.docx\. Rename it to end "
        r"in \.xlsx",
    ),
    (
        "plan.csv",
        dese_template_plan,
        r"^plan\.csv is a Word document, though its name ends in \.csv",
    ),
    (
        "chart.csv",
        lambda: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        r"^chart\.csv is not a text file: it holds binary data",
    ),
    ("notes.rtf", lambda: b"{\\rtf1 hello}", r"^notes\.rtf is not a file sip imports"),
    ("plan.docx", lambda: b"{\\rtf1\\ansi Goals}", r"^plan\.docx is a Rich Text \(RTF\) file"),
    (
        "template.dotx",
        lambda: repackaged(
            dese_template_plan(),
            lambda name, data: (
                data.replace(b"document.main+xml", b"template.main+xml")
                if name == "[Content_Types].xml"
                else data
            ),
        ),
        r"^template\.dotx is a Word template \(\.dotx\)\. Open it in Word",
    ),
]


@pytest.mark.parametrize(("name", "build", "message"), REFUSED, ids=[case[0] for case in REFUSED])
def test_files_sip_cannot_import_are_refused_saying_what_to_do(
    name: str, build: object, message: str
) -> None:
    assert callable(build)
    with pytest.raises(SipError, match=message):
        kind_of(build(), name)


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    limit = 10_000
    bomb = zip_bomb(ZIP_FACTOR * limit + 1)
    assert len(bomb) < limit  # small on disk: only its unpacked size gives it away

    with pytest.raises(SipError, match=r"^bomb\.docx unpacks to over the limit of 500,000 bytes"):
        kind_of(bomb, "bomb.docx", max_bytes=limit)
    # Within the bound the same kind of package is looked at (and found to be no document).
    with pytest.raises(SipError, match="is damaged"):
        kind_of(zip_bomb(ZIP_FACTOR * limit - 1000), "bomb.docx", max_bytes=limit)


def test_size_limits_follow_the_plan_limit() -> None:
    rows = b"goal,baseline\n" + b"Read more,41%\n" * 100
    assert kind_of(rows, "goals.csv", max_bytes=len(rows)) == "csv"
    with pytest.raises(
        SipError,
        match=r"^goals\.csv is 1,414 bytes, over the limit of 1,413 bytes.*--max-file-size",
    ):
        kind_of(rows, "goals.csv", max_bytes=len(rows) - 1)
    plan = dese_template_plan()
    # A Word package may be ZIP_FACTOR times the limit: the default takes any real plan.
    assert len(plan) < ZIP_FACTOR * DEFAULT_MAX_BYTES
    with pytest.raises(SipError, match=r"^plan\.docx is [\d,]+ bytes, over the limit"):
        kind_of(plan, "plan.docx", max_bytes=len(plan) // ZIP_FACTOR - 1)


def test_the_ole_reader_lists_the_streams_of_the_hand_made_file() -> None:
    assert ole_stream_names(ole_file("EncryptedInfo", "EncryptedPackage")) == {
        "Root Entry",
        "EncryptedInfo",
        "EncryptedPackage",
    }
    # A file cut short after its header: no directory to read, still an old Office file.
    assert ole_stream_names(ole_file("WordDocument")[:600]) == set()
    with pytest.raises(SipError, match="is an old Word 97-2003 document"):
        kind_of(ole_file("WordDocument")[:600], "cut.doc")


@needs_libreoffice
def test_a_real_word_97_file_is_refused_as_one(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(dese_template_plan())
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    old = (tmp_path / "plan.doc").read_bytes()

    assert "WordDocument" in ole_stream_names(old)
    with pytest.raises(SipError, match=r"^plan\.doc is an old Word 97-2003 document"):
        kind_of(old, "plan.doc")


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml"])
def test_a_damaged_package_is_read_or_refused_never_a_crash(part: str) -> None:
    rng = random.Random(part)
    sources = [dese_template_plan(), merged_cells_table(), tracked_changes_doc(), text_box_doc()]
    outcomes = {"read": 0, "refused": 0}
    for _ in range(40):
        source = rng.choice(sources)

        def damage(name: str, data: bytes) -> bytes:
            if name != part:
                return data
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                damaged[rng.randrange(len(damaged))] = rng.choice(b'<>"/=09aw: ')
            return bytes(damaged)

        for data in (repackaged(source, damage), source[: rng.randrange(len(source))]):
            try:
                kind_of(data, "damaged.docx")
                read_docx(data, "damaged.docx")
            except SipError as error:
                assert str(error).startswith("damaged.docx ")
                outcomes["refused"] += 1
            else:
                outcomes["read"] += 1
    assert outcomes["refused"] > 0
