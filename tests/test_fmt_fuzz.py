"""`sip fmt` on the example plans with keys shuffled and comments put anywhere a writer might.

Each case takes an example plan, shuffles the keys of every mapping (so formatting must move
them), spreads some flow collections over several lines, and writes comments at line ends, on
their own lines above keys and list items, inside multi-line flow collections and after the
last key of a section, at varied indentations. Formatting must then give the same data, every
comment exactly once, each beside the same key as before, and be settled (a second run changes
nothing). A refusal is allowed only with a position, and in under 1% of the cases.

``SIP_FUZZ=long`` runs 2000 cases instead of 8.
"""

from __future__ import annotations

import io
import os
import random
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.edit.fmt import format_text, raw_comments
from sipcli.load.source import new_yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PLANS = {
    name: (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    for name in ("elementary", "middle", "high")
}
LONG = os.environ.get("SIP_FUZZ") == "long"
CASES = 2000 if LONG else 8
#: Comments the generator writes carry this mark and a number, so each can be found again.
MARK = re.compile(r"# zq(\d+)\b")

Path_ = tuple[Any, ...]


@dataclass
class Tally:
    """How the run went: the cases tried and the refusals, with their messages."""

    cases: int = 0
    refusals: list[str] = field(default_factory=list)


TALLY = Tally()


# --- building a case ---------------------------------------------------------------------------


def _load(text: str) -> CommentedMap:
    yaml = new_yaml(comments=False)
    yaml.preserve_quotes = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = yaml.load(text)
    assert isinstance(data, CommentedMap)
    return data


def _shuffle(node: Any, rng: random.Random) -> None:
    if isinstance(node, CommentedMap):
        # Blank lines come back as comment tokens even without comments; drop them all.
        node.ca.items.clear()
        keys = list(node)
        rng.shuffle(keys)
        for key in keys:
            node.move_to_end(key)
        for value in node.values():
            _shuffle(value, rng)
    elif isinstance(node, CommentedSeq):
        node.ca.items.clear()
        for value in node:
            _shuffle(value, rng)


def _dump(data: CommentedMap) -> str:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every scalar: no comment may go inside one."""
    from ruamel.yaml.tokens import ScalarToken

    spans = []
    for token in new_yaml(comments=False).scan(text):
        if isinstance(token, ScalarToken):
            spans.append((token.start_mark.index, token.end_mark.index))
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in spans)


def _break_flows(text: str, rng: random.Random, chance: float) -> str:
    """Spread flow collections over several lines at some of their commas."""
    out: list[str] = []
    for line in text.split("\n"):
        opener = min((i for i in (line.find("{"), line.find("[")) if i >= 0), default=-1)
        if opener < 0 or line.lstrip().startswith("#"):
            out.append(line)
            continue
        pieces, start, quote, depth = [], 0, "", 0
        for index, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and index > 0 and line[index - 1] in " [{,":
                quote = char
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            elif char == "," and depth > 0 and index > opener and rng.random() < chance:
                pieces.append(line[start : index + 1])
                start = index + 2
        pieces.append(line[start:])
        indent = " " * (opener + 1)
        out.append(pieces[0] + "".join("\n" + indent + piece for piece in pieces[1:]))
    return "\n".join(out)


def _comment(number: int, rng: random.Random) -> str:
    words = rng.choice(["note", "see the 2025 report: p. 4", "check with Ms. O'Neil", "TODO"])
    return f"# zq{number} {words}"


def commented_plan(rng: random.Random) -> str:
    """An example plan with shuffled keys, broken flow lines and comments here and there."""
    data = _load(PLANS[rng.choice(sorted(PLANS))])
    _shuffle(data, rng)
    text = _break_flows(_dump(data), rng, rng.choice([0.0, 0.1, 0.3]))
    density = rng.choice([0.02, 0.05, 0.15, 0.4])
    spans = _token_spans(text)
    lines = text.split("\n")[:-1]
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    out: list[str] = []
    number = 0
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if not _inside(spans, starts[index]) and index and rng.random() < density:
            previous = lines[index - 1]
            column = rng.choice(
                [indent, indent, len(previous) - len(previous.lstrip()), max(indent - 2, 0), 0]
            )
            if _inside(spans, starts[index] - 1):
                column = min(column, indent)  # deeper, it would be the block scalar's text
            out.append(" " * column + _comment(number, rng))
            number += 1
        end = starts[index] + len(line)
        if line.strip() and not _inside(spans, end) and rng.random() < density:
            out.append(line + " " * rng.choice([1, 2, 5]) + _comment(number, rng))
            number += 1
        else:
            out.append(line)
    if rng.random() < density:
        out.append(_comment(number, rng))
    return "\n".join(out) + "\n"


# --- what a comment is beside ----------------------------------------------------------------


def _node_lines(text: str) -> dict[int, list[Path_]]:
    """The key paths that start on each line (0-based), in document order."""
    found: dict[int, list[Path_]] = {}

    def walk(node: Any, path: Path_) -> None:
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                found.setdefault(node.lc.key(key)[0], []).append((*path, key))
                walk(value, (*path, key))
        elif isinstance(node, CommentedSeq):
            for index, value in enumerate(node):
                found.setdefault(node.lc.item(index)[0], []).append((*path, index))
                walk(value, (*path, index))

    walk(_load(text), ())
    return found


def anchors(text: str) -> dict[str, tuple[str, list[Path_]]]:
    """Each marked comment: ``eol`` and the paths on its line, or ``above`` and those below.

    A comment above the first key is the file's header (``header`` in the paths: it stays at
    the top whichever key comes first), one after the last key is its footer.
    """
    nodes = _node_lines(text)
    lines = text.split("\n")
    result: dict[str, tuple[str, list[Path_]]] = {}
    for number, line in enumerate(lines):
        match = MARK.search(line)
        if match is None:
            continue
        if line[: match.start()].strip():
            here = [n for n in sorted(nodes) if n <= number]
            result[match.group(1)] = ("eol", nodes[here[-1]] if here else [("header",)])
            continue
        below = [n for n in sorted(nodes) if n > number]
        paths = nodes[below[0]] if below else [("footer",)]
        if not any(n < number for n in nodes):
            paths = [*paths, ("header",)]
        result[match.group(1)] = ("above", paths)
    return result


def _plain(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(text)


def check_case(text: str) -> None:
    """Format ``text`` and check everything the module docstring promises."""
    TALLY.cases += 1
    result = format_text(text, "plan.yaml")
    if result.formatted is None:
        message = result.error or "; ".join(
            f"{d.line}:{d.column}: {d.message}" for d in result.diagnostics
        )
        assert re.search(r"\d+:\d+", message), f"refusal without a position: {message}"
        TALLY.refusals.append(message)
        return
    out = result.formatted
    assert _plain(out) == _plain(text)
    assert raw_comments(out) == raw_comments(text)
    assert Counter(MARK.findall(out)) == Counter(MARK.findall(text))
    before, after = anchors(text), anchors(out)
    for mark, (kind, paths) in before.items():
        new_kind, new_paths = after[mark]
        if kind == "eol":
            # Beside the key it followed, wherever that key is now written.
            assert paths[-1] in new_paths, (mark, kind, paths, new_kind, new_paths)
        elif ("header",) in paths:
            assert ("header",) in new_paths, (mark, kind, paths, new_kind, new_paths)
        else:
            assert set(paths) & set(new_paths), (mark, kind, paths, new_kind, new_paths)
    again = format_text(out, "plan.yaml")
    assert again.formatted == out, "formatting did not settle"


@settings(
    max_examples=CASES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def _check_random_plan(seed: int) -> None:
    # One seed drives the whole case: hypothesis draws it, the generator does the rest.
    check_case(commented_plan(random.Random(seed)))


def test_commented_shuffled_plans_format_and_keep_their_comments() -> None:
    TALLY.cases, TALLY.refusals = 0, []
    _check_random_plan()
    rate = len(TALLY.refusals) / max(TALLY.cases, 1)
    print(f"fmt fuzz: {len(TALLY.refusals)} refusals in {TALLY.cases} cases ({rate:.1%})")
    assert rate < 0.01, Counter(TALLY.refusals).most_common(5)
