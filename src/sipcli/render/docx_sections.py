"""Sections of a Word document: their text width, and landscape sections for wide tables.

A Word section's page setup (``w:sectPr``) sits in the last paragraph of the section, or, for
the last section, at the end of the body. Putting part of a section on landscape pages means
splitting it twice: before the part and after it. The part before keeps the section's start
(its different first page, its page numbering's restart), the parts after continue it; every
part keeps the section's header and footer references, so the running header and the page
numbers carry on across the landscape pages.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_P, _PPR, _SECTPR = qn("w:p"), qn("w:pPr"), qn("w:sectPr")
#: What only a section's first part may carry: a different first page, where its page
#: numbers restart, and how it starts (a new page is the default every later part wants).
_START_ONLY = (qn("w:titlePg"), qn("w:type"))
#: The elements a paragraph's properties may hold after ``w:sectPr`` (ECMA-376 17.3.1.26).
_AFTER_SECTPR = (qn("w:pPrChange"),)
#: A US Letter page and inch margins: what a section without a page setup is laid out on.
_DEFAULT_WIDTH, _DEFAULT_MARGIN = 12240, 1440


def governing(element: BaseOxmlElement) -> BaseOxmlElement | None:
    """Return the page setup of the section that ``element`` (a body child) is in."""
    nodes: list[BaseOxmlElement] = [element, *element.itersiblings()]
    for node in nodes:
        if node.tag == _P and (found := _paragraph_section(node)) is not None:
            return found
        if node.tag == _SECTPR:
            return node
    return None


def sections_of(body: BaseOxmlElement) -> dict[BaseOxmlElement, BaseOxmlElement | None]:
    """Return the page setup of the section each of the body's children is in."""
    found: dict[BaseOxmlElement, BaseOxmlElement | None] = {}
    current: BaseOxmlElement | None = None
    children: list[BaseOxmlElement] = list(body)
    for child in reversed(children):
        if child.tag == _SECTPR:
            current = child
        elif child.tag == _P and (own := _paragraph_section(child)) is not None:
            current = own
        found[child] = current
    return found


def text_width(section: BaseOxmlElement | None) -> int:
    """Return the width between a section's margins, in twips."""
    if section is None:
        return _DEFAULT_WIDTH - 2 * _DEFAULT_MARGIN
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    width = _twips(size, "w", _DEFAULT_WIDTH)
    left = _twips(margins, "left", _DEFAULT_MARGIN)
    right = _twips(margins, "right", _DEFAULT_MARGIN)
    return width - left - right - _twips(margins, "gutter", 0)


def is_portrait(section: BaseOxmlElement | None) -> bool:
    """True when a section's pages are taller than they are wide."""
    size = section.find(qn("w:pgSz")) if section is not None else None
    return size is None or _twips(size, "w", 0) <= _twips(size, "h", 0)


def landscape(first: BaseOxmlElement, last: BaseOxmlElement) -> None:
    """Put the body children from ``first`` to ``last`` on landscape pages.

    The section they are in is split before ``first`` and after ``last`` (unless they start
    or end it); the part between turns its page a quarter turn, margins kept.
    """
    section = governing(last)
    if section is None:
        return
    before = first.getprevious()
    if before is not None and governing(before) is section:
        if before.tag != _P:
            before = OxmlElement("w:p")
            first.addprevious(before)
        _split_after(before, section)
    after = _end_of_part(last)
    _turn(section if after is None else _split_after(after, section))


def _end_of_part(last: BaseOxmlElement) -> BaseOxmlElement | None:
    """Return the paragraph that ends the landscape part: the one right after ``last``.

    None when the section has nothing after ``last`` but empty paragraphs: a part of its
    own for them would be an empty page.
    """
    following: BaseOxmlElement | None = last.getnext()
    if following is None or following.tag == _SECTPR:
        return None
    if following.tag == _P and _paragraph_section(following) is not None:
        return None
    tail: list[BaseOxmlElement] = []
    for node in (following, *following.itersiblings()):
        if node.tag == _SECTPR:
            break
        tail.append(node)
        if _paragraph_section(node) is not None:
            break
    if all(node.tag == _P and _is_empty(node) for node in tail):
        return None
    if following.tag == _P:
        return following
    spacer = OxmlElement("w:p")
    last.addnext(spacer)
    return spacer


def _split_after(paragraph: BaseOxmlElement, section: BaseOxmlElement) -> BaseOxmlElement:
    """End a section's first part at ``paragraph``; return the first part's page setup.

    The first part takes a copy of the whole setup; the rest keeps the original without
    what only a section's start carries, and with its page numbers running on.
    """
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    copied = copy.deepcopy(section)
    later = [properties.find(tag) for tag in _AFTER_SECTPR]
    following = next((element for element in later if element is not None), None)
    if following is None:
        properties.append(copied)
    else:
        following.addprevious(copied)
    for tag in _START_ONLY:
        for element in section.findall(tag):
            section.remove(element)
    numbers = section.find(qn("w:pgNumType"))
    if numbers is not None and numbers.get(qn("w:start")) is not None:
        del numbers.attrib[qn("w:start")]
    return copied


def _turn(section: BaseOxmlElement) -> None:
    """Give a section landscape pages: the page's width and height swap."""
    size = section.find(qn("w:pgSz"))
    if size is None or not is_portrait(section):
        return
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    if width is None or height is None:
        return
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")


def _paragraph_section(paragraph: BaseOxmlElement) -> BaseOxmlElement | None:
    properties = paragraph.find(_PPR)
    return properties.find(_SECTPR) if properties is not None else None


def _is_empty(paragraph: BaseOxmlElement) -> bool:
    """True for a paragraph that shows nothing: no text, no picture."""
    if text_of(paragraph).strip():
        return False
    return (
        paragraph.find(f".//{qn('w:drawing')}") is None
        and paragraph.find(f".//{qn('w:pict')}") is None
    )


def text_of(paragraph: BaseOxmlElement) -> str:
    """Return the text of a paragraph or run (lxml's ``itertext`` repeats it on python-docx's elements)."""
    return "".join(text.text or "" for text in paragraph.iter(qn("w:t")))


def _twips(element: BaseOxmlElement | None, name: str, default: int) -> int:
    value = element.get(qn(f"w:{name}")) if element is not None else None
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
