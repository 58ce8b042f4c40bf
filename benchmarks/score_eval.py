"""How well do `sip score`'s detectors and scores agree with hand labels?

Reads tests/data/goal_statements.yaml (statements labelled with the elements present and a
strong, mid or weak verdict) and prints, for the tuning split and the held-out split
separately: per-element accuracy, the mean score per verdict, and the AUC of strong versus
weak (the chance that a strong statement outscores a weak one). Prints figures, asserts
nothing.

Then it prints speed (skip with --no-timing): the time `score_text` takes per statement of the
evaluation set, for this work tree and for the previous implementation (the committed HEAD,
unpacked with `git archive` into a temporary folder) in the same run, each in its own
subprocess, and the ratio new/old; and each detector's time on 10k, 50k and 100k characters of
realistic and adversarial text, with the ratios 50k/10k and 100k/10k (linear is about 5 and 10).

    python benchmarks/score_eval.py [--framework dese] [--mismatches] [--no-timing]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.score_evaluation import evaluate, load_statements

ROOT = Path(__file__).resolve().parents[1]
#: The elements the held-out quarter must read at 0.95 or better.
TARGET_ELEMENTS = ("deadline", "target", "baseline", "placeholder")

#: Run in a subprocess against one copy of sipcli (PYTHONPATH): reads the statements as JSON on
#: stdin and prints JSON timings. Only public detector names are used, each looked up
#: defensively, so the previous implementation can be timed by the same code.
_TIMER = r"""
import json, sys, time
import sipcli
from sipcli.model.reference import default_reference
from sipcli.score import score_text
request = json.load(sys.stdin)
reference = default_reference()
texts = request["statements"]
for text in texts:
    score_text(text, reference)  # warm: compile patterns, load vocabularies
best = float("inf")
for _ in range(request["rounds"]):
    start = time.perf_counter()
    for text in texts:
        score_text(text, reference)
    best = min(best, time.perf_counter() - start)
result = {"where": sipcli.__file__, "per_statement": best / len(texts), "detectors": {}}
if request["lengths"]:
    import importlib
    detectors = {"score_text": lambda text: score_text(text, reference)}
    for module, name, call in (
        ("sipcli.statement.elements", "detect", None),
        ("sipcli.statement.amounts", "find_amounts", None),
        ("sipcli.statement.numbers", "quantities", None),
        ("sipcli.statement.deadlines", "find_deadline", None),
        ("sipcli.statement.deadlines", "find_cadence", None),
        ("sipcli.statement.wording", "find_metric", None),
        ("sipcli.statement.wording", "find_student_group", None),
        ("sipcli.statement.wording", "find_measure_source", None),
        ("sipcli.statement.wording", "find_owner", None),
        ("sipcli.statement.placeholders", "find_placeholders", None),
        ("sipcli.statement.wording", "find_vague_verbs", {"quantified": False}),
        ("sipcli.statement.wording", "find_activity", {"measurable": False}),
        ("sipcli.statement.years", "year_mentions", None),
        # the layout before the one statement reader (issue 15), for --base runs
        ("sipcli.score.elements", "detect", None),
        ("sipcli.score.quantities", "find_amounts", None),
        ("sipcli.score.timing", "find_deadline", None),
        ("sipcli.score.wording", "find_placeholders", None),
        ("sipcli.statement.text", "statement_numbers", None),
    ):
        try:
            function = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        label = module.rsplit(".", 1)[-1] + "." + name
        detectors[label] = (lambda f, k: lambda text: f(text, **k))(function, call or {})
    for shape, filler in request["shapes"].items():
        for label, detector in detectors.items():
            timings = []
            for length in request["lengths"]:
                text = (filler * (length // len(filler) + 1))[:length]
                start = time.perf_counter()
                detector(text)
                timings.append(time.perf_counter() - start)
            result["detectors"].setdefault(shape, {})[label] = timings
print(json.dumps(result))
"""

#: Long texts for the per-detector timings: a goal sentence repeated, and adversarial runs.
SHAPES = {
    "goal sentence": (
        "By spring 2027, the percentage of grade 3 students meeting or exceeding expectations "
        "on the ELA MCAS will increase from 38% to 45%, led by the principal. "
    ),
    "digits": "1234567890",
    "spaces": " ",
    "brackets": "[[ ((",
    "by by by": "by ",
    "percent signs": "% ",
    "numbers": "5% 12 ",
}
LENGTHS = [10_000, 50_000, 100_000]


def _time_in(source: Path, statements: list[str], lengths: list[int]) -> dict[str, object]:
    """Time the sipcli package under ``source`` (a ``src`` folder) in a fresh subprocess."""
    request = {"statements": statements, "rounds": 5, "lengths": lengths, "shapes": SHAPES}
    environment = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-c", _TIMER],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        env=environment,
        cwd=tempfile.gettempdir(),
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def print_timing(base: str = "HEAD") -> None:
    """Print score_text's time per statement, now and at ``base``, and each detector on long text."""
    statements = [item.text for item in load_statements()]
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", base, "src/sipcli"], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        old = _time_in(Path(folder) / "src", statements, [])
    new = _time_in(ROOT / "src", statements, LENGTHS)
    old_time, new_time = float(old["per_statement"]), float(new["per_statement"])  # type: ignore[arg-type]
    print(f"score_text per statement ({len(statements)} statements, best of 5 rounds):")
    print(f"  previous ({base})  {old_time * 1e6:9.1f} us")
    print(f"  this work tree   {new_time * 1e6:9.1f} us   new/old {new_time / old_time:.2f}")
    print("detectors on long text (ms at " + ", ".join(f"{n // 1000}k" for n in LENGTHS) + "):")
    print(
        f"  {'text':14} {'detector':28} {'10k':>8} {'50k':>8} {'100k':>8} {'50/10':>6} {'100/10':>6}"
    )
    detectors: dict[str, dict[str, list[float]]] = new["detectors"]  # type: ignore[assignment]
    for shape, timings in detectors.items():
        for label, (small, middle, large) in timings.items():
            print(
                f"  {shape:14} {label:28} {small * 1e3:8.1f} {middle * 1e3:8.1f} "
                f"{large * 1e3:8.1f} {middle / small:6.1f} {large / small:6.1f}"
            )


def main() -> None:
    """Evaluate both splits and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", default="dese", choices=["dese", "smartie", "classic"])
    parser.add_argument("--mismatches", action="store_true", help="list every disagreement")
    parser.add_argument("--no-timing", action="store_true", help="skip the speed figures")
    parser.add_argument(
        "--base", default="HEAD", help="the commit whose implementation is timed beside this one"
    )
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
    print("targets on the held-out quarter (issue 15):")
    for name, figure, target in (
        ("AUC strong vs weak", holdout.auc, 0.97),
        *((name, holdout.accuracy[name], 0.95) for name in TARGET_ELEMENTS),
    ):
        verdict = "met" if figure >= target else "NOT MET"
        print(f"  {name:20} {figure:8.3f}  target {target:.2f}  {verdict}")
    if args.mismatches:
        for split, evaluation in (("tune", tune), ("holdout", holdout)):
            for statement, name, expected, found in evaluation.mismatches:
                print(f"{split} {statement} {name}: labelled {expected!r}, found {found!r}")
    if not args.no_timing:
        print_timing(args.base)


if __name__ == "__main__":
    main()
