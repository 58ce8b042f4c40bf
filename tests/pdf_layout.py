"""A PDF read the way a reader sees it, and the layout defects a reader would notice.

Poppler's ``pdftotext -bbox-layout`` gives every word with its box. From the boxes this
module rebuilds *lines*: the words on one baseline within one column, so that a table cell's
second line follows its first, not the neighbouring cell's text (pdftotext's own lines
sometimes run on into the next cell). Word gaps inside a line stay under a third of the text
height; the gap between two table columns is at least the cells' margins, about two thirds.

The checks, each returning what it found (empty when the document is right):

- `broken_tokens`: an id, date, money figure, school year, figure or header word split
  across two lines of one cell ("G1.B" above "1", "2026-11-" above "20"), or a word of the
  document split where no hyphen was ("Priori" above "ty").
- `missing_tokens`: tokens the document prints that appear nowhere whole.
- `blank_pages`: pages with nothing but the running header and the page number.
- `lines_run`: how many lines a cell's text runs (a narrow column runs it far down the page).
- `headings_apart`: headings not on the page where their table's first row is.
- `contents_problems`: stages the table of contents misses or gives the wrong page for.
- `headings_alone`: headings at the foot of a page, their text on the next.
- `wasted_last_page`: a last page holding a line or two.
- `headers_not_repeated`: a table going on to a page without its header row.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cached_property
from pathlib import Path

PDFTOTEXT = shutil.which("pdftotext")
PDFIMAGES = shutil.which("pdfimages")
_XHTML = "{http://www.w3.org/1999/xhtml}"

#: A gap wider than this share of the text height ends a line: it separates two columns.
COLUMN_GAP = 0.45
#: Two lines of one paragraph or cell are at most this share of the text height apart;
#: table rows and paragraphs are further apart.
LINE_GAP = 0.25
#: Headings are set at least this much larger than the document's body text.
HEADING_SIZE = 1.15

#: Characters around a word that are not part of the token it prints.
_PUNCTUATION = ",.;:!?()[]{}\"'\u201c\u201d\u2018\u2019\u00ab\u00bb*"
#: The tokens that must never break: ids (G1, G1.B1, D10, TP3, I2.1), dates, money, school
#: years, and figures with a decimal, thousands separator or percent sign.
TOKEN_PATTERNS = (
    re.compile(r"SY\d{4}-\d{2}"),
    re.compile(r"\d{4}-\d{2}-\d{2}"),
    re.compile(r"\d{1,2}/\d{1,2}/\d{4}"),
    re.compile(r"\$\d[\d,]*(?:\.\d+)?"),
    re.compile(r"[A-Z]{1,3}\d+(?:\.[A-Z]{0,3}\d+)*"),
    re.compile(r"\d+(?:[.,]\d+)+%?|\d+%"),
)
_PAGE_NUMBER = re.compile(r"(?:page\s+)?(\d+)(?:\s+(?:of|/)\s+\d+)?", re.IGNORECASE)
_LEADER = re.compile(r"[\s.…·_-]*")


@dataclass(frozen=True)
class Word:
    """One word as the PDF draws it, with its box in points from the page's top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        """The height of the word's box: its font size, near enough."""
        return self.y1 - self.y0


@dataclass(frozen=True)
class Line:
    """Words on one baseline within one column: a line of a paragraph or of a table cell."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        """The line's words, joined by spaces."""
        return " ".join(word.text for word in self.words)

    @property
    def x0(self) -> float:
        """The left edge of the line's first word."""
        return self.words[0].x0

    @property
    def x1(self) -> float:
        """The right edge of the line's last word."""
        return self.words[-1].x1

    @property
    def y0(self) -> float:
        """The top of the line's tallest word."""
        return min(word.y0 for word in self.words)

    @property
    def y1(self) -> float:
        """The bottom of the line's lowest word."""
        return max(word.y1 for word in self.words)

    @property
    def height(self) -> float:
        """The height of the line's tallest word."""
        return max(word.height for word in self.words)


@dataclass(frozen=True)
class Page:
    """One page: its number (from 1), its size in points and its words in reading order."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    images: int = 0
    """How many pictures the page shows (a chart, a logo): text is not all a page holds."""

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """The page's lines, top to bottom and left to right, one per column on a row."""
        return tuple(line for row in self.rows for line in row)

    @cached_property
    def rows(self) -> tuple[tuple[Line, ...], ...]:
        """The page's lines grouped by the row of text they sit on, top to bottom."""
        return tuple(_split_columns(row) for row in _visual_rows(self.words))

    @property
    def text(self) -> str:
        """The page's text, a row of text per line."""
        return "\n".join(" ".join(line.text for line in row) for row in self.rows)

    def below(self, line: Line) -> Line | None:
        """The line that continues ``line`` in its paragraph or cell, if there is one.

        It starts just below ``line`` (within `LINE_GAP`), in text of the same size, within
        its column: it overlaps ``line`` and starts no further left.
        """
        for candidate in self.lines:
            gap = candidate.y0 - line.y1
            if not -0.5 * line.height <= gap <= LINE_GAP * line.height:
                continue
            if abs(candidate.height - line.height) > 0.1 * line.height:
                continue
            if candidate.x0 >= line.x0 - 0.3 * line.height and candidate.x0 < line.x1:
                return candidate
        return None


def read_pdf(path: Path) -> tuple[Page, ...]:
    """Return the pages of the PDF at ``path`` with their words (needs poppler's pdftotext)."""
    if PDFTOTEXT is None:
        raise RuntimeError("pdftotext is not installed: apt-get install poppler-utils")
    result = subprocess.run(
        [PDFTOTEXT, "-bbox-layout", str(path), "-"], check=True, capture_output=True, timeout=120
    )
    root = ET.fromstring(result.stdout)
    pictures = _pictures(path)
    return tuple(
        _page(number, page, pictures.get(number, 0))
        for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1)
    )


def _pictures(path: Path) -> dict[int, int]:
    """How many pictures each page shows, by page number (from poppler's pdfimages)."""
    if PDFIMAGES is None:
        return {}
    listing = subprocess.run(
        [PDFIMAGES, "-list", str(path)], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    counts: dict[int, int] = {}
    for row in listing.splitlines()[2:]:
        cells = row.split()
        # A picture's transparency (smask) is listed as a picture of its own.
        if len(cells) > 2 and cells[0].isdigit() and cells[2] == "image":
            counts[int(cells[0])] = counts.get(int(cells[0]), 0) + 1
    return counts


def _page(number: int, element: ET.Element, images: int) -> Page:
    words = tuple(
        Word(
            unicodedata.normalize("NFKC", word.text or ""),
            float(word.get("xMin", 0)),
            float(word.get("yMin", 0)),
            float(word.get("xMax", 0)),
            float(word.get("yMax", 0)),
        )
        for word in element.iter(f"{_XHTML}word")
        if (word.text or "").strip()
    )
    width, height = float(element.get("width", 0)), float(element.get("height", 0))
    return Page(number, width, height, words, images)


def _visual_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Group words whose vertical middles are within a third of their height of each other."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda word: ((word.y0 + word.y1) / 2, word.x0)):
        middle = (word.y0 + word.y1) / 2
        if rows:
            last = rows[-1][-1]
            if abs(middle - (last.y0 + last.y1) / 2) <= word.height / 3:
                rows[-1].append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda word: word.x0) for row in rows]


def _split_columns(row: list[Word]) -> tuple[Line, ...]:
    """Split a row of words into lines wherever the gap is wider than a word space."""
    lines: list[list[Word]] = [[row[0]]]
    for word in row[1:]:
        previous = lines[-1][-1]
        if word.x0 - previous.x1 > COLUMN_GAP * max(word.height, previous.height):
            lines.append([word])
        else:
            lines[-1].append(word)
    return tuple(Line(tuple(words)) for words in lines)


def bare(text: str) -> str:
    """``text`` without the punctuation around it ("(G1.B1)," becomes "G1.B1")."""
    return unicodedata.normalize("NFKC", text).strip(_PUNCTUATION)


def tokens_in(texts: Iterable[str]) -> set[str]:
    """The tokens that must not break among ``texts``: ids, dates, money, years, figures."""
    found: set[str] = set()
    for text in texts:
        for word in map(bare, text.split()):
            if any(pattern.fullmatch(word) for pattern in TOKEN_PATTERNS):
                found.add(word)
    return found


def words_in(texts: Iterable[str], shortest: int = 2) -> set[str]:
    """Every word of ``texts`` at least ``shortest`` characters long, bare and in lower case."""
    return {
        word.lower() for text in texts for word in map(bare, text.split()) if len(word) >= shortest
    }


def strings(value: object, skip: Collection[str] = ()) -> Iterator[str]:
    """Every string inside ``value`` (dataclasses, tuples, lists, dicts), except fields in ``skip``."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            if item.name not in skip:
                yield from strings(getattr(value, item.name), skip)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item, skip)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item, skip)


@dataclass(frozen=True)
class Break:
    """A token split across lines: where, as printed (lines joined by " / "), and the token."""

    page: int
    printed: str
    token: str


@dataclass
class _Dictionary:
    """The tokens that must stay whole and the document's words, with their beginnings."""

    tokens: set[str]
    words: set[str]
    prefixes: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.prefixes = {
            text[:end] for text in (*self.tokens, *self.words) for end in range(1, len(text))
        }

    def begins(self, text: str) -> bool:
        """True when ``text`` is the beginning of a token or word (it may go on below)."""
        start = bare(text)
        return start in self.prefixes or start.lower() in self.prefixes

    def broken(self, first: str, joined: str) -> str | None:
        """The token or word ``joined`` makes, when splitting it as printed is a defect.

        A token (id, date, figure, header word) must never break. Another word of the
        document is broken when neither part is a word of its own and the break is not at a
        hyphen, so that hyphenated prose ("grade-" above "level") is no alarm.
        """
        whole, start, rest = bare(joined), bare(first), bare(joined[len(first) :])
        if not rest or start == whole:
            return None  # only punctuation ran over: "2027-09-30" above ","
        if whole in self.tokens:
            return whole
        if first.endswith(("-", "\u2010", "\u2013")) or whole.lower() not in self.words:
            return None
        if start.lower() in self.words or rest.lower() in self.words:
            return None
        return whole


def broken_tokens(
    pages: Sequence[Page], tokens: Collection[str], words: Collection[str] = ()
) -> list[Break]:
    """Find ``tokens`` (and the document's ``words``) split across lines of one cell.

    For each line, its last word and the first words of the lines that continue it (a token
    may run over three narrow lines) are joined; a token or a word made that way is a break.

    ``tokens`` must stay whole as printed (case matters); ``words`` are the document's words
    in lower case (`words_in`).
    """
    dictionary = _Dictionary({bare(token) for token in tokens}, {w.lower() for w in words})
    found: list[Break] = []
    for page in pages:
        for line in page.lines:
            broken = _break_after(page, line, dictionary)
            if broken is not None:
                found.append(broken)
    return found


def _break_after(page: Page, line: Line, dictionary: _Dictionary) -> Break | None:
    """The break that starts with ``line``'s last word, if there is one."""
    first = line.words[-1].text
    joined, printed, current = first, [first], line
    while (following := page.below(current)) is not None:
        joined += following.words[0].text
        printed.append(following.words[0].text)
        token = dictionary.broken(first, joined)
        if token is not None:
            return Break(page.number, " / ".join(printed), token)
        if len(following.words) > 1 or not dictionary.begins(joined):
            return None
        current = following
    return None


def missing_tokens(pages: Sequence[Page], tokens: Iterable[str]) -> list[str]:
    """The ``tokens`` that appear nowhere whole in ``pages``, in sorted order."""
    printed = {bare(word.text) for page in pages for word in page.words}
    return sorted(set(map(bare, tokens)) - printed)


def lines_run(pages: Sequence[Page], text: str) -> int:
    """The most lines ``text`` (a paragraph, as a cell holds it) runs where it is printed.

    Each place a line starts the text is followed down its column until the whole text is
    read (spaces aside, so a line broken at a hyphen reads on); 0 when it is nowhere printed
    whole.
    """
    wanted = "".join(unicodedata.normalize("NFKC", text).split())
    most = 0
    for page in pages:
        for line in page.lines:
            most = max(most, _lines_holding(page, line, wanted))
    return most


def _lines_holding(page: Page, line: Line, wanted: str) -> int:
    """How many lines from ``line`` down hold exactly ``wanted``; 0 when they do not."""
    read = ""
    count = 0
    current: Line | None = line
    while current is not None and len(read) < len(wanted):
        read += "".join(word.text for word in current.words)
        if not wanted.startswith(read):
            return 0
        count += 1
        current = page.below(current)
    return count if read == wanted else 0


def _normal(text: str) -> str:
    """``text`` with digits as ``#`` and spaces collapsed: a running header or page number."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


def running_lines(pages: Sequence[Page]) -> set[tuple[int, str, float]]:
    """The running header and footer: lines repeated at the same height on several pages.

    Each is named by its page, its text with digits as ``#`` ("Page # of #") and its top;
    "the same height" allows two points either way.
    """
    seen: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for line in page.lines:
            seen.setdefault(_normal(line.text), []).append((page.number, line.y0))
    return {
        (number, text, top)
        for text, places in seen.items()
        for number, top in places
        if any(other != number and abs(y - top) <= 2 for other, y in places)
    }


def body_lines(page: Page, running: Collection[tuple[int, str, float]]) -> list[Line]:
    """The lines of ``page`` that are not its running header, footer or page number."""
    return [
        line
        for line in page.lines
        if (page.number, _normal(line.text), line.y0) not in running
        and not _PAGE_NUMBER.fullmatch(line.text.strip())
    ]


def blank_pages(pages: Sequence[Page]) -> list[int]:
    """The numbers of the pages with no picture and no text but the running header and
    page number."""
    running = running_lines(pages)
    return [page.number for page in pages if not page.images and not body_lines(page, running)]


def page_label(page: Page) -> int:
    """The page number printed at the page's foot or head ("Page 3 of 20", "3"), else its place."""
    rows = page.rows
    for row in (*rows[-2:][::-1], *rows[:2]):
        text = " ".join(line.text for line in row).strip()
        found = _PAGE_NUMBER.fullmatch(text)
        if found:
            return int(found.group(1))
    return page.number


def body_size(pages: Sequence[Page]) -> float:
    """The height of the document's prose: its most common line across half the page or more.

    Table text is often the most common, and smaller; headings are measured against prose.
    """
    counts: dict[float, int] = {}
    for page in pages:
        for line in page.lines:
            if line.x1 - line.x0 >= page.width / 2:
                size = round(line.height, 1)
                counts[size] = counts.get(size, 0) + len(line.words)
    if not counts:
        return min((line.height for page in pages for line in page.lines), default=0.0)
    return max(counts, key=lambda size: counts[size])


@dataclass(frozen=True)
class Place:
    """Where a text is: the page number, the top of its first line and the foot of its last."""

    page: int
    y: float
    bottom: float = 0.0

    def __lt__(self, other: Place) -> bool:
        return (self.page, self.y) < (other.page, other.y)


def find_heading(
    pages: Sequence[Page], text: str, after: Place | None = None, size: float | None = None
) -> Place | None:
    """Where ``text`` first stands as a heading after ``after``: lines of their own, larger
    than body text of height ``size`` (when given), whose words are the heading's words.

    A heading wrapped over lines is found; the same words inside a paragraph or a table of
    contents' entry (which adds a page number) are not.
    """
    wanted = text.split()
    for page in pages:
        for line in page.lines:
            here = Place(page.number, line.y0)
            if after is not None and not after < here:
                continue
            if size is not None and line.height < HEADING_SIZE * size:
                continue
            last = _paragraph_holding(page, line, wanted)
            if last is not None:
                return Place(page.number, line.y0, last.y1)
    return None


def _paragraph_holding(page: Page, line: Line, wanted: list[str]) -> Line | None:
    """The last line of the paragraph ``line`` starts, when it holds exactly ``wanted``."""
    got: list[str] = []
    current: Line | None = line
    last = line
    while current is not None and len(got) < len(wanted):
        got += [word.text for word in current.words]
        last, current = current, page.below(current)
    return last if got == wanted else None


def first_words(pages: Sequence[Page], text: str, after: Place) -> Place | None:
    """Where the first word of ``text`` is first printed after ``after``.

    Used for a table's first row: the first word of its first cell.
    """
    wanted = bare(text.split(maxsplit=1)[0]) if text.split() else ""
    for page in pages:
        for line in page.lines:
            for word in line.words:
                here = Place(page.number, word.y0)
                if after < here and bare(word.text) == wanted:
                    return here
    return None


def first_row_page(pages: Sequence[Page], heading: Place, first_cell: str) -> int | None:
    """The page a table's first row is on: its first cell's first word after its heading."""
    found = first_words(pages, first_cell, heading)
    return found.page if found else None


@dataclass(frozen=True)
class TocEntry:
    """A table of contents entry: the page it is printed on and the page number it gives."""

    page: int
    number: int


def toc_entries(pages: Sequence[Page], titles: Iterable[str]) -> dict[str, TocEntry]:
    """Each title's first entry in a table of contents: a row of its words and a page number.

    A dot leader between them is allowed. Titles with no entry are left out.
    """
    found: dict[str, TocEntry] = {}
    for title in titles:
        pattern = re.compile(re.escape(" ".join(title.split())) + _LEADER.pattern + r"(\d+)")
        entry = _first_entry(pages, pattern)
        if entry is not None:
            found[title] = entry
    return found


def _first_entry(pages: Sequence[Page], pattern: re.Pattern[str]) -> TocEntry | None:
    for page in pages:
        for row in page.rows:
            text = " ".join(line.text for line in row)
            hit = pattern.fullmatch(" ".join(text.split()))
            if hit:
                return TocEntry(page.number, int(hit.group(1)))
    return None


def headings_apart(
    pages: Sequence[Page], headings: Iterable[tuple[str, str]], after: Place | None = None
) -> list[str]:
    """The headings not on the page their table's first row starts, and those not found.

    ``headings`` pairs each heading with the first cell of its table's first row, in the
    document's order; each is looked for after the one before (and after ``after``).
    """
    size = body_size(pages)
    problems = []
    for heading, cell in headings:
        place = find_heading(pages, heading, after, size)
        if place is None:
            problems.append(f"{heading!r} is not printed as a heading")
            continue
        after = place
        if not cell.strip():
            continue
        page = first_row_page(pages, place, cell)
        if page != place.page:
            problems.append(
                f"{heading!r} is at the foot of page {place.page}, its table's first row"
                f" ({cell.split()[0]!r}) on page {page}"
            )
    return problems


def contents_pages(pages: Sequence[Page], titles: Iterable[str]) -> list[int]:
    """The pages holding table of contents entries for ``titles``."""
    return sorted({entry.page for entry in toc_entries(pages, titles).values()})


def contents_problems(pages: Sequence[Page], titles: Sequence[str]) -> list[str]:
    """What is wrong with the table of contents for the stages ``titles``, in order.

    Each stage must have an entry on a page after the title page, and the entry's number
    must be the number printed on the page where the stage's heading is.
    """
    entries = toc_entries(pages, titles)
    problems = [f"{title!r} is not in the contents" for title in titles if title not in entries]
    if not entries:
        return problems
    where = sorted({entry.page for entry in entries.values()})
    if where[0] < 2:
        problems.append(f"the contents are on page {where[0]}, before the title page ends")
    after: Place | None = Place(where[-1], float("inf"))
    size = body_size(pages)
    for title in titles:
        place = find_heading(pages, title, after, size)
        if place is None:
            problems.append(f"{title!r} is not printed as a heading after the contents")
            continue
        after = place
        printed = page_label(pages[place.page - 1])
        if title in entries and entries[title].number != printed:
            problems.append(
                f"{title!r}: the contents say page {entries[title].number}, it is on {printed}"
            )
    return problems


def headings_alone(
    pages: Sequence[Page], headings: Sequence[str], after: Place | None = None
) -> list[str]:
    """The ``headings`` (in order) that end their page: their text starts on the next one."""
    running = running_lines(pages)
    size = body_size(pages)
    problems = []
    for heading in headings:
        place = find_heading(pages, heading, after, size)
        if place is None:
            problems.append(f"{heading!r} is not printed as a heading")
            continue
        after = place
        below = [
            line
            for line in body_lines(pages[place.page - 1], running)
            if line.y0 >= place.bottom - 0.5
        ]
        if not below:
            problems.append(f"{heading!r} is alone at the foot of page {place.page}")
    return problems


def wasted_last_page(pages: Sequence[Page], spare: int) -> list[str]:
    """The last page, when it holds ``spare`` lines or fewer besides the running ones."""
    if len(pages) < 2:
        return []
    last = body_lines(pages[-1], running_lines(pages))
    if len(last) > spare:
        return []
    shown = " / ".join(line.text for line in last) or "nothing"
    return [f"the last page (page {pages[-1].number}) holds only: {shown}"]


def headers_not_repeated(
    pages: Sequence[Page],
    heading: str,
    headers: Sequence[str],
    first_cells: Sequence[str],
    after: Place | None = None,
) -> list[str]:
    """Where the table under ``heading`` goes on to a page without its header row on top.

    ``first_cells`` are the first cells of the table's rows, in order: each is looked for
    after the one before, which tells the page every row is on. On each page after the
    heading's, every header word must stand above the first row there.
    """
    place = find_heading(pages, heading, after, body_size(pages))
    if place is None:
        return [f"{heading!r} is not printed as a heading"]
    where = place
    continued: dict[int, tuple[Place, str]] = {}
    for cell in first_cells:
        if not cell.split():
            continue
        found = first_words(pages, cell, where)
        if found is None:
            # A row the check cannot place would hide every page after it from the check.
            return [f"{heading!r}: the row starting {cell!r} is not found after the one before"]
        where = found
        if found.page != place.page:
            continued.setdefault(found.page, (found, cell.split()[0]))
    words = [bare(word) for header in headers for word in header.split()]
    problems = []
    for number, (row, cell) in continued.items():
        above = {bare(word.text) for word in pages[number - 1].words if word.y1 <= row.y + 1}
        missing = [word for word in words if word not in above]
        if missing:
            problems.append(
                f"{heading!r}: its table goes on to page {number} with no header row above"
                f" {cell!r} (no {missing[0]!r})"
            )
    return problems
