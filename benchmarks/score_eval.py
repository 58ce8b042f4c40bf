"""How well do `sip score`'s detectors and scores agree with hand labels?

Reads tests/data/goal_statements.yaml (statements labelled with the elements present and a
strong, mid or weak verdict) and prints, for the tuning split and the held-out split
separately: per-element accuracy, the mean score per verdict, and the AUC of strong versus
weak (the chance that a strong statement outscores a weak one). Prints figures, asserts
nothing.

    python benchmarks/score_eval.py [--framework dese] [--mismatches]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.score_evaluation import evaluate, load_statements


def main() -> None:
    """Evaluate both splits and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", default="dese", choices=["dese", "smartie", "classic"])
    parser.add_argument("--mismatches", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    tune = evaluate(load_statements("tune"), args.framework)
    holdout = evaluate(load_statements("holdout"), args.framework)
    print(f"statements: {tune.count} tuning, {holdout.count} held out; framework {args.framework}")
    print(f"  {'element':20} {'tuning':>8} {'held out':>9}")
    for name in tune.accuracy:
        print(f"  {name:20} {tune.accuracy[name]:8.0%} {holdout.accuracy[name]:9.0%}")
    mean_tune = sum(tune.accuracy.values()) / len(tune.accuracy)
    mean_holdout = sum(holdout.accuracy.values()) / len(holdout.accuracy)
    print(f"  {'mean':20} {mean_tune:8.0%} {mean_holdout:9.0%}")
    for verdict in ("strong", "mid", "weak"):
        print(
            f"  mean score, {verdict:7} {tune.mean_scores.get(verdict, 0):6.1f}"
            f" {holdout.mean_scores.get(verdict, 0):9.1f}"
        )
    print(f"  AUC strong vs weak   {tune.auc:8.3f} {holdout.auc:9.3f}")
    if args.mismatches:
        for split, evaluation in (("tune", tune), ("holdout", holdout)):
            for statement, name, expected, found in evaluation.mismatches:
                print(f"{split} {statement} {name}: labelled {expected!r}, found {found!r}")


if __name__ == "__main__":
    main()
