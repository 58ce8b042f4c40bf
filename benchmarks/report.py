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
import sys
import tempfile
from pathlib import Path

from common import BARE_LOAD, EXAMPLES, generate_plans, repeated_times, tool


def main() -> None:
    """Measure and print the rollup against the bare load and against validate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    parser.add_argument("-r", "--runs", type=int, default=3, help="timed runs of each command")
    args = parser.parse_args()
    sip = tool("sip")
    with tempfile.TemporaryDirectory() as folder:
        generate_plans(Path(folder), args.plans)
        commands = {
            "bare ruamel load": [sys.executable, "-c", BARE_LOAD, folder],
            "sip validate": [sip, "validate", "-f", "concise", folder],
            "sip report": [sip, "report", "--format", "json", "--as-of", "2027-01-15", folder],
        }
        best = {name: min(repeated_times(command, args.runs)) for name, command in commands.items()}
    print(f"folder of {args.plans} plans generated from {len(EXAMPLES)} examples")
    for name, seconds in best.items():
        print(f"  {name + ':':18} {seconds:7.2f} s  {seconds / args.plans * 1000:6.2f} ms/plan")
    rollup = best["sip report"]
    print(f"  ratio report / bare load:   {rollup / best['bare ruamel load']:5.2f}x")
    print(f"  ratio report / validate:    {rollup / best['sip validate']:5.2f}x")


if __name__ == "__main__":
    main()
