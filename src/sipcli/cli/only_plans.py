"""`--only-plans`, shared by validate, lint and fmt: what sip's pre-commit hooks run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

OnlyPlansOption = Annotated[
    bool,
    typer.Option(
        "--only-plans",
        help="Quietly pass over YAML files that are not plans: the tools' own files "
        "(workflows, .pre-commit-config.yaml, docker-compose.yml, ...) and files without a "
        "top-level schema_version, school or plan key. The pre-commit hooks use it.",
    ),
]


def keep_plans(files: list[Path], only_plans: bool) -> list[Path]:
    """Return ``files``, without those that are not plans when ``only_plans`` is set."""
    if not only_plans:
        return files
    from sipcli.load.detect import only_plans as plans_in

    return plans_in(files)
