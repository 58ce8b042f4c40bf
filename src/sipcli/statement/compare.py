"""Comparing and writing figures the way prose does: rounding, and no trailing ".0"."""

from __future__ import annotations

TOLERANCE = 0.05
"""How far two figures may differ and still be the same value (rounding in prose)."""


def same_value(first: float, second: float, tolerance: float = TOLERANCE) -> bool:
    """Return whether two figures agree within ``tolerance`` (prose rounds)."""
    return abs(first - second) <= tolerance + 1e-9


def format_number(value: float) -> str:
    """Return a figure as a reader writes it: 45 rather than 45.0, 24.6 as is."""
    return f"{value:g}"
