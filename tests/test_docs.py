"""The README and the pages in docs/: short, every link and anchor real, every rule anchored.

mkdocs itself is not run here (the docs extra is not a test dependency); `.ci/run` builds the
site with `mkdocs build --strict`. These tests catch the same broken links without it, and
also check what mkdocs cannot: that README.md's links work on GitHub, that links to the
repository's files name files that exist, and that the commands the README shows exist.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import typer
from markdown_it import MarkdownIt
from markdown_it.token import Token
from ruamel.yaml import YAML

from sipcli.cli import app
from sipcli.lint.catalog import all_entries
from sipcli.project import DOCS_URL, REPOSITORY_URL, rule_doc_url

from .conftest import ROOT
from .test_precommit import README_CONFIG

DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES = sorted(DOCS.glob("*.md"))
#: Every Markdown file whose links are checked.
MARKDOWN_FILES = [README, ROOT / "CONTRIBUTING.md", *PAGES]
#: A link to a file of this repository on GitHub, as the docs pages write them.
GITHUB_FILE = re.compile(rf"^{re.escape(REPOSITORY_URL)}/(blob|tree)/main/(.*)$")
#: Raw-HTML anchors (`<a id="sip201"></a>`), as docs/rules.md gives every code.
HTML_ID = re.compile(r"""<a\s+id=["']([^"']+)["']""")

_markdown = MarkdownIt("commonmark").enable("table")


def _tokens(path: Path) -> list[Token]:
    return _markdown.parse(path.read_text(encoding="utf-8"))


def _walk(tokens: list[Token]) -> list[Token]:
    """Every token, inline children included."""
    flat: list[Token] = []
    for token in tokens:
        flat.append(token)
        flat.extend(_walk(token.children or []))
    return flat


def _slug(text: str) -> str:
    """The id Python-Markdown's toc extension (mkdocs' default) gives a heading."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


@cache
def anchors(path: Path) -> frozenset[str]:
    """The ids a page has: one per heading (made unique as toc does) and every raw `<a id>`."""
    tokens = _tokens(path)
    found: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            text = "".join(child.content for child in inline.children or [])
            slug, count = _slug(text), 0
            while slug in found:  # toc's unique(): a repeated heading gets _1, _2, ...
                count += 1
                slug = f"{_slug(text)}_{count}"
            found.add(slug)
    found.update(HTML_ID.findall(path.read_text(encoding="utf-8")))
    return frozenset(found)


def links(path: Path) -> list[str]:
    """Every link and image address in a Markdown file."""
    found = []
    for token in _walk(_tokens(path)):
        if token.type == "link_open":
            found.append(str(token.attrs["href"]))
        elif token.type == "image":
            found.append(str(token.attrs["src"]))
    return found


def _problem(source: Path, href: str) -> str | None:
    """What is wrong with one link of ``source``, or None."""
    if match := GITHUB_FILE.match(href):
        kind, target = match.groups()
        exists = (ROOT / target).is_dir() if kind == "tree" else (ROOT / target).is_file()
        return None if exists else f"{href}: no such {'folder' if kind == 'tree' else 'file'}"
    if re.match(r"^[a-z][a-z+.-]*:", href):  # another site, mailto:
        return None
    target_text, _, fragment = href.partition("#")
    target = (source.parent / target_text).resolve() if target_text else source
    if not target.exists():
        return f"{href}: no such file"
    if source.parent == DOCS and not target.is_relative_to(DOCS):
        # mkdocs builds only docs/: a page links to the repository's files on GitHub.
        return f"{href}: outside docs/, write {REPOSITORY_URL}/blob/main/..."
    if fragment and target.suffix == ".md" and fragment not in anchors(target):
        return f"{href}: {target.name} has no heading or anchor '#{fragment}'"
    return None


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_points_to_a_file_and_anchor(path: Path) -> None:
    problems = [problem for href in links(path) if (problem := _problem(path, href))]
    assert not problems, "\n".join(problems)


def test_link_checker_catches_a_broken_anchor_and_file(tmp_path: Path) -> None:
    # The checker above must be able to fail: a missing anchor and a missing file are caught.
    assert _problem(README, "docs/start.md#no-such-section") is not None
    assert _problem(README, "docs/no-such-page.md") is not None
    assert _problem(README, f"{REPOSITORY_URL}/blob/main/no/such/file.yaml") is not None
    assert _problem(DOCS / "index.md", "../README.md") is not None
    assert _problem(README, "docs/start.md#where-the-plan-stands-sip-status") is None


def test_readme_is_short() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 160, f"README.md has {len(lines)} lines; the reference goes in docs/"


def test_readme_links_to_every_docs_page() -> None:
    linked = {(ROOT / href.partition("#")[0]).resolve() for href in links(README)}
    missing = [page.name for page in PAGES if page.resolve() not in linked]
    assert not missing, f"README.md does not link to {missing}"


def test_readme_picture_is_a_small_png() -> None:
    pictures = [href for href in links(README) if href.endswith(".png")]
    assert pictures, "README.md shows no picture of a rendered plan"
    for href in pictures:
        data = (ROOT / href).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), href
        assert len(data) < 150_000, f"{href} is {len(data)} bytes; keep it small"


def _rules_page_ids() -> list[str]:
    return HTML_ID.findall((DOCS / "rules.md").read_text(encoding="utf-8"))


def test_every_code_has_its_anchor_on_the_rules_page() -> None:
    ids = _rules_page_ids()
    assert len(ids) == len(set(ids)), "an anchor appears twice on docs/rules.md"
    for entry in all_entries():
        fragment = rule_doc_url(entry.code).removeprefix(f"{DOCS_URL}rules/#")
        assert fragment == entry.code.lower()
        assert fragment in ids, f"docs/rules.md has no anchor for {entry.code}"


def test_rule_table_links_land_on_anchors() -> None:
    rules_page = DOCS / "rules.md"
    targets = [href for href in links(rules_page) if href.startswith("#sip")]
    assert len(targets) >= 40, "the lint rules' table rows link to their sections"
    assert {target[1:] for target in targets} <= set(_rules_page_ids())


def _mkdocs_config() -> dict[str, object]:
    # mkdocs.yml has no tags, so the safe loader reads it.
    config = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def test_site_url_is_the_docs_url() -> None:
    # Reports link to rule_doc_url(code): the site must be served where DOCS_URL says.
    assert _mkdocs_config()["site_url"] == DOCS_URL


def test_nav_lists_every_page() -> None:
    nav = _mkdocs_config()["nav"]
    assert isinstance(nav, list)
    listed = {page for item in nav for page in item.values()}
    assert listed == {page.name for page in PAGES}


def _named_commands(path: Path) -> set[str]:
    """The `sip COMMAND` names in a Markdown file's code blocks (comments left out)."""
    names = set()
    for token in _tokens(path):
        if token.type not in {"fence", "code_block"}:
            continue
        for line in token.content.splitlines():
            code = re.sub(r"(^|\s)#.*$", "", line)  # a shell comment may say "sip, then"
            names.update(re.findall(r"(?:^|[\s;&|($])sip\s+([a-z][a-z-]*)", code))
    return names


def test_commands_shown_in_the_readme_and_docs_exist() -> None:
    registered = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    shown = _named_commands(README)
    assert {"init", "status", "validate", "lint", "score", "render"} <= shown
    for path in PAGES:
        shown |= _named_commands(path)
    assert shown <= registered, f"not sip commands: {sorted(shown - registered)}"


def test_pre_commit_config_on_the_ci_page_is_the_tested_one() -> None:
    # tests/test_precommit.py runs README_CONFIG for real; the page must show that config.
    blocks = [
        token.content
        for token in _tokens(DOCS / "ci.md")
        if token.type == "fence" and token.content.startswith("repos:")
    ]
    assert len(blocks) == 1, "docs/ci.md shows one .pre-commit-config.yaml"
    tested = README_CONFIG.format(repo=REPOSITORY_URL, rev="main")
    assert YAML(typ="safe").load(blocks[0]) == YAML(typ="safe").load(tested)
