"""Program signals: how many signals each of your specialties allows in the
season, and how to place them across reach, target and likely programs.

Signals are counted per specialty, so a dual applicant plans two separate
sets.  How many a specialty allows comes only from ``figures/signals.tsv``;
where that table has no number for a specialty, the planner says so and gives
none (a reader may type the number from the season's announcement instead,
and the result then says the number is theirs).

The placement reuses what the other calculators already decide: the band
comes from the competitiveness check, and the reach/target/likely shares and
the number of programs per specialty come from program counts.  None of the
source articles discusses signals, so how the shares turn into whole signals
is this calculator's own rule, stated in ``method()``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict

from . import competitiveness, cycle, data, profile, program_counts
from .competitiveness import BAND_LABELS, Band
from .data import ARTICLE_UNMATCHED, SignalAllowance
from .fields import InputError, IntField, flag, parse_inputs, whole_or_none, word, word_or_none
from .html import Markup, and_list, capitalised, counted, el, join, long_date, table
from .registry import first_within_pinned_line, first_within_read_out

NAME = "signals"
TITLE = "Program signals planner"
SUMMARY = (
    "For your first choice and your backup, how many program signals each allows in the season our table covers, "
    "where our data has the number (the result names the season), and how to place them across reach, target and "
    "likely programs."
)

Tier = data.ProgramTier
TIERS, TIER_LABELS = data.PROGRAM_TIERS, data.PROGRAM_TIER_LABELS
Role = Literal["primary", "backup"]

# ============================================================================
# The rules.  ``method()`` prints this block on the calculator's page.
# ============================================================================
# Where a reader should look when our table has no number.  Emergency
# medicine and OB/GYN signal through ResidencyCAS, whose fields the AAMC's
# page does not list (costs-signals audit s38, 2).
ERAS_SIGNALING = "the AAMC's ERAS program signaling page for the season"
RESIDENCYCAS_SIGNALING = "the signaling rules ResidencyCAS publishes for the season"
ORGANIZATION = "the announcement of the specialty's own organization"
WHERE_TO_CHECK = f"{ERAS_SIGNALING} (for {data.RESIDENCYCAS_FIELDS_SAID}, {RESIDENCYCAS_SIGNALING}) and {ORGANIZATION}"


def where_to_check(slug: str) -> str:
    """Where to look up one specialty's signal numbers."""
    if data.via_residencycas(slug):
        return (
            f"{RESIDENCYCAS_SIGNALING} and {ORGANIZATION}: its programs take applications and signals through "
            "ResidencyCAS, not ERAS"
        )
    return f"{ERAS_SIGNALING} and {ORGANIZATION}"


# Highest number a reader may type; far above any allowance, so it only stops typos.
MOST_SIGNALS = 99

# The shares are program counts' mix for the band (REACH_PCT, LIKELY_PCT), so
# signals follow the list they are sent with.  Reach and likely programs get
# their share rounded down and target programs take what is left: a program
# that could go either way is where an expression of interest is most likely
# to decide an interview (our reasoning; no source article covers signals).
TIER_WHY: dict[Tier, str] = {
    "reach": (
        "programs that rarely take applicants like you; a signal tells them you mean it, but it cannot make up for a "
        "profile they screen out, so this share never rises above the list's reach share"
    ),
    "target": (
        "programs where your profile is in range but an interview is not assured; an expression of interest is most "
        "likely to tip the decision here, so these programs also receive any signal left over from rounding"
    ),
    "likely": (
        "programs with a record of taking applicants like you; a signal confirms real interest and protects the "
        "interviews your application most depends on"
    ),
}
# A reader who arrives while programs are reviewing has sent some signals
# already, with the applications they went with, and the planner placed them
# as if they were still to come (late-season audit s39, 1).  In ERAS a signal
# is final once its application has gone, and is not freed by withdrawing it;
# a specialty not yet applied to keeps its whole allowance (the AAMC's MyERAS
# user guide, data.SIGNALS_FINAL_WHEN_SENT).
# Short sentences, the source after the last, whose rule they all are: one
# paragraph of about 190 words was too long for a worried reader (midseason
# audit s52, 10).
MID_SEASON_RULE = (
    "a signal is fixed once it has gone to a program with your application. For applications you have already "
    "submitted, signals cannot be added, moved or taken back. Withdrawing an application does not free its signal "
    "for another program. A specialty you have not applied to yet keeps its whole allowance, if it takes signals. "
    "Each of its signals can only be placed as you send the application to that program "
    f"({data.SIGNALS_FINAL_WHEN_SENT.cite()})."
)
# ============================================================================

# The site says some specialties use more than one kind of signal; a reader
# who added two kinds got one blended split, with no word (signals audit s36, 5).
ONE_KIND = "If the specialty has more than one kind of signal, enter one kind here and plan the others yourself."
PRIMARY_SIGNALS = IntField(
    name="primary_signals",
    label="Signals your first choice allows",
    maximum=MOST_SIGNALS,
    initial=None,
    optional=True,
    help=f"The number your first choice allows in the season you apply in, from the ERAS or specialty announcement. "
    f"Leave empty to use our table, which names its season; where it has no number, no plan is shown. {ONE_KIND}",
)
BACKUP_SIGNALS = IntField(
    name="backup_signals",
    label="Signals your backup allows",
    maximum=MOST_SIGNALS,
    initial=None,
    optional=True,
    help=f"The same for your backup specialty; its signals are a separate set. Leave empty to use our table. {ONE_KIND}",
)
FIELDS = (*program_counts.FIELDS, PRIMARY_SIGNALS, BACKUP_SIGNALS)
PROGRAM_COUNT_NAMES = tuple(f.name for f in program_counts.FIELDS)


class AllowanceFields(TypedDict):
    """An ``Allowance`` as the result carries it (JSON for the page)."""

    count: int | None
    origin: Literal["table", "reader", "unknown"]
    season: str | None
    table_count: int | None
    detail: str
    status: str
    source: str


@dataclass(frozen=True)
class Allowance:
    """The number of signals used for one specialty, and where it came from."""

    count: int | None
    origin: Literal["table", "reader", "unknown"]
    row: SignalAllowance | None

    def as_dict(self) -> AllowanceFields:
        return {
            "count": self.count,
            "origin": self.origin,
            "season": self.row.season if self.row else None,
            "table_count": self.row.signals if self.row else None,
            "detail": self.row.detail if self.row else "",
            "status": self.row.status if self.row else "no row in our table",
            "source": self.row.source if self.row else "",
        }


def allowance(slug: str, typed: int | None) -> Allowance:
    """The table's number for a specialty, unless the reader typed one."""
    row = data.signal_allowances().get(slug)
    if typed is not None:
        return Allowance(typed, "reader", row)
    if row is not None and row.known:
        return Allowance(row.signals, "table", row)
    return Allowance(None, "unknown", row)


def placement(count: int, mix: Mapping[str, int]) -> dict[Tier, int]:
    """Whole signals per tier: reach and likely rounded down, target takes the rest.

    Rounding down on both outer tiers keeps each count monotone: a weaker band
    (a smaller reach share, a larger likely share) never adds a reach signal or
    removes a likely one, and one more signal never removes any reach or
    likely signal.
    """
    reach = count * mix["reach_pct"] // 100
    likely = count * mix["likely_pct"] // 100
    return {"reach": reach, "target": count - reach - likely, "likely": likely}


class SpecialtyPlan(TypedDict):
    role: Role
    specialty: str
    specialty_name: str
    allowance: AllowanceFields
    programs: program_counts.Counts | None
    placed: dict[Tier, int] | None
    unused: int
    applies_in: str
    # The Match of the table's row, when it is earlier than the one the plan
    # is for (plans_season), else None; and the season the plan's words name.
    table_over: int | None
    season_said: str


def _match_year(season: str | None) -> int | None:
    """The Match of a season as the table words it ("ERAS 2027 (Match 2027)"), which holds it only as text."""
    match = re.search(r"Match (\d{4})", season or "")
    return int(match[1]) if match else None


def residencycas_season(season: str | None, today: dt.date) -> str | None:
    """A season of the table, which names it as ERAS does, as a ResidencyCAS
    field's: by that service and its Match, and closed once its deadline has
    passed.  OB/GYN's row read "ERAS 2027 (Match 2027)" under a note saying
    ResidencyCAS had closed (obgyn-usimg audit s42, 2)."""
    year = _match_year(season)
    if year is None:
        return season
    state = cycle.residencycas_state(year, today)
    closed = {"open": "", "may-have-closed": " (may have closed to applications)", "closed": " (closed to applications)"}
    return f"ResidencyCAS, Match {year}{closed[state]}"


def plans_season(today: dt.date, slug: str, pair: Sequence[str] = (), later: bool = False) -> int:
    """The Match a field's plan is for.  An ERAS field's: the season under
    way while its applications go out (the mid-season note's), else the next
    one open.  A ResidencyCAS field's: the running Match until ResidencyCAS
    has closed to it, then the next; after its deadline an emergency
    medicine plan was still for the Match it could no longer enter (diff
    review s43, 1).  In the week it may have closed, the running one, and
    the words name the next beside it (may_have_closed).

    A field planned in a ``pair`` (the first choice and its backup) is
    planned in the later of the two fields' Matches: a dual application
    happens in one Match, and an emergency medicine reader planning the next
    season was told to look up family medicine's numbers for the one under
    way (seasonlate audit s44, 3), as a psychiatry reader with an emergency
    medicine backup was told psychiatry's (diff review s44, 3).  The late
    backup in the running Match is left to the mid-season note, for a reader
    who has already applied there.  ``later``: the reader said they have
    not applied in the season under review, so every field's plan is for
    the next one open on time (planner audit s54, 3)."""
    return max(_own_season(today, each, later) for each in (slug, *pair))


def _own_season(today: dt.date, slug: str, later: bool = False) -> int:
    """The Match a field's plan is for, alone: plans_season without a first choice."""
    # A ResidencyCAS field's too: in the week ResidencyCAS may have closed,
    # an emergency medicine reader who said No was planned for the Match
    # under way "or" the next, where the check and the cost said the next
    # (diff review s55, 3).
    if later:
        return cycle.next_open_season(today)
    year = cycle.coming_season(today)
    if data.via_residencycas(slug):
        return year + 1 if cycle.residencycas_state(year, today) == "closed" else year
    return year if cycle.applications_going_out(year, today) else cycle.next_open_season(today)


def may_have_closed(year: int, slug: str, today: dt.date) -> bool:
    """Whether a field's plan, for ``year``, is for the next Match instead if
    ResidencyCAS has already closed to that one (its "may-have-closed" week)."""
    return data.via_residencycas(slug) and cycle.residencycas_state(year, today) == "may-have-closed"


def _plan_season(today: dt.date, slug: str, pair: Sequence[str] = (), later: bool = False) -> tuple[int, bool]:
    """A field's plans_season, and whether the next Match is named beside it (may_have_closed)."""
    year = plans_season(today, slug, pair, later)
    return year, may_have_closed(year, slug, today)


def if_closed(year: int, comma: bool = True) -> str:
    """The next Match, named beside ``year`` in the week ResidencyCAS may have closed to it."""
    return f"the Match {year + 1}{',' if comma else ''} if ResidencyCAS has closed"


def _season_name(year: int, slug: str, today: dt.date, by_match: bool = False) -> str:
    """A season as the plan names it: a ResidencyCAS field's by its Match, not
    as an ERAS season, and with the next Match while ResidencyCAS may have
    closed.  ``by_match``: an ERAS field's by its Match too, beside a
    ResidencyCAS field, where the summary said "the Match 2029 season" and
    "ERAS 2028 (Match 2028)" (seasonlate audit s44, 3)."""
    if not data.via_residencycas(slug):
        return f"the Match {year} season" if by_match else cycle.eras_season(year)
    return f"the Match {year} season" + (f" (or {if_closed(year)})" if may_have_closed(year, slug, today) else "")


def plans_seasons_said(
    slugs: list[str], today: dt.date, by_match: bool, which: bool = False, pair: Sequence[str] = (), later: bool = False
) -> str:
    """The seasons the plans of ``slugs`` are for (plans_season), each said
    once, with its fields where they differ, and with ``which`` whether it is
    the season under way.  The table note and the mid-season note name the
    plans' seasons alike, as the plans do (diff review s43, 1)."""
    years: dict[int, list[str]] = {}
    for slug in slugs:
        years.setdefault(plans_season(today, slug, pair, later), []).append(slug)
    parts = []
    for year, here in years.items():
        said = f"the Match {year}" if by_match else cycle.eras_season(year)
        if len(years) > 1:
            said += f" in {and_list([data.specialty(slug).name for slug in here])}"
        if which:
            under_way = cycle.applications_going_out(year, today)
            said += ", the season under way" if under_way else ", the next season you can apply to"
        if closing := [slug for slug in here if may_have_closed(year, slug, today)]:
            if closing == here:
                said += f" (or {if_closed(year)})"
            else:
                said += f" (in {and_list([data.specialty(slug).name for slug in closing])}, {if_closed(year, comma=False)})"
        parts.append(said)
    # A part with commas of its own is set off by one before "and".
    return (", and " if any("," in part for part in parts) else " and ").join(parts)


def _specialty_plan(
    role: Role,
    slug: str,
    typed: int | None,
    counts: program_counts.Counts | None,
    mix: Mapping[str, int],
    today: dt.date | None = None,
    pair: Sequence[str] = (),
    by_match: bool = False,
    later: bool = False,
) -> SpecialtyPlan:
    spec = data.specialty(slug)
    allowed = allowance(slug, typed)
    today = today or cycle.reference_date()
    said = allowed.as_dict()
    if data.via_residencycas(slug):
        said["season"] = residencycas_season(said["season"], today)
    plan: SpecialtyPlan = {
        "role": role,
        "specialty": slug,
        "specialty_name": spec.name,
        "allowance": said,
        "programs": counts.copy() if counts else None,
        "placed": None,
        "unused": 0,
        # Our table is for one season; the reader may apply in a later one.
        "applies_in": cycle.applies_in([slug], today),
        "table_over": None,
        "season_said": _season(said, slug, by_match),
    }
    # A table for a season already behind the reader named that season as the
    # one whose numbers were missing, beside a note about the next one
    # (season-dates audit s43, 3): the plan names the reader's season, and
    # table_season_note says once whose the table's is.
    year, table_year = plans_season(today, slug, pair, later), _match_year(allowed.row.season if allowed.row else None)
    if table_year is not None and table_year < year:
        plan["table_over"] = table_year
    if table_year is not None and table_year <= year:
        # For the table's own season too: it names the next beside it while
        # ResidencyCAS may have closed to it.
        plan["season_said"] = _season_name(year, slug, today, by_match)
    if allowed.count is None:
        return plan
    # A signal goes only to a program you apply to, so never plan more than
    # the fewest programs program counts suggests for this specialty.
    usable = min(allowed.count, counts["low"]) if counts else allowed.count
    plan["placed"] = placement(usable, mix)
    plan["unused"] = allowed.count - usable
    return plan


def _season(allowed: AllowanceFields, slug: str, by_match: bool = False) -> str:
    """Which season the table's row is for: never a bare "this season", which a reader takes as their own.
    A ResidencyCAS field's season is named by its Match, not as an ERAS season, and so is
    any field's beside one (``by_match``)."""
    season = str(allowed["season"] or "any season")
    if (by_match or data.via_residencycas(slug)) and (match := re.search(r"Match \d{4}", season)):
        return f"the {match[0]} season"
    return season


def _count_phrase(plan: SpecialtyPlan, short: bool = False) -> str:
    """A field's count with its season and where it comes from; ``short``:
    the count alone, for a read-out that has no room for the rest."""
    allowed = plan["allowance"]
    name = plan["specialty_name"]
    if short:
        return f"{name}: " + (
            "no number in our data" if allowed["origin"] == "unknown" else counted(allowed["count"] or 0, "signal")
        )
    if allowed["origin"] == "unknown":
        return f"{name}: signal numbers for {plan['season_said']} are not in our data"
    if allowed["origin"] == "reader":
        return f"{name}: {counted(allowed['count'] or 0, 'signal')}, the number you entered"
    earlier = f", an earlier season than {plan['season_said']}" if plan["table_over"] is not None else ""
    return f"{name}: {counted(allowed['count'] or 0, 'signal')} in {allowed['season']}{earlier}"


def _count_phrases(plans: list[SpecialtyPlan], heard: bool = False, short: bool = False) -> str:
    """Each field's count; two fields whose numbers we lack for one season are
    said in one clause, where the season and "not in our data" came twice in
    a read-out of 53 words (new-words audit s40, 3).  ``heard``: for the
    read-out, two fields we lack numbers for are said in one clause even when
    their services name the season apart (ERAS and ResidencyCAS), which ran
    to 61 words beside a backup warning (diff review s41, second, 4), and
    without the season, which the page gives.  ``short``: each count alone
    (``_count_phrase``)."""
    if short:
        return "; ".join(_count_phrase(plan, short=True) for plan in plans)
    seasons = {plan["season_said"] for plan in plans}
    unknown = all(plan["allowance"]["origin"] == "unknown" for plan in plans)
    if len(plans) > 1 and unknown and (len(seasons) == 1 or heard):
        if heard:
            # The season is on the page; the read-out names what is missing.
            return "No signal numbers in our data for either field"
        names = and_list([plan["specialty_name"] for plan in plans], "or")
        return f"No signal numbers for {seasons.pop()} in our data for {names}"
    return "; ".join(_count_phrase(plan) for plan in plans)


def _split_text(placed: Mapping[Tier, int]) -> str:
    return f"{placed['reach']} reach, {placed['target']} target, {placed['likely']} likely"


def _neighbour_bands_text(v: Mapping[str, object], plan: SpecialtyPlan, band: Band) -> str:
    """What the same signals would look like one band either side of yours,
    each band with its own program count: a band's low end caps the signals
    it plans, and re-splitting the reader's capped count under another band's
    mix gave figures neither band plans (signals audit s36, 1)."""
    order = competitiveness.BAND_ORDER
    here = order.index(band)
    spec = data.specialty(str(plan["specialty"]))
    typed = plan["allowance"]["count"] if plan["allowance"]["origin"] == "reader" else None

    def said(there: SpecialtyPlan) -> str:
        placed = there["placed"] or {"reach": 0, "target": 0, "likely": 0}
        unplanned = f" ({counted(int(there['unused']), 'signal')} left unplanned)" if there["unused"] else ""
        return _split_text(placed) + unplanned

    # Flags are the first choice's file's, whichever band is asked about.
    red_flag = program_counts.flagged(competitiveness.red_flags(data.specialty(word(v, "specialty")), v))

    def gives(other: Band) -> str:
        counts = program_counts.plan(
            word(v, "specialty"),
            word_or_none(v, "backup_specialty"),
            other,
            flag(v, "previously_unmatched"),
            word(v, "applicant_type"),
            red_flag,
            flag(v, program_counts.CHANGING_FIELD.name),
        )
        return said(_specialty_plan(plan["role"], spec.slug, typed, counts[plan["role"]], program_counts.tiers(other)))

    # The reader's own band is the plan already made.
    parts = [f"your band gives {said(plan)}"]
    # BAND_ORDER runs from the weakest band to the strongest.
    if here + 1 < len(order):
        stronger = order[here + 1]
        parts.append(f"“{BAND_LABELS[stronger]}” would give {gives(stronger)}")
    if here > 0 and ((weaker := order[here - 1]) != "pivot" or competitiveness.pivot_within_reach(spec, v)):
        parts.append(f"“{BAND_LABELS[weaker]}” would give {gives(weaker)}")
    return "; ".join(parts) + "."


def _reasons(
    v: Mapping[str, object], counts: program_counts.ProgramCountsResult, plans: list[SpecialtyPlan], mix: Mapping[str, int]
) -> list[str]:
    band = counts["band"]
    reasons = [
        f"Your profile inputs give {counts['score']}/100 on the competitiveness check: “{BAND_LABELS[band]}”. That band "
        f"sets the mix of every set of signals: {mix['reach_pct']}% reach, {mix['target_pct']}% target and "
        f"{mix['likely_pct']}% likely, the same mix program counts uses for your list. A weaker band moves signals "
        "from reach towards likely programs, and a stronger one the other way; each band's figures below also keep "
        "within its own program count.",
    ]
    for plan in plans:
        allowed = plan["allowance"]
        name = plan["specialty_name"]
        role_text = "first choice" if plan["role"] == "primary" else "backup"
        if allowed["origin"] == "unknown":
            reasons.append(
                f"{name} ({role_text}): our data has no signal numbers for this specialty for "
                f"{plan['season_said']}, so no "
                f"count is given. Check {where_to_check(plan['specialty'])}; then type the number in the form to see a "
                "placement."
            )
        elif allowed["origin"] == "reader":
            table_count = allowed["table_count"]
            note = (
                f" Our table says {table_count} for {allowed['season']}; yours is used."
                if table_count is not None and table_count != allowed["count"]
                else ""
            )
            reasons.append(
                f"{name} ({role_text}): you entered {counted(allowed['count'] or 0, 'signal')}, so the plan uses your number.{note}"
            )
        else:
            reasons.append(
                f"{name} ({role_text}): {counted(allowed['count'] or 0, 'signal')} in {allowed['season']}, from {allowed['source']}."
            )
        placed = plan["placed"]
        # "!= 0": with the sum alone as the condition, mypy 2.4 takes it for a sum of bools.
        if placed is not None and sum(placed.values()) != 0:
            reasons.append(f"{name}: {_neighbour_bands_text(v, plan, band)}")
        if data.specialty(str(plan["specialty"])).tier == "ultra":
            reasons.append(
                f"{name} is {data.TIER_LABELS['ultra']}: even a program you count as likely is uncertain, so choose "
                "likely programs by their record with applicants like you, not by name."
            )
        programs = plan["programs"]
        if isinstance(programs, dict) and int(plan["unused"]):
            reasons.append(
                f"{name}: you have more signals than the {programs['low']} programs at the low end of your program "
                f"count, and a signal can only go to a program you apply to. The plan leaves "
                f"{counted(int(plan['unused']), 'signal')} unplanned, for use only if your list is longer."
            )
    # For a reader changing field the backup is the field being left, not a
    # fallback to show interest in (diffreview47 audit s47, 9).
    leaving = len(plans) == 2 and program_counts.changing_field_applies(
        flag(v, program_counts.CHANGING_FIELD.name), band, plans[1]["specialty"]
    )
    if len(plans) == 2:
        reasons.append(
            f"You named a backup, so you plan two separate sets: signals are counted per specialty, and those for "
            f"{plans[0]['specialty_name']} cannot be spent in {plans[1]['specialty_name']} or the other way round."
        )
        if plans[1]["allowance"]["count"] != 0 and leaving:
            reasons.append(
                f"{plans[1]['specialty_name']} is the field you are leaving, kept to a small hand-picked set: give its "
                "signals to the programs where you have a real connection."
            )
        elif plans[1]["allowance"]["count"] != 0:
            reasons.append(
                f"Signals in {plans[1]['specialty_name']} show its programs that the backup is a real choice. The "
                "orthopaedics, radiology and IMG articles all ask you to show genuine interest in a backup, not treat "
                "it as a fallback."
            )
    elif band == "pivot":
        # "Suggests a backup" understated the band's advice (signals audit s36, 4).
        reasons.append(
            f"{competitiveness.ADVICE['pivot']} Name that backup in the form: its signals are a set of their own, and "
            "at a pivot they carry most of the plan."
        )
    elif band != "single-track":
        reasons.append(
            "Your band suggests a backup but you have not named one. A backup specialty brings its own signals, "
            "a second set that costs your first choice nothing."
        )
    # Leaving an ultra-competitive field, the new one keeps most of the list even at a pivot.
    if band == "pivot" and not leaving:
        reasons.append(
            f"At a pivot your list in {plans[0]['specialty_name']} is a small hand-picked set: give its signals to "
            "the programs where you have a real connection."
        )
    if limit := profile.graduation_limit_note(
        v, "send no signal to a program whose stated limit on years since graduation is lower than yours."
    ):
        reasons.append(f"{limit} {profile.GRADUATION_LIMIT_HOW}")
    # The one list-building calculator that said nothing of the first year an
    # advanced field needs (specialties audit s35, 6).
    needs_visa = profile.visa_needed(v)
    advanced = data.advanced_among(str(v["specialty"]), v["backup_specialty"])
    for slug in advanced:
        # "Counts signals for the advanced programs" read as if the set were
        # theirs alone, though it covers the field's categorical programs too
        # (anesadv audit s46, 6).
        reasons.append(
            data.advanced_positions_note(
                [slug],
                "This planner counts each specialty's signals for all its programs, categorical and advanced alike: a "
                "signal reaches an institution in a specialty, not one of its tracks "
                f"({data.SIGNALS_BY_INSTITUTION.cite()}). Apply to programs for that first year as well, and check "
                "whether they take signals in your season.",
                needs_visa=needs_visa,
            )
        )
    if advanced and INTERNAL_MEDICINE in (v["specialty"], v["backup_specialty"]):
        # The same rule puts a preliminary medicine program in the internal
        # medicine set, which the plan had spread across the categorical
        # backup alone (anesadv audit s46, 6).
        reasons.append(
            f"A preliminary year in internal medicine draws on your {data.specialty(INTERNAL_MEDICINE).name} signals: a "
            "signal to an institution's internal medicine programs covers its preliminary ones too "
            f"({data.SIGNALS_BY_INSTITUTION.cite()}), so signalling a preliminary medicine program at an institution "
            "you would not otherwise signal takes one from the set planned here."
        )
    if profile.h1b_only(v):
        # The guide's branch for a reader who cannot take a J-1, as program
        # counts says it of the list (h1bvisa audit s47, 2).  Without "the
        # breadth has to come from the backup", said to a reader leaving the
        # backup's field and to one with none (diffreview48 audit s48, 3).
        reasons.append(
            f"{profile.h1b_only_programs(v, 'signal')} A field may hold fewer such programs than the signals it allows: "
            "a signal to a program that will not file cannot lead to a position you could start."
        )
    elif needs_visa:
        reasons.append(f"You need a visa, {profile.visa_basis(v)}: signal only programs that sponsor the visa you need.")
    if v["geographic_restriction"]:
        reasons.append(
            "You limited your area: signal within it first, and check that each signalled program is one you would really attend."
        )
    reasons.append(COUPLES)
    return reasons


INTERNAL_MEDICINE = "internal-medicine"
# Said to every reader, as program counts says its own: a signal cannot be
# taken back, and one sent where the partner has no program can only pair
# with a program elsewhere or the No Match code (couplesvisa audit s46, 3).
# The pairing is the NRMP's rule; where to spend the signals is ours.
COUPLES = (
    f"{data.COUPLE_IF}, spend these signals first on programs in places where your partner also applies: "
    f"{data.MATCHED_IN_PAIRS}, so a program where they have none can go on your list only beside one of theirs "
    "elsewhere or the No Match code (our advice, from how the pairs work)."
)


# Where each service's fields have their signal numbers published.
PUBLISHED_BY = {
    data.SERVICE_ERAS: "the AAMC's signaling page",
    data.SERVICE_RESIDENCYCAS: "ResidencyCAS and the specialty's own organization",
}


def _type_in_when_published(fields: Mapping[str, list[str]]) -> str:
    """Where the mid-season note sends a reader planning ahead, given the
    fields' names by the service they apply through: the AAMC's page does not
    list OB/GYN or emergency medicine, whose numbers the result itself says
    come from ResidencyCAS (obgyn-usimg audit s42, 2)."""
    if list(fields) == [data.SERVICE_ERAS]:
        return f"type in the numbers {PUBLISHED_BY[data.SERVICE_ERAS]} gives once it is published"
    if list(fields) == [data.SERVICE_RESIDENCYCAS]:
        return f"type in the numbers {PUBLISHED_BY[data.SERVICE_RESIDENCYCAS]} give once they are published"
    return "type in the numbers once they are published: " + "; ".join(
        f"for {and_list(names)}, from {PUBLISHED_BY[service]}" for service, names in fields.items()
    )


# Whose numbers each service's fields take, in the phone's pinned line,
# which holds PINNED_LINE_CHARS at 320 px (PUBLISHED_BY, shorter).
PUBLISHED_BY_SHORT = {data.SERVICE_ERAS: "the AAMC's", data.SERVICE_RESIDENCYCAS: "ResidencyCAS's"}


NO_NUMBERS_PINNED = "Enter signal numbers: none in our data."


def _no_numbers(plans: list[SpecialtyPlan], short: bool = False, owners: bool = True) -> str:
    """That no field planned has signal numbers in our data, and where each
    field's are published, to type in: the reasons' "check ...; then type the
    number in the form", in few words.  ``short``: for the pinned line, and
    without ``owners``, shorter still, naming no publisher."""
    fields = _names_by_service([str(plan["specialty"]) for plan in plans])
    names = and_list([plan["specialty_name"] for plan in plans], "or")
    if short:
        # The step first, so that its noun fits: "type in the AAMC's." read as
        # a possessive with its noun cut (diff review s47, 11).
        whose = f"{and_list([PUBLISHED_BY_SHORT[each] for each in fields])} " if owners else ""
        return f"Enter {whose}signal numbers for {names}: none in our data."
    if len(fields) == 1:
        return f"No signal numbers in our data for {names}: type them in from {PUBLISHED_BY[next(iter(fields))]}."
    each = []
    for service, named in fields.items():
        possessives = and_list([f"{name}'s" for name in named])
        each.append(f"{possessives} from {PUBLISHED_BY[service]}")
    return f"No signal numbers in our data for {names}: type in {', '.join(each)}."


def _names_by_service(slugs: list[str]) -> dict[str, list[str]]:
    """The fields' names by the service they apply through, in the order given."""
    fields: dict[str, list[str]] = {}
    for slug in slugs:
        fields.setdefault(data.application_service(slug), []).append(data.specialty(slug).name)
    return fields


def table_season_note(plans: list[SpecialtyPlan], today: dt.date, later: bool = False) -> str | None:
    """One sentence, where our table's season is earlier than the one the
    plans are for: whose season the table's is, whose the plans', and where
    to look for the latter's numbers.  Each plan then names only the
    reader's season (season-dates audit s43, 3).  None when the table is for
    the plans' season, or every number is the reader's own.  Plans are for
    different Matches where ResidencyCAS has closed to the season under way
    and ERAS has not (plans_season); each is named with its fields."""
    stale_plans = [plan for plan in plans if plan["table_over"] is not None and plan["allowance"]["origin"] != "reader"]
    if not stale_plans:
        return None
    stale = [str(plan["specialty"]) for plan in stale_plans]
    pair = [str(plan["specialty"]) for plan in plans]
    # Named as the mid-season note names them: by the Match where a field applies through ResidencyCAS.
    by_match = any(data.via_residencycas(str(plan["specialty"])) for plan in plans)
    tables = sorted({int(plan["table_over"] or 0) for plan in stale_plans})
    named = and_list([f"the Match {y}" if by_match else cycle.eras_season(y) for y in tables])
    all_over = all(today > cycle.season(y)["match_day"].date for y in tables)
    # "An earlier season" read as over to a reader in the middle of it, whose
    # emergency medicine plan had moved to the next Match (EM audit s53, 9).
    running = today >= cycle.season(tables[0])["submissions_open"].date and not all_over
    kind = (
        ("a season now over" if all_over else "the season now under way" if running else "an earlier season")
        if len(tables) == 1
        else ("seasons now over" if all_over else "earlier seasons")
    )
    yours = plans_seasons_said(stale, today, by_match, which=True, pair=pair, later=later)
    # "The plans below" only where it is true of each: an emergency medicine
    # plan moved to the next Match once ResidencyCAS closed, while its ERAS
    # backup's stayed in the season under way, for which our table is.
    every = len(stale) == len(plans) or len({_plan_season(today, str(plan["specialty"]), pair, later) for plan in plans}) == 1
    subject = "The plans below are" if every else f"The {and_list([data.specialty(slug).name for slug in stale])} plan below is"
    fields = _names_by_service(stale)
    numbers = (
        "that season's numbers"
        if len({plans_season(today, slug, pair, later) for slug in stale}) == 1
        else "each season's numbers"
    )
    check = (
        f"check {PUBLISHED_BY[next(iter(fields))]} for {numbers}, and enter them above"
        if len(fields) == 1
        else f"check {numbers}, and enter them above: "
        + "; ".join(f"for {and_list(names)}, from {PUBLISHED_BY[service]}" for service, names in fields.items())
    )
    return f"our signal table is for {named}, {kind}. {subject} for {yours}: {check}."


def mid_season_points(today: dt.date, slugs: list[str], applied: bool = False) -> list[str] | None:
    """What a reader in the middle of a season (applications going out, rank
    lists still open) must know before placing any signal, or None outside it:
    a lead, then one point per matter, each of short sentences with its
    source after the one it supports (midseason audit s52, 10).
    ``slugs``: the first choice first, then any backup.  ``applied``: the
    reader said so, and is not asked about the next season (planner audit
    s54, 3)."""
    year = cycle.coming_season(today)
    # From the day after applications open, not after reviews start: one
    # sent on the opening day has its signals fixed three weeks before
    # programs read it (date sweep s40, 3).
    if not cycle.applications_going_out(year, today):
        return None
    dates = cycle.season(year)
    since = (
        f"programs have been reviewing its applications since {dates['programs_receive'].shown()}"
        if cycle.under_review(year, today)
        else f"its applications have been going to programs since {dates['submissions_open'].shown()}"
    )
    fields = _names_by_service(slugs)
    on_eras = fields.get(data.SERVICE_ERAS, [])
    on_residencycas = fields.get(data.SERVICE_RESIDENCYCAS, [])
    state = cycle.residencycas_state(year, today)
    # ERAS's days: a reader whose every field applies through ResidencyCAS,
    # whose programs see applications later, is given none (diff review s42, 4).
    if not on_eras:
        since = "ResidencyCAS is taking its applications" if state == "open" else "its applications have gone in"
    # Said first to whom it is for: a reader planning the next season took
    # this season's warning, the first thing on screen, as theirs (visa-psych
    # audit s41, 4), and the allowances shown are this season's (new-words audit s41, 11).
    # Named by the Match where a field applies through ResidencyCAS, and
    # MyERAS's rule said of the ERAS fields only: an EM reader was spoken to
    # in ERAS's seasons and screens (do-em audit s42, 7).
    season, next_season = (
        (f"the Match {year}", f"the Match {year + 1}")
        if on_residencycas
        else (cycle.eras_season(year), cycle.eras_season(year + 1))
    )
    # "Any allowance below is for" this season was untrue of a table for an
    # earlier one, which table_season_note names (season-dates audit s43, 3),
    # and "for" this season untrue of a ResidencyCAS field's plan once it had
    # closed to this season, which the plan is not for (diff review s43, 1).
    tables = [_match_year(row.season) for slug in slugs if (row := data.signal_allowances().get(slug))]
    first = slugs[0]
    this_season = all(_plan_season(today, slug, slugs) == (year, False) for slug in slugs)
    below = (
        "Any allowance below is" if this_season and not any(t is not None and t < year for t in tables) else "The plans below are"
    )
    plans_for = season if this_season else plans_seasons_said(slugs, today, bool(on_residencycas), pair=slugs)
    type_in = _type_in_when_published(fields)
    # Plans all for the next season are the planning reader's own: "for yours" after them read as a third season.
    yours = (
        f"{below} for it. {capitalised(type_in)}."
        if plans_for == next_season
        else f"{below} for {plans_for}. For yours, {type_in}."
    )
    # "This note is not for you" read as disowning the plans below too, once
    # one of them was for the planning reader's own season (diff review s43,
    # second, 6): then only the warnings are said not to be theirs.
    not_yours = "This note is" if this_season or plans_for == next_season else "Then this note's warnings are"
    points = (
        [f"{profile.answered(year, True)}, the season under way: as of {long_date(today)}, {since}.", f"{below} for {plans_for}."]
        if applied
        else [
            f"For {season}, the season under way: as of {long_date(today)}, {since}.",
            f"Planning for {next_season} instead? {not_yours} not for you: none of that season's signals has gone yet. {yours}",
        ]
    )
    # A backup the plan moved to the first choice's next Match may still go
    # out late in this one, through ERAS: said only to the reader who has
    # already applied in the first choice here (seasonlate audit s44, 3).
    late = [slug for slug in slugs[1:] if _own_season(today, slug) == year < plans_season(today, slug, slugs)]
    if late:
        names = and_list([data.specialty(slug).name for slug in late])
        interviews = (
            # With the others' caveat where the deadline is our early
            # estimate: alone, it read as a hard cut-off (interview audit s56, 7).
            f" An application sent now is unlikely to bring an interview before its rank lists close.{cycle.too_late_caveat(year, today)}"
            if cycle.too_late_for_interviews(year, today)
            else ""
        )
        points.append(
            # "Your", not "A": "A Internal Medicine backup" (crosscalc audit s49, 6).
            f"Already applied in {data.specialty(first).name} for {season}? Your {names} backup can still go out in it "
            f"through ERAS, late.{interviews}"
        )
    if on_eras:
        where = f"In ERAS (your {and_list(on_eras)} list)" if on_residencycas else "In ERAS"
        points.append(f"{where}, {MID_SEASON_RULE}")
        # Not of a late backup, whose plan below is for the next Match and
        # which has no applications in this one yet.
        if any(plans_season(today, slug, slugs) == year for slug in slugs if not data.via_residencycas(slug)):
            points.append(
                "The plan below counts a specialty's whole allowance. Where you have already applied, use only what "
                "MyERAS still shows as available, and only for programs you have yet to apply to."
            )
    if on_residencycas:
        then = {"open": "will not be", "may-have-closed": "may not be", "closed": "is not"}[state]
        points.append(
            f"{and_list(on_residencycas)} {'takes' if len(on_residencycas) == 1 else 'take'} applications and signals "
            f"through ResidencyCAS, which {cycle.residencycas_deadline(year, today)}. A specialty there not applied to "
            f"by then {then} open to you this season."
        )
    return points


def _backup_signals_need_a_backup(v: Mapping[str, object]) -> None:
    if v["backup_specialty"] is None and v["backup_signals"] is not None:
        raise InputError(
            "backup_signals",
            "Signals your backup allows needs a backup specialty: choose one, or leave this empty.",
        )


# Checked even when another field is in error, so each is said at once
# (program counts checks the backup again; by then it has passed).
RULES = (profile.backup_rule(profile.SPECIALTY, program_counts.CHANGING_FIELD), _backup_signals_need_a_backup)
# Offered disabled in the form: the backups the first rule refuses.
CLOSED_CHOICES = profile.closed_backups(profile.SPECIALTY, program_counts.CHANGING_FIELD)


class SignalsResult(TypedDict):
    inputs: dict[str, object]
    band: Band
    band_label: str
    score: int
    factors: list[competitiveness.FactorRow]
    margins: competitiveness.Margins
    tiers: dict[str, int]
    warning: str | None
    specialties: list[SpecialtyPlan]
    reasons: list[str]
    summary: str
    announced: str
    # The phone's pinned line (render.render_result).
    gist: str
    # The mid-season note: a lead, then its points.
    mid_season: list[str] | None
    # Its place, for a reader who has not applied in the season under review.
    next_season: str | None
    table_season: str | None


def compute(inputs: Mapping[str, object]) -> SignalsResult:
    v = parse_inputs(FIELDS, inputs, RULES)
    backup_slug = word_or_none(v, "backup_specialty")
    # Program counts validates the pair of specialties and gives the band, the
    # tier mix and the program range each set of signals must fit into.
    counts = program_counts.compute({name: v[name] for name in PROGRAM_COUNT_NAMES})
    band = counts["band"]
    mix = counts["tiers"]
    first = word(v, "specialty")
    today = cycle.reference_date()
    later = profile.planning_next(v, today)
    # Beside a ResidencyCAS field every season is named by its Match, as that one's is.
    by_match = any(data.via_residencycas(slug) for slug in (first, backup_slug) if slug is not None)
    pair = [first] if backup_slug is None else [first, backup_slug]
    plans = [
        _specialty_plan(
            "primary", first, whole_or_none(v, "primary_signals"), counts["primary"], mix, today, pair, by_match, later
        )
    ]
    if backup_slug is not None:
        plans.append(
            _specialty_plan(
                "backup", backup_slug, whole_or_none(v, "backup_signals"), counts["backup"], mix, today, pair, by_match, later
            )
        )
    # The band first: after "are not in our data", a band in brackets read as
    # part of what was missing (copy-edit audit s32, 11).
    summary = f"{BAND_LABELS[band]} band. {_count_phrases(plans)}."
    if counts["warning"]:
        summary = f"{counts['warning']} {summary}"
    summary = profile.after_pass_note(v, summary, banded=True)
    # Within the read-out's limit: a backup's warning and a score's note took
    # 161 of 2,304 read-outs past it, to 46 words (diff review s44, 2).  The
    # counts go short, then go, before the warning or the band would.
    warned = f"{counts['warning_heard']} " if counts["warning"] else ""
    tries = [
        f"{warned}{BAND_LABELS[band]} band.{counted_part}"
        for counted_part in (f" {_count_phrases(plans, heard=True)}.", f" {_count_phrases(plans, short=True)}.", "")
    ]
    # What the phone's pinned line tries, longest first; the summary where none.
    pinned_tries: list[str] = []
    if all(plan["allowance"]["origin"] == "unknown" for plan in plans):
        # With no number for any field, "Dual apply, strongly band" led, and
        # the phone's pinned line lost which fields and what to do: the answer
        # and the next step lead, and the band is in the headline below
        # (readout46 audit s46, 11).
        missing, pinned = _no_numbers(plans), _no_numbers(plans, short=True)
        # Past the limit, the pinned line's shorter step, the fields alone, then the band as before.
        tries = [f"{warned}{missing}", f"{warned}{pinned}", f"{warned}{missing.partition(':')[0]}.", *tries]
        # Past the pinned line's three lines the publishers go, then the
        # warning's tag goes first, as program counts does, so that what is cut
        # is the step's end, not the tag.  Two services' publishers and a
        # failing score's note took it to 111 and 156 characters, cut at 320 px
        # (session 47's note): the score's note is counted in each try.
        # Last, the step alone: the fields are in the headline below it.
        shorter = _no_numbers(plans, short=True, owners=False)
        tag = counts["warning_tag"]
        pinned_tries = (
            [f"{pinned} {tag}", f"{shorter} {tag}", f"{tag} {shorter}", f"{tag} {NO_NUMBERS_PINNED}"]
            if warned
            else [pinned, shorter, NO_NUMBERS_PINNED]
        )
    elif warned:
        # The whole warning made the phone's pinned line up to 172 words,
        # citation and all, where three lines hold about 90 characters (diff
        # review s50b, 5): the counts and the tag, as program counts pins them.
        counted_short, tag = _count_phrases(plans, short=True), counts["warning_tag"]
        pinned_tries = [
            f"{counted_short} ({BAND_LABELS[band]}). {tag}",
            f"{counted_short}. {tag}",
            f"{tag} {counted_short}.",
        ]
    gist = (
        first_within_pinned_line([profile.after_pass_note(v, each, banded=True, heard=True) for each in pinned_tries])
        if pinned_tries
        else summary
    )
    heard = first_within_read_out([profile.after_pass_note(v, said, banded=True, heard=True) for said in tries])
    table_season = table_season_note(plans, today, later)
    return {
        "inputs": dict(v),
        "band": band,
        "band_label": BAND_LABELS[band],
        "score": counts["score"],
        "factors": counts["factors"],
        "margins": counts["margins"],
        "tiers": mix,
        "warning": counts["warning"],
        "specialties": plans,
        "reasons": _reasons(v, counts, plans, mix),
        "summary": summary,
        "announced": heard,
        "gist": gist,
        # The same date the result's "applies in" sentence counts from.
        "mid_season": None if later else mid_season_points(today, pair, applied=profile.said_applied(v, today)),
        # Only the answer before a table note, which names the plans' season
        # too: said twice, it ran two notes into one (planner audit s54, 3).
        "next_season": profile.next_season_said(v, today, None if table_season else "the plans below are for", pair),
        "table_season": table_season,
    }


# --- Presentation ----------------------------------------------------------------
def _render_plan(plan: SpecialtyPlan, mix: Mapping[str, int]) -> Markup:
    allowed = plan["allowance"]
    role = "First choice" if plan["role"] == "primary" else "Backup"
    heading = el("h4", f"{role}: {plan['specialty_name']}")
    placed = plan["placed"]
    if placed is None:
        return el(
            "div",
            heading,
            el(
                "p",
                el("strong", "Not in our data: "),
                f"the signal numbers for {plan['specialty_name']} for {plan['season_said']} are not in our "
                "sources, so this "
                f"planner gives no number. Check {where_to_check(plan['specialty'])}; then enter it above. "
                f"{capitalised(str(plan['applies_in']))}.",
                class_="mpb-warning",
            ),
            table(
                ("Programs", "Share of the signals", "Why"),
                [(TIER_LABELS[t], f"{mix[t + '_pct']}%", TIER_WHY[t]) for t in TIERS],
                caption=f"How to divide {plan['specialty_name']} signals once you know the number",
            ),
        )
    if allowed["origin"] == "reader":
        # Whose season: the planner cannot tell this one from the next (visa-psych audit s41, 4).
        where = "the number you entered, for the season you apply in; not from our data"
    else:
        where = f"{allowed['season']}; source: {allowed['source']}"
        if allowed["detail"]:
            where += f"; {allowed['detail']}"
    usable = sum(placed.values())
    if allowed["count"] == 0:
        return el(
            "div",
            heading,
            el(
                "p",
                el("strong", "Nothing to place: "),
                f"0 signals ({where}). If {plan['specialty_name']} uses no signals in the season you apply in, that is "
                "expected; otherwise check the number.",
            ),
        )
    return el(
        "div",
        heading,
        el("p", el("strong", counted(allowed["count"] or 0, "signal")), f" ({where})."),
        table(
            ("Programs", "Signals", "Why"),
            [(TIER_LABELS[t], el("strong", str(placed[t])), TIER_WHY[t]) for t in TIERS],
            caption=f"Placing {counted(usable, str(plan['specialty_name']) + ' signal')}",
        ),
    )


def _render_mid_season(points: list[str] | None) -> Markup | None:
    """The mid-season note: its lead, then a list of short points (midseason audit s52, 10)."""
    if not points:
        return None
    lead, *rest = points
    return el(
        "div",
        el("p", el("strong", "Signals mid-season: "), lead),
        el("ul", [el("li", point) for point in rest]),
        class_="mpb-warning",
    )


def _render_season_notes(next_season: str | None, table_season: str | None) -> Markup | None:
    """Which season the plans are for, in one note: the reader's answer, where
    they said they have not applied in the season under review, then whose
    season our table is."""
    said = [note for note in (next_season, capitalised(table_season) if table_season else None) if note]
    return profile.render_next_season(" ".join(said))


def render(result: SignalsResult) -> Markup:
    mix = result["tiers"]
    plans = result["specialties"]
    return el(
        "div",
        program_counts.render_warning(result.get("warning")),
        program_counts.render_band_headline(result),
        profile.render_pass_note(result["inputs"]),
        el("p", program_counts.summary_under_warning(result["summary"], result.get("warning"))),
        # Before the plans: it decides which of their signals can still be placed.
        _render_mid_season(result.get("mid_season")),
        _render_season_notes(result.get("next_season"), result.get("table_season")),
        [_render_plan(plan, mix) for plan in plans],
        el(
            "p",
            el("strong", "Formula: "),
            f"reach = signals × {mix['reach_pct']}%, rounded down; likely = signals × {mix['likely_pct']}%, rounded "
            "down; target = the rest. Signals beyond the low end of the program count suggested for that specialty "
            "(the program counts calculator's, for your band) are left unplanned.",
        ),
        competitiveness.render_margins(result["margins"]),
        program_counts.render_band_inputs(result),
        el("h4", "How your inputs moved this"),
        el("ul", [el("li", reason) for reason in result["reasons"]]),
        el(
            "p",
            "General guidance, not a guarantee: a signal can make a program look at your application more closely, "
            "but it cannot promise an interview or a match.",
            class_="mpb-note",
        ),
        class_="mpb-result-body",
    )


def method() -> Markup:
    """Where the numbers come from, the placement rule and its reasons."""
    sources = {row.source for row in data.signal_allowances().values() if row.known}
    rows = [
        (
            data.specialty(slug).name,
            row.season,
            str(row.signals) if row.known else "not in our data",
            row.status,
            row.source,
        )
        for slug, row in data.signal_allowances().items()
    ]
    tier_rows = [
        (BAND_LABELS[band], *(f"{program_counts.tiers(band)[f'{t}_pct']}%" for t in TIERS))
        for band in reversed(competitiveness.BAND_ORDER)
    ]
    return join(
        el(
            "p",
            "Signals allowed come from one table, with the season and source on each row. A blank cell means our "
            "sources do not give the number; the planner then shows no count and asks you to check "
            f"{WHERE_TO_CHECK}. If you type a number in the form, the result labels it as yours. A signal reaches an "
            "institution in a specialty, not one of its tracks, so it covers that institution's categorical and "
            f"preliminary programs in the specialty together ({data.SIGNALS_BY_INSTITUTION.cite()}).",
        ),
        table(
            ("Specialty", "Season", "Signals", "Status", "Source"),
            rows,
            caption="Program signals by specialty, as our data holds them",
        ),
        el(
            "p",
            "Your band comes from the competitiveness check, with the same inputs. The shares are the reach, target and "
            "likely mix program counts uses for your band, so your signals follow the list they go with:",
        ),
        table(("Band", *(data.PROGRAM_TIER_NAMES[t] for t in TIERS)), tier_rows, caption="Share of signals by band"),
        el(
            "ul",
            [
                el(
                    "li",
                    "Reach = signals × reach share and likely = signals × likely share, each rounded down; target "
                    "programs take the rest, since a program that might go either way is where interest is most likely "
                    "to count. This split is our own rule: none of the source articles covers signals.",
                ),
                el(
                    "li",
                    "Rounding down keeps the plan steady: for the same number of signals placed, a weaker band never "
                    "adds a reach signal or removes a likely one, and an extra signal never takes one away from reach "
                    "or likely programs. A pivot's short first-choice list can leave signals unplanned, so there the "
                    "plan places fewer in all.",
                ),
                el(
                    "li",
                    "A signal can only go to a program you apply to, so signals beyond the low end of your program count "
                    "for that specialty are left unplanned and the result says how many.",
                ),
                el(
                    "li",
                    "Each specialty has its own set. With a backup you get two plans, one per specialty, placed by the "
                    "same rule; a backup that is harder to enter than your first choice is flagged, and an "
                    "ultra-competitive backup is refused, as program counts does.",
                ),
            ],
        ),
        el("h4", "Caveats"),
        el(
            "ul",
            [
                el("li", "Rules for signals change between seasons and differ by specialty; the announcement wins."),
                el(
                    "li",
                    "Programs use signals in different ways, and some ignore them. A signal adds to a good application; "
                    "it does not replace one.",
                ),
                el("li", "If you need a visa, signal only programs that sponsor it."),
                el(
                    "li",
                    "From the day programs start reviewing until the season's rank-list deadline (the dates of the "
                    "timeline's table), the result adds a note above the plans: in ERAS, " + MID_SEASON_RULE,
                ),
            ],
        ),
        el("h4", "Sources"),
        el(
            "ul",
            [
                el("li", "Signal numbers: " + (", ".join(sorted(sources)) if sources else "none in our sources yet.")),
                el(
                    "li",
                    f"Reach, target and likely mix: program counts; its floor of realistic programs after "
                    f"{ARTICLE_UNMATCHED.cite()}, its split between likely and target this site's own rule",
                ),
                el("li", "Band: the competitiveness check, with the sources listed on its page."),
            ],
        ),
    )
