"""How much does `sip report` (the district rollup) cost over loading? Ratios in one run.

Over a folder of N generated plans (default 2000, from examples/*.yaml): the per-plan time of
`sip report FOLDER --format json` (validation, the SMART score of every goal, the progress
of every benchmark) against a bare ruamel.yaml round-trip load of the same
files and against `sip validate FOLDER` (so the cost of scoring and progress on top of loading
shows). Fresh processes on every side, best of a few runs. Prints figures, asserts nothing.

    python benchmarks/report.py [-n 2000] [-r 3]
"""

from __future__ import annotations

import argparse

from common import compare_with_loading


def main() -> None:
    """Measure and print `sip report` against the bare load and against validate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    parser.add_argument("-r", "--runs", type=int, default=3, help="timed runs of each command")
    args = parser.parse_args()
    compare_with_loading(
        "sip report", ["report", "--format", "json", "--as-of", "2027-01-15"], args.plans, args.runs
    )


if __name__ == "__main__":
    main()
