"""How fast is `sip validate`? Ratios against references measured in the same run.

1. A folder of N generated plans (default 2000, made from examples/*.yaml): the per-plan time
   of `sip validate FOLDER` against a bare ruamel.yaml round-trip load of the same files
   (reading YAML with positions in pure Python; sip reads its events with libyaml where
   that gives the same data, so it comes in under 1x). Target: within 1.5x.
2. Each example: the wall time of `sip validate FILE` and `sip lint FILE` against
   `yamllint FILE`, the tool consultants already run in pre-commit. Goals: validate at or
   under yamllint's time (1.5x at most), lint within 1.2x.

Both sides run as fresh processes, so start-up counts on both. Single-file timings are
repeated; the ratio uses the fastest run of each side (as `timeit` does: the minimum is the
run least disturbed by the rest of the machine), and medians are printed beside it.
Prints figures, asserts nothing.

    python benchmarks/validate.py [-n 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    BARE_LOAD,
    EXAMPLES,
    ROOT,
    describe,
    generate_plans,
    repeated_times,
    tool,
    wall_time,
)


def main() -> None:
    """Measure and print the two comparisons."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    parser.add_argument("--runs", type=int, default=15, help="runs per single-file timing")
    args = parser.parse_args()
    sip, yamllint = tool("sip"), tool("yamllint")

    with tempfile.TemporaryDirectory() as folder:
        generate_plans(Path(folder), args.plans)
        bare = wall_time([sys.executable, "-c", BARE_LOAD, folder])
        validate = wall_time([sip, "validate", "-f", "concise", folder])
    per_bare, per_sip = bare / args.plans * 1000, validate / args.plans * 1000
    print(f"folder of {args.plans} plans generated from {len(EXAMPLES)} examples")
    print(f"  bare ruamel round-trip load: {bare:7.2f} s  {per_bare:6.2f} ms/plan")
    print(f"  sip validate:                {validate:7.2f} s  {per_sip:6.2f} ms/plan")
    print(f"  ratio sip / bare load:       {validate / bare:7.2f}x  (target <= 1.5x)")

    for example in EXAMPLES:
        lines = len(example.read_text(encoding="utf-8").splitlines())
        yamllint_times = repeated_times([yamllint, str(example)], args.runs)
        print(f"one plan: {example.relative_to(ROOT)} ({lines} lines), {args.runs} runs each")
        print(f"  yamllint:      {describe(yamllint_times)}")
        for command, target in (("validate", "<= 1.0x goal, 1.5x limit"), ("lint", "<= 1.2x goal")):
            times = repeated_times([sip, command, str(example)], args.runs)
            best = min(times) / min(yamllint_times)
            typical = statistics.median(times) / statistics.median(yamllint_times)
            print(f"  sip {command + ':':<10}{describe(times)}")
            print(f"    ratio / yamllint: {best:4.2f}x fastest, {typical:4.2f}x median ({target})")


if __name__ == "__main__":
    main()
