"""The first hour with sip, walked as a consultant does it with a school team in the room.

`sip init` starts the plan; the team fills one stage; `sip status`, `sip validate`, `sip lint`
and `sip render --draft` say where the plan stands and show it; the team fills the rest and
renders the deliverable. Each step checks the exit code and the words the user reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import EXAMPLES

#: Where the team's words come from: a shipped example's sections, pasted in as a team would.
SOURCE = EXAMPLES / "elementary.yaml"

#: A top-level key: the start of a section.
_SECTION = re.compile(r"^([a-z_]+):", re.MULTILINE)

ANSWERS = (
    "--school",
    "Maple Street Elementary School",
    "--district",
    "Eastbrook Public Schools",
    "--school-code",
    "09990105",
    "--district-code",
    "09990000",
    "--grades",
    "K-5",
    "--school-year",
    "2026-27",
)


def sections_of(text: str) -> dict[str, str]:
    """Each top-level section's text, from its key to its last written line.

    The comments and blank lines after a section belong to the section that follows them,
    as `sip init` writes its explanations above each section.
    """
    lines = text.splitlines(keepends=True)
    starts = [index for index, line in enumerate(lines) if _SECTION.match(line)]
    spans = {}
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        key = _SECTION.match(lines[start]).group(1)  # type: ignore[union-attr]
        spans[key] = "".join(lines[start:end])
    return spans


def fill(path: Path, names: list[str]) -> None:
    """Write the team's text for the sections ``names`` over the skeleton's placeholders."""
    text = path.read_text(encoding="utf-8")
    ours = sections_of(text)
    theirs = sections_of(SOURCE.read_text(encoding="utf-8"))
    for name in names:
        text = text.replace(ours[name], theirs[name])
    path.write_text(text, encoding="utf-8")


def diagnostics(result) -> list[dict]:  # type: ignore[no-untyped-def]
    """The diagnostics of a ``--format json`` run."""
    return json.loads(result.stdout)["diagnostics"]  # type: ignore[no-any-return]


def status(run_sip, path: Path) -> dict:  # type: ignore[no-untyped-def]
    """The JSON status of the plan; status is a view, so it exits 0 however far the plan is."""
    result = run_sip("status", "--format", "json", path)
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_first_hour(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "maple.yaml"
    skeleton = start(run_sip, plan)
    check_the_fresh_plan(run_sip, plan)
    fill_phase_one_start(run_sip, plan)
    preview(run_sip, plan)
    finish(run_sip, plan, skeleton)


def start(run_sip, plan: Path) -> str:  # type: ignore[no-untyped-def]
    """1. Start the plan: init names every file it writes and ends with the next steps."""
    started = run_sip("init", "--no-input", *ANSWERS, plan)
    said = started.stdout + started.stderr
    assert started.exit_code == 0, said
    assert sorted(p.name for p in plan.parent.iterdir()) == ["maple.yaml", "sip-plan.schema.json"]
    assert "Wrote " + str(plan) in said
    assert "sip-plan.schema.json" in said
    assert "Next steps:" in said
    for command in ("sip status", "sip validate", "sip render"):
        assert command in said
    skeleton = plan.read_text(encoding="utf-8")
    assert "name: Maple Street Elementary School" in skeleton
    assert "grades: [K, 1, 2, 3, 4, 5]" in skeleton
    assert "school_year: SY2026-27" in skeleton
    return skeleton


def check_the_fresh_plan(run_sip, plan: Path) -> None:  # type: ignore[no-untyped-def]
    """2. Right after init: status says where to go on, validate counts per section."""
    fresh = status(run_sip, plan)
    states = {stage["id"]: stage["state"] for stage in fresh["stages"]}
    assert states.pop("about") == "in progress", "init's answers are a start"
    assert set(states.values()) == {"not started"}
    assert fresh["next"]["stage"] == "about"

    checked = run_sip("validate", "--format", "json", plan)
    assert checked.exit_code == 1
    found = diagnostics(checked)
    assert {d["code"] for d in found} == {"SIP108"}
    assert len(found) == len({d["path"] for d in found}) < 15, "one finding per section"
    vision = next(d for d in found if d["path"] == "vision")
    assert vision["message"].startswith("vision: not started, 6 placeholders, the first")
    assert f"at {vision['line']}:{vision['column']}" in vision["message"]


def fill_phase_one_start(run_sip, plan: Path) -> None:  # type: ignore[no-untyped-def]
    """3. The team fills in the school, the plan and its stakeholder engagement."""
    fill(plan, ["school", "plan", "stakeholder_engagement"])
    text = plan.read_text(encoding="utf-8")
    assert "# --- Phase I" in text, "init's comments are kept"

    # A slip while typing: one key a level too deep is named at its own line, in words.
    slipped = text.replace("\n  principal: ", "\n    principal: ", 1)
    plan.write_text(slipped, encoding="utf-8")
    broken = run_sip("validate", plan)
    assert broken.exit_code == 1
    line = slipped.splitlines().index("    principal: Dana Okafor") + 1
    assert f"{plan}:{line}:5: error SIP001 yaml-syntax" in broken.stdout
    assert "'principal:' is indented 4 spaces; as a key of school it belongs at 2 spaces" in (
        broken.stdout
    )
    assert status_exit(run_sip, plan) == 2, "status cannot read a file YAML cannot"
    plan.write_text(text, encoding="utf-8")

    progressed = status(run_sip, plan)
    states = {stage["id"]: stage["state"] for stage in progressed["stages"]}
    assert states["about"] == "done"
    assert states["stakeholder_engagement"] == "done"
    assert states["vision"] == "not started"
    assert progressed["next"]["stage"] == "vision"
    told = run_sip("status", plan)
    assert told.exit_code == 0
    assert "Envisioning the future" in told.stdout
    assert "Next: Envisioning the future" in told.stdout

    checked = run_sip("validate", "--format", "json", plan)
    assert checked.exit_code == 1
    left = {d["path"] for d in diagnostics(checked)}
    assert left.isdisjoint({"school", "plan", "stakeholder_engagement"})
    assert "vision" in left

    # Lint shows the same grouped findings while placeholders are left: it is no gate yet.
    linted = run_sip("lint", "--format", "json", plan)
    assert linted.exit_code == 1
    assert {d["code"] for d in diagnostics(linted)} == {"SIP108"}


def preview(run_sip, plan: Path) -> None:  # type: ignore[no-untyped-def]
    """4. A preview at any time; without --draft, render refuses and names --draft."""
    html = plan.with_suffix(".html")
    previewed = run_sip("render", "--draft", "--to", "html", plan)
    assert previewed.exit_code == 0, previewed.stdout + previewed.stderr
    page = html.read_text(encoding="utf-8")
    assert "DRAFT" in page
    assert "[to fill in: the vision statement]" in page
    assert "Not started" in page
    html.unlink()

    refused = run_sip("render", "--to", "html", plan)
    assert refused.exit_code == 1
    assert "--draft" in refused.stdout + refused.stderr
    assert not html.exists(), "nothing is written for a plan that is not valid"


def finish(run_sip, plan: Path, skeleton: str) -> None:  # type: ignore[no-untyped-def]
    """5. The team fills in the rest: it validates, lints clean, every stage is done, renders."""
    fill(plan, [name for name in sections_of(skeleton) if name != "schema_version"])
    for command in ("validate", "lint"):
        result = run_sip(command, plan)
        assert result.exit_code == 0, result.stdout + result.stderr
    finished = status(run_sip, plan)
    assert {stage["state"] for stage in finished["stages"] if not stage["optional"]} == {"done"}
    assert finished["next"] is None

    rendered = run_sip("render", "--to", "html,docx", plan)
    assert rendered.exit_code == 0, rendered.stdout + rendered.stderr
    page = plan.with_suffix(".html").read_text(encoding="utf-8")
    assert "DRAFT" not in page
    assert "[to fill in" not in page
    assert plan.with_suffix(".docx").stat().st_size > 0


def status_exit(run_sip, path: Path) -> int:  # type: ignore[no-untyped-def]
    """The exit code of a plain `sip status`."""
    return run_sip("status", path).exit_code  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", ["school", "vision", "monitoring"])
def test_sections_of_reads_the_skeleton_as_init_writes_it(name: str) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    section = sections_of(text)[name]
    assert section.startswith(f"{name}:")
    assert not section.rstrip().endswith(("#", ":"))
    assert text.count(section) == 1
