"""The reporter contract: every format of every command is a registered `Reporter`."""

from __future__ import annotations

import io
import re

import pytest

from sipcli.cli import app
from sipcli.reporters.base import Reporter
from sipcli.reporters.registry import format_names, get_reporter, kinds, reporter_class

ALL = [(kind, name) for kind in kinds() for name in format_names(kind)]

#: The command whose --format offers each kind's reporters (statistics: --statistics).
COMMAND_OF_KIND = {
    "diagnostics": ["validate", "lint"],
    "scores": ["score"],
    "progress": ["progress"],
    "diff": ["diff"],
    "rollup": ["report"],
    "rules": ["rules"],
}


@pytest.mark.parametrize(("kind", "name"), ALL)
def test_each_entry_is_a_reporter_class_of_that_name(kind: str, name: str) -> None:
    cls = reporter_class(kind, name)  # type: ignore[arg-type]
    assert issubclass(cls, Reporter)
    assert cls.name == name


def test_an_unknown_name_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        get_reporter("scores", "xml")


@pytest.mark.parametrize(("kind", "commands"), COMMAND_OF_KIND.items())
def test_format_help_lists_the_registry_names(run_sip, kind: str, commands: list[str]) -> None:
    for command in commands:
        text = re.sub(r"\s+", " ", run_sip(command, "--help").stdout)
        assert "<" + "|".join(format_names(kind)) + ">" in text, command  # type: ignore[arg-type]


def test_every_command_is_registered_once() -> None:
    names = [command.name for command in app.registered_commands]
    assert len(names) == len(set(names))
    assert {"validate", "lint", "score", "render", "fmt", "diff", "progress", "report"} <= set(
        names
    )


def test_the_writer_sends_a_report_to_the_stream_or_a_file(tmp_path) -> None:
    from sipcli.diagnostics import RunResult
    from sipcli.reporters.writer import write_report

    reporter = get_reporter("diagnostics", "concise")
    stream = io.StringIO()
    write_report(reporter, RunResult([]), output_file=None, stdout=stream)
    assert stream.getvalue() == "No plan files to check.\n"
    target = tmp_path / "out" / "report.txt"
    quiet = io.StringIO()
    write_report(reporter, RunResult([]), output_file=target, stdout=quiet)
    assert (
        quiet.getvalue() == "" and target.read_text(encoding="utf-8") == "No plan files to check.\n"
    )
