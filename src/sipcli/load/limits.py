"""Limits on what sip will read. Kept apart so the CLI can show them without importing YAML."""

#: Plans are tens of kilobytes; anything far larger is a mistake or an attack.
DEFAULT_MAX_BYTES = 1_000_000
#: A plan nests about eight levels deep; anything far deeper is not a plan.
MAX_DEPTH = 32
