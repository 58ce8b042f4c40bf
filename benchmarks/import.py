"""How fast is `sip import` of a rendered plan? Against `sip validate` of the same plan, same run.

For each example plan: render it to Word once, as `sip render --to docx` does, then time
`sip import PLAN.docx -o DRAFT.yaml` (read the document, place its blocks, write and check
the draft) against `sip validate PLAN.yaml`, both in this process through the command line
(Typer's test runner: no start-up on either side, the whole command on both). The fastest
run is the one least disturbed by the rest of the machine, the median the typical one; the
ratio uses the medians. Issue 18 asks an import to take under a second. Prints figures,
asserts nothing.

    python benchmarks/import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import EXAMPLES, ROOT
from typer.testing import CliRunner

from sipcli.cli import app
from sipcli.render.run import RenderOptions, render_plan
from sipcli.validate.plans import PlanFile, read_plans

#: The example plans: one file each at the top, and the K-8 plan in its own folder.
PLANS = [*EXAMPLES, ROOT / "examples" / "k8" / "plan.yaml"]
#: Under this an import feels instant to a consultant moving plans in (issue 18, item 7).
LIMIT_SECONDS = 1.0


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
    """Return "fastest X ms   median Y ms", to a tenth of a millisecond."""
    return f"fastest {min(times) * 1000:7.1f} ms   median {statistics.median(times) * 1000:7.1f} ms"


def command(*args: str) -> Callable[[], None]:
    """A sip command run in this process; a failing run stops the benchmark, saying why."""
    runner = CliRunner()

    def run() -> None:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        if result.exit_code not in (0, 1):
            raise SystemExit(f"sip {' '.join(args)} exited {result.exit_code}:\n{result.stderr}")

    return run


def rendered_docx(source: PlanFile, folder: Path) -> Path:
    """The plan rendered to Word as `sip render --to docx` renders it, written into ``folder``."""
    assert source.plan is not None
    output = render_plan(source.plan, source, RenderOptions(formats=("docx",)))[0]
    path = folder / f"{source.path.parent.name}-{source.path.stem}.docx"
    path.write_bytes(output.content)
    return path


def measure(source: PlanFile, folder: Path, runs: int) -> tuple[float, float]:
    """Print one plan's import and validate times; return their medians."""
    docx = rendered_docx(source, folder)
    draft = folder / f"{docx.stem}.yaml"
    imported = timings(command("import", str(docx), "-o", str(draft), "--force"), runs)
    validated = timings(command("validate", "-f", "concise", str(source.path)), runs)
    size = docx.stat().st_size / 1024
    print(f"{source.path.relative_to(ROOT)}: {size:.0f} KiB of Word, {runs} runs each")
    print(f"  sip import:   {describe(imported)}")
    print(f"  sip validate: {describe(validated)}")
    ratio = statistics.median(imported) / statistics.median(validated)
    print(f"  ratio import / validate: {ratio:5.2f}x median")
    return statistics.median(imported), statistics.median(validated)


def main() -> None:
    """Measure and print each example's import time against its validation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command and plan")
    args = parser.parse_args()
    sources = [source for source in read_plans(PLANS) if source.plan is not None]
    with tempfile.TemporaryDirectory() as folder:
        results = {source.path: measure(source, Path(folder), args.runs) for source in sources}
    print()
    print(
        f"{'plan':<28}{'import ms':>11}{'validate ms':>13}{'ratio':>8}   under {LIMIT_SECONDS:g} s"
    )
    for path, (imported, validated) in results.items():
        verdict = "yes" if imported < LIMIT_SECONDS else "NO"
        print(
            f"{path.relative_to(ROOT)!s:<28}{imported * 1000:11.1f}{validated * 1000:13.1f}"
            f"{imported / validated:7.2f}x   {verdict}"
        )


if __name__ == "__main__":
    main()
