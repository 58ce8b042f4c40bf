"""Limits on what a template may do: a time budget and an output budget per document.

The sandbox stops a template from reaching Python internals, not from running forever or
building a value that fills the memory. `LimitedEnvironment` gives each rendered document a
deadline and an output budget, and refuses values larger than the output budget before
Python builds them.

The limits are cooperative: they are checked where template code hands control to sip (every
call, attribute and item lookup, intercepted operator, loop step, guarded filter and output
chunk). A single operation between two checks is kept small by refusing its arguments.
"""

from __future__ import annotations

import copy
import functools
import inspect
import math
import re
import string
import time
import types
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from jinja2 import (
    Template,
    TemplateError,
    nodes,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

#: A real plan renders in well under a second; ten seconds means the template is stuck.
DEFAULT_TEMPLATE_SECONDS = 10.0
#: A real plan's document is under a megabyte; twenty means the template is running away.
DEFAULT_TEMPLATE_MAX_BYTES = 20_000_000
#: The largest number (in bits, about 30,000 digits) arithmetic may produce: a template has
#: no use for more, and Python's own limit on printing integers is 4,300 digits.
MAX_NUMBER_BITS = 100_000

#: What a template's failure means, by the kind of Python error it raised.
_CRASHES: tuple[tuple[type[BaseException], str], ...] = (
    (RecursionError, "calls itself without end (macro or include)"),
    (MemoryError, "ran out of memory building a value"),
    (OverflowError, "computed a value too large"),
    (ValueError, "computed a value sip cannot use"),
)

#: The values whose length is checked against the output budget.
_SIZED = (str, bytes, list, tuple, dict)
_PRINTF_FIELD = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class TemplateLimits:
    """How long one document's templates may run and how many bytes they may write."""

    seconds: float = DEFAULT_TEMPLATE_SECONDS
    max_bytes: int = DEFAULT_TEMPLATE_MAX_BYTES

    @classmethod
    def of(cls, seconds: float | None = None, max_bytes: int | None = None) -> TemplateLimits:
        """Return the limits given, with the defaults for those that are None."""
        return cls(
            DEFAULT_TEMPLATE_SECONDS if seconds is None else seconds,
            DEFAULT_TEMPLATE_MAX_BYTES if max_bytes is None else max_bytes,
        )


class TemplateLimitError(TemplateError):
    """A template went past a limit, or failed the way only a runaway template does.

    ``lineno`` and ``filename`` are where in the template it happened, once known; docxtpl
    reads ``lineno`` to quote the Word template's text around it.
    """

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint
        self.lineno: int | None = None
        self.filename: str | None = None

    def locate(self, error: BaseException) -> TemplateLimitError:
        """Take the template line from ``error``'s traceback, unless already known."""
        if self.lineno is None:
            self.filename, self.lineno = template_position(error)
        return self


def template_position(error: BaseException) -> tuple[str | None, int | None]:
    """Return the file and line of the innermost template code in ``error``'s traceback.

    Jinja rewrites the traceback of an error raised while rendering: each frame of template
    code becomes a frame of the template's source file at the template's line, marked by
    ``__jinja_exception__`` in its globals.
    """
    filename: str | None = None
    lineno: int | None = None
    trace = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if "__jinja_exception__" in frame.f_globals:
            filename, lineno = frame.f_code.co_filename, trace.tb_lineno
        trace = trace.tb_next
    return filename, lineno


class LimitedTemplate(Template):
    """A template whose rendering keeps to its environment's time and output budgets."""

    environment: LimitedEnvironment

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render like Jinja, but stop when the document runs too long or writes too much.

        Raises:
            TemplateLimitError: when a budget is spent, or the template recursed without
                end or computed a value Python refuses (too large, too many digits).
        """
        environment = self.environment
        try:
            with environment.budget():
                chunks = cast(Generator[str, None, None], self.generate(*args, **kwargs))
                parts: list[str] = []
                for chunk in chunks:
                    problem = environment.account(chunk)
                    if problem is not None:
                        # Thrown into the generator so Jinja's traceback names the line.
                        chunks.throw(problem)
                    parts.append(chunk)
                return "".join(parts)
        except TemplateLimitError as error:
            raise error.locate(error) from None
        except (RecursionError, MemoryError, OverflowError, ValueError) as error:
            meaning = next(text for kind, text in _CRASHES if isinstance(error, kind))
            detail = "" if isinstance(error, RecursionError | MemoryError) else f" ({error})"
            raise TemplateLimitError(meaning + detail).locate(error) from error


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles loops and ``~`` so that they too pass through the environment's checks."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        # A loop whose body calls nothing would otherwise never see the clock.
        checked = copy.copy(node)
        checked.iter = nodes.Call(
            nodes.EnvironmentAttribute("checked_loop"), [node.iter], [], None, None
        )
        checked.iter.set_lineno(node.lineno)
        checked.iter.set_environment(self.environment)
        super().visit_For(checked, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # `~` cannot be intercepted like `+`, and repeated it doubles a string each time.
        self.write("environment.checked_value(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedEnvironment(SandboxedEnvironment):
    """A sandbox whose templates keep to a time budget and an output budget per document."""

    code_generator_class = _LimitedCodeGenerator
    template_class = LimitedTemplate
    intercepted_binops: frozenset[str] = frozenset({"*", "**", "+", "%"})
    #: The built-in filters that build strings from numbers or repeat text, and a bound on
    #: the size of what each returns, from its arguments.
    _GUARDED_FILTERS: ClassVar[dict[str, Callable[[dict[str, Any], LimitedEnvironment], int]]]

    def __init__(self, *args: Any, limits: TemplateLimits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or TemplateLimits()
        self._deadline: float | None = None
        self._written = 0
        for name, estimate in self._GUARDED_FILTERS.items():
            self.filters[name] = self._guard(self.filters[name], estimate)
        self.globals["lipsum"] = self._guard(
            cast(Callable[..., Any], self.globals["lipsum"]), _lipsum_size
        )

    @contextmanager
    def budget(self) -> Iterator[None]:
        """Start a document's budgets, unless one is running (docxtpl renders several parts)."""
        if self._deadline is not None:
            yield
            return
        self._deadline = time.monotonic() + self.limits.seconds
        self._written = 0
        try:
            yield
        finally:
            self._deadline = None

    def account(self, chunk: str) -> TemplateLimitError | None:
        """Count a chunk of output; return the error to raise when a budget is spent."""
        self._written += len(chunk) if chunk.isascii() else len(chunk.encode("utf-8"))
        if self._written > self.limits.max_bytes:
            return TemplateLimitError(
                f"wrote more than {self.limits.max_bytes:,} bytes",
                "a loop that never ends? raise --template-max-bytes "
                "if the plan is really that large",
            )
        deadline = self._deadline
        return self._timeout() if deadline is not None and time.monotonic() > deadline else None

    def check_time(self) -> None:
        """Raise when the document's time budget is spent."""
        # Inlined rather than shared with account(): this runs at every lookup and call.
        deadline = self._deadline
        if deadline is not None and time.monotonic() > deadline:
            raise self._timeout()

    def _timeout(self) -> TemplateLimitError:
        return TemplateLimitError(
            f"took longer than {self.limits.seconds:g} s",
            "a loop that never ends? raise --template-seconds if the plan is really that large",
        )

    def check_size(self, size: int) -> None:
        """Raise when a value of ``size`` characters or items would pass the output budget."""
        if size > self.limits.max_bytes:
            raise TemplateLimitError(
                f"builds a value larger than the {self.limits.max_bytes:,}-byte output budget",
                "raise --template-max-bytes if the plan is really that large",
            )

    def checked_value(self, value: Any) -> Any:
        """Return ``value`` once the clock and its size are checked."""
        deadline = self._deadline
        if deadline is not None and time.monotonic() > deadline:
            raise self._timeout()
        if isinstance(value, _SIZED) and len(value) > self.limits.max_bytes:
            self.check_size(len(value))
        return value

    def checked_loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Yield the items of a template's loop, checking the clock at each."""
        for item in iterable:
            self.check_time()
            yield item

    def call(
        self, context: Context, obj: Any, /, *args: Any, **kwargs: Any
    ) -> Any:  # the parameters are positional-only so a template may pass any keyword
        """Call ``obj`` for a template, refusing calls that would build an oversized string."""
        self.check_time()
        owner = getattr(obj, "__self__", None)
        # Markup's methods are Python wrappers around str's, so both kinds are measured.
        if isinstance(obj, types.BuiltinMethodType | types.MethodType) and isinstance(owner, str):
            args = _materialized(obj.__name__, args)
            self.check_size(_str_method_size(owner, obj.__name__, args))
        format_string = getattr(getattr(obj, "__wrapped__", None), "__self__", None)
        if isinstance(format_string, str):
            # The sandbox's own str.format: the field widths say how long the result is.
            self.check_size(_format_size(format_string, args, kwargs))
        result = self.checked_value(super().call(context, obj, *args, **kwargs))
        if isinstance(owner, list | dict):
            # A list's extend or a dict's update grows the object in place.
            self.checked_value(owner)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Look up an attribute for a template, checking the clock and the value's size."""
        return self.checked_value(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Look up an item for a template, checking the clock and the value's size."""
        return self.checked_value(super().getitem(obj, argument))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Apply ``*``, ``**``, ``+`` or ``%`` once the result is known to be of a sane size."""
        self.check_time()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            self.check_size(_product_size(left, right))
        elif operator == "+" and _is_sized(left) and _is_sized(right):
            self.check_size(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            values = right.values() if isinstance(right, Mapping) else right
            self.check_size(
                _printf_size(left, values if isinstance(right, tuple | Mapping) else [right])
            )
        return self.checked_value(super().call_binop(context, operator, left, right))

    def _guard(
        self,
        function: Callable[..., Any],
        estimate: Callable[[dict[str, Any], LimitedEnvironment], int],
    ) -> Callable[..., Any]:
        """Wrap a filter or global so it refuses results that would pass the output budget."""
        signature = inspect.signature(function)

        @functools.wraps(function)  # keeps Jinja's pass_eval_context/pass_environment marks
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.check_time()
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError:
                return function(*args, **kwargs)  # let the filter say what is wrong
            bound.apply_defaults()
            self.check_size(estimate(bound.arguments, self))
            return self.checked_value(function(*bound.args, **bound.kwargs))

        return guarded


def _is_sized(value: object) -> bool:
    return isinstance(value, str | bytes | list | tuple)


def _length(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


def _number(value: object) -> int:
    """Return ``value`` as a count (0 when it is not a number or is negative)."""
    try:
        number = int(value) if isinstance(value, int | float | str) else 0
    except (ValueError, OverflowError):
        return 0
    return max(number, 0)


def _digits(text: str) -> int:
    # More than 12 digits is more than any budget; int() of thousands of digits would fail.
    return int(text) if len(text) <= 12 else 10**12


def _check_power(base: object, exponent: object) -> None:
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0:
        return
    if abs(base) > 1 and exponent * math.log2(abs(base)) > MAX_NUMBER_BITS:
        raise TemplateLimitError(
            f"computes a number larger than {MAX_NUMBER_BITS:,} bits ({base} ** {exponent})"
        )


def _product_size(left: object, right: object) -> int:
    """Return the length of a repeated string or list, or refuse a product too large."""
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
            raise TemplateLimitError(f"computes a number larger than {MAX_NUMBER_BITS:,} bits")
        return 0
    if isinstance(right, int) and _is_sized(left):
        return _length(left) * right
    if isinstance(left, int) and _is_sized(right):
        return _length(right) * left
    return 0


def _printf_size(template: str, values: Iterable[object]) -> int:
    """Return a bound on the length of ``template % values``: its widths make it long."""
    values = list(values)
    size = len(template) + sum(_length(value) for value in values)
    star = max((_number(value) for value in values if isinstance(value, int)), default=0)
    for width, precision in _PRINTF_FIELD.findall(template):
        for number in (width, precision):
            size += star if number == "*" else _digits(number) if number else 0
    return size


def _format_size(template: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """Return a bound on the length of ``template.format(*args, **kwargs)``."""
    values = [*args, *kwargs.values()]
    if len(args) == 1 and isinstance(args[0], Mapping):  # format_map
        values += list(args[0].values())
    size = len(template) + sum(_length(value) for value in values)
    nested = max((_number(value) for value in values if isinstance(value, int)), default=0)
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return size  # str.format itself will say what is wrong
    for _, _, spec, _ in fields:
        if spec:
            size += sum(_digits(number) for number in _DIGITS.findall(spec))
            size += nested if "{" in spec else 0
    return size


def _materialized(method: str, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Turn ``str.join``'s iterable into a list, so it can be measured before joining."""
    if method == "join" and args and not isinstance(args[0], list | tuple):
        return (list(args[0]), *args[1:])
    return args


def _str_method_size(text: str, method: str, args: tuple[Any, ...]) -> int:
    """Return a bound on the length of what a method of ``text`` returns."""
    if method in {"center", "ljust", "rjust", "zfill"} and args:
        return max(len(text), _number(args[0]))
    if method == "expandtabs":
        return len(text) + text.count("\t") * _number(args[0] if args else 8)
    if method == "replace" and len(args) >= 2:
        return _replace_size(text, args[0], args[1])
    if method == "join" and args:
        items = args[0]
        return len(text) * max(len(items) - 1, 0) + sum(_length(item) for item in items)
    return 0


def _replace_size(text: object, old: object, new: object) -> int:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return 0
    return len(text) + text.count(old) * max(len(new) - len(old), 0)


def _center_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    return max(len(str(arguments["value"])), _number(arguments["width"]))


def _indent_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    text, width = str(arguments["s"]), arguments["width"]
    prefix = len(width) if isinstance(width, str) else _number(width)
    return len(text) + prefix * (text.count("\n") + 1)


def _wordwrap_size(arguments: dict[str, Any], environment: LimitedEnvironment) -> int:
    text = str(arguments["s"])
    wrap = arguments["wrapstring"] or environment.newline_sequence
    return len(text) + len(str(wrap)) * (len(text) // max(_number(arguments["width"]), 1) + 1)


def _format_filter_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    values = [*arguments["args"], *arguments["kwargs"].values()]
    return _printf_size(str(arguments["value"]), values)


def _join_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    items = arguments["value"]
    if not isinstance(items, list | tuple):
        # Measured before joining: a generator is read once, so the filter gets the list.
        items = arguments["value"] = list(items)
    separator = _length(arguments["d"])
    return separator * max(len(items) - 1, 0) + sum(_length(item) for item in items)


def _replace_filter_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    return _replace_size(arguments["s"], arguments["old"], arguments["new"])


def _lipsum_size(arguments: dict[str, Any], _: LimitedEnvironment) -> int:
    # Each generated word is at most about a dozen characters.
    return _number(arguments["n"]) * _number(arguments["max"]) * 12


LimitedEnvironment._GUARDED_FILTERS = {
    "center": _center_size,
    "indent": _indent_size,
    "wordwrap": _wordwrap_size,
    "format": _format_filter_size,
    "join": _join_size,
    "replace": _replace_filter_size,
}
