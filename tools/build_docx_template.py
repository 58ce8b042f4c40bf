"""Build ``templates/docx/plan.docx``: the Word template `sip render --to docx` fills in.

The template holds docxtpl's Jinja tags and lays the plan out as ``plan.md.j2`` does: a title
page (a logo, the school's name in Word's Title style, the plan's name as Subtitle, its
year and district, who prepared it and when it was handed over, its other details in a quiet
block), a table of contents (one "toc 1" paragraph per stage; sip links each to its heading
and adds its page number), then each stage under Heading 1, its labelled paragraphs and
lists, its items under Heading 2 with their initiatives under Heading 3, and its tables. Every table uses the "Plan Table" style, repeats
its header row on each page and takes its columns from the data (``{%tc for %}``). The page
header shows the plan's title (the school's name), the footer the page number.

Restyle the result in Word (Modify Style) rather than here, unless sip's own look changes.
The script is deterministic: running it again writes the same bytes.

Usage: python tools/build_docx_template.py [OUTPUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Row
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from sipcli.render.docx_render import stable_bytes

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "templates" / "docx" / "plan.docx"

FONT = "Calibri"
NAVY = RGBColor(0x1F, 0x38, 0x64)
BLUE = RGBColor(0x2E, 0x5C, 0x8A)
TEXT = RGBColor(0x26, 0x26, 0x26)
GREY = RGBColor(0x6E, 0x6E, 0x6E)
RULE = "2E5C8A"
#: The right edge of the text (US Letter less two 0.8-inch margins), in twentieths of a point.
TEXT_WIDTH = 9936
#: Where a title-page detail's value starts, in twentieths of a point (2.5 inches).
DETAIL_TAB = 3600
TABLE_STYLE = "Plan Table"
FOOTER_FILL = "DCE4EF"

#: The table style: light grid, a navy header row with white bold text, banded rows.
TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="PlanTable">
  <w:name w:val="{TABLE_STYLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblStyleRowBandSize w:val="1"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6B4C8"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/>
      <w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/>
      <w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="band2Horz">
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F5F9"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def main(argv: list[str]) -> int:
    """Build the template and write it to ``argv[0]`` (``templates/docx/plan.docx`` if none)."""
    output = Path(argv[0]) if argv else OUTPUT
    document = Document()
    _page_setup(document)
    _styles(document)
    _header_footer(document)
    _body(document)
    output.parent.mkdir(parents=True, exist_ok=True)
    data = stable_bytes(document)
    if output.exists() and output.read_bytes() == data:
        print(f"{output} is up to date")
    else:
        output.write_bytes(data)
        print(f"wrote {output}")
    return 0


def _page_setup(document: DocumentObject) -> None:
    """US Letter, portrait, narrow-ish margins so that wide tables fit; no title-page header."""
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(0.8))
    section.top_margin = section.bottom_margin = Inches(0.8)
    section.header_distance = section.footer_distance = Inches(0.4)
    section.different_first_page_header_footer = True
    properties = document.core_properties
    properties.title = ""
    properties.subject = "Sustainable Improvement Plan"
    properties.comments = ""
    properties.keywords = ""


def _styles(document: DocumentObject) -> None:
    """Set the fonts and colours of the styles the template uses; add the sip ones."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    _default_text_colour(document, TEXT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    looks = {
        "Title": (Pt(26), NAVY, Pt(0), Pt(4)),
        "Subtitle": (Pt(13), GREY, Pt(0), Pt(18)),
        "Heading 1": (Pt(17), NAVY, Pt(0), Pt(8)),
        "Heading 2": (Pt(13), BLUE, Pt(14), Pt(4)),
        "Heading 3": (Pt(11.5), BLUE, Pt(10), Pt(3)),
    }
    for name, (size, colour, before, after) in looks.items():
        style = styles[name]
        style.font.name = FONT
        style.font.size = size
        style.font.color.rgb = colour
        style.font.italic = False
        style.paragraph_format.space_before = before
        style.paragraph_format.space_after = after
    styles["Title"].font.bold = True
    styles["Title"].font.size = Pt(28)
    styles["Subtitle"].font.size = Pt(18)
    styles["Subtitle"].font.color.rgb = BLUE
    styles["Subtitle"].paragraph_format.space_after = Pt(10)
    # sip starts a long stage on a new page itself; a short one follows on below a rule.
    heading = styles["Heading 1"].paragraph_format
    heading.page_break_before = False
    heading.keep_with_next = True
    heading.space_before = Pt(20)
    _bottom_border(styles["Heading 1"].element, NAVY, 6, 2)
    for name in ("Heading 2", "Heading 3"):
        styles[name].paragraph_format.keep_with_next = True
    styles["List Bullet"].paragraph_format.space_after = Pt(3)
    _cover_styles(document)
    _contents_styles(document)
    _plan_styles(document)

    for name in ("Header", "Footer"):
        styles[name].font.name = FONT
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = GREY

    styles.element.append(parse_xml(TABLE_STYLE_XML))


def _plan_styles(document: DocumentObject) -> None:
    """Sip's own styles for a stage's parts: phase, labels, table text, spacer, note."""
    styles = document.styles
    normal = styles["Normal"]
    phase = styles.add_style("Plan Phase", WD_STYLE_TYPE.PARAGRAPH)
    phase.base_style = normal
    phase.font.italic = True
    phase.font.color.rgb = GREY
    phase.paragraph_format.space_after = Pt(10)
    # The heading keeps with the phase line; the phase line must keep with what follows, or
    # a heading and its phase can end a page alone.
    phase.paragraph_format.keep_with_next = True

    label = styles.add_style("Plan Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.paragraph_format.space_before = Pt(6)
    label.paragraph_format.space_after = Pt(3)
    label.paragraph_format.keep_with_next = True

    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    cell.font.size = Pt(9)
    cell.paragraph_format.space_before = Pt(0)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0

    spacer = styles.add_style("Table Spacer", WD_STYLE_TYPE.PARAGRAPH)
    spacer.base_style = normal
    spacer.font.size = Pt(6)
    spacer.paragraph_format.space_after = Pt(0)

    note = styles.add_style("Plan Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = Pt(9)
    note.font.italic = True
    note.font.color.rgb = GREY
    note.paragraph_format.space_before = Pt(18)


def _cover_styles(document: DocumentObject) -> None:
    """The title page's styles: logo, lines under the title, the rule, credits and details."""
    styles = document.styles
    normal = styles["Normal"]
    logo = styles.add_style("Cover Logo", WD_STYLE_TYPE.PARAGRAPH)
    logo.base_style = normal
    # Always there (empty without a logo): it sets the title block a third down the page.
    logo.paragraph_format.space_before = Pt(12)
    logo.paragraph_format.space_after = Pt(84)

    line = styles.add_style("Cover Line", WD_STYLE_TYPE.PARAGRAPH)
    line.base_style = normal
    line.font.size = Pt(13)
    line.font.color.rgb = GREY
    line.paragraph_format.space_after = Pt(2)

    rule = styles.add_style("Cover Rule", WD_STYLE_TYPE.PARAGRAPH)
    rule.base_style = normal
    rule.font.size = Pt(4)
    rule.paragraph_format.space_before = Pt(6)
    rule.paragraph_format.space_after = Pt(14)
    _bottom_border(rule.element, RGBColor.from_string(RULE), 18, 1)

    credit = styles.add_style("Cover Credit", WD_STYLE_TYPE.PARAGRAPH)
    credit.base_style = normal
    credit.font.size = Pt(11.5)
    credit.paragraph_format.space_after = Pt(4)

    detail = styles.add_style("Cover Detail", WD_STYLE_TYPE.PARAGRAPH)
    detail.base_style = normal
    detail.font.size = Pt(9.5)
    detail.font.color.rgb = GREY
    detail.paragraph_format.space_after = Pt(1)
    detail.paragraph_format.left_indent = Pt(DETAIL_TAB / 20)
    detail.paragraph_format.first_line_indent = -Pt(DETAIL_TAB / 20)
    detail.paragraph_format.tab_stops.add_tab_stop(Pt(DETAIL_TAB / 20))

    heading = styles.add_style("Cover Details Heading", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = normal
    heading.font.size = Pt(9.5)
    heading.font.bold = True
    heading.font.color.rgb = NAVY
    heading.paragraph_format.space_before = Pt(40)
    heading.paragraph_format.space_after = Pt(4)
    heading.paragraph_format.keep_with_next = True


def _contents_styles(document: DocumentObject) -> None:
    """Word's own "TOC Heading" and "toc 1" styles, so Word treats them as its contents'."""
    styles = document.styles
    # python-docx's default template has TOC Heading (on Heading 1, outside the outline).
    heading = styles["TOC Heading"]
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_before = Pt(0)
    heading.paragraph_format.space_after = Pt(14)
    entry = styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    # Word's built-in names and id: Word then offers it as its own "TOC 1".
    entry.element.set(qn("w:styleId"), "TOC1")
    del entry.element.attrib[qn("w:customStyle")]
    entry.base_style = styles["Normal"]
    entry.font.size = Pt(11)
    entry.paragraph_format.space_before = Pt(0)
    entry.paragraph_format.space_after = Pt(5)
    entry.paragraph_format.tab_stops.add_tab_stop(
        Pt(TEXT_WIDTH / 20), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )


def _bottom_border(style: BaseOxmlElement, colour: RGBColor, size: int, space: int) -> None:
    """Give a paragraph style a line under it (``size`` in eighths of a point)."""
    properties = style.get_or_add_pPr()
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{size}" w:space="{space}" '
        f'w:color="{colour}"/></w:pBdr>'
    )
    # The schema's order: pBdr comes after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers.
    later = (
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
    following = next((child for child in properties if child.tag.split("}")[1] in later), None)
    if following is None:
        properties.append(border)
    else:
        following.addprevious(border)


def _default_text_colour(document: DocumentObject, colour: RGBColor) -> None:
    """Set the text colour in the document defaults rather than on Normal.

    The defaults come below a table style in Word's order of precedence, a paragraph style
    above it: a colour set on Normal would hide the table style's white header-row text.
    """
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if properties is None:
        raise SystemExit("python-docx's default template has no run defaults")
    # w:color comes after w:rFonts and before w:sz in a run's properties.
    properties.insert(1, parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))


def _header_footer(document: DocumentObject) -> None:
    """The page header shows the plan's title (with the school's name); the footer, the page."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "{{ view.title }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Append a simple Word field (PAGE, NUMPAGES) to ``paragraph``."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _tag(document: DocumentObject, tag: str) -> None:
    """Add a paragraph holding only a docxtpl paragraph tag: ``{%p ... %}``."""
    document.add_paragraph(f"{{%p {tag} %}}")


def _labelled(document: DocumentObject, style: str, label: str, value: str) -> None:
    """Add a paragraph with a bold (Strong) label followed by a value."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(label, style="Strong")
    paragraph.add_run(" " + value)


def _body(document: DocumentObject) -> None:
    """Lay the plan out in the order of ``plan.md.j2``, after a title page and the contents."""
    _title_page(document)
    _tag(document, "if view.sections")
    document.add_paragraph("Contents", style="TOC Heading")
    _tag(document, "endif")
    _tag(document, "for section in view.sections")
    document.add_paragraph("{{ section.title }}", style="toc 1")
    _tag(document, "endfor")

    _tag(document, "for section in view.sections")
    document.add_paragraph("{{ section.title }}", style="Heading 1")
    _tag(document, "if section.phase")
    document.add_paragraph("{{ section.phase }}", style="Plan Phase")
    _tag(document, "endif")
    _tag(document, "for entry in section.paragraphs")
    _labelled(document, "Normal", "{{ entry.label }}.", "{{ entry.value }}")
    _tag(document, "endfor")
    _tag(document, "for label, lines in section.lists")
    document.add_paragraph(style="Plan Label").add_run("{{ label }}", style="Strong")
    _tag(document, "for line in lines")
    document.add_paragraph("{{ line }}", style="List Bullet")
    _tag(document, "endfor")
    _tag(document, "endfor")
    _tag(document, "for label, table in section.tables")
    document.add_paragraph("{{ label }}", style="Heading 2")
    _table(document)
    _tag(document, "endfor")
    _tag(document, "for item in section.items")
    _item(document, "item", "Heading 2")
    _tag(document, "for child in item.children")
    _item(document, "child", "Heading 3")
    _tag(document, "endfor")
    _tag(document, "endfor")
    _tag(document, "endfor")


def _title_page(document: DocumentObject) -> None:
    """The title page: logo (sip puts it in), title block, rule, credits, the other details."""
    document.add_paragraph(style="Cover Logo")
    document.add_paragraph("{{ view.cover.school or view.title }}", style="Title")
    document.add_paragraph("{{ view.cover.plan_name or view.subtitle }}", style="Subtitle")
    _tag(document, "for line in view.cover.lines")
    document.add_paragraph("{{ line }}", style="Cover Line")
    _tag(document, "endfor")
    document.add_paragraph(style="Cover Rule")
    _tag(document, "for line in view.cover.credits")
    document.add_paragraph("{{ line }}", style="Cover Credit")
    _tag(document, "endfor")
    _tag(document, "if view.cover.details")
    document.add_paragraph("About this plan", style="Cover Details Heading")
    _tag(document, "endif")
    _tag(document, "for entry in view.cover.details")
    detail = document.add_paragraph(style="Cover Detail")
    detail.add_run("{{ entry.label }}", style="Strong")
    detail.add_run("\t{{ entry.value }}")
    _tag(document, "endfor")
    document.add_paragraph(
        "Rendered by {{ view.generator }} from the plan's YAML file.", style="Plan Note"
    )


def _item(document: DocumentObject, name: str, heading: str) -> None:
    """Add an item (objective, goal, initiative, ...): title, body, details and tables."""
    document.add_paragraph(f"{{{{ {name}.title }}}}", style=heading)
    _tag(document, f"if {name}.body")
    document.add_paragraph(f"{{{{ {name}.body }}}}")
    _tag(document, "endif")
    _tag(document, f"for entry in {name}.details")
    _labelled(document, "List Bullet", "{{ entry.label }}:", "{{ entry.value }}")
    _tag(document, "endfor")
    _tag(document, f"for table in {name}.tables")
    _table(document)
    _tag(document, "endfor")


def _table(document: DocumentObject) -> None:
    """Add the table of ``table``: header row, body rows, optional footer row; then a spacer.

    Each row's cells come from a ``{%tc for %}`` loop, so one template table serves tables of
    any width; docxtpl shares the table's width out among the columns it ends up with.
    """
    table = document.add_table(rows=7, cols=3)
    table.style = document.styles[TABLE_STYLE]
    _table_properties(table)
    rows = table.rows
    _cells(rows[0].cells, "for header in table.headers", "{{ header }}")
    _repeat_header(rows[0]._tr)
    _row_tag(rows[1].cells[0], "for row in table.rows")
    _cells(rows[2].cells, "for value in row.cells", "{{ value }}")
    _row_tag(rows[3].cells[0], "endfor")
    _row_tag(rows[4].cells[0], "if table.footer")
    _cells(rows[5].cells, "for value in table.footer.cells", "{{ value }}", footer=True)
    _row_tag(rows[6].cells[0], "endif")
    document.add_paragraph(style="Table Spacer")


def _table_properties(table: Table) -> None:
    """Full text width; header row and banding from the style; no fixed cell widths."""
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        properties.remove(look)
    properties.append(
        parse_xml(
            f'<w:tblLook {nsdecls("w")} w:val="0420" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        )
    )
    for cell in table._tbl.iter(qn("w:tc")):
        cell_properties = cell.find(qn("w:tcPr"))
        if cell_properties is not None:
            for cell_width in cell_properties.findall(qn("w:tcW")):
                cell_properties.remove(cell_width)


def _cells(cells: tuple[_Cell, ...], loop: str, value: str, *, footer: bool = False) -> None:
    """Fill a row's three cells: ``{%tc for %}``, the repeated cell, ``{%tc endfor %}``."""
    first, middle, last = cells
    _cell_text(first, f"{{%tc {loop} %}}")
    paragraph = _cell_text(middle, "")
    paragraph.add_run(value, style="Strong" if footer else None)
    if footer:
        shading = parse_xml(
            f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{FOOTER_FILL}"/>'
        )
        middle._tc.get_or_add_tcPr().append(shading)
    _cell_text(last, "{%tc endfor %}")


def _row_tag(cell: _Cell, tag: str) -> None:
    """Put a docxtpl row tag ``{%tr ... %}`` in the row's first cell."""
    _cell_text(cell, f"{{%tr {tag} %}}")


def _cell_text(cell: _Cell, text: str) -> Paragraph:
    """Set the cell's only paragraph to ``text`` in the Table Text style and return it."""
    paragraph: Paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    if text:
        paragraph.add_run(text)
    return paragraph


def _repeat_header(row: CT_Row) -> None:
    """Mark the row as a header row, repeated at the top of each page the table spans."""
    properties = row.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
