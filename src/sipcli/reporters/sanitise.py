r"""The one sanitiser of plan text bound for a terminal or a CI log.

Plan values are data: an ESC in a goal statement must not clear the screen or retitle the
window, a bidi override must not reorder what a reviewer reads, and a newline must not start
a line that GitHub Actions runs as a workflow command (``::warning ...``). Every such
character is shown as an escape instead (``\x1b``, ``\u202e``), so the reader still sees
that it is there. Ordinary text, including backslashes, passes through unchanged.
"""

from __future__ import annotations

import re

from sipcli.render.escape import markdown_text

#: Characters a terminal or a log viewer acts on instead of showing: C0 controls but tab
#: and newline, DEL, C1 controls (NEL among them), the bidi embeddings, overrides and
#: isolates, and the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

#: The same, plus the line breaks a one-line format cannot hold.
_UNSAFE_ONE_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

_NAMED = {"\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_text(text: str, *, one_line: bool = False) -> str:
    r"""Return ``text`` with every character a terminal would act on shown as an escape.

    Control characters, DEL, bidi controls, NEL and U+2028/U+2029 become ``\xNN`` or
    ``\uNNNN``; tab is kept. Newlines are kept unless ``one_line``, where they (and
    carriage returns) become ``\n`` and ``\r``. A lone carriage return always becomes
    ``\r``, since it would let the rest of the value overwrite the start of the line;
    ``\r\n`` in multi-line text is a plain line break.
    """
    if one_line:
        return _UNSAFE_ONE_LINE.sub(_visible, text)
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))


def markdown_value(value: object) -> str:
    """Return a plan value escaped for Markdown, on one line, and safe to show in a terminal.

    Markdown reports go to the screen as often as into files, so the value is escaped twice:
    for Markdown (``render.escape.markdown_text``: markup characters, every kind of line
    break as ``<br>``), then for the terminal.
    """
    return terminal_text(markdown_text(value), one_line=True)
