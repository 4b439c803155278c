"""A small inline-SVG line chart, drawn in Python so the build, the tests and
the browser all produce the same markup.

The chart is built with ``calculators.html.el``, so every label is escaped and
the output is well-formed XML.  Strokes and text use ``currentColor``, which
makes the chart follow the page's text colour in light mode, dark mode and
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
        class_="mpb-chart",
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
        font_size=FONT_SIZE,
        fill="currentColor",
        focusable="false",
    )
