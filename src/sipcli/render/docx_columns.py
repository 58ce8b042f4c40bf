"""How a table's width is shared among its columns, so that its rows take as few lines as they can.

Each column needs at least its widest token that must stay whole (an id, a date, a header
word) and at most its widest line. When the page holds every column whole, each gets its
whole. Otherwise short columns are set whole, the long ones share the rest by how much text
they hold, and then the widths are improved a step at a time: a column that sets the height
of a row takes the few twips that save that row a line from the others, as long as the table
gets shorter. Line counts come from setting each cell's words the way Word does: as many
to a line as fit.

Widths are in twips of text, a cell's margins not included.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sipcli.render.docx_widths import SLACK_TWIPS

#: A column no wider than this share of the room is "short": it gets its whole text on one
#: line when the long columns can still have their least, so short values do not wrap.
SHORT_SHARE = 0.12
#: How many times the widths are improved at most (each saves at least one line).
ROUNDS = 16
#: How closely the width that saves a line is looked for, in twips.
PRECISION = 4.0


@dataclass(frozen=True)
class Cell:
    """A cell's words: the width of each word of each of its lines, and of a space."""

    lines: tuple[tuple[float, ...], ...]
    space: float
    #: Line counts already worked out, by width to the twip: the same widths come back
    #: as the fitting tries one column after another.
    _known: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def lines_at(self, width: float) -> int:
        """Return how many lines the cell takes in a column ``width`` twips wide."""
        key = int(width)
        if key not in self._known:
            room = key - SLACK_TWIPS
            wrapped = sum(_wrap(line, self.space, room) for line in self.lines) if room > 0 else 0
            self._known[key] = wrapped or (1 if room > 0 else 1_000_000)
        return self._known[key]


@dataclass(frozen=True)
class Need:
    """What a column needs, in twips of text, and its cells from the top row down.

    ``least`` is its widest token that must not wrap, ``most`` its widest line, ``weight``
    the text of its average body cell, laid end to end.
    """

    least: float
    most: float
    weight: float
    cells: tuple[Cell, ...] = ()


def share(needs: list[Need], room: float) -> list[float]:
    """Return each column's text width, summing to ``room``.

    Every column gets at least its least when the room holds them all (when it does not,
    the least is shared out in proportion); see the module's description for the rest.
    """
    if not needs:
        return []
    least = [need.least for need in needs]
    if sum(least) >= room:
        return _spread(least, least, room)
    most = [max(need.most, need.least) for need in needs]
    if sum(most) <= room:
        return _spread(most, most, room)
    short = [need.least < top <= SHORT_SHARE * room for need, top in zip(needs, most, strict=True)]
    if (
        sum(top if is_short else low for top, low, is_short in zip(most, least, short, strict=True))
        > room
    ):
        short = [False] * len(needs)
    # A short column set whole stays whole: a status or a date wrapped to save the table a
    # line reads worse than a statement one line longer ("No / data / yet").
    floor = [
        top if is_short else need.least
        for need, top, is_short in zip(needs, most, short, strict=True)
    ]
    return _improve(needs, most, floor, _fill(needs, most, room, short))


def _fill(needs: list[Need], most: list[float], room: float, short: list[bool]) -> list[float]:
    """Set short columns whole; the others share the rest above their least, by weight.

    Sharing only what lies above each column's least leaves a narrow text column the room
    its words waste at each line's end, so it wraps to about as many lines as a wide one.
    A column offered more than its whole gets its whole, and the rest is shared again.
    """
    widths = {index: most[index] for index, is_short in enumerate(short) if is_short}
    while True:
        free = [index for index in range(len(needs)) if index not in widths]
        if not free:
            return _spread([widths[index] for index in range(len(needs))], most, room)
        spare = room - sum(widths.values()) - sum(needs[index].least for index in free)
        total = sum(max(needs[index].weight, 1.0) for index in free)
        offered = {
            index: needs[index].least + spare * max(needs[index].weight, 1.0) / total
            for index in free
        }
        whole = {index: most[index] for index in free if offered[index] > most[index]}
        if not whole:
            widths |= offered
            return [widths[index] for index in range(len(needs))]
        widths |= whole


def _improve(
    needs: list[Need], most: list[float], floor: list[float], widths: list[float]
) -> list[float]:
    """Move width to the columns that set rows' heights while the table gets shorter.

    No column is made narrower than its ``floor``.
    """
    best = _cost(needs, widths)
    for _ in range(ROUNDS):
        trials = (
            _widen(needs, widths, floor, index, most[index])
            for index in range(len(needs))
            if widths[index] < most[index]
        )
        scored = [(_cost(needs, trial), trial) for trial in trials if trial is not None]
        if not scored:
            return widths
        cost, trial = min(scored, key=lambda pair: pair[0])
        if cost >= best:
            return widths
        best, widths = cost, trial
    return widths


def _widen(
    needs: list[Need], widths: list[float], floor: list[float], index: int, most: float
) -> list[float] | None:
    """Return ``widths`` with one column just wide enough to save a line in a row it sets.

    The width comes from the other columns, in proportion to what each has above its floor;
    None when no row would be shorter or the others have nothing to give.
    """
    column = needs[index]
    rows = len(column.cells)
    heights = [_height(needs, widths, row) for row in range(rows)]
    wanted = [
        _saving(column.cells[row], widths[index], most)
        for row in range(rows)
        if column.cells[row].lines_at(widths[index]) == heights[row]
    ]
    steps = [step for step in wanted if step is not None]
    if not steps:
        return None
    step = min(steps)
    spare = [
        max(width - low, 0.0) if other != index else 0.0
        for other, (width, low) in enumerate(zip(widths, floor, strict=True))
    ]
    total = sum(spare)
    if total < step:
        return None
    return [
        width + step if other == index else width - step * spare[other] / total
        for other, width in enumerate(widths)
    ]


def _saving(cell: Cell, width: float, most: float) -> float | None:
    """Return how much wider ``cell`` must be to take a line fewer; None when it cannot."""
    lines = cell.lines_at(width)
    if cell.lines_at(most) >= lines:
        return None
    low, high = width, most
    while high - low > PRECISION:
        middle = (low + high) / 2
        if cell.lines_at(middle) < lines:
            high = middle
        else:
            low = middle
    return high - width


def _height(needs: list[Need], widths: list[float], row: int) -> int:
    """Return how many lines a row takes: those of its tallest cell."""
    return max(
        need.cells[row].lines_at(width)
        for need, width in zip(needs, widths, strict=True)
        if row < len(need.cells)
    )


def _cost(needs: list[Need], widths: list[float]) -> tuple[int, int]:
    """Return the table's height in lines, then how many lines its cells take in all.

    The second breaks ties: of two tables as tall, the one whose short values wrap less.
    """
    rows = max((len(need.cells) for need in needs), default=0)
    height = sum(_height(needs, widths, row) for row in range(rows))
    lines = sum(
        cell.lines_at(width)
        for need, width in zip(needs, widths, strict=True)
        for cell in need.cells
    )
    return height, lines


def _wrap(words: tuple[float, ...], space: float, room: float) -> int:
    """Return how many lines a line of words takes when wrapped into ``room``."""
    count, used = 1, 0.0
    for word in words:
        if word > room:
            # A word wider than the column breaks where the line ends, as often as it must.
            pieces = math.ceil(word / room)
            count += pieces - (0 if used else 1)
            used = word - (pieces - 1) * room
        elif not used:
            used = word
        elif used + space + word <= room:
            used += space + word
        else:
            count += 1
            used = word
    return count


def _spread(widths: list[float], weights: list[float], room: float) -> list[float]:
    """Return ``widths`` grown (or shrunk) in proportion to ``weights`` to sum to ``room``."""
    total = sum(weights)
    if total <= 0:
        return [room / len(widths)] * len(widths)
    extra = room - sum(widths)
    return [width + extra * weight / total for width, weight in zip(widths, weights, strict=True)]
