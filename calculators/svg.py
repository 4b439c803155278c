"""A small inline-SVG line chart, drawn in Python so the build, the tests and
the browser all produce the same markup.

The chart is built with ``calculators.html.el``, so every label is escaped and
the output is well-formed XML.  Strokes and text use ``currentColor``, which
makes the chart follow the page's text color in light mode, dark mode and
print without any stylesheet of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .html import Markup, el

SVG_NS = "http://www.w3.org/2000/svg"

# Drawing area in SVG user units; the viewBox scales it to any width.
WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 64
MARGIN_RIGHT = 20
MARGIN_TOP = 16
MARGIN_BOTTOM = 52
FONT_SIZE = 13


@dataclass(frozen=True)
class Marker:
    """One highlighted point, such as the reader's own score."""

    x: float
    y: float
    label: str


def _fmt(value: float) -> str:
    # Two decimals keep paths short without visible rounding at this size.
    return f"{value:.2f}".rstrip("0").rstrip(".")


def line_chart(
    points: Sequence[tuple[float, float]],
    *,
    chart_id: str,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    x_domain: tuple[float, float],
    x_ticks: Sequence[float],
    y_ticks: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0),
    y_domain: tuple[float, float] = (0.0, 1.0),
    y_format: Callable[[float], str] = lambda v: f"{v * 100:.0f}%",
    x_format: Callable[[float], str] = lambda v: f"{v:g}",
    marker: Marker | None = None,
) -> Markup:
    """An accessible line chart: ``role="img"`` named by its title and desc.

    ``points`` are (x, y) pairs in data units; points outside the domains are
    clipped to the plotting area so a stray value cannot draw over the axes.
    """
    x0, x1 = x_domain
    y0, y1 = y_domain
    if x1 <= x0 or y1 <= y0:
        raise ValueError("a chart domain must have a positive width")
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def sx(x: float) -> float:
        return MARGIN_LEFT + (min(max(x, x0), x1) - x0) / (x1 - x0) * plot_w

    def sy(y: float) -> float:
        return MARGIN_TOP + plot_h - (min(max(y, y0), y1) - y0) / (y1 - y0) * plot_h

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    bottom = MARGIN_TOP + plot_h
    parts: list[Markup] = [el("title", title, id=title_id), el("desc", desc, id=desc_id)]

    # Grid and tick labels: faint lines so the curve stays the strongest mark.
    for y in y_ticks:
        parts.append(
            el(
                "line",
                x1=MARGIN_LEFT,
                x2=MARGIN_LEFT + plot_w,
                y1=_fmt(sy(y)),
                y2=_fmt(sy(y)),
                stroke="currentColor",
                stroke_opacity="0.2",
            )
        )
        parts.append(el("text", y_format(y), x=MARGIN_LEFT - 8, y=_fmt(sy(y) + 4), text_anchor="end"))
    for x in x_ticks:
        parts.append(
            el("line", x1=_fmt(sx(x)), x2=_fmt(sx(x)), y1=bottom, y2=bottom + 5, stroke="currentColor", stroke_opacity="0.6")
        )
        parts.append(el("text", x_format(x), x=_fmt(sx(x)), y=bottom + 20, text_anchor="middle"))

    # Axes.
    parts.append(el("line", x1=MARGIN_LEFT, x2=MARGIN_LEFT + plot_w, y1=bottom, y2=bottom, stroke="currentColor"))
    parts.append(el("line", x1=MARGIN_LEFT, x2=MARGIN_LEFT, y1=MARGIN_TOP, y2=bottom, stroke="currentColor"))
    parts.append(el("text", x_label, x=_fmt(MARGIN_LEFT + plot_w / 2), y=HEIGHT - 8, text_anchor="middle"))
    mid_y = _fmt(MARGIN_TOP + plot_h / 2)
    parts.append(el("text", y_label, x=16, y=mid_y, text_anchor="middle", transform=f"rotate(-90 16 {mid_y})"))

    if points:
        path = " ".join(f"{'M' if i == 0 else 'L'}{_fmt(sx(x))},{_fmt(sy(y))}" for i, (x, y) in enumerate(points))
        parts.append(el("path", d=path, fill="none", stroke="currentColor", stroke_width="2.5", stroke_linejoin="round"))

    if marker is not None:
        mx, my = sx(marker.x), sy(marker.y)
        parts.append(
            el(
                "line",
                x1=_fmt(mx),
                x2=_fmt(mx),
                y1=MARGIN_TOP,
                y2=bottom,
                stroke="currentColor",
                stroke_dasharray="4 4",
                stroke_opacity="0.8",
            )
        )
        parts.append(el("circle", cx=_fmt(mx), cy=_fmt(my), r="5", fill="currentColor"))
        # Keep the label inside the frame: flip it to the left near the right edge.
        right_half = mx > MARGIN_LEFT + plot_w * 0.6
        label_x = mx - 9 if right_half else mx + 9
        # Put the label in whichever band of the plot the curve is not in at
        # this x: along the top when the point is low, along the bottom when high.
        label_y = MARGIN_TOP + 14 if my > MARGIN_TOP + plot_h * 0.4 else bottom - 10
        parts.append(
            el(
                "text",
                marker.label,
                x=_fmt(label_x),
                y=_fmt(label_y),
                text_anchor="end" if right_half else "start",
                font_weight="700",
            )
        )

    return el(
        "svg",
        parts,
        xmlns=SVG_NS,
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        width=WIDTH,
        height=HEIGHT,
        class_="mpb-chart mpb-chart--line",
        role="img",
        # Named by the title and described by the summary: named by both, the
        # summary (the reader's own number in it) was heard twice, as the name
        # and again as the description (a11y45 audit s45, 1).
        aria_labelledby=title_id,
        aria_describedby=desc_id,
        font_size=FONT_SIZE,
        fill="currentColor",
        focusable="false",
    )


# --- Bar charts --------------------------------------------------------------------
# Breakdowns are drawn as one row per item: the label on its own line, the bar
# under it.  300 units wide: a 320 px phone draws it in a column of about
# 286 px, which keeps its text at 12 px or more (at 360 units it shrank to
# 10.3 px), and it grows a little on wider screens.
ROW_WIDTH = 300
ROW_PAD = 8
BAR_HEIGHT = 14
ROW_GAP = 8
LINE_HEIGHT = 16
# Average glyph width of the page's sans-serif at FONT_SIZE, in user units;
# only used to decide where a long label wraps.
CHAR_WIDTH = 7.0
# Room for a reader's own text spacing (WCAG 1.4.12: 0.12em between letters,
# 0.16em between words), under which a label and its value fitted exactly
# drew over each other (reflow audit s26, 1).
SPACED = 1.25
AXIS_HEIGHT = 30
DISPLAY_SCALE = 1.3
# Bars are colored from CSS custom properties (calculators.css) so they follow
# the color scheme; without the stylesheet they fall back to currentColor.
TONES = ("mpb-tone-1", "mpb-tone-2", "mpb-tone-3")


@dataclass(frozen=True)
class Bar:
    """One row: ``start``..``end`` in data units, named and valued in words."""

    label: str
    start: float
    end: float
    value_text: str
    tone: str = "mpb-tone-1"
    strong: bool = False


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its size and the words that go with it."""

    label: str
    value: float
    value_text: str


def _text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _wrap(text: str, room: float) -> list[str]:
    """Split a label into lines that fit ``room`` user units, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(lines[-1] + " " + word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _frame(parts: list[Markup], *, chart_id: str, title: str, desc: str, height: float) -> Markup:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return el(
        "svg",
        el("title", title, id=title_id),
        el("desc", desc, id=desc_id),
        parts,
        xmlns=SVG_NS,
        viewBox=f"0 0 {ROW_WIDTH} {_fmt(height)}",
        width=_fmt(ROW_WIDTH * DISPLAY_SCALE),
        height=_fmt(height * DISPLAY_SCALE),
        class_="mpb-chart mpb-chart--rows",
        role="img",
        aria_labelledby=title_id,
        aria_describedby=desc_id,
        font_size=FONT_SIZE,
        fill="currentColor",
        focusable="false",
    )


def row_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    desc: str,
    domain: tuple[float, float],
    ticks: Sequence[float] = (),
    tick_format: Callable[[float], str] = lambda v: f"{v:g}",
    connect: bool = False,
) -> Markup:
    """Horizontal bars, one per row; ``connect`` draws a faint line from each
    bar's end to the next bar's start, which turns the rows into a waterfall."""
    lo, hi = domain
    if hi <= lo:
        raise ValueError("a chart domain must have a positive width")
    plot_w = ROW_WIDTH - 2 * ROW_PAD

    def sx(x: float) -> float:
        return ROW_PAD + (min(max(x, lo), hi) - lo) / (hi - lo) * plot_w

    parts: list[Markup] = []
    top = 0.0
    for i, bar in enumerate(bars):
        weight = "700" if bar.strong else None
        room = (ROW_WIDTH - 2 * ROW_PAD - _text_width(bar.value_text) * SPACED - 10) / SPACED
        lines = _wrap(bar.label, room)
        for n, line in enumerate(lines):
            parts.append(el("text", line, x=ROW_PAD, y=_fmt(top + 15 + n * LINE_HEIGHT), font_weight=weight))
        parts.append(el("text", bar.value_text, x=ROW_WIDTH - ROW_PAD, y=_fmt(top + 15), text_anchor="end", font_weight=weight))
        bar_y = top + 20 + (len(lines) - 1) * LINE_HEIGHT
        left, right = sorted((sx(bar.start), sx(bar.end)))
        # A zero-sized step still gets a thin mark, so every row shows where it is.
        if right - left < 2:
            left, right = left - 1, left + 1
        parts.append(
            el("rect", x=_fmt(left), y=_fmt(bar_y), width=_fmt(right - left), height=BAR_HEIGHT, rx="2", class_=bar.tone)
        )
        top = bar_y + BAR_HEIGHT + ROW_GAP
        if connect and i + 1 < len(bars):
            x = _fmt(sx(bar.end))
            parts.append(
                el(
                    "line",
                    x1=x,
                    x2=x,
                    y1=_fmt(bar_y + BAR_HEIGHT),
                    y2=_fmt(top + 20 + (len(_wrap(bars[i + 1].label, room)) - 1) * LINE_HEIGHT),
                    stroke="currentColor",
                    stroke_opacity="0.5",
                    stroke_dasharray="2 2",
                )
            )
    axis_y = top
    if ticks:
        parts.append(el("line", x1=ROW_PAD, x2=ROW_WIDTH - ROW_PAD, y1=axis_y, y2=axis_y, stroke="currentColor"))
        for t in ticks:
            x = _fmt(sx(t))
            parts.append(el("line", x1=x, x2=x, y1=axis_y, y2=axis_y + 4, stroke="currentColor"))
            anchor = "start" if t == lo else "end" if t == hi else "middle"
            parts.append(el("text", tick_format(t), x=x, y=axis_y + 17, text_anchor=anchor))
    height = axis_y + (AXIS_HEIGHT if ticks else 0)
    return _frame(parts, chart_id=chart_id, title=title, desc=desc, height=height)


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[Segment]]],
    *,
    chart_id: str,
    title: str,
    desc: str,
) -> Markup:
    """One full-width bar per row, split into its segments, with a legend line
    per segment under the bar (a small swatch, then the words, and the value
    at the right, or under the words where both do not fit on one line)."""
    plot_w = ROW_WIDTH - 2 * ROW_PAD
    legend_x = ROW_PAD + 18
    legend_room = (ROW_WIDTH - ROW_PAD - legend_x) / SPACED
    parts: list[Markup] = []
    y = 0.0
    for label, segments in rows:
        if len(segments) > len(TONES):  # a segment past the last tone would be dropped
            raise ValueError(f"{label!r}: {len(segments)} segments, but only {len(TONES)} tones (calculators.css)")
        parts.append(el("text", label, x=ROW_PAD, y=_fmt(y + 15), font_weight="700"))
        total = sum(s.value for s in segments) or 1.0
        x = float(ROW_PAD)
        for tone, segment in zip(TONES, segments, strict=False):
            width = segment.value / total * plot_w
            parts.append(el("rect", x=_fmt(x), y=_fmt(y + 20), width=_fmt(width), height=BAR_HEIGHT + 4, class_=tone))
            x += width
        y += 20 + BAR_HEIGHT + 4 + 6
        for tone, segment in zip(TONES, segments, strict=False):
            parts.append(el("rect", x=ROW_PAD, y=_fmt(y + 3), width="12", height="12", rx="2", class_=tone))
            beside = _text_width(segment.label) + _text_width(segment.value_text) + 10 <= legend_room
            lines = [segment.label] if beside else [*_wrap(segment.label, legend_room), segment.value_text]
            for n, line in enumerate(lines):
                parts.append(el("text", line, x=legend_x, y=_fmt(y + 14 + n * LINE_HEIGHT)))
            if beside:
                parts.append(el("text", segment.value_text, x=ROW_WIDTH - ROW_PAD, y=_fmt(y + 14), text_anchor="end"))
            y += 20 + (len(lines) - 1) * LINE_HEIGHT
        y += 12
    return _frame(parts, chart_id=chart_id, title=title, desc=desc, height=y)
