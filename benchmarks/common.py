"""Shared by the benchmarks: generated plan folders and timing of fresh processes."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BIN = Path(sys.executable).parent

# The reference the issues name: ruamel's round-trip load, in pure Python, with no validation.
# sip takes its YAML events from libyaml where it can (src/sipcli/libyaml.py), so a command can
# come in under 1x of it; the ratio against `sip validate` shows what each command adds.
BARE_LOAD = """
import sys
from pathlib import Path
from ruamel.yaml import YAML
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    YAML(typ="rt").load(path.read_text(encoding="utf-8"))
"""


def generate_plans(folder: Path, count: int) -> None:
    """Write ``count`` plans into ``folder``: the examples with a different school name each."""
    sources = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    for index in range(count):
        text = sources[index % len(sources)]
        text = text.replace("  name: ", f"  name: Generated {index:05d} ", 1)
        (folder / f"plan-{index:05d}.yaml").write_text(text, encoding="utf-8")


def wall_time(command: list[str]) -> float:
    """Run ``command`` once and return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def repeated_times(command: list[str], runs: int) -> list[float]:
    """Return the wall times of ``runs`` runs of ``command`` (after one warm-up run)."""
    wall_time(command)
    return [wall_time(command) for _ in range(runs)]


def describe(times: list[float]) -> str:
    """Return "fastest X ms   median Y ms" for a list of timings."""
    return f"fastest {min(times) * 1000:5.0f} ms   median {statistics.median(times) * 1000:5.0f} ms"


def tool(name: str) -> str:
    """Return the path of a console script installed beside this Python."""
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed: pip install -e '.[test]'")
    return found


def compare_with_loading(label: str, arguments: list[str], plans: int, runs: int) -> None:
    """Time ``sip ARGUMENTS FOLDER`` against the bare load and `sip validate`, and print it.

    Over a folder of ``plans`` generated plans, fresh processes, best of ``runs`` each.
    """
    sip = tool("sip")
    with tempfile.TemporaryDirectory() as folder:
        generate_plans(Path(folder), plans)
        commands = {
            "bare ruamel load": [sys.executable, "-c", BARE_LOAD, folder],
            "sip validate": [sip, "validate", "-f", "concise", folder],
            label: [sip, *arguments, folder],
        }
        best = {name: min(repeated_times(command, runs)) for name, command in commands.items()}
    print(f"folder of {plans} plans generated from {len(EXAMPLES)} examples")
    for name, seconds in best.items():
        print(f"  {name + ':':18} {seconds:7.2f} s  {seconds / plans * 1000:6.2f} ms/plan")
    print(f"  ratio {label} / bare load: {best[label] / best['bare ruamel load']:5.2f}x")
    print(f"  ratio {label} / validate:  {best[label] / best['sip validate']:5.2f}x")
