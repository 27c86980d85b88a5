"""SVG charts for the HTML report, built as markup strings: no script, nothing fetched.

Every piece of text that goes into a chart (outlet names, sources, figures) is escaped here;
the functions return :class:`markupsafe.Markup`, so the template inserts them as they are.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil, floor, log10

from markupsafe import Markup, escape

PALETTE = ("#2f6fb0", "#e07b1a", "#3a9a4b", "#c8423b", "#7d5bb4", "#8c5a3c", "#d45fa6",
           "#5f6b77", "#a5a51f", "#1fa3b5")
"""Outlet colours, told apart by hue and lightness (after the Tableau 10 set, darkened)."""

WIDTH = 960
NARROW = 440
"""The width a chart is also drawn at for a phone: scaled into a 400 px page its 11 px labels
stay about 8 px high, as the wide chart's do at the 768 px the page keeps it at."""
FONT = "font-family:system-ui,sans-serif"
MONTHS = tuple(calendar.month_abbr)[1:]  # "Jan" ... "Dec", as the C locale writes them
ARROW = 24  # length of the arrow that stands for an open bound, in pixels

Format = Callable[[float], str]


@dataclass(frozen=True)
class Point:
    """One figure to draw: its value and bounds, date, colour, and the texts that go with it."""

    name: str  # row label where there is no date axis ("Pacific Wire · NIS")
    value: float | None
    low: float | None
    high: float | None
    when: date | None
    color: str
    mark: str  # the figure as printed beside the point ("≥100")
    tip: str  # hover text
    href: str = ""  # the figure's place in the report ("#c-3")


@dataclass(frozen=True)
class Estimate:
    low: float | None
    best: float | None
    high: float | None


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _e(text: object) -> str:
    return str(escape(str(text)))


def figures_chart(points: Sequence[Point], estimate: Estimate, fmt: Format,
                  whole: bool = True, label: str = "", width: int = WIDTH) -> Markup:
    """Ranges with a point for the value, on a date axis where every figure has a date.

    ``whole`` keeps axis steps at whole numbers (counts of people); ``label`` names the chart
    for screen readers; ``width`` is the chart's own width (its viewBox), labels placed
    within it.
    """
    if not points:
        return Markup("")
    dates = {p.when for p in points}
    if None not in dates and len(dates) >= 2:
        return _dated_chart(points, estimate, fmt, whole, label, width)
    return _row_chart(points, estimate, fmt, whole, label, width)


def both_widths(draw: Callable[[int], Markup]) -> Markup:
    """A chart drawn wide and narrow, each in its box (``chart chart-wide``, ``chart
    chart-narrow``); the page's CSS (the report's and the web app's) shows the one that fits
    the screen, so that a phone gets the whole chart scaled to its width with labels placed
    for that width (no script, and a chart cut by a scroll box is no chart)."""
    wide = draw(WIDTH)
    if not wide:
        return Markup("")
    return Markup('<div class="chart chart-wide">{}</div><div class="chart chart-narrow">{}'
                  "</div>").format(wide, draw(NARROW))


def name_margin(wide: int, width: int) -> int:
    """The room left of the plot for row names: ``wide`` pixels, or a third of a narrower
    chart (the names cut to fit), so that the plot keeps most of the width."""
    return min(wide, round(width * 0.36))


def _numbers(points: Sequence[Point], estimate: Estimate) -> list[float]:
    values = [v for p in points for v in (p.value, p.low, p.high) if v is not None]
    return values + [v for v in (estimate.low, estimate.best, estimate.high) if v is not None]


def ticks(top: float, whole: bool, count: int = 4) -> list[float]:
    """Round steps from zero to at least ``top``: 1, 2, 2.5 or 5 times a power of ten."""
    top = top if top > 0 else 1.0
    raw = top / count
    magnitude = 10 ** floor(log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, float(ceil(step)))
    return [i * step for i in range(ceil(top / step - 1e-9) + 1)]


def spaced_ticks(top: float, whole: bool, fmt: Format, room: float) -> list[float]:
    """:func:`ticks` for an axis ``room`` pixels long whose labels stand side by side: as many
    steps as there are, up to four, with their labels ("1,500 km²") apart."""
    for count in (4, 3, 2):
        steps = ticks(top, whole, count)
        widest = max(_text_width(fmt(step), 12) for step in steps)
        if room / max(len(steps) - 1, 1) >= widest + 6:
            return steps
    return ticks(top, whole, 1)


class _Scale:
    """A linear map from values to pixels."""

    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.low, self.high, self.start, self.end = low, high, start, end

    def __call__(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return self.start + (value - self.low) / span * (self.end - self.start)


def _svg(height: int, label: str, body: list[str], width: int) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{_e(label)}" style="{FONT}">'
        + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12,
          fill: str = "#39424c", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
            f'text-anchor="{anchor}" font-weight="{weight}">{_e(text)}</text>')


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1,
          dash: str = "", opacity: float = 1) -> str:
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" '
            f'stroke-width="{width}" stroke-opacity="{opacity}"{extra}/>')


def _arrow_head(x: float, y: float, dx: float, dy: float, fill: str) -> str:
    """A small triangle at (x, y) pointing along (dx, dy), one of the four axis directions."""
    size = 5
    if dy:
        points = [(x, y), (x - size, y - dy * size * 1.6), (x + size, y - dy * size * 1.6)]
    else:
        points = [(x, y), (x - dx * size * 1.6, y - size), (x - dx * size * 1.6, y + size)]
    coords = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return f'<polygon points="{coords}" fill="{fill}"/>'


def _range(p: Point, at: Callable[[float], float], fixed: float, vertical: bool) -> list[str]:
    """The bar from low to high, an arrow for an open bound, and the point for the value."""
    anchor = _anchor(p)
    if anchor is None:
        return []
    sign = -1 if vertical else 1  # which way "more" points on the screen
    lo = at(p.low) if p.low is not None else at(anchor) - sign * ARROW
    hi = at(p.high) if p.high is not None else at(anchor) + sign * ARROW
    parts = [_line(*_xy(fixed, lo, vertical), *_xy(fixed, hi, vertical), p.color, 3.5,
                   opacity=0.55)]
    for bound, end, direction in ((p.low, lo, -sign), (p.high, hi, sign)):
        if bound is None:
            dx, dy = (0, direction) if vertical else (direction, 0)
            parts.append(_arrow_head(*_xy(fixed, end, vertical), dx, dy, p.color))
    cx, cy = _xy(fixed, at(anchor), vertical)
    fill = p.color if p.value is not None else "#fff"
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{fill}" '
                 f'stroke="{p.color}" stroke-width="2"/>')
    return parts


def _xy(fixed: float, moving: float, vertical: bool) -> tuple[float, float]:
    return (fixed, moving) if vertical else (moving, fixed)


def _linked(p: Point, parts: list[str]) -> str:
    inner = f"<title>{_e(p.tip)}</title>" + "".join(parts)
    return f'<a href="{_e(p.href)}">{inner}</a>' if p.href else f"<g>{inner}</g>"


def _dated_chart(points: Sequence[Point], estimate: Estimate, fmt: Format, whole: bool,
                 label: str, width: int) -> Markup:
    height, left, right, top, bottom = 320, 78, 110, 18, 38
    steps = ticks(max(_numbers(points, estimate)) * 1.12, whole)
    y = _Scale(0, steps[-1], height - bottom, top)
    first = min(p.when for p in points if p.when)
    last = max(p.when for p in points if p.when)
    pad = timedelta(days=max(4, (last - first).days // 12))
    x = _Scale(0, (last - first + 2 * pad).days, left, width - right)

    def day(when: date) -> float:
        return x((when - first + pad).days)

    body = _value_grid(steps, y, fmt, left, width - right)
    body += _band(estimate, fmt, y, left, width - right, vertical=True)
    for when, text in date_ticks(first - pad, last + pad, most_dates(width - left - right)):
        body.append(_line(day(when), height - bottom, day(when), height - bottom + 5, "#8a949e"))
        body.append(_text(day(when), height - bottom + 19, text, "middle"))
    body.append(_line(left, height - bottom, width - right, height - bottom, "#8a949e"))
    placed = dodge([day(p.when) for p in points if p.when], 11, left, width - right)
    labels = _Labels((left, 0, width, height - bottom))
    if estimate.best is not None:
        labels.taken(width - right + 6, y(estimate.best) + 4, f"best {fmt(estimate.best)}", 12)
    for p, cx in zip(points, placed, strict=True):
        labels.boxes += _range_boxes(p, y, cx)
    for p, cx in zip(points, placed, strict=True):
        body.append(_linked(p, _range(p, y, cx, vertical=True)))
    for p, cx in zip(points, placed, strict=True):
        anchor = _anchor(p)
        if anchor is not None:
            body += labels.place(cx, y(anchor) + 4, p.mark)
    return _svg(height, label, body, width)


def _range_boxes(p: Point, at: Callable[[float], float], cx: float) -> list[Box]:
    """What a vertical range draws (its point, its bar and arrows), as boxes labels avoid."""
    anchor = _anchor(p)
    if anchor is None:
        return []
    ends = (at(anchor), at(p.high) if p.high is not None else at(anchor) - ARROW,
            at(p.low) if p.low is not None else at(anchor) + ARROW)
    return [(cx - 6, at(anchor) - 6, cx + 6, at(anchor) + 6),
            (cx - 5, min(ends) - 2, cx + 5, max(ends) + 2)]


def _anchor(p: Point) -> float | None:
    """Where a figure's point stands: its value, else the one bound it gives."""
    return p.value if p.value is not None else p.low if p.low is not None else p.high


def dodge(positions: Sequence[float], gap: float, start: float = float("-inf"),
          end: float = float("inf")) -> list[float]:
    """Positions moved apart, left to right, so that no two stand closer than ``gap``, and
    kept between ``start`` and ``end`` (closer together where they cannot all fit)."""
    moved = list(positions)
    order = sorted(range(len(moved)), key=lambda i: moved[i])
    if len(order) > 1 and end - start < gap * (len(order) - 1):
        gap = (end - start) / (len(order) - 1)
    last = float("-inf")
    for i in order:
        moved[i] = max(moved[i], last + gap, start)
        last = moved[i]
    following = float("inf")
    for i in reversed(order):  # those pushed past the end come back, and push the others
        moved[i] = min(moved[i], following - gap, end)
        following = moved[i]
    return moved


Box = tuple[float, float, float, float]  # left, top, right, bottom


class _Labels:
    """Small labels beside points: each tried right of its point, then left of it, moved up
    or down until it overlaps no other label or mark and stays inside the plot, or left out
    (the point's hover text still says it)."""

    HEIGHT = 13
    SIZE = 11
    GAP = 9  # from the point's centre to the label

    def __init__(self, plot: Box) -> None:
        self.plot = plot
        self.boxes: list[Box] = []

    def taken(self, x: float, y: float, text: str, size: int = SIZE) -> None:
        """Keep the place of a label drawn elsewhere free."""
        self.boxes.append(_text_box(x, y, text, size, "start"))

    def place(self, x: float, y: float, text: str) -> list[str]:
        for shift in (0, -1, 1, -2, 2):
            for at, anchor in ((x + self.GAP, "start"), (x - self.GAP, "end")):
                box = _text_box(at, y + shift * self.HEIGHT, text, self.SIZE, anchor)
                if self._inside(box) and not any(_overlap(box, other) for other in self.boxes):
                    self.boxes.append(box)
                    return [_text(at, y + shift * self.HEIGHT, text, anchor, size=self.SIZE)]
        return []

    def _inside(self, box: Box) -> bool:
        left, top, right, bottom = self.plot
        return box[0] >= left and box[1] >= top and box[2] <= right and box[3] <= bottom


def _text_box(x: float, y: float, text: str, size: int, anchor: str) -> Box:
    """Where a line of text at baseline ``y`` stands, measured generously (0.66 em a
    character), so that boxes that do not overlap here do not overlap on screen."""
    width = _text_width(text, size)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (left, y - size, left + width, y + 0.3 * size)


def _text_width(text: str, size: int) -> float:
    return 0.66 * size * len(text) + 2


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def most_dates(plot_width: float) -> int:
    """How many month labels ("Sep 2024", about 50 px) a date axis this wide holds apart."""
    return min(8, max(2, int(plot_width // 75)))


def date_ticks(first: date, last: date, most: int = 8) -> list[tuple[date, str]]:
    """First days of months between two dates, every n-th month so that at most ``most``."""
    months = []
    cursor = date(first.year, first.month, 1)
    while cursor <= last:
        if cursor >= first:
            months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    if len(months) < 2:
        return [(d, f"{d.day} {MONTHS[d.month - 1]} {d.year}") for d in (first, last)]
    step = ceil(len(months) / most)
    return [(d, f"{MONTHS[d.month - 1]} {d.year}") for d in months[::step]]


def _value_grid(steps: list[float], at: _Scale, fmt: Format, start: float,
                end: float) -> list[str]:
    body = []
    for step in steps:
        body.append(_line(start, at(step), end, at(step), "#e3e7ec"))
        body.append(_text(start - 8, at(step) + 4, fmt(step), "end"))
    return body


def _band(estimate: Estimate, fmt: Format, at: _Scale, start: float, end: float,
          vertical: bool) -> list[str]:
    """The group's estimate: a shaded band from low to high and a dashed line at best."""
    body = []
    low = estimate.low
    high = estimate.high if estimate.high is not None else estimate.best
    if low is not None and high is not None:
        a, b = sorted((at(low), at(high)))
        if vertical:
            body.append(f'<rect x="{start:.1f}" y="{a:.1f}" width="{end - start:.1f}" '
                        f'height="{max(b - a, 1.5):.1f}" fill="#2f6fb0" fill-opacity="0.08"/>')
        else:
            body.append(f'<rect x="{a:.1f}" y="{start:.1f}" width="{max(b - a, 1.5):.1f}" '
                        f'height="{end - start:.1f}" fill="#2f6fb0" fill-opacity="0.08"/>')
    if estimate.best is not None:
        best = at(estimate.best)
        if vertical:
            body.append(_line(start, best, end, best, "#1f4f86", 1.2, "5 4"))
            body.append(_text(end + 6, best + 4, f"best {fmt(estimate.best)}",
                              fill="#1f4f86", weight="600"))
        else:
            body.append(_line(best, start, best, end, "#1f4f86", 1.2, "5 4"))
            body.append(_text(best, start - 5, f"best {fmt(estimate.best)}", "middle",
                              fill="#1f4f86", weight="600"))
    return body


def _row_chart(points: Sequence[Point], estimate: Estimate, fmt: Format, whole: bool,
               label: str, width: int) -> Markup:
    row, left, right, top, bottom = 30, name_margin(300, width), 90, 26, 30
    height = top + row * len(points) + bottom
    steps = spaced_ticks(max(_numbers(points, estimate)) * 1.12, whole, fmt,
                         width - left - right)
    x = _Scale(0, steps[-1], left, width - right)
    axis = height - bottom
    body = []
    for step in steps:
        body.append(_line(x(step), top, x(step), axis, "#e3e7ec"))
        body.append(_text(x(step), axis + 16, fmt(step), "middle"))
    body += _band(estimate, fmt, x, top, axis, vertical=False)
    names = _fitted_apart([p.name for p in points], left - 14)
    for i, (p, name) in enumerate(zip(points, names, strict=True)):
        cy = top + row * i + row / 2
        parts = [_text(left - 10, cy + 4, name, "end")]
        parts += _range(p, x, cy, vertical=False)
        anchor = max((v for v in (p.value, p.low, p.high) if v is not None), default=None)
        if anchor is not None:
            end = x(anchor) + (ARROW if p.high is None else 0)
            parts.append(_text(end + 9, cy + 4, p.mark, size=11))
        body.append(_linked(p, parts))
    return _svg(height, label, body, width)


def _fitted(text: str, width: float, size: int = 12) -> str:
    """``text`` cut (with an ellipsis) to what fits in ``width`` pixels at font ``size``,
    measured as generously as :func:`_text_box` measures."""
    return _cut_end(text, _room(width, size))


def _fitted_apart(names: Sequence[str], width: float, size: int = 12) -> list[str]:
    """Each of ``names`` fitted to ``width``; names that a cut at the end would make alike
    (a long shared opening: "Northern Regional Broadcasting Radio" and "... Television")
    are shown from the word where they part instead, after a short piece of the shared
    opening, so that their rows stay told apart."""
    labels = {name: _fitted(name, width, size) for name in names}
    alike: dict[str, set[str]] = defaultdict(set)
    for name, label in labels.items():
        alike[label].add(name)
    room = _room(width, size)
    for group in (g for g in alike.values() if len(g) > 1):
        labels.update(_told_apart(sorted(group), room))
    return [labels[name] for name in names]


def _told_apart(names: list[str], room: int) -> dict[str, str]:
    shared = _shared_opening(names)
    parting = shared.rfind(" ") + 1  # the start of the word where they part
    head = shared[: max(1, room // 3)].rstrip()
    labels = {name: _cut_end(f"{head}…{_from_words_before(name, parting, room - len(head) - 1)}",
                             room) for name in names}
    if len(set(labels.values())) < len(names):  # they part again only past the room
        tail = room - len(head) - 1
        labels = {name: f"{head}…{name[len(name) - tail:].lstrip()}" for name in names}
    return labels


def _shared_opening(names: list[str]) -> str:
    """The opening all of ``names`` share: the one of their first and last in order."""
    first, last = min(names), max(names)
    pairs = enumerate(zip(first, last, strict=False))
    length = next((i for i, (a, b) in pairs if a != b), len(first))
    return first[:length]


def _from_words_before(name: str, start: int, room: int) -> str:
    """``name`` from ``start``, and from as many words before it as ``room`` leaves space
    for ("edition 2" rather than "2")."""
    while start > 0:
        before = name.rfind(" ", 0, start - 1) + 1
        if len(name) - before > room:
            break
        start = before
    return name[start:]


def _cut_end(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _room(width: float, size: int) -> int:
    return int((width - 2) / (0.66 * size))


def stacked_bars(rows: Sequence[tuple[str, Sequence[int]]], keys: Sequence[str],
                 colors: Sequence[str], label: str = "", width: int = WIDTH) -> Markup:
    """One bar per row, split into segments by key, with a legend above (from the left edge
    where it does not fit above the bars)."""
    if not rows:
        return Markup("")
    row, left, right, top = 28, name_margin(260, width), 40, 36
    height = top + row * len(rows) + 8
    total = max(sum(counts) for _, counts in rows) or 1
    x = _Scale(0, total, left, width - right)
    body = []
    steps = [34 + 7 * len(key) for key in keys]
    cursor = float(left if left + sum(steps) <= width else 8)
    for key, fill, step in zip(keys, colors, steps, strict=True):
        body.append(f'<rect x="{cursor:.1f}" y="8" width="12" height="12" fill="{fill}"/>')
        body.append(_text(cursor + 17, 18, key))
        cursor += step
    labels = _fitted_apart([name for name, _ in rows], left - 14)
    for i, ((name, counts), shown) in enumerate(zip(rows, labels, strict=True)):
        y = top + row * i
        body.append(_text(left - 10, y + row / 2 + 4, shown, "end"))
        start = 0
        for key, count, fill in zip(keys, counts, colors, strict=True):
            if count:
                a, b = x(start), x(start + count)
                body.append(f'<rect x="{a:.1f}" y="{y + 3:.1f}" width="{b - a - 1:.1f}" '
                            f'height="{row - 8}" fill="{fill}"><title>{_e(name)}: {count} '
                            f'{_e(key)}</title></rect>')
                if b - a > 16:
                    body.append(_text((a + b) / 2, y + row / 2 + 4, str(count), "middle",
                                      fill="#fff", weight="600"))
            start += count
    return _svg(height, label, body, width)
