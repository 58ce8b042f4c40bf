"""Where sip lives on the web: its documentation site and each rule's page there.

The same addresses are the project URLs in pyproject.toml; tests/test_project.py keeps the
two in step. Nothing is fetched from them: they are links written into reports (SARIF's
``helpUri``, the text report's rule links) for a person to follow.
"""

from __future__ import annotations

#: The documentation site, built from docs/ (ends with "/").
DOCS_URL = "https://sip-plans.github.io/sip/"

#: The source repository.
REPOSITORY_URL = "https://github.com/sip-plans/sip"


def rule_doc_url(code: str) -> str:
    """Return the stable address of a rule's documentation: its anchor on the rules page."""
    return f"{DOCS_URL}rules/#{code.lower()}"
