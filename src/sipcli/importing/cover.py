"""A document's title page: its cover lines (school, district, plan type) and its submissions."""

from __future__ import annotations

import re

from sipcli.importing.blocks import Block, Heading, Paragraph
from sipcli.importing.placed import Item, Placement, Value
from sipcli.importing.values import SCHOOL_YEAR, choice, long_date, when_text
from sipcli.importing.wording import contains, import_map, match_section, normalise
from sipcli.model.kinds import DEFAULT_KIND, plan_kinds
from sipcli.model.labels import label_table


def read_cover(blocks: tuple[Block, ...], placement: Placement) -> set[int]:
    """Read a cover page: the first heading, when a line below it names the plan.

    Returns the indexes of the blocks read (the school's name, the district's, the plan
    type); the cover's other lines are read as any paragraph is.
    """
    if not blocks or not isinstance(blocks[0], Heading) or match_section(blocks[0].text):
        return set()
    lines: list[tuple[int, Paragraph]] = []
    for index, block in enumerate(blocks[1:], start=1):
        if not isinstance(block, Paragraph):
            break
        lines.append((index, block))
    map_ = import_map()
    written = [normalise(line.text) for _, line in lines]
    if not any(contains(line, title) for line in written for title in map_.cover_titles):
        return set()
    title = blocks[0]
    how = "read from the cover page's title"
    placement.texts.setdefault(("school", "name"), []).append(Value(title.text, title.origin, how))
    read = {0}
    for index, line in lines:
        words = normalise(line.text)
        kind = next((k for k, f in plan_kinds().items() if normalise(f.title) == words), None)
        if kind is not None and kind != DEFAULT_KIND and placement.kind is None:
            # "School Improvement Plan": the title only one kind of plan is printed with
            placement.kind = Value(kind, line.origin, "chosen from the cover page's title in")
            read.add(index)
        elif any(words.endswith(f" {end}") for end in map_.cover_districts):
            if ("school", "district") not in placement.texts:
                value = Value(line.text.strip(), line.origin, "read from the cover page's line")
                placement.texts[("school", "district")] = [value]
                read.add(index)
        elif "\u00b7" in line.text and _cover_type_line(line, placement):
            read.add(index)
    return read


def _cover_type_line(line: Paragraph, placement: Placement) -> bool:
    """A cover line "SY2026-27 · Initial plan": True when every part reads (year, type)."""
    for part in line.text.split("\u00b7"):
        code = choice(part, "plan_type")
        if code is not None:
            if ("plan", "type") not in placement.texts:
                how = "read from the cover page's line"
                placement.texts[("plan", "type")] = [Value(code, line.origin, how)]
        elif not SCHOOL_YEAR.fullmatch(part.strip()):
            return False
    return True


def read_submission(block: Paragraph, placement: Placement) -> bool:
    """A title page's "Submitted to the school committee October 13, 2026 (Final plan)".

    "Submitted to DESE" with a date alone is the plan's date shared with DESE (``shared``),
    read as a label; with what was submitted in parentheses it is a submission.
    """
    text = block.text.strip()
    for code, words in label_table("submitted_to").items():
        if not text.startswith(f"{words} "):
            continue
        rest = re.fullmatch(r"(.+?)(?:\s+\((.+)\))?", text[len(words) + 1 :].strip())
        if rest is None or (code == "dese" and rest.group(2) is None):
            return False
        when = long_date(rest.group(1)) or when_text(rest.group(1), placement.school_year)
        if when is None:
            return False
        item = Item("submission", block.origin)
        item.fields["to"] = Value(code, block.origin)
        item.fields["date"] = Value(when, block.origin)
        if rest.group(2):
            item.fields["what"] = Value(rest.group(2), block.origin)
        placement.items.setdefault(("plan", "submissions"), []).append(item)
        return True
    return False
