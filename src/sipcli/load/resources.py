"""Find sip's data files (templates, the plan skeleton) in the installed package."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:
    from importlib.abc import Traversable


def templates_dir() -> Traversable:
    """Return the folder of templates shipped with sip.

    The wheel carries the top-level ``templates/`` folder as ``sipcli/templates``. An editable
    install (a development checkout) does not, so there the checkout's own folder is used.
    """
    packaged = files("sipcli").joinpath("templates")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    return checkout


def read_template(*parts: str) -> str:
    """Return the text of the shipped template at ``templates/<parts...>``."""
    return str(templates_dir().joinpath(*parts).read_text(encoding="utf-8"))
