"""mkdocs-macros module: every macro returns markup and nothing else.

Calculators render through ``calculators.render`` so the page a reader first
sees is exactly what the browser later recomputes.  Figures come from
``calculators.data`` with their source and year, so a number quoted through a
macro on a guide page and the same number inside a calculator cannot
disagree; a figure or comparison a guide types is held to the data only by a
test (tests/test_guide_claims.py, tests/test_site.py), which "can never
disagree" overstated (guides audit s55, 10).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from calculators import REGISTRY, competitiveness, html, season_words
from calculators import data as d
from calculators.application_cost import FeeSchedule, eras_schedule, schedule_for
from calculators.html import Markup, el, join, scroll_region, with_pmc_links
from calculators.render import SERVE_FOLDER, render_calculator

from .hosted import hosted_path, hosted_site

PAGE_DISCLAIMER = (
    '\n\n!!! info "General guidance, not a guarantee"\n'
    "    Match Plan B is independent of the NRMP, AAMC and ECFMG. Everything here is general guidance "
    "drawn from published data and the advice of experienced advisers; it cannot promise any outcome. "
    "Check each program's own requirements and the latest official figures before you decide.\n"
)


def table(headers: Any, rows: Any, caption: str) -> Markup:
    """A reference table: wide ones scroll sideways inside a region a keyboard
    can reach, named by the caption (an id from its words: one page never
    holds two tables of the same caption)."""
    caption_id = "mpb-table-" + "-".join(re.findall(r"[a-z0-9]+", caption.lower()))[:60].rstrip("-")
    return scroll_region(html.table(headers, rows, caption, caption_id), caption_id, TABLE_HINT)


# Said above a reference table only while it is wider than its column
# (calculators.css): on a tablet the data page's widest tables hid their last
# column with no cue but a scroll bar at their foot (tablet audit s32, 2).
TABLE_HINT = "This table is wider than the page: scroll it sideways to see every column."


def calculator(name: str, level: int = 2, method_searched: bool = True) -> Markup:
    """Embed one calculator with its default result already computed.  Its
    title is an h2; under a ``###`` section of a guide, ``level=3`` keeps the
    page's outline (the calculator's headings all move one level down)."""
    if name not in REGISTRY:
        raise KeyError(f"No calculator named {name!r}; known: {', '.join(REGISTRY)}")
    return render_calculator(REGISTRY[name], level, method_searched)


def cite(source: d.Source) -> Markup:
    return el("span", f"({source.cite()})", class_="mpb-cite")


def _outcome(slug: str) -> d.ChartingOutcome:
    outcome = d.specialty(slug).outcome
    if outcome is None:
        raise KeyError(f"No NRMP Charting Outcomes row for {slug!r}")
    return outcome


def img_match_rate(slug: str) -> Markup:
    """A specialty's non-US IMG match rate with its counts and source."""
    o = _outcome(slug)
    return join(
        f"{html.table_percent(o.img_match_rate_pct)} ({o.img_matched:,} of {o.img_ranked_first:,} non-US IMGs who ranked it first) ",
        cite(d.CHARTING_OUTCOMES),
    )


def step2_matched(slug: str) -> Markup:
    """The median Step 2 CK of matched non-US IMGs, or 'not enough data'."""
    o = _outcome(slug)
    dist = o.step2_matched
    if dist.median is None:
        return join("not enough data (NRMP suppressed it) ", cite(d.CHARTING_OUTCOMES))
    return join(f"a median of {dist.median:g} (middle half {dist.q1:g}–{dist.q3:g}, n = {dist.n:,}) ", cite(d.CHARTING_OUTCOMES))


class Figures:
    """One row of an NRMP table, each figure as a guide's sentence writes it
    (``1,860``, ``86.9%``, a median ``251``).  Guides quote a figure through
    this, ``{{ results("Transitional Year").positions_offered }}``, never by
    typing it, so the next edition of the table rewrites their sentences too."""

    def __init__(self, table: str, row: object) -> None:
        self._table, self._row = table, row

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            value = getattr(self._row, name)
        except AttributeError:
            known = ", ".join(vars(self._row))
            raise AttributeError(f"{self._table} has no column {name!r}; known: {known}") from None
        if isinstance(value, d.Distribution):
            return Figures(f"{self._table}, {name}", value)
        if value is None:
            # A suppressed figure needs words of its own: see step2_matched.
            raise ValueError(f"{self._table}: NRMP did not publish {name}")
        if isinstance(value, str):
            return value
        if "_pct" in name:
            return html.table_percent(value)
        return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _table_row(rows: dict[str, Any], name: str, table: str) -> Figures:
    if name not in rows:
        raise KeyError(f"{table} has no row {name!r}; known: {', '.join(rows)}")
    return Figures(f"{table}, {name}", rows[name])


def results(name: str) -> Figures:
    """A row of NRMP Results and Data's PGY-1 table, by the tabulation's name."""
    return _table_row(d.pgy1_results(), name, "Results and Data")


def charting(name: str) -> Figures:
    """A row of NRMP Charting Outcomes for non-US IMGs, by the report's name."""
    return _table_row(d.charting_outcomes(), name, "Charting Outcomes")


def acs_fill(slug: str) -> str:
    """A field's fill in the American College of Surgeons' release, where NRMP's tabulation has no row."""
    fill = d.specialty(slug).acs_fill
    if fill is None:
        raise KeyError(f"No {d.ACS_FILL.publisher} fill figure for {slug!r}")
    return fill


def dr_fill(position: str) -> str:
    """Diagnostic radiology's 2025 fill ("1,042 of 1,057 (98.6%)") by program
    type, "pgy1", "pgy2" or "physician" (the reserved PGY-2 places): the figures
    the ACS release does not hold, from a radiology news table (data.DR_MATCH_2025)."""
    return {"pgy1": d.DR_PGY1_2025, "pgy2": d.DR_PGY2_2025, "physician": d.DR_R_2025}[position].shown()


def overall_match_rate(applicant_type: str, year: int | None = None, cited: bool = True) -> Markup:
    """A group's rate and its year, cited unless the sentence cites the pair
    once (``match_rates_cite``): twice, the long citation split a comparison
    in two (copy-edit audit s32, 7)."""
    rates = _match_rates(year)
    said = f"{html.table_percent(rates.for_applicant(applicant_type))} in {rates.year}"
    return join(f"{said} ", cite(rates.cited)) if cited else Markup(said)


def match_rates_cite(year: int | None = None) -> Markup:
    return cite(_match_rates(year).cited)


def _match_rates(year: int | None) -> d.MatchRates:
    return d.match_rates()[year] if year else d.latest_match_rates()


def edition(table: str) -> str:
    """The year of a table's edition where a sentence names it without a
    figure or a citation ("the 2026 non-US IMGs"): typed, those years stayed
    behind when the data moved on, and no test saw them (data-update audit
    s33, 1)."""
    return {
        "charting": d.CHARTING_OUTCOMES.year,
        "results": d.RESULTS_AND_DATA.year,
        "acs": d.ACS_FILL.year,
        "match rates": str(d.latest_match_rates().year),
    }[table]


def _median(dist: d.Distribution, *, with_n: bool = False) -> str:
    """A median as the tables print it; NRMP suppresses small groups."""
    size = f" (n = {dist.n:,})" if with_n else ""
    return f"{dist.median:g}{size}" if dist.median is not None else f"not enough data{size}"


def outcomes_table() -> Markup:
    rows = [
        (
            o.specialty,
            f"{o.positions:,}",
            f"{o.img_matched:,} / {o.img_ranked_first:,}",
            html.table_percent(o.img_match_rate_pct),
            _median(o.step2_matched, with_n=True),
            _median(o.step2_unmatched, with_n=True),
            _median(o.contig_matched),
            _median(o.contig_unmatched),
        )
        for o in d.charting_outcomes().values()
    ]
    return table(
        (
            "Specialty",
            "Positions",
            "Non-US IMGs matched / ranked it first",
            "Match rate",
            "Step 2 CK median, matched",
            "Step 2 CK median, unmatched",
            "Contiguous ranks median, matched",
            "Contiguous ranks median, unmatched",
        ),
        rows,
        caption=f"Non-US IMGs by preferred specialty: {d.CHARTING_OUTCOMES.cite()}",
    )


def contiguous_ranks_table() -> Markup:
    """Each field the calculators cover, with the programs its non-US IMGs
    ranked in a row, matched and not: the guides' "how few is few?" gave five
    fields' figures in prose, and a dermatology, pediatrics or neurology reader
    found none for their own (derm-usmd and peds-visa audits s43, 3)."""
    rows = [
        (s.name, _median(s.outcome.contig_matched), _median(s.outcome.contig_unmatched))
        for s in d.SPECIALTIES
        if s.outcome is not None
    ]
    return table(
        ("Field", "Median, matched", "Median, did not match"),
        rows,
        caption=f"Programs ranked in a row by non-US IMGs who preferred each field (self-reported): {d.CHARTING_OUTCOMES.cite()}",
    )


def ortho_us_senior_ranks(group: str) -> str:
    """The mean programs US MD seniors in orthopaedics had ranked, "matched" or
    "unmatched" (Sudah and others, data.ORTHO_CONTIGUOUS_RANKS): the one field
    where we hold seniors' figures, which two guides compare with the IMG table."""
    matched, unmatched = d.ORTHO_US_SENIOR_CONTIG_MEANS
    return f"{ {'matched': matched, 'unmatched': unmatched}[group]:g}"


def pgy1_table() -> Markup:
    rows = [
        (
            r.specialty,
            f"{r.positions_offered:,}",
            f"{r.positions_filled:,}",
            html.table_percent(r.fill_rate_pct),
            html.table_percent(r.us_md_senior_pct_of_offered),
            html.table_percent(r.us_do_senior_pct_of_offered),
            html.table_percent(r.us_img_pct_of_offered),
            html.table_percent(r.non_us_img_pct_of_offered),
        )
        for r in d.pgy1_results().values()
    ]
    acs = [(s.name, s.acs_fill) for s in d.SPECIALTIES if s.acs_fill]
    return join(
        table(
            ("Specialty", "Offered", "Filled", "Fill rate", "US MD seniors", "US DO seniors", "US-citizen IMGs", "Non-US IMGs"),
            rows,
            caption=f"PGY-1 positions and share of offered positions by applicant type: {d.RESULTS_AND_DATA.cite()}",
        ),
        table(
            ("Specialty", f"{d.ACS_FILL.year} fill"),
            acs,
            caption=f"Specialties missing from that tabulation: {d.ACS_FILL.cite()}",
        ),
    )


def match_rates_table() -> Markup:
    rows = [
        (
            str(r.year),
            html.table_percent(r.us_md_senior_pct),
            html.table_percent(r.us_do_senior_pct),
            html.table_percent(r.us_img_pct),
            html.table_percent(r.non_us_img_pct),
            html.table_percent(r.all_active_pct),
            f"{r.source} ({r.status})",
        )
        for r in sorted(d.match_rates().values(), key=lambda r: -r.year)
    ]
    return table(
        ("Year", "US MD seniors", "US DO seniors", "US-citizen IMGs", "Non-US IMGs", "All active", "Source"),
        rows,
        caption="PGY-1 match rate by applicant type, Main Residency Match",
    )


def fees_table() -> Markup:
    rows = [
        (
            f.item,
            f.amount_usd,
            f.unit,
            f.season_or_year,
            with_pmc_links(f.source),
            el("strong", "Old figure: " + f.status_unmarked) if f.is_old else f.status,
        )
        for f in d.fees()
    ]
    return table(
        ("Item", "US$", "Unit", "Season or year", "Source", "Status"),
        rows,
        caption="Application and exam fees, as last confirmed",
    )


def specialties_table() -> Markup:
    rows = [(s.name, d.TIER_LABELS[s.tier], "; ".join(src.title for src in s.tier_sources)) for s in d.SPECIALTIES]
    return table(
        ("Specialty", "How the calculators treat it", "Why"), rows, caption="Specialties and their competitiveness tier for IMGs"
    )


def pairings_table() -> Markup:
    """The articles' primary-to-backup pairings, from the backup finder's data."""
    from calculators.backup_finder import BRIDGE_NAMES, PAIRINGS

    def name(slug: str) -> str:
        return BRIDGE_NAMES.get(slug) or d.specialty(slug).name

    rows = [
        (name(p.primary), ", ".join(name(b) for b in p.backups), p.why, "; ".join(s.title for s in p.sources)) for p in PAIRINGS
    ]
    return table(
        ("If you want", "Backups the articles pair with it", "Why they fit", "Source article"),
        rows,
        caption="Common primary-to-backup pairings (examples, not rules)",
    )


def rules_of_thumb_table() -> Markup:
    rows = [(rule.topic, rule.value, rule.source.cite()) for rule in d.RULES_OF_THUMB]
    return table(("Topic", "Rule of thumb", "Source"), rows, caption="Advice figures from the source articles: not measured data")


def sources_list() -> Markup:
    return el(
        "ul",
        [
            el(
                "li",
                el("strong", s.publisher),
                f": {s.title} ({s.year})",
                f". Status: {s.status}." if s.status else "",
                id=f"source-{s.key}",
            )
            for s in d.SOURCES
        ],
    )


# Guides cite the five source articles by their short names (Source.short);
# the list at the foot of a guide gives each one's full title and date.
def article_sources(*names: str) -> Markup:
    """The source articles a guide cites, each with its title and date."""
    by_key = {s.key: s for s in d.ARTICLES}
    articles = [(html.capitalised(a.short), a) for a in (by_key[f"article-{name}"] for name in names)]
    return join(
        el(
            "p",
            "The source articles are cited by short names. Their numbers are rules of thumb from experienced advisers, "
            "not measured data.",
        ),
        el(
            "ul",
            [el("li", el("strong", short), ": ", el("em", a.title), f", {a.publisher}, {a.year}.") for short, a in articles],
        ),
    )


# --- ERAS fees ---------------------------------------------------------------------
# Guides price programs through these, so a new season's schedule in the fee
# data rewrites their tiers and sums.  A fee a guide types must be one the data
# hold (tests/test_site.py), so a stale one fails the build's tests instead.
def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _tiers_in_words(schedule: FeeSchedule) -> str:
    parts = [
        f"{html.money(t.flat)} for programs {t.first}–{t.last} together"
        if t.flat and t.last is not None
        else f"{html.money(t.per_program)} for each of programs {t.first}–{t.last}"
        if t.last is not None
        else f"{html.money(t.per_program)} for each program from the {_ordinal(t.first)}"
        for t in schedule.tiers
    ]
    return html.and_list(parts)


def eras_tiers() -> str:
    """The current schedule in words: "$11 for each of programs 1–30 and $30 for each program from the 31st"."""
    return _tiers_in_words(eras_schedule())


def _residencycas_em() -> FeeSchedule:
    schedule = schedule_for("emergency-medicine")
    if schedule is None:
        raise LookupError("the fee data hold no ResidencyCAS schedule for emergency medicine")
    return schedule


def residencycas_tiers() -> str:
    """Emergency medicine's ResidencyCAS schedule in words, as ``eras_tiers``
    gives ERAS's: "$99 for programs 1–18 together, $18 for each of programs
    19–30 and $23 for each program from the 31st".  The FAQ typed these three
    fees, which a new cycle's schedule would have left behind (guides audit
    s55, 9).  OB/GYN's schedule is not in our data."""
    return _tiers_in_words(_residencycas_em())


def residencycas_season() -> str:
    """The cycle that schedule is confirmed for, "2025–26 cycle", for the
    sentence that quotes it."""
    return _residencycas_em().season.split(",")[0].replace("-", "–")


def eras_seasons() -> str:
    """The seasons the schedule we hold is confirmed for, with their noun:
    "2025 and 2026 seasons", or "2027 season" for one, where the guides typed
    "seasons" after the years (data-update audit s36, 3)."""
    return eras_schedule().season.removeprefix("ERAS ")


def fees_current_from() -> int:
    """The first season of the latest ERAS schedule: a fee confirmed for an
    earlier one is "old", a rule two pages typed as "before 2025" (data-update
    audit s36, 2)."""
    return d.FEES_CURRENT_FROM


def eras_fee(*programs: int) -> str:
    """What ERAS charges for these numbers of programs, one number per specialty."""
    return html.money(sum(eras_schedule().fee(count) for count in programs))


def eras_formula(programs: int) -> str:
    """How that fee is made up for one specialty: "30 × $11 + 13 × $30"."""
    return eras_schedule().formula(programs)


def fee(item: str) -> Markup:
    """One fee of the data, by the start of its item, with its year and
    source: "$935 in 2025 (copy of the FSMB Step 3 FAQ)", as the cost
    calculator cites it.  The FAQ typed it (diff review s54, 10)."""
    rows = [row for row in d.fees() if row.item.startswith(item)]
    if len(rows) != 1:
        raise KeyError(f"expected one fee row starting {item!r}, found {len(rows)}")
    row = rows[0]
    old = ", an old figure" if row.is_old else ""
    # "2016-17" as the pages write a span of years, "2016–17".
    year = re.sub(r"\b(\d{4})-(\d{2})\b", "\\1–\\2", row.season_or_year)
    return join(f"{html.money(int(row.amount_usd))} in {year}{old} ", el("span", f"({row.source})", class_="mpb-cite"))


def cited(key: str, bare: bool = False) -> Markup:
    """A source's citation by its key in the data ("ecfmg-pathways"), where a
    guide typed it and its year stayed behind (diff review s54, 10).
    ``bare``: without its brackets, for a bracket that cites several sources
    or a list of them; the SOAP page typed one citation three times (diff
    review s55b, 6)."""
    by_key = {s.key: s for s in d.SOURCES}
    if key not in by_key:
        raise KeyError(f"No source {key!r}; known: {', '.join(by_key)}")
    return html.text(by_key[key].cite()) if bare else cite(by_key[key])


# --- Match cycle dates (planning) ---------------------------------------------------
# Guides name dates of the coming Match through these, so each date on a page
# comes from calculators/figures/cycle_dates.tsv (or its stated rule) and says
# which season it belongs to.
def _today() -> dt.date:
    """The build's date, which the guides' season words are chosen by."""
    from calculators import cycle

    return cycle.reference_date()


def _coming_season() -> int:
    from calculators import cycle

    return cycle.coming_season(_today())


def recent_work_rule() -> str:
    """When the competitiveness check counts an old graduation as a red flag:
    "under 6 months of hands-on clinical work in the 3 years before you
    submit", in its own numbers, for pages that quote it."""
    return competitiveness.TOO_LITTLE_RECENT_WORK


def check_step2(which: str, slug: str = "") -> str:
    """A Step 2 CK line the competitiveness check draws, for the guides that
    explain it: "very strong" (260, the ultra-competitive single-track line),
    "gap" (15: how far under a field's level counts as far below), and, for
    a field with article bands (``slug``), its "level" (245 in the
    ultra-competitive fields, 235 in radiology) and "far below" (level less
    the gap).  Typed, they disagreed: "far below" was 235 in radiology on
    one page and 220 on another (guides audit s55, 3 and 9)."""
    if which == "very strong":
        return str(competitiveness.EXCEPTIONAL_ULTRA["step2"])
    if which == "gap":
        return str(competitiveness.MISALIGNED_STEP2_GAP)
    bands = competitiveness.article_bands(d.specialty(slug))
    if bands is None:
        raise KeyError(f"The check sets no article level for {slug!r}")
    level = bands.bands[1].floor
    return str({"level": level, "far below": level - competitiveness.MISALIGNED_STEP2_GAP}[which])


def article_figure(name: str) -> str:
    """A figure from the source articles that the calculators build rules on,
    as the calculators print it: "img red flag" (the IMG article's 225–230),
    "ortho advantage" (the orthopaedics self-audit's 245–250), "ultra
    ballpark" (the ultra-competitive article's 250), "img example graduation"
    (the IMG article's worked example, 2019).  Typed on guide pages, they could
    drift from the calculators' own (guides audit s55, 9)."""
    return {
        "img red flag": d.span(d.IMG_STEP2_RED_FLAG),
        "ortho advantage": d.span(d.ORTHO_STEP2_ADVANTAGE),
        "ultra ballpark": str(competitiveness.ULTRA_STEP2_BALLPARK),
        "img example graduation": str(d.IMG_EXAMPLE_GRADUATION_YEAR),
    }[name]


def signals_known() -> str:
    """How many specialties' signal numbers the table holds, in words: the
    front page promised the number "where our data holds" it, and it held
    none (US-citizen IMG journey audit s37, 8)."""
    known = sum(row.known for row in d.signal_allowances().values())
    if not known:
        return "at present our table holds no specialty's number, so the planner spreads a number you type in"
    return f"our table holds the number for {known} of {len(d.SPECIALTIES)} specialties"


def cycle_season() -> str:
    """The Match season the guides' dates are for, e.g. "Match 2027"."""
    return f"Match {_coming_season()}"


def cycle_as_of() -> str:
    """When the guides' season and dates were current: "as of <build date>, when this page was built"."""
    return season_words.as_of(_today())


def cycle_date(key: str, match_year: int | None = None, on: bool = False, cited: bool = True) -> Markup:
    """One milestone's date with its season and source, e.g. the rank-list deadline;
    ``cited=False`` where ``cycle_cited`` gives the sentence's sources at its end."""
    return season_words.date_shown(key, _today(), match_year, on, cited)


def cycle_cited(*keys: str) -> Markup:
    """The sources of one sentence's dates, each said once."""
    return season_words.cited_once(keys, _today())


def cycle_tensed(key: str, ahead: str, past: str) -> str:
    """The verb for a milestone's date, "starts" or "started", by the build's date."""
    return season_words.tensed(key, _today(), ahead, past)


def cycle_planning_note() -> Markup:
    """Which season the page's dates and the timeline calculator are for, and why they may differ."""
    return season_words.planning_note(_today())


def cycle_registration() -> Markup:
    """When to register with the NRMP for the season the page names."""
    return season_words.registration_advice(_today())


def cycle_short_of_interviews(standalone: bool = False) -> Markup:
    """Where the season stands for a reader who has applied and has few interviews."""
    return season_words.short_of_interviews(_today(), standalone)


def cycle_last_useful_day(short: bool = False, below_short_of_interviews: bool = False) -> str:
    """The last day a new application for the page's season is likely to bring
    an interview; ``short``, its first sentences, where the page gave the rule
    above; ``below_short_of_interviews``, where ``cycle_short_of_interviews``
    stands just above and may have said the hedge on an early deadline
    (interview audit s56, 7)."""
    return season_words.last_useful_day(_today(), short, below_short_of_interviews)


def cycle_last_useful_lead() -> str:
    """How long before the rank lists close the last useful day falls ("about two months")."""
    return season_words.last_useful_lead(_today())


def cycle_bridge_year_clock() -> Markup:
    """When the next ERAS season opens and sends applications, against the start of the next bridge year."""
    return season_words.bridge_year_clock(_today())


def cycle_next_open_dates() -> Markup:
    """The next on-time season's days, once the page's season is under review."""
    return season_words.next_open_dates(_today())


def cycle_residencycas(short: bool = False) -> Markup:
    """ResidencyCAS's deadline for the page's season, as of the build date;
    ``short``, as a clause after "whose ResidencyCAS", once the page has given it in full."""
    return season_words.residencycas_now(_today(), short)


def cycle_after_a_no_match() -> Markup:
    """Which Match still takes a reader whose no-match was not this week."""
    return season_words.after_a_no_match(_today())


def cycle_first_year_routes() -> Markup:
    """Where a reader SOAP did not place can still find a preliminary or transitional year, with its dates, as Markdown
    list items for the page to go on from."""
    return season_words.first_year_routes(_today())


def cycle_certify_again() -> str:
    """That a rank list can be certified again until the deadline, while the page's season may still take lists."""
    return season_words.certify_again(_today())


def cycle_ranking_season() -> int:
    """The Match whose rank lists a reader can still act on, by the build date."""
    return season_words.ranking_season(_today())


def cycle_registration_lead() -> str:
    """The rank-list guide's bold lead on registering, by the build date."""
    return season_words.registration_lead(_today())


def cycle_registration_day() -> Markup:
    """The rank-list guide's sentence on by when to register, or, once registration is closed, when it closed."""
    return season_words.registration_day(_today())


def cycle_rank_list_this_week() -> str:
    """The rank-list guide's "What to do this week" list, by the build date."""
    return season_words.rank_list_this_week(_today())


def cycle_unfilled_list_until() -> str:
    """The last day of the NRMP's List of Unfilled Programs for the page's season, "1 May 2027"."""
    return season_words.unfilled_list_until(_today())


def cycle_soap_page_note() -> Markup:
    """The SOAP page's dated note in the weeks after SOAP; empty otherwise."""
    return season_words.soap_page_note(_today())


def cycle_soap_this_week() -> str:
    """The SOAP page's "What to do this week" list, by the build date."""
    return season_words.soap_this_week(_today())


def cycle_dates_table(match_year: int | None = None) -> Markup:
    """Every milestone of one season, published or estimated, with sources."""
    from calculators import cycle

    year = match_year or _coming_season()
    rows = [
        (
            d.label,
            html.long_date(d.date),
            "estimated by rule: " + cycle.MILESTONE_BY_KEY[d.key].rule if d.estimated else d.status,
            d.source or "our rule",
        )
        for d in cycle.season(year).values()
    ]
    # A season asked for by year is not "current", so only the default one is dated.
    when = "" if match_year else f", the current season {cycle_as_of()}"
    return table(("Milestone", "Date", "Status", "Source"), rows, caption=f"Key dates of the Match {year}{when}")


def cycle_sources_table() -> Markup:
    """The dated table as stored: only dates someone published."""
    rows = [(f"Match {r.match_year}", r.milestone, r.date.isoformat(), r.status, r.source) for r in d.cycle_dates()]
    return table(("Season", "Milestone", "Date", "Status", "Source"), rows, caption="Published cycle dates we hold")


# --- Reading offline ------------------------------------------------------------------
# The start page and the FAQ offer both ways to read without a connection.  The
# hosted build (see macros/offline.py) fills in the stored size and offline.js
# runs the button; the downloadable copy says instead what works from a folder.
OFFLINE_ZIP = Path(__file__).resolve().parent.parent / "site-offline" / "match-plan-b-offline.zip"


def _offline_copy(env: Any) -> bool:
    plugin = env.conf.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _serve_command() -> Markup:
    return el("code", SERVE_FOLDER)


def _hosted_site(env: Any) -> str:
    return hosted_site(env.conf.get("site_url"))


def _copy_dated(env: Any) -> Markup:
    """When a downloaded copy was built, and where a newer one is: a copy kept
    for a season goes stale (signal tables, dates, fees)."""
    from calculators import cycle

    site = _hosted_site(env)
    where = (
        join("The latest version is at ", el("a", site, href=site), ".")
        if site
        else "Look for a newer copy at the site's web address."
    )
    return el(
        "p",
        f"This copy was built on {html.long_date(cycle.reference_date())} and holds the figures, dates and fees the "
        "site had then. ",
        where,
    )


# Said wherever the panel says something was saved.  An icon added to the
# Home Screen opens a copy of the site with a store of its own, which this
# clearing leaves alone (WebKit's own clarification of the rule).
BROWSERS_CLEAR = (
    "A browser may still clear what a site keeps when it runs short of space, and Safari (on an iPhone or iPad "
    "too) clears it after seven days of Safari use without a visit to the site (WebKit's tracking prevention, "
    "since 2020). A copy of the site opened from a Home Screen icon keeps its own store, which this leaves "
    "alone: add the site to your Home Screen, open it from the icon and save there. Or visit again before a "
    "trip, or take the zip above, which keeps."
)


def offline_panel(env: Any) -> Markup:
    """The "Download for offline reading" link and the "Save for offline use" button."""
    if _offline_copy(env):
        return el(
            "div",
            el(
                "p",
                "You are reading the downloaded copy of Match Plan B, opened from a folder. "
                "Every guide, the search and the calculators work here with no connection; a calculator "
                "takes a few seconds to go live the first time a page opens. If your browser will not "
                "start them from a folder, each still shows its worked example, and serving this folder with ",
                _serve_command(),
                " and opening the address it prints makes them live.",
            ),
            _copy_dated(env),
            # Chromium gives every page opened from disk one storage origin.
            el(
                "p",
                "Opened from a folder, “Remember my answers” keeps them where any other page you open from your disk "
                "could read them, such as a file you downloaded from an email. Leave it unticked if that matters to you. "
                "What a tab keeps for a reload is readable by such a file opened in the same tab, so press “Forget my "
                "answers” when you finish.",
            ),
            class_="mpb-offline",
            role="note",
        )
    up = "../" * env.page.url.count("/")
    size = f", {OFFLINE_ZIP.stat().st_size / 1_000_000:.1f} MB" if OFFLINE_ZIP.is_file() else ""
    return el(
        "div",
        el(
            "p",
            el(
                "a",
                "Download for offline reading",
                href=f"{up}{OFFLINE_ZIP.name}",
                download=True,
                class_="md-button mpb-offline-zip",
            ),
            f" A zip of the whole site{size}. Unzip it anywhere and open ",
            el("code", "match-plan-b/index.html"),
            ": the guides, search and live calculators open straight from the folder, with no connection "
            "and no web server (tested in Chromium; other browsers may need the folder served with ",
            _serve_command(),
            ").",
        ),
        # Written in by offline.js when the zip is asked for with no connection:
        # the browser cancelled the download without a word (offline-phone-print
        # audit s35, 2).  An empty live region, filled on each press, so every
        # press is announced; one shown with its words already in was not
        # (a11y-phone audit s36, 3).
        el(
            "p",
            class_="mpb-offline-zip-offline",
            role="status",
            data_offline=(
                "You are offline, so the zip cannot download now; try again once you are connected. The pages and "
                "calculators this browser has kept still work."
            ),
        ),
        el(
            "p",
            el("button", "Save for offline use", type="button", class_="md-button mpb-offline-save"),
            " Keeps this whole site in this browser, live calculators included, so it opens at its usual "
            "address with no connection. It stores ",
            el("span", "a few megabytes", class_="mpb-offline-size"),
            # "Pages you have opened" said less than is kept, and less than the
            # FAQ says (offline-print audit s41, 1).
            ". Without it, every page of the site is kept once one has loaded, and the calculators once you have "
            "used one; if your browser asks sites to save data, only this button downloads anything. From your second visit "
            "that uses a calculator, the browser also keeps ",
            el("span", "a copy", class_="mpb-snapshot-size"),
            " of the calculator engine's memory, so that it starts faster; a new copy replaces the old one, and none "
            "is kept if your browser asks sites to save data.",
            # Hidden where scripts do not run (Material's class on <html>):
            # a button that does nothing, said instead by the line below.
            class_="mpb-offline-keep",
        ),
        el(
            "noscript",
            el("p", "Keeping the site in this browser needs JavaScript, which is off here; the zip above works without it."),
        ),
        # Named by the "Saving…" line, words a browser's translation reaches.
        el("progress", class_="mpb-offline-progress", hidden=True, aria_labelledby="mpb-offline-saving"),
        el(
            "div",
            el("p", "Saving this site for offline use…", class_="mpb-offline-saving", id="mpb-offline-saving", hidden=True),
            el(
                "p",
                "Saved. This site now works in this browser with no connection, calculators included. " + BROWSERS_CLEAR,
                class_="mpb-offline-done",
                hidden=True,
            ),
            # Saved without the calculators' script (calculators.js missing
            # or refused), which is what keeps the calculators' engine.
            el(
                "p",
                "The guides are saved: they open in this browser with no connection. The calculators' engine "
                "was not saved, because this page's calculator script did not run, so offline each calculator "
                "shows only its result for the default inputs. Reloading this page and pressing the button "
                "again may save it.",
                class_="mpb-offline-no-engine",
                hidden=True,
            ),
            el(
                "p",
                "The guides are saved: they open in this browser with no connection. This browser cannot run the "
                "calculators' engine (a calculator's page says what it needs), so each calculator shows only its "
                "result for the default inputs, here and offline. " + BROWSERS_CLEAR,
                class_="mpb-offline-old-browser",
                hidden=True,
            ),
            el(
                "p",
                "Saving did not finish, perhaps because the connection dropped. Press the button again to carry on.",
                class_="mpb-offline-failed",
                hidden=True,
            ),
            el(
                "p",
                "This browser cannot keep the site for offline use here. Download the zip above instead.",
                class_="mpb-offline-unsupported",
                hidden=True,
            ),
            el(
                "p",
                "This browser is set not to let sites keep data (a setting such as “Block all cookies”, or a work or "
                "school policy), so it cannot keep this site. Allow this site to keep data, or download the zip above.",
                class_="mpb-offline-refused",
                hidden=True,
            ),
            class_="mpb-offline-state",
            role="status",
            aria_live="polite",
        ),
        class_="mpb-offline",
    )


def define_env(env: Any) -> None:
    for function in (
        img_match_rate,
        step2_matched,
        results,
        charting,
        acs_fill,
        dr_fill,
        eras_tiers,
        eras_seasons,
        fees_current_from,
        eras_fee,
        eras_formula,
        residencycas_tiers,
        residencycas_season,
        fee,
        cited,
        overall_match_rate,
        match_rates_cite,
        edition,
        outcomes_table,
        contiguous_ranks_table,
        ortho_us_senior_ranks,
        pgy1_table,
        match_rates_table,
        fees_table,
        specialties_table,
        sources_list,
        article_sources,
        rules_of_thumb_table,
        pairings_table,
        signals_known,
        recent_work_rule,
        check_step2,
        article_figure,
        cycle_season,
        cycle_as_of,
        cycle_date,
        cycle_cited,
        cycle_tensed,
        cycle_registration,
        cycle_short_of_interviews,
        cycle_planning_note,
        cycle_after_a_no_match,
        cycle_first_year_routes,
        cycle_last_useful_day,
        cycle_last_useful_lead,
        cycle_bridge_year_clock,
        cycle_next_open_dates,
        cycle_residencycas,
        cycle_certify_again,
        cycle_ranking_season,
        cycle_registration_lead,
        cycle_registration_day,
        cycle_rank_list_this_week,
        cycle_unfilled_list_until,
        cycle_soap_page_note,
        cycle_soap_this_week,
        cycle_dates_table,
        cycle_sources_table,
    ):
        env.macro(function)

    def calculator_on_this_page(name: str, level: int = 2) -> Markup:
        # Its method is searched on its own page only (see render_calculator).
        own_page = f"calculators/{name.replace('_', '-')}.md"
        return calculator(name, level, method_searched=env.page.file.src_uri == own_page)

    env.macro(calculator_on_this_page, "calculator")
    env.macro(lambda: offline_panel(env), "offline_panel")
    # The 404 page is a theme template, which sees the site's config but not
    # these macros; it has no address of its own, so it names the site's.
    env.conf["extra"]["not_found_provenance"] = provenance_note(_hosted_site(env), "")


def paper_provenance(env: Any) -> Markup:
    """Printed only: where a sheet came from and how old its figures are.  A
    printout is shown to advisers and kept for months, with no address bar."""
    return provenance_note(_hosted_site(env), hosted_path(env.page.url))


def provenance_note(site: str, path: str) -> Markup:
    """The provenance line for the page at ``path`` of the hosted ``site``
    (no address when there is none worth printing)."""
    from calculators import cycle

    where = join(" at ", site + path) if site else ""
    return html.paper_note(
        join(
            "Printed from Match Plan B",
            where,
            f". This page was built on {html.long_date(cycle.reference_date())}, with the figures, dates and fees "
            "the site had then; its web address has the latest.",
        ),
        data_search_exclude=True,
    )


def on_post_page_macros(env: Any) -> None:
    """Every page ends with the same plain statement of what this site is,
    and on paper with where and when it came from."""
    env.markdown += PAGE_DISCLAIMER + f"\n{paper_provenance(env)}\n"
