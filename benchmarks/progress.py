"""How much does `sip progress` cost over loading? Ratios measured in the same run.

Over a folder of N generated plans (default 2000, from examples/*.yaml): the per-plan time of
`sip progress FOLDER --format json` against a bare ruamel.yaml round-trip load of the same
files and against `sip validate FOLDER` (so the cost of the progress computation itself
shows). Fresh processes on every side, best of a few runs. Prints figures, asserts nothing.

    python benchmarks/progress.py [-n 2000] [-r 3]
"""

from __future__ import annotations

import argparse

from common import compare_with_loading


def main() -> None:
    """Measure and print `sip progress` against the bare load and against validate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    parser.add_argument("-r", "--runs", type=int, default=3, help="timed runs of each command")
    args = parser.parse_args()
    compare_with_loading(
        "sip progress",
        ["progress", "--format", "json", "--as-of", "2027-01-15"],
        args.plans,
        args.runs,
    )


if __name__ == "__main__":
    main()
