"""`sip template check`: the names a custom template uses that the plan's view does not have.

A template refers to ``view`` and to fields of the view's parts (``section.title``,
``row.cells``...). A misspelt name would only fail when rendering, in front of a client; this
reports it first, with its line.
"""

from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from sipcli.errors import SipError
from sipcli.render import view as view_model
from sipcli.render.environment import make_environment
from sipcli.render.viewmodel import Cover

#: Names a template may use besides its own variables: the view and Jinja's loop helpers.
_GLOBALS = {
    "view",
    "loop",
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "super",
    "varargs",
    "kwargs",
    "caller",
}

#: Every attribute a template may read: the fields of the view's classes, loop's attributes,
#: and the methods of strings, lists and dicts templates commonly call.
_ATTRIBUTES = (
    {
        field.name
        for cls in (
            view_model.PlanView,
            Cover,
            view_model.Section,
            view_model.Item,
            view_model.Table,
            view_model.Row,
            view_model.Entry,
        )
        for field in dataclasses.fields(cls)
    }
    | {
        "index",
        "index0",
        "first",
        "last",
        "length",
        "revindex",
        "revindex0",
        "previtem",
        "nextitem",
        "depth",
        "depth0",
        "cycle",
        "changed",
    }
    | {
        "upper",
        "lower",
        "title",
        "strip",
        "split",
        "replace",
        "startswith",
        "endswith",
        "join",
        "items",
        "keys",
        "values",
        "get",
        "format",
        "capitalize",
    }
)


@dataclass(frozen=True)
class TemplateProblem:
    """An unknown name and the line it is on."""

    line: int
    message: str


def _source(path: Path) -> str:
    try:
        if path.suffix.lower() == ".docx":
            return _docx_source(path)
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, KeyError) as error:
        raise SipError(f"cannot read the template {path}: {error}") from error


def _docx_source(path: Path) -> str:
    from docxtpl import DocxTemplate  # noqa: PLC0415 - docx is heavy

    template = DocxTemplate(str(path))
    template.init_docx()
    return str(template.patch_xml(template.get_xml()))


def check_template(path: Path) -> list[TemplateProblem]:
    """Return the unknown variables and attributes of the template at ``path``.

    Raises:
        SipError: when the template cannot be read or parsed.
    """
    environment = make_environment(path.parent)
    try:
        tree = environment.parse(_source(path))
    except TemplateSyntaxError as error:
        raise SipError(f"{path}:{error.lineno}: template syntax error: {error.message}") from error
    problems = [
        TemplateProblem(node.lineno, f"unknown variable '{node.name}'")
        for node in _undeclared(tree)
    ]
    modules = {node.target for node in tree.find_all(nodes.Import)}
    problems += [
        TemplateProblem(node.lineno, f"unknown attribute '{node.attr}'{_did_you_mean(node.attr)}")
        for node in tree.find_all(nodes.Getattr)
        if node.attr not in _ATTRIBUTES and not _is_macro_of(node, modules)
    ]
    return sorted(problems, key=lambda problem: problem.line)


def _did_you_mean(name: str) -> str:
    import difflib  # noqa: PLC0415 - needed only when a name is unknown

    close = difflib.get_close_matches(name, sorted(_ATTRIBUTES), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _is_macro_of(node: nodes.Getattr, modules: set[str]) -> bool:
    """Whether ``node`` is ``m.table`` where ``m`` is an imported template of macros."""
    return isinstance(node.node, nodes.Name) and node.node.name in modules


def _undeclared(tree: nodes.Template) -> list[nodes.Name]:
    """Return the names loaded but never assigned, imported, looped over or passed in."""
    declared = set(_GLOBALS)
    for node in tree.find_all(
        (
            nodes.Assign,
            nodes.For,
            nodes.Macro,
            nodes.Import,
            nodes.FromImport,
            nodes.With,
            nodes.AssignBlock,
        )
    ):
        for name in node.find_all(nodes.Name):
            if name.ctx in {"store", "param"}:
                declared.add(name.name)
        if isinstance(node, nodes.Macro):
            declared.add(node.name)
            declared.update(arg.name for arg in node.args)
        if isinstance(node, nodes.Import):
            declared.add(node.target)
        if isinstance(node, nodes.FromImport):
            declared.update(name if isinstance(name, str) else name[1] for name in node.names)
    return [
        name
        for name in tree.find_all(nodes.Name)
        if name.ctx == "load" and name.name not in declared
    ]
