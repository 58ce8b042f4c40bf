"""The settings every command-level fuzz test runs under.

The default run is short so the suite stays quick; ``SIP_FUZZ=long`` runs thousands of cases
with fresh randomness (``SIP_FUZZ_EXAMPLES=N`` sets the number either way).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz_profile(short_run: int) -> settings:
    """Hypothesis settings: ``short_run`` examples by default, 3000 under ``SIP_FUZZ=long``."""
    long = os.environ.get("SIP_FUZZ") == "long"
    examples = int(os.environ.get("SIP_FUZZ_EXAMPLES", "3000" if long else str(short_run)))
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        derandomize=not long,
    )
