"""How fast does `sip render` turn a plan into Markdown, HTML and Word?

For each example, in this process (no start-up): the view is built once from the validated
plan, then each format is rendered many times. The fastest run is the one least disturbed by
the rest of the machine (as `timeit` reports); the median is printed beside it. The DOCX time
includes loading the Word template, docxtpl's rendering, the column fitting and the
reproducible re-zip, as `sip render --to docx` does for each plan. Building the view and
validating are timed too, for comparison. Prints figures, asserts nothing.

    python benchmarks/render.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from common import EXAMPLES, ROOT

from sipcli.render.docx_render import render_docx
from sipcli.render.run import render_text
from sipcli.render.view import PlanView, build_view
from sipcli.validate.check import validate_file


def timings(job: Callable[[], object], runs: int) -> list[float]:
    """Return the times of ``runs`` calls of ``job`` (after one warm-up call)."""
    job()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return times


def describe(times: list[float]) -> str:
    """Return "fastest X ms   median Y ms", to a hundredth of a millisecond."""
    return f"fastest {min(times) * 1000:8.2f} ms   median {statistics.median(times) * 1000:8.2f} ms"


def formats(view: PlanView) -> dict[str, Callable[[], object]]:
    """The rendering of each format, as a call without arguments."""
    return {
        "md": lambda: render_text(view, "md"),
        "html": lambda: render_text(view, "html"),
        "docx": lambda: render_docx(view),
    }


def main() -> None:
    """Measure and print each example's rendering times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per format and plan")
    args = parser.parse_args()

    for example in EXAMPLES:
        checked = validate_file(example)
        if checked.plan is None:
            print(f"{example.relative_to(ROOT)} is not valid: skipped")
            continue
        plan = checked.plan
        validate_times = timings(lambda path=example: validate_file(path), args.runs)
        view_times = timings(lambda plan=plan: build_view(plan), args.runs)
        view = build_view(plan)
        print(f"{example.relative_to(ROOT)}, {args.runs} runs each")
        print(f"  validate    {describe(validate_times)}")
        print(f"  build view  {describe(view_times)}")
        for name, job in formats(view).items():
            output = job()
            size = len(output) if isinstance(output, bytes) else len(str(output).encode("utf-8"))
            print(f"  {name:<11} {describe(timings(job, args.runs))}   {size / 1024:6.1f} KiB")


if __name__ == "__main__":
    main()
