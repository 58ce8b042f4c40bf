"""How much does `sip lint` cost over loading? Ratios measured in the same run.

Over a folder of N generated plans (default 2000, from examples/*.yaml): the per-plan time
of `sip lint FOLDER` against a bare ruamel.yaml round-trip load of the same files and
against `sip validate FOLDER` (so the cost of the rules themselves shows), and against
`sip lint` with the SMART-score rule (SIP801) ignored, so the cost of scoring every goal
shows. Fresh processes on every side. Prints figures, asserts nothing.

    python benchmarks/lint.py [-n 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import BARE_LOAD, EXAMPLES, generate_plans, tool, wall_time


def main() -> None:
    """Measure and print lint against the bare load and against validate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--plans", type=int, default=2000, help="plans to generate")
    args = parser.parse_args()
    sip = tool("sip")
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as settings:
        generate_plans(Path(folder), args.plans)
        no_scoring = Path(settings) / "no-scoring.yaml"
        no_scoring.write_text("ignore: [SIP801]\n", encoding="utf-8")
        bare = wall_time([sys.executable, "-c", BARE_LOAD, folder])
        validate = wall_time([sip, "validate", "-f", "concise", folder])
        lint = wall_time([sip, "lint", "-f", "concise", folder])
        unscored = wall_time([sip, "lint", "-f", "concise", "-c", str(no_scoring), folder])
    print(f"folder of {args.plans} plans generated from {len(EXAMPLES)} examples")
    for name, seconds in (
        ("bare ruamel load", bare),
        ("sip validate", validate),
        ("sip lint", lint),
        ("lint, no scoring", unscored),
    ):
        print(f"  {name + ':':18} {seconds:7.2f} s  {seconds / args.plans * 1000:6.2f} ms/plan")
    print(f"  ratio lint / bare load: {lint / bare:5.2f}x")
    print(f"  ratio lint / validate:  {lint / validate:5.2f}x  (the rules' own cost)")
    print(f"  ratio lint / no scoring: {lint / unscored:4.2f}x  (scoring every goal, SIP801)")


if __name__ == "__main__":
    main()
