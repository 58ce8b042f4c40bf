"""A served page: the rendered report, with the findings panel, the banner and the reload script.

The report's HTML is the one `sip render --to html` writes; this adds, without changing it,
a style sheet for the panel, a banner while the plan does not validate, the panel listing
the findings (each linked to its place in the page, with file:line:column), and a script
that reloads the page when the server says the plan was read again, keeping the scroll.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from sipcli.diagnostics import Diagnostic, Severity
from sipcli.project import rule_doc_url

#: The reports' names in the panel's links.
REPORT_TITLES = {"plan": "Plan", "progress": "Progress report", "summary": "Family summary"}

_STYLE = """<style id="sip-serve-style">
@media screen and (min-width: 60rem) {
  html body { margin-left: 2rem; margin-right: 25rem; }
  #sip-serve { position: fixed; top: 0; right: 0; bottom: 0; width: 22rem; overflow-y: auto; }
}
#sip-serve { box-sizing: border-box; padding: 0.8rem 1rem; background: #f4f6f8;
  border-left: 1px solid #c9d1d9; font: 0.9rem/1.4 "Segoe UI", Calibri, Arial, sans-serif; }
#sip-serve h2 { font-size: 1.05rem; margin: 0.8rem 0 0.4rem; border: 0; color: #12355b; }
#sip-serve nav a { margin-right: 0.6rem; }
#sip-serve nav a[aria-current] { font-weight: 700; color: inherit; text-decoration: none; }
#sip-serve ol { list-style: none; padding: 0; margin: 0; }
#sip-serve li { margin: 0 0 0.6rem; padding-left: 0.5rem; border-left: 4px solid #8a96a3; }
#sip-serve li.error { border-color: #b42318; }
#sip-serve li.warning { border-color: #b54708; }
#sip-serve .where { display: block; overflow-wrap: anywhere; font-family: ui-monospace, Consolas, monospace; color: #444; }
#sip-banner { background: #fff4e5; border: 2px solid #b54708; padding: 0.6rem 1rem;
  margin: 0 0 1rem; font: 0.95rem/1.4 "Segoe UI", Calibri, Arial, sans-serif; }
:target { outline: 3px solid #f5b400; outline-offset: 2px; }
@media print { #sip-serve, #sip-banner { display: none; } }
</style>
"""

# Reloads when the server has read the plan again (generation differs from this page's),
# keeping the scroll position; EventSource reconnects by itself when the server restarts.
_SCRIPT = """<script id="sip-serve-script">
(function () {
  var generation = "%(generation)s";
  var key = "sip-serve-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
  }
  var events = new EventSource("/events");
  events.addEventListener("reload", function (event) {
    if (event.data !== generation) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
})();
</script>
"""


@dataclass(frozen=True)
class Finding:
    """A diagnostic and the id of its place in the page (None: the page has no place for it)."""

    diagnostic: Diagnostic
    anchor: str | None


@dataclass(frozen=True)
class PageState:
    """What the panel and the banner say about the plan as last read."""

    file: str
    report: str
    reports: Sequence[str]
    generation: int
    findings: Sequence[Finding]
    stale: bool = False
    """The report could not be made from the plan as last read: the last good page is shown."""
    problem: str = ""
    """Why the plan could not be checked or the report rendered (empty: it does not validate)."""
    shown_from: str = ""
    """When the plan of the last good page shown was read (HH:MM:SS); empty when none is."""


def compose(body: str | None, state: PageState) -> str:
    """Return the page: ``body`` with the findings panel and the reload script added.

    ``body`` is a rendered report, or None when none has rendered yet; the banner is added
    when ``state.stale``.
    """
    page = body if body is not None else _empty_page(state)
    page = _insert(page, r"</head\s*>", _STYLE, before=True)
    if state.stale:
        page = _insert(page, r"<body\b[^>]*>", _banner(state), before=False)
    extra = _panel(state) + _SCRIPT % {"generation": state.generation}
    return _insert(page, r"</body\s*>", extra, before=True)


def _insert(page: str, pattern: str, text: str, *, before: bool) -> str:
    """Put ``text`` before or after the first match of ``pattern`` (else at the end)."""
    match = re.search(pattern, page, flags=re.IGNORECASE)
    if match is None:
        return page + text
    at = match.start() if before else match.end()
    return page[:at] + text + page[at:]


def _empty_page(state: PageState) -> str:
    """The page while no version of the plan has rendered yet: the banner and the panel only."""
    title = html.escape(f"{state.file}: not rendered yet")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main></main>\n</body>\n</html>\n"
    )


def _banner(state: PageState) -> str:
    """Say that the page is not the plan as saved, why, and what to do."""
    name = html.escape(state.file)
    if state.problem:
        why = f"sip could not show {name} as saved: {html.escape(state.problem)}"
    else:
        errors = sum(1 for f in state.findings if f.diagnostic.severity is Severity.ERROR)
        why = (
            f"{name} does not validate as saved ({errors} error{'' if errors == 1 else 's'}, "
            "listed beside the page)"
        )
    if state.shown_from:
        shown = f"This page shows the last version that did, read at {state.shown_from}."
    else:
        shown = "No version of it has rendered since sip serve started."
    errors_list = "".join(
        f"<li>{_where(f.diagnostic)}: {html.escape(f.diagnostic.message)}</li>"
        for f in state.findings
        if f.diagnostic.severity is Severity.ERROR
    )
    listed = f"<ul>{errors_list}</ul>" if errors_list else ""
    return (
        f'\n<div id="sip-banner" role="alert"><strong>{why}.</strong> {shown} '
        f"Fix it and save: this page updates by itself.{listed}</div>\n"
    )


def _panel(state: PageState) -> str:
    """The side panel: links to the other reports, then every finding."""
    links = " ".join(_report_link(name, name == state.report) for name in state.reports)
    count = len(state.findings)
    heading = (
        f"{count} finding{'' if count == 1 else 's'} in {html.escape(state.file)}"
        if count
        else f"No findings in {html.escape(state.file)}"
    )
    items = "\n".join(_finding(finding) for finding in state.findings)
    listing = f"<ol>\n{items}\n</ol>\n" if items else ""
    return (
        f'<aside id="sip-serve" aria-label="Findings">\n<nav>{links}</nav>\n'
        f"<h2>{heading}</h2>\n{listing}</aside>\n"
    )


def _report_link(report: str, current: bool) -> str:
    """A link to one report's page, marked when it is the page shown."""
    marked = ' aria-current="page"' if current else ""
    return f'<a href="/{report}"{marked}>{REPORT_TITLES.get(report, report)}</a>'


def _finding(finding: Finding) -> str:
    """One finding: where (a link to its place in the page), its rule and its message."""
    d = finding.diagnostic
    where = _where(d)
    if finding.anchor is not None:
        where = f'<a href="#{html.escape(finding.anchor)}">{where}</a>'
    code = f'<a href="{html.escape(rule_doc_url(d.code))}"><code>{html.escape(d.code)}</code></a>'
    return (
        f'<li class="{d.severity.value}"><span class="where">{where}</span> '
        f"{code} {html.escape(d.severity.value)}: {html.escape(d.message)}</li>"
    )


def _where(d: Diagnostic) -> str:
    """``file:line:column``, escaped; the file by its name (the panel is narrow)."""
    return html.escape(f"{PurePath(d.file).name}:{d.line}:{d.column}")
