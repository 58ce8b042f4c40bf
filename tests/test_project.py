"""The project's addresses are stated once in code and once in the package metadata, alike."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

from sipcli.project import DOCS_URL, REPOSITORY_URL, rule_doc_url

from .conftest import ROOT


def test_the_package_metadata_names_the_same_addresses() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Documentation"] == DOCS_URL
    assert urls["Repository"] == REPOSITORY_URL
    assert urls["Issues"] == f"{REPOSITORY_URL}/issues"


def test_a_rule_page_is_an_anchor_on_the_rules_page() -> None:
    assert rule_doc_url("SIP201") == DOCS_URL + "rules/#sip201"
