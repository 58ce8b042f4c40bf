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
    named = any(contains(line, title) for line in written for title in map_.cover_titles)
    if not named and not _own_title(lines):
        return set()
    title = blocks[0]
    how = "read from the cover page's title"
    placement.texts.setdefault(("school", "name"), []).append(Value(title.text, title.origin, how))
    read = {0} | {index for index, line in lines if _cover_line(line, placement)}
    read |= _title_line(lines, placement)
    return read


def _cover_line(line: Paragraph, placement: Placement) -> bool:
    """Read one line under the cover's title (the kind, the district, the plan type).

    Returns whether the line was read.
    """
    words = normalise(line.text)
    kind = next((k for k, f in plan_kinds().items() if normalise(f.title) == words), None)
    if kind == DEFAULT_KIND:
        # The default needs no line in the draft, but no heading may change it either.
        placement.kind_on_cover = True
        return False
    if kind is not None:
        if placement.kind is not None:
            return False
        # "School Improvement Plan": the title only one kind of plan is printed with
        placement.kind = Value(kind, line.origin, "chosen from the cover page's title in")
        placement.kind_on_cover = True
        return True
    if any(words.endswith(f" {end}") for end in import_map().cover_districts):
        if ("school", "district") in placement.texts:
            return False
        value = Value(line.text.strip(), line.origin, "read from the cover page's line")
        placement.texts[("school", "district")] = [value]
        return True
    return "\u00b7" in line.text and _cover_type_line(line, placement)


def _title_line(lines: list[tuple[int, Paragraph]], placement: Placement) -> set[int]:
    """The plan's own title ("Cobble Lane Renewal Plan"), where it stands for its kind's."""
    if not _own_title(lines):
        return set()
    index, line = lines[0]
    if any(normalise(f.title) == normalise(line.text) for f in plan_kinds().values()):
        return set()  # the kind's usual title: the plan has none of its own
    how = "read from the cover page's line"
    placement.texts[("plan", "title")] = [Value(line.text.strip(), line.origin, how)]
    return {index}


def _own_title(lines: list[tuple[int, Paragraph]]) -> bool:
    """True when the cover's first line is the plan's title: sip's year line follows it.

    sip's cover writes the school's name, the plan's title, then "SY2026-27 · Initial plan"
    (or the school year alone).
    """
    if len(lines) < 2:
        return False
    parts = lines[1][1].text.split("\u00b7")
    return bool(SCHOOL_YEAR.fullmatch(parts[0].strip())) and all(
        choice(part, "plan_type") is not None for part in parts[1:]
    )


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
    if _cover_detail(text, block, placement):
        return True
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
        # a turnaround plan's "Local Stakeholder Group" is its stakeholder group
        to = "stakeholder_group" if code == "local_stakeholder_group" else code
        item.fields["to"] = Value(to, block.origin)
        item.fields["date"] = Value(when, block.origin)
        if rest.group(2):
            item.fields["what"] = Value(rest.group(2), block.origin)
        placement.items.setdefault(("plan", "submissions"), []).append(item)
        return True
    return False


def _cover_detail(text: str, block: Paragraph, placement: Placement) -> bool:
    """A title page's "Kind of plan: Sustainable Improvement Plan" or "Eligible to exit ... SY2028-29".

    The kind is named where the plan's own title stands in for its kind's; the exit year is
    worded by the plan's kind (``exit_eligibility`` in data/labels.yaml).
    """
    if normalise(text).startswith("kind of plan "):
        words = normalise(text)[len("kind of plan ") :]
        kind = next((k for k, f in plan_kinds().items() if normalise(f.title) == words), None)
        if kind is not None and placement.kind is None:
            placement.kind = Value(kind, block.origin, "read from")
        return kind is not None
    for words in label_table("exit_eligibility").values():
        year = text[len(words) :].strip() if text.startswith(words) else ""
        if year and SCHOOL_YEAR.fullmatch(year):
            value = Value(year, block.origin)
            placement.texts.setdefault(("plan", "exit_eligibility_year"), [value])
            return True
    return False
