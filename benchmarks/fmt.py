"""How much does `sip fmt --check` cost over loading? Ratios measured in the same run.

Over a folder of N generated plans (default 2000, from examples/*.yaml): the per-plan time
of `sip fmt --check FOLDER` against a bare ruamel.yaml round-trip load of the same files
and against `sip validate FOLDER`. fmt loads and validates each plan, rewrites it in
memory, dumps it, then reloads and revalidates the result to prove nothing changed, so
expect a few times the cost of validate. Fresh processes on every side. Prints figures,
asserts nothing.

    python benchmarks/fmt.py [-n 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import BARE_LOAD, EXAMPLES, generate_plans, tool, wall_time


def main() -> None:
    """Measure and print fmt --check against the bare load and against validate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    args = parser.parse_args()
    sip = tool("sip")
    with tempfile.TemporaryDirectory() as folder:
        generate_plans(Path(folder), args.plans)
        bare = wall_time([sys.executable, "-c", BARE_LOAD, folder])
        validate = wall_time([sip, "validate", "-f", "concise", folder])
        check = wall_time([sip, "fmt", "--check", folder])
    print(f"folder of {args.plans} plans generated from {len(EXAMPLES)} examples")
    for name, seconds in (
        ("bare ruamel load", bare),
        ("sip validate", validate),
        ("sip fmt --check", check),
    ):
        print(f"  {name + ':':18} {seconds:7.2f} s  {seconds / args.plans * 1000:6.2f} ms/plan")
    print(f"  ratio fmt / bare load: {check / bare:5.2f}x")
    print(f"  ratio fmt / validate:  {check / validate:5.2f}x  (dump, reload and proof)")


if __name__ == "__main__":
    main()
