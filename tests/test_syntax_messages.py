"""YAML syntax errors are explained in plain words at the line the user must change.

Each syntax case of the broken-file corpus has a golden file in tests/golden/messages/ that
holds what `sip validate` prints for it. Regenerate them after a deliberate change with
``SIP_UPDATE_GOLDEN=1 python -m pytest tests/test_syntax_messages.py`` and read the diff;
the same command regenerates ``src/sipcli/data/plan_keys.json`` from the plan model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sipcli.load.source import load_bytes
from sipcli.model import Plan
from sipcli.model.introspect import models_below, models_in

ROOT = Path(__file__).parent.parent
CORPUS = Path(__file__).parent / "fixtures" / "invalid"
GOLDEN = Path(__file__).parent / "golden" / "messages"
PLAN_KEYS = ROOT / "src" / "sipcli" / "data" / "plan_keys.json"
UPDATE = bool(os.environ.get("SIP_UPDATE_GOLDEN"))

#: The corpus cases whose message is checked word for word.
SYNTAX_CASES = sorted(
    path.stem
    for path in CORPUS.glob("*.yaml")
    if path.name.startswith(("syntax-", "tab-", "duplicate-key-"))
)
#: Parser words that may appear only after a plain explanation, never instead of one.
JARGON = ("<block end>", "<block mapping start>", "mapping values are not allowed", "token")


def plan_keys_text() -> str:
    """The plan's keys by model, as the loader's syntax hints read them."""
    models = {
        model.__name__: {
            name: sorted({child.__name__ for child in models_in(info.annotation)})
            for name, info in model.model_fields.items()
        }
        for model in sorted(models_below(Plan), key=lambda model: model.__name__)
    }
    data = {
        "about": "Generated from sip's plan model by tests/test_syntax_messages.py "
        "(SIP_UPDATE_GOLDEN=1); do not edit. The keys of each section of a plan, so that a "
        "YAML syntax error can say where a key belongs.",
        "root": Plan.__name__,
        "models": models,
    }
    return json.dumps(data, indent=1, sort_keys=False) + "\n"


def test_plan_keys_match_the_model() -> None:
    expected = plan_keys_text()
    if UPDATE:
        PLAN_KEYS.write_text(expected, encoding="utf-8")
    assert PLAN_KEYS.read_text(encoding="utf-8") == expected, (
        "src/sipcli/data/plan_keys.json is stale: run "
        "SIP_UPDATE_GOLDEN=1 python -m pytest tests/test_syntax_messages.py"
    )


@pytest.mark.parametrize("case", SYNTAX_CASES)
def test_validate_output_matches_golden(run_sip, monkeypatch, case: str) -> None:
    monkeypatch.chdir(CORPUS)
    result = run_sip("validate", f"{case}.yaml")
    assert result.exit_code == 1
    golden = GOLDEN / f"{case}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", SYNTAX_CASES)
def test_parser_words_never_stand_alone(case: str) -> None:
    loaded = load_bytes((CORPUS / f"{case}.yaml").read_bytes(), file=case)
    assert loaded.diagnostic is not None
    message = loaded.diagnostic.message
    first_sentence = message.split(". ")[0]
    assert not any(word in first_sentence for word in JARGON), message


def test_every_golden_file_has_its_case() -> None:
    assert sorted(path.stem for path in GOLDEN.glob("*.txt")) == SYNTAX_CASES


def _diagnostic(text: str) -> tuple[int, int, str]:
    loaded = load_bytes(text.encode("utf-8"), file="plan.yaml")
    assert loaded.diagnostic is not None
    return loaded.diagnostic.line, loaded.diagnostic.column, loaded.diagnostic.message


GOAL = (
    "schema_version: 1\n"
    "school:\n"
    "  name: Hillside Elementary\n"
    "plan:\n"
    "  type: initial\n"
    "goals:\n"
    "  - id: G1\n"
    "    statement: Raise grade 3 reading.\n"
)


def test_a_key_too_deep_is_placed_with_its_siblings() -> None:
    line, column, message = _diagnostic(GOAL + "    owner: Reading coach\n      direction: up\n")
    assert (line, column) == (10, 7)
    assert message.startswith(
        "'direction:' is indented 6 spaces; as a key of goal G1 it belongs at 4 spaces, "
        "like 'owner:' above it."
    )


def test_a_key_too_shallow_goes_to_the_section_that_has_it() -> None:
    # 'year' is a key of a goal's baseline, not of the goal: it belongs at 6 spaces.
    text = GOAL + "    baseline:\n      value: 38\n     year: SY2025-26\n"
    line, column, message = _diagnostic(text)
    assert (line, column) == (11, 6)
    assert "as a key of goal G1's baseline it belongs at 6 spaces, like 'value:'" in message


def test_a_goal_key_at_the_dash_level_is_too_shallow_not_a_new_item() -> None:
    line, _, message = _diagnostic(GOAL + "  owner: Reading coach\n")
    assert line == 9
    assert "as a key of goal G1 it belongs at 4 spaces" in message


def test_an_item_without_its_dash_is_named_a_new_item() -> None:
    line, _, message = _diagnostic(GOAL + "  id: G2\n    statement: Raise math.\n")
    assert line == 9
    assert "looks like the start of a new goal, but it has no '- '" in message


def test_a_quote_closed_only_on_a_later_line_is_blamed_where_it_opens() -> None:
    text = GOAL + '    owner: "Reading coach\n    direction: "increase"\n'
    line, column, message = _diagnostic(text)
    assert (line, column) == (9, 12)
    assert 'not closed on its line, so YAML reads the next lines, up to the " on line 10' in message


def test_a_config_file_is_not_placed_by_the_plans_keys() -> None:
    # Not a plan: the nearest section is chosen, and no plan section is named.
    line, _, message = _diagnostic("render:\n  colours: blue\n    logo: x.png\n")
    assert line == 3
    assert "as a key of render it belongs at 2 spaces" in message


def _mistakes(line: str) -> list[str]:
    """The usual ways a person breaks one line of a plan."""
    body = line.lstrip(" ")
    found = ["  " + line, line[1:] if line.startswith(" ") else ""]
    found.append(line[2:] if line.startswith("  ") else "")
    found.append(line.replace(": ", " ", 1) if ": " in line else line.rstrip(":"))
    found.append(line.replace("- ", "  ", 1) if body.startswith("- ") else "")
    found.append(line.replace(": ", ': "', 1) if ": " in line else "")
    found.append(line + " note: more" if ": " in line and not line.endswith(":") else "")
    found.append(line.replace("]", "") if "]" in line else "")
    return [mistake for mistake in found if mistake and mistake != line]


def test_the_usual_mistakes_on_an_example_plan_never_get_parser_words_alone() -> None:
    lines = (ROOT / "examples" / "elementary.yaml").read_text(encoding="utf-8").splitlines()[:60]
    checked = 0
    for number, line in enumerate(lines):
        for mistake in _mistakes(line):
            text = "\n".join([*lines[:number], mistake, *lines[number + 1 :]]) + "\n"
            loaded = load_bytes(text.encode("utf-8"), file="plan.yaml")
            if loaded.diagnostic is None or loaded.diagnostic.code != "SIP001":
                continue
            checked += 1
            assert not loaded.diagnostic.message.startswith("YAML syntax error"), (
                number + 1,
                mistake,
                loaded.diagnostic.message,
            )
    assert checked > 100  # the mistakes did break the file
