"""Pictures of the breakdown results: how each input moved the competitiveness
score, how a program list splits, and where an application season's money goes.

Each function takes a calculator's result dict and returns an SVG built by
``svg.py``; the calculator's table stays next to it as the text alternative.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import data
from .html import Markup, money, signed, whole_percent
from .svg import Bar, Segment, row_chart, stacked_bars

if TYPE_CHECKING:  # the calculators import this module to draw their results
    from .application_cost import ApplicationCostResult
    from .competitiveness import CompetitivenessResult
    from .program_counts import ProgramCountsResult


def score_waterfall(result: CompetitivenessResult) -> Markup:
    """Competitiveness: each factor as a step from the starting point to the score."""
    factors = result["factors"]
    score = float(result["score"])
    bars: list[Bar] = []
    running = 0.0
    for factor in factors:
        points = float(factor["points"])
        tone = (
            "mpb-tone-start" if not bars else "mpb-tone-up" if points > 0 else "mpb-tone-down" if points < 0 else "mpb-tone-zero"
        )
        bars.append(Bar(str(factor["factor"]), running, running + points, signed(points), tone))
        running += points
    bars.append(Bar("Score", 0, score, f"{score:g} of 100", "mpb-tone-start", strong=True))
    lows = [min(b.start, b.end) for b in bars]
    highs = [max(b.start, b.end) for b in bars]
    moves = "; ".join(f"{b.label} {b.value_text}" for b in bars[1:-1] if b.start != b.end)
    desc = (
        f"Waterfall chart of the {result['specialty_name']} score: it starts at {bars[0].value_text} points"
        f"{'; ' + moves if moves else ''}; the score is {score:g} of 100. "
        "The table below gives each factor's reason and source."
    )
    return row_chart(
        bars,
        chart_id="mpb-competitiveness-chart",
        title="How each input moved the score",
        desc=desc,
        domain=(min(0.0, *lows), max(100.0, *highs)),
        ticks=(0, 25, 50, 75, 100),
        connect=True,
    )


def program_split(result: ProgramCountsResult) -> Markup:
    """Program counts: the split between the two fields, and the likely/target/reach mix."""
    share = result["share"]
    mix = result["tiers"]
    count_text = result["count_text"]
    rows: list[tuple[str, list[Segment]]] = []
    words: list[str] = []
    if count_text["backup"] is not None:
        split = [
            Segment(
                str(result["specialty_name"]),
                share["primary_pct"],
                f"{share['primary_pct']}% ({count_text['primary']} programs)",
            ),
            Segment(str(result["backup_name"]), share["backup_pct"], f"{share['backup_pct']}% ({count_text['backup']} programs)"),
        ]
        rows.append(("Split of your applications", split))
        words.append("Split of applications: " + ", ".join(f"{s.label} {s.value_text}" for s in split) + ".")
    tiers = [
        Segment(data.PROGRAM_TIER_LABELS[t], mix[f"{t}_pct"], f"{mix[f'{t}_pct']}%") for t in data.PROGRAM_TIERS_EASIEST_FIRST
    ]
    rows.append(("Mix within each specialty's list", tiers))
    words.append("Mix within each list: " + ", ".join(f"{s.label} {s.value_text}" for s in tiers) + ".")
    return stacked_bars(
        rows,
        chart_id="mpb-program-counts-chart",
        title="How your list splits",
        desc=" ".join([*words, "The tables below give the same figures with their rules of thumb and sources."]),
    )


def cost_breakdown(result: ApplicationCostResult) -> Markup:
    """Application cost: each item as a share of the season's total."""
    items = result["items"]
    total = float(result["total"])
    bars = [
        Bar(
            str(item["item"]),
            0,
            float(item["amount"]),
            money(float(item["amount"])) + (f" ({whole_percent(float(item['amount']) / total)})" if total else ""),
        )
        for item in items
        if item["source"] != data.NOT_IN_OUR_DATA
    ]
    # Beside fees our data do not price the total is a floor, and the chart's
    # words said otherwise to a screen reader (obgyn-usimg audit s42, 4).
    # So is an IMG's, beside the costs the headline names as not counted (planner audit s54, 6).
    counted = "counted" if result.get("not_counted") or result.get("img_left_out") else "estimated"
    desc = (
        f"Bar chart of where the {counted} {money(total)} goes: "
        + "; ".join(f"{b.label} {b.value_text}" for b in bars)
        + ". The table below says how each amount is worked out and where it comes from."
    )
    return row_chart(
        bars, chart_id="mpb-application-cost-chart", title="Where the money goes", desc=desc, domain=(0, total or 1.0)
    )
