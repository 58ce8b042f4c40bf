"""What one text of a plan says: the ids it defines, where they are used, and its keys.

An `Analysis` is built from the loader's parse of one text (`sipcli.load.source.parse`, safe
loading with positions) and answers an editor's questions about a place in that text: go to
definition, find references, rename, hover, completion and the outline. Positions are 0-based
lines and columns in code points; spans end exclusive.
"""

from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from sipcli.editing.completion import completions_for
from sipcli.editing.context import cursor_at
from sipcli.editing.fields import choices, field_at, key_documentation, section_documentation
from sipcli.editing.index import Definition, Index, KeyUse, Positions, Reference, build_index
from sipcli.editing.outline import build_outline
from sipcli.editing.rules import code_hover
from sipcli.editing.types import Completion, Edit, HoverText, RenameRefused, Span, Symbol
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import Refusal, parse, split_lines

#: An id as the plan model accepts it (`sipcli.model.types.Identifier`).
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")
#: Words YAML 1.1 readers (many editors' YAML tools) take for true, false or null when
#: written plainly: sip reads them as text, but an id must mean the same to every reader.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


class Analysis:
    """What one text of a plan says: ids, references and keys with their positions."""

    def __init__(self, lines: list[str], index: Index, outline: list[Symbol]) -> None:
        """Keep the text's lines, its index and its outline (use `Analysis.of`)."""
        self.lines = lines
        self.index = index
        self._outline = outline

    @classmethod
    def of(cls, text: str) -> Analysis | None:
        """Analyse ``text``; None when the YAML does not parse (or is beyond the size limit)."""
        if (
            len(text) > DEFAULT_MAX_BYTES
            or len(text.encode("utf-8", "replace")) > DEFAULT_MAX_BYTES
        ):
            return None
        bom = text.startswith("\ufeff")
        try:
            data = parse(text[1:] if bom else text)
        except (Refusal, RecursionError, ValueError, YAMLError):
            return None
        lines = split_lines(text)
        positions = Positions(lines, bom)
        return cls(lines, build_index(data, positions), build_outline(data, positions))

    # --- what is under the cursor ---------------------------------------------------------

    def _definition_at(self, line: int, column: int) -> Definition | None:
        return next((d for d in self.index.definitions if d.span.contains(line, column)), None)

    def _reference_at(self, line: int, column: int) -> Reference | None:
        return next((r for r in self.index.references if r.span.contains(line, column)), None)

    def _key_at(self, line: int, column: int) -> KeyUse | None:
        return next((k for k in self.index.keys if k.span.contains(line, column)), None)

    def _identifier_at(self, line: int, column: int) -> tuple[str, Span] | None:
        """Return the id under the cursor (a definition or a reference) and its span."""
        found: Definition | Reference | None = self._definition_at(line, column)
        if found is None:
            found = self._reference_at(line, column)
        return (found.identifier, found.span) if found is not None else None

    # --- navigation -----------------------------------------------------------------------

    def definition(self, line: int, column: int) -> Span | None:
        """Where the id under the cursor is defined (the id of the item itself)."""
        reference = self._reference_at(line, column)
        if reference is not None:
            target = self.index.definition_of(reference.identifier, reference.kinds)
            return target.span if target is not None else None
        own = self._definition_at(line, column)
        return own.span if own is not None else None

    def references(self, line: int, column: int, include_declaration: bool) -> list[Span]:
        """Every use of the id under the cursor, in file order (and its definitions when asked)."""
        found = self._identifier_at(line, column)
        if found is None:
            return []
        identifier = found[0]
        spans = [r.span for r in self.index.uses_of(identifier)]
        if include_declaration:
            spans += [d.span for d in self.index.definitions if d.identifier == identifier]
        return sorted(spans, key=lambda span: (span.line, span.column))

    def prepare_rename(self, line: int, column: int) -> Span | None:
        """The span of the id under the cursor, when it names an item of the plan."""
        found = self._identifier_at(line, column)
        if found is None:
            return None
        identifier, span = found
        if not any(d.identifier == identifier for d in self.index.definitions):
            return None  # a reference to nothing: fix it rather than rename it
        return span

    def rename(self, line: int, column: int, new_name: str) -> list[Edit]:
        """The edits renaming the id under the cursor in its definition and every reference.

        Raises:
            RenameRefused: when nothing renameable is under the cursor, or ``new_name`` is
                not a valid id or already names an item.
        """
        found = self._identifier_at(line, column)
        if found is None or self.prepare_rename(line, column) is None:
            raise RenameRefused(
                "There is no id of the plan here to rename; put the cursor on an item's id "
                "or on a reference to one."
            )
        identifier = found[0]
        if new_name == identifier:
            return []
        self._check_new_name(new_name)
        spans = [d.span for d in self.index.definitions if d.identifier == identifier]
        spans += [r.span for r in self.index.uses_of(identifier)]
        return [Edit(span, new_name) for span in sorted(spans, key=lambda s: (s.line, s.column))]

    def _check_new_name(self, new_name: str) -> None:
        if not _IDENTIFIER.match(new_name):
            raise RenameRefused(
                f"'{new_name}' is not a valid id: an id starts with a letter and holds only "
                "letters, digits, '.', '_' and '-', at most 40 characters (e.g. RC2 or obj-2)."
            )
        if not _reads_as_text(new_name):
            raise RenameRefused(
                f"'{new_name}' would be read as a yes/no or empty value, not as an id; choose "
                "another id."
            )
        taken = self.index.definition_of(new_name)
        if taken is not None:
            raise RenameRefused(
                f"'{new_name}' is already a {taken.kind} id (line {taken.span.line + 1}); "
                "choose an id no other item has."
            )

    # --- hover ----------------------------------------------------------------------------

    def hover(self, line: int, column: int) -> HoverText | None:
        """What to show for a rule code, a reference (the item it names), an id or a key."""
        for hover in (self._code_hover, self._reference_hover, self._definition_hover):
            found = hover(line, column)
            if found is not None:
                return found
        return self._key_hover(line, column)

    def _code_hover(self, line: int, column: int) -> HoverText | None:
        return code_hover(self.lines, line, column)

    def _reference_hover(self, line: int, column: int) -> HoverText | None:
        reference = self._reference_at(line, column)
        if reference is None:
            return None
        wanted = " or ".join(reference.kinds)
        target = self.index.definition_of(reference.identifier, reference.kinds)
        if target is None:
            text = (
                f"No {wanted} has the id `{reference.identifier}`: fix the id, or add the "
                "missing item."
            )
        else:
            text = _describe(target)
            if target.kind not in reference.kinds:
                text += f"\n\n`{reference.field}` lists {wanted} ids; this is a {target.kind}."
        return HoverText(text, reference.span)

    def _definition_hover(self, line: int, column: int) -> HoverText | None:
        definition = self._definition_at(line, column)
        if definition is None:
            return None
        uses = self.index.uses_of(definition.identifier)
        if uses:
            where = ", ".join(str(use.span.line + 1) for use in uses)
            used = (
                f"Referred to {_times(len(uses))}, on line{'s' if len(uses) > 1 else ''} {where}."
            )
        else:
            used = "Nothing in the plan refers to it yet."
        return HoverText(f"{_describe(definition)}\n\n{used}", definition.span)

    def _key_hover(self, line: int, column: int) -> HoverText | None:
        key = self._key_at(line, column)
        if key is None:
            return None
        documentation = key_documentation(key.path)
        if documentation is None:
            return None
        parts = [f"**`{key.key}`**: {documentation}"]
        section = section_documentation(key.path)
        if section is not None:
            parts.append(section)
        info = field_at(key.path[:-1], key.key)
        allowed = choices(info.annotation) if info is not None else ()
        if allowed:
            parts.append("One of: " + ", ".join(f"`{value}`" for value in allowed) + ".")
        return HoverText("\n\n".join(parts), key.span)

    # --- completion and outline -----------------------------------------------------------

    def completions(self, text: str, line: int, column: int) -> list[Completion]:
        """Candidates at the cursor in ``text``, the current text (it need not parse).

        The key path comes from ``text``'s indentation; the ids offered come from this
        analysis, the last text that parsed.
        """
        cursor = cursor_at(split_lines(text), line, column)
        return [] if cursor is None else completions_for(cursor, self.index)

    def outline(self) -> list[Symbol]:
        """The document outline: stages and sections, objectives, goals and benchmarks."""
        return list(self._outline)


def _describe(item: Definition) -> str:
    kind = item.kind[:1].upper() + item.kind[1:]
    title = f"\n\n{item.title}" if item.title else ""
    return f"**{kind} {item.identifier}** (line {item.span.line + 1}){title}"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _reads_as_text(name: str) -> bool:
    """Whether YAML reads ``name``, written plainly, as the text itself (not true or null)."""
    if name.lower() in _YAML_WORDS:
        return False
    try:
        read: object = YAML(typ="safe", pure=True).load(name)
    except YAMLError:
        return False
    return read == name
