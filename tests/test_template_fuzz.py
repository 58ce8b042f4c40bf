"""sip fuzzes its template sandbox: generated templates never hang, crash or half-write.

Templates are built from pieces a hostile or careless template author would use: loops over
large ranges, powers, products, padding filters, recursion, string methods, attribute
lookups on the plan's view and on Python internals. Each renders with small budgets; the
contract is exit 0 (rendered) or 2 (refused, with the template's name), never an escaping
exception, and no output file when refused. ``SIP_FUZZ=long`` runs many more cases.
"""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sipcli.cli import app

from .conftest import MINIMAL_PLAN

LONG = os.environ.get("SIP_FUZZ") == "long"
BUDGET = ("--template-seconds", "0.5", "--template-max-bytes", "50000")

NUMBERS = st.sampled_from(["0", "1", "7", "100000", "999999999", "10**10000", "-1", "2**64"])
EXPRESSIONS = st.one_of(
    st.builds(lambda a, b: f"{a} ** {b}", NUMBERS, NUMBERS),
    st.builds(lambda a, b: f"'x' * {a} * {b}", NUMBERS, NUMBERS),
    st.builds(lambda a: f"'ab'|center({a})", NUMBERS),
    st.builds(lambda a: f"'ab'|indent({a})", NUMBERS),
    st.builds(lambda a: f"'%{a}s' % 'x'", st.sampled_from(["5", "99999999"])),
    st.builds(lambda a: f"('{{:>{a}}}').format('x')", st.sampled_from(["5", "99999999"])),
    st.builds(lambda a: f"range({a})|list|length", NUMBERS),
    st.builds(lambda a: f"({a})|string|length", NUMBERS),
    st.sampled_from(
        [
            "view.school.name",
            "view.__class__.__mro__",
            "().__class__.__base__.__subclasses__()",
            "lipsum(1000000)",
            "view.missing_attribute",
            "[1, 2, 3]|join('-')",
            "'a'.replace('a', 'aaaaaaaaaa')",
        ]
    ),
)


@st.composite
def templates(draw: st.DrawFn) -> str:
    """A template of one to three generated blocks, possibly nested loops or recursion."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        expression = draw(EXPRESSIONS)
        shape = draw(st.sampled_from(["plain", "loop", "nested", "macro", "concat"]))
        if shape == "plain":
            parts.append(f"{{{{ {expression} }}}}")
        elif shape == "loop":
            parts.append(
                f"{{% for i in range({draw(NUMBERS)}) %}}{{{{ {expression} }}}}{{% endfor %}}"
            )
        elif shape == "nested":
            parts.append(
                "{% set r = range(100000) %}{% for i in r %}{% for j in r %}"
                f"{{{{ {expression} if j == 0 else '' }}}}{{% endfor %}}{{% endfor %}}"
            )
        elif shape == "macro":
            parts.append("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}")
        else:
            parts.append(
                "{% set s = 'ab' %}{% for i in range(64) %}{% set s = s ~ s %}{% endfor %}"
            )
    return "\n".join(parts) + "\n"


@settings(
    max_examples=400 if LONG else 12,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(template=templates())
def test_a_generated_template_is_rendered_or_refused_cleanly(
    template: str, tmp_path_factory
) -> None:
    folder = tmp_path_factory.mktemp("templates")
    (folder / "plan.md.j2").write_text(template, encoding="utf-8")
    plan = folder / "plan.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    target = folder / "out" / "plan.md"
    started = time.monotonic()
    result = CliRunner().invoke(
        app,
        ["render", str(plan), "--template-dir", str(folder), "-o", str(target), *BUDGET],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 2), result.stderr
    assert time.monotonic() - started < 15, template
    if result.exit_code == 2:
        assert "plan.md.j2" in result.stderr, result.stderr
        assert not target.exists()
    else:
        assert target.stat().st_size <= 50_000
