"""How fast does `sip render` make each format, against the Markdown render of the same run?

For each example plan, in this process (no start-up): each format is rendered as `sip render`
renders it (`render_plan`: the view built from the validated plan, then the templates), many
times for md, html and docx; the fastest run is the one least disturbed by the rest of the
machine (as `timeit` reports), the median is printed beside it. Each format's time is then
given as a ratio to the Markdown render in the same run, so that figures from different
machines compare.

PDF is the DOCX render plus LibreOffice's conversion of it, in one soffice run per document
(a fresh profile each time, as `docx_to_pdf` does); it takes seconds, so it runs only a few
times. Converting all the plans in one soffice run (`docxs_to_pdfs`, what `sip render` does for
several plans) is timed too: LibreOffice's start-up is paid once. Prints figures, asserts
nothing.

    python benchmarks/render.py [--runs 30] [--pdf-runs 3] [--report plan]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from common import EXAMPLES, ROOT

from sipcli.render.pdf import docx_to_pdf, docxs_to_pdfs
from sipcli.render.run import RenderOptions, render_plan
from sipcli.validate.plans import PlanFile, read_plans

#: The example plans: one file each at the top, and the K-8 plan in its own folder.
PLANS = [*EXAMPLES, ROOT / "examples" / "k8" / "plan.yaml"]
#: When the progress and summary reports judge progress: a date every example has data for.
AS_OF = "2027-02-15"
TEXT_FORMATS = ("md", "html", "docx")


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
    return f"fastest {min(times) * 1000:9.1f} ms   median {statistics.median(times) * 1000:9.1f} ms"


def renderer(source: PlanFile, fmt: str, report: str) -> Callable[[], bytes]:
    """One format of one plan, rendered as `sip render` does, as a call without arguments."""
    assert source.plan is not None
    plan = source.plan
    options = RenderOptions(formats=(fmt,), report=report, as_of=AS_OF)
    return lambda: render_plan(plan, source, options)[0].content


def measure(source: PlanFile, args: argparse.Namespace) -> dict[str, float]:
    """Print one plan's times per format and return each format's fastest time."""
    best: dict[str, float] = {}
    print(f"{source.path.relative_to(ROOT)}: {args.runs} runs each, pdf {args.pdf_runs}")
    for fmt in TEXT_FORMATS:
        job = renderer(source, fmt, args.report)
        times = timings(job, args.runs)
        best[fmt] = min(times)
        size = len(job()) / 1024
        ratio = best[fmt] / best["md"]
        print(f"  {fmt:<5} {describe(times)}   {size:6.1f} KiB   {ratio:7.2f}x md")
    if args.pdf_runs:
        docx = renderer(source, "docx", args.report)
        times = timings(lambda: docx_to_pdf(docx()), args.pdf_runs)
        best["pdf"] = min(times)
        print(f"  {'pdf':<5} {describe(times)}   {'':10}   {best['pdf'] / best['md']:7.2f}x md")
    return best


def batch(sources: list[PlanFile], args: argparse.Namespace) -> None:
    """Time every plan's PDF made in one LibreOffice run, against one run per plan."""
    documents = {str(source.path): renderer(source, "docx", args.report)() for source in sources}
    start = time.perf_counter()
    for document in documents.values():
        docx_to_pdf(document)
    single = time.perf_counter() - start
    times = timings(lambda: docxs_to_pdfs(documents), args.pdf_runs)
    count = len(documents)
    print(f"converting all {count} DOCX to PDF (the render not included)")
    print(f"  one soffice run per plan  {single:6.2f} s   {single / count:5.2f} s per plan")
    print(
        f"  one soffice run for all   {min(times):6.2f} s   {min(times) / count:5.2f} s per plan"
        f"   ({single / min(times):.1f}x faster)"
    )


def main() -> None:
    """Measure and print each example's rendering times, and the ratio of each to Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per format and plan")
    parser.add_argument(
        "--pdf-runs", type=int, default=3, help="PDF conversions per plan (0: no PDF)"
    )
    parser.add_argument("--report", default="plan", help="plan, progress or summary")
    args = parser.parse_args()
    if args.pdf_runs and shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed: PDF not timed")
        args.pdf_runs = 0

    sources = [source for source in read_plans(PLANS) if source.plan is not None]
    results = {source.path: measure(source, args) for source in sources}
    summary(results)
    if args.pdf_runs:
        batch(sources, args)


def summary(results: dict[Path, dict[str, float]]) -> None:
    """Print the fastest time of each format per plan, and its ratio to Markdown."""
    formats = list(next(iter(results.values())))
    print()
    print(f"{'plan':<28}" + "".join(f"{fmt + ' ms':>10}" for fmt in formats) + "   ratio to md")
    for path, best in results.items():
        times = "".join(f"{best[fmt] * 1000:10.1f}" for fmt in formats)
        ratios = "  ".join(f"{fmt} {best[fmt] / best['md']:.1f}x" for fmt in formats[1:])
        print(f"{path.relative_to(ROOT)!s:<28}{times}   {ratios}")
    print()


if __name__ == "__main__":
    main()
