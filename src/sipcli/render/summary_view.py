"""The one-page family summary's view: the vision, the focus, each goal and where it stands.

Built from the `Plan` and `sipcli.monitor.progress` (statuses at the as-of date), in the
plain words of ``data/summary_words.yaml``: no ids, no codes, no unexplained abbreviations.
Every text has a length limit so that the page stays one page; `summary_text.shorten` cuts.

Choices a reader may ask about: the focus is the plan's strategic objectives in the plan's
order (its first five: a plan lists them as it ranks them; its key strategies when it has
no objectives); goals are shown in the plan's order, at most six, and the page says how many
more the full plan has.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace

from sipcli.model import Plan
from sipcli.model.goals import Goal, Target
from sipcli.model.reference import Reference
from sipcli.monitor.progress import STATUSES, Progress, StatusScale, Thresholds, plan_progress
from sipcli.periods import When
from sipcli.render.formatting import long_date, number, written_day
from sipcli.render.summary_text import (
    Plainer,
    month_year,
    school_years,
    shorten,
    words,
)
from sipcli.render.viewmodel import Entry

#: Most focus items and goals the page shows (fewer when `_fit` needs the room).
MAX_FOCUS = 5
MAX_GOALS = 6
#: Most characters of each text.
VISION_LIMIT = 300
SHORT_VISION_LIMIT = 160
FOCUS_LIMIT = 150
FAMILY_LIMIT = 230
#: Most upcoming public meetings listed.
MAX_EVENTS = 3
#: The page, in lines of body text (letter paper, the Word template's margins and sizes):
#: what one page holds with a margin to spare, the title block, a heading with its spacing,
#: the small print (the as-of date, the legend, "the full plan has ..."), characters a line.
#: Measured with LibreOffice: the estimate runs about three lines short of the printed page,
#: which holds about 51; 47 leaves room for Word's own line breaking.
PAGE_LINES = 47
TOP_LINES = 6.5
HEADING_LINES = 2.2
SMALL_PRINT_LINES = 3
LINE_CHARACTERS = 100
TITLE_CHARACTERS = 38


@dataclass(frozen=True)
class GoalSummary:
    """One goal in plain words, with where it stands."""

    text: str
    status: str
    """The status in a parent's word ("On track", "Not yet measured")."""
    standing: str
    """The latest result or when the first is due, in a sentence; may be empty."""
    checks: str
    """How this year's checks stand ("3 on track, 1 need attention"); may be empty."""


@dataclass(frozen=True)
class SummaryView:
    """The whole family summary, ready for any format."""

    title: str
    subtitle: str
    as_of: str
    """When the goals' statuses were judged: "As of December 15, 2026"."""
    intro: str
    headings: dict[str, str]
    vision: str
    focus: tuple[str, ...]
    more_focus: str
    goals: tuple[GoalSummary, ...]
    more_goals: str
    legend: tuple[Entry, ...]
    families: tuple[str, ...]
    generator: str = "sip"


def build_summary_view(
    plan: Plan,
    as_of: dt.date,
    reference: Reference,
    thresholds: Thresholds | StatusScale | None = None,
) -> SummaryView:
    """Return the family summary of ``plan`` with each goal's status at ``as_of``.

    Statuses are judged by ``thresholds`` (the school's own scale, as in the progress report)
    and named in the summary's plain words. Everything the plan offers is gathered first;
    `_fit` then cuts what one page cannot hold.
    """
    plain = Plainer()
    items = plan_progress(plan, "", as_of, reference, thresholds or Thresholds()).items
    vision = plan.vision
    summary = plan.executive_summary
    focus = _focus(plan)
    goals = list(plan.goals or [])
    year = school_years(plan.plan.school_year or "").removeprefix("the ")
    subtitle = " · ".join(part for part in (plan.school.district, _capital(year)) if part)
    draft = _Draft(
        top=_top(plan.school.name, subtitle),
        vision=plain(
            (vision.statement if vision else None) or (summary.vision if summary else None),
            VISION_LIMIT,
        ),
        focus=[plain(text, FOCUS_LIMIT) for text in focus[:MAX_FOCUS]],
        goals=[(goal, _goal(goal, items, plan, plain)) for goal in goals],
        families=_families(plan, plain),
        events=_public_events(plan, as_of, plain),
        contact=(
            f"Questions? Contact the principal, {plan.school.principal}."
            if plan.school.principal
            else ""
        ),
    )
    _fit(draft)
    shown = [goal for goal, _ in draft.goals]
    families = [*draft.families, *draft.events, draft.contact]
    return SummaryView(
        title=plan.school.name,
        subtitle=subtitle,
        as_of=f"As of {written_day(as_of)}.",
        intro=str(words()["intro"]).strip(),
        headings={str(key): str(value) for key, value in words()["headings"].items()},
        vision=draft.vision,
        focus=tuple(draft.focus),
        more_focus=_more(len(focus) - len(draft.focus), "area of work", "areas of work"),
        goals=tuple(summary for _, summary in draft.goals),
        more_goals=_more(len(goals) - len(shown), "goal", "goals"),
        legend=_legend(items, shown),
        families=tuple(line for line in families if line)
        or (" ".join(str(words()["no_family_text"]).split()),),
    )


@dataclass
class _Draft:
    """Everything the summary could show, before `_fit` cuts it to one page."""

    top: float
    vision: str
    focus: list[str]
    goals: list[tuple[Goal, GoalSummary]]
    families: list[str]
    events: list[str]
    contact: str


def _lines(text: str, width: int = LINE_CHARACTERS) -> int:
    """About how many printed lines a text takes."""
    return -(-len(text) // width) if text else 0


def _height(draft: _Draft) -> float:
    """About how many lines of body text the page takes, headings and spacing counted."""
    goals = sum(
        _lines(f"{summary.status}: {summary.text}")
        + _lines(" ".join(part for part in (summary.standing, summary.checks) if part))
        for _, summary in draft.goals
    )
    lines = [*draft.focus, *draft.families, *draft.events, draft.contact]
    return (
        draft.top
        + HEADING_LINES * (3 + bool(draft.vision))
        + _lines(draft.vision)
        + goals
        + sum(_lines(line) for line in lines)
        + SMALL_PRINT_LINES
    )


def _top(title: str, subtitle: str) -> float:
    """The lines the title block takes: a long school name wraps in the title's large type."""
    extra = (_lines(title, TITLE_CHARACTERS) - 1) * 2.5 + (_lines(subtitle, 60) - 1) * 1.6
    return TOP_LINES + extra


def _fit(draft: _Draft) -> None:
    """Cut the draft until it fits one page: the least needed first, goals last.

    In order: public meetings beyond the next one, a fifth focus item, the school's routine
    updates (its public reporting says much the same and stays, as does the contact line),
    each goal's count of checks, how families shaped the plan, a fourth focus item, goals
    beyond three (the lowest in priority first; never more than six), and last the
    vision's later sentences.
    """
    while _height(draft) > PAGE_LINES and len(draft.events) > 1:
        draft.events.pop()
    while _height(draft) > PAGE_LINES and len(draft.focus) > 4:
        draft.focus.pop()
    if _height(draft) > PAGE_LINES and len(draft.families) > 1:
        draft.families.pop(-2)
    if _height(draft) > PAGE_LINES:
        draft.goals = [(goal, replace(summary, checks="")) for goal, summary in draft.goals]
    if _height(draft) > PAGE_LINES and len(draft.families) > 1:
        draft.families.pop(-2)
    while _height(draft) > PAGE_LINES and len(draft.focus) > 3:
        draft.focus.pop()
    while len(draft.goals) > MAX_GOALS or (_height(draft) > PAGE_LINES and len(draft.goals) > 3):
        del draft.goals[_least_needed(draft.goals)]
    if _height(draft) > PAGE_LINES:
        draft.vision = shorten(draft.vision, SHORT_VISION_LIMIT)


def _least_needed(goals: list[tuple[Goal, GoalSummary]]) -> int:
    """The goal to drop first: the lowest in priority (unranked ones first), then the last."""
    ranks = [
        (goal.priority if goal.priority is not None else sys.maxsize, index)
        for index, (goal, _) in enumerate(goals)
    ]
    return max(ranks)[1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _more(count: int, one: str, many: str) -> str:
    """The line under a cut list: "The full plan has 2 more goals."."""
    if count <= 0:
        return ""
    return f"The full plan has {count} more {one if count == 1 else many}."


def _focus(plan: Plan) -> list[str]:
    """The things the school is working on: its objectives, else its key strategies."""
    objectives = [objective.title for objective in plan.strategic_objectives or []]
    if objectives:
        return objectives
    summary = plan.executive_summary
    return [strategy.text for strategy in (summary.key_strategies if summary else None) or []]


def _goal(goal: Goal, items: list[Progress], plan: Plan, plain: Plainer) -> GoalSummary:
    """A goal in plain words, its status in a parent's word, and its checks so far."""
    progress = next((item for item in items if item.kind == "goal" and item.id == goal.id), None)
    status = progress.status if progress else "no data"
    benchmark_ids = {benchmark.id for benchmark in goal.benchmarks or []}
    checks = [item for item in items if item.kind == "benchmark" and item.id in benchmark_ids]
    return GoalSummary(
        text=_goal_text(goal, plan, plain),
        status=str(words()["statuses"][status]["word"]),
        standing=_standing(progress, goal),
        checks=_checks(checks),
    )


def _goal_text(goal: Goal, plan: Plan, plain: Plainer) -> str:
    """The goal as a sentence built from its measure, or its own statement made plain.

    "Raise the share of students in grades 3-5 meeting grade-level expectations in reading
    and writing on the state MCAS tests, from 24% in spring 2025 to 30% in spring 2027."
    """
    metric = words()["metrics"].get(goal.metric or "")
    if metric is None or goal.baseline is None or goal.target is None:
        # A statement that is all ids and codes leaves nothing: then say whom the goal is for.
        return plain(goal.statement, FOCUS_LIMIT) or f"A goal for {_who(goal, plan)}."
    subject = str(words()["subjects"].get(goal.subject or "", ""))
    phrase = str(metric["phrase"]).format(
        who=_who(goal, plan), subject=f" in {subject}" if subject else ""
    )
    verb = {"increase": "Raise", "decrease": "Lower", "maintain": "Keep"}.get(
        goal.direction or "", "Change"
    )
    start = _figure(goal.baseline.value, goal.unit)
    end = _figure(goal.target.value, goal.unit)
    since = _at(school_years(goal.baseline.period))
    if goal.direction == "maintain":
        return f"{verb} {phrase} at {end} or better, {_by(goal.target)} (it was {start} {since})."
    return f"{verb} {phrase}, from {start} {since} to {end} {_by(goal.target)}."


def _at(period: str) -> str:
    """A period after its preposition: "in spring 2025", "for the class of 2025", "at the end of ..."."""
    first = period.split(" ", 1)[0].lower()
    if first == "class":
        return f"for the {period}"
    if first in {"end", "start", "beginning", "middle"}:
        return f"at the {period}"
    return f"in {period}"


def _who(goal: Goal, plan: Plan) -> str:
    """The students a goal counts, mid-sentence: "English learners in grades 6-8".

    A group the plan defines reads as the DESE groups it combines, else as its own label.
    """
    groups = words()["groups"]
    group = goal.student_group or "all"
    who = str(groups.get(group, ""))
    local = next((item for item in plan.student_groups or [] if item.id == group), None)
    if local is not None:
        combined = [str(groups[name]) for name in local.combines or [] if name in groups]
        who = _listed(combined) or f"students in the group {local.label.split(' (')[0]}"
    grades = _grades(goal.grades)
    who = who or "students"
    return f"{who} in {grades}" if grades else who


def _grades(grades: list[str] | None) -> str:
    """Grades as words: "grade 10", "grades 3-5", "kindergarten to grade 2", "grades 6 and 8"."""
    if not grades:
        return ""
    order = ["PK", "K", *[str(number) for number in range(1, 13)]]
    known = sorted((grade for grade in grades if grade in order), key=order.index)
    if len(known) != len(grades):
        return "grades " + ", ".join(grades)
    first, last = known[0], known[-1]
    names = {"PK": "pre-kindergarten", "K": "kindergarten"}
    if len(known) == 1:
        return names.get(first, f"grade {first}")
    if order.index(last) - order.index(first) + 1 == len(known):
        if first in names:
            return f"{names[first]} to grade {last}"
        return f"grades {first}-{last}"
    return "grades " + ", ".join(known[:-1]) + f" and {known[-1]}"


def _figure(value: float, unit: str | None) -> str:
    """A figure in its unit, as the word list writes it: "24%", "40 days", "45 (on a scale ...)"."""
    pattern = str(words()["units"].get(unit or "", "{value}"))
    return pattern.format(value=number(value))


def _by(target: Target) -> str:
    """When the target is to be reached: "in spring 2027", "by June 2027"."""
    if target.period:
        return _at(school_years(target.period))
    when = target.by
    if isinstance(when, When) and when.is_period:
        label = str(when)
        if when.kind == "assessment":
            # "spring 2029 MCAS": the season is what a parent needs; the test is named already.
            label = " ".join(label.split(" ")[:2])
        return f"by {school_years(label)}"
    return f"by {month_year(when)}"


def _standing(progress: Progress | None, goal: Goal) -> str:
    """The latest result, or when the first result is due, in a sentence."""
    if progress is None:
        return ""
    latest = progress.latest
    if progress.status != "no data" and latest is not None and latest.actual is not None:
        when = latest.period or (
            str(latest.date)
            if isinstance(latest.date, When) and latest.date.is_period
            else month_year(latest.date)
        )
        return f"Latest result: {_figure(latest.actual, goal.unit)} in {school_years(when)}."
    if progress.due is not None:
        return f"Next result expected by {month_year(progress.due)}."
    return ""


def _checks(checks: list[Progress]) -> str:
    """How the year's checks on a goal stand; checks not yet due are not counted."""
    names = words()["check_words"]
    counts = [
        (sum(1 for item in checks if item.status == status), names[status])
        for status in STATUSES
        if status != "no data"
    ]
    parts = [f"{count} {name[0] if count == 1 else name[1]}" for count, name in counts if count]
    if not parts:
        return ""
    return "Checks this year: " + ", ".join(parts) + "."


def _legend(items: list[Progress], goals: list[Goal]) -> tuple[Entry, ...]:
    """What each status word on the page means, best first."""
    ids = {goal.id for goal in goals}
    used = {item.status for item in items if item.kind == "goal" and item.id in ids}
    used |= {"no data"} if len(used) < len(ids) else set()
    statuses = words()["statuses"]
    return tuple(
        Entry(str(statuses[status]["word"]), str(statuses[status]["meaning"]))
        for status in STATUSES
        if status in used
    )


def _families(plan: Plan, plain: Plainer) -> list[str]:
    """How families took part and how the school reports to them, from what the plan says."""
    lines: list[str] = []
    engagement = plan.stakeholder_engagement
    for group in (engagement.groups if engagement else None) or []:
        if group.group == "families" and (group.methods or group.participants):
            lines.append(plain(_helped(group.participants, group.methods), FAMILY_LIMIT))
            break
    implementation = plan.implementation
    ongoing = (engagement.ongoing_communication if engagement else None) or (
        implementation.stakeholder_communication if implementation else None
    )
    monitoring = plan.monitoring
    lines.append(plain(ongoing, FAMILY_LIMIT))
    lines.append(plain(monitoring.public_reporting if monitoring else None, FAMILY_LIMIT))
    return [line for line in lines if line]


def _helped(participants: int | None, methods: list[str] | None) -> str:
    """How families shaped the plan: "187 family members took part (a survey and two forums)"."""
    # Mid-sentence, "Evening family forum" reads "evening family forum" (an acronym stays).
    how = _listed([m[:1].lower() + m[1:] if m[1:2].islower() else m for m in methods or []])
    who = f"{participants} family members took part" if participants else "families took part"
    return f"Families helped shape this plan: {who}" + (f" ({how})." if how else ".")


def _listed(values: list[str]) -> str:
    """Join values as a sentence lists them: "a, b and c"."""
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + f" and {values[-1]}"


def _public_events(plan: Plan, as_of: dt.date, plain: Plainer) -> list[str]:
    """The plan's public meetings still to come: "Upcoming: March 10, 2027, mid-year update ..."."""
    monitoring = plan.monitoring
    events = [
        event
        for event in (monitoring.calendar if monitoring else None) or []
        if event.level == "public" and event.date >= as_of
    ]
    events.sort(key=lambda event: (getattr(event.date, "start", event.date), event.date))
    lines = []
    for event in events[:MAX_EVENTS]:
        day = long_date(event.date)
        title = plain(event.title, FAMILY_LIMIT)
        lines.append(f"Coming up, open to the public: {title} ({school_years(day)}).")
    return lines
