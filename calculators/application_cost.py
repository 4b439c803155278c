"""Application cost: what one Match season costs in fees and interviews.

ERAS application fees come from the project's fee data, tier by tier, so a new
season's schedule is a data change, not a code change.  Pricing starts again
for each specialty, which is why a backup specialty's first programs are
cheap.  The other items (the USMLE transcript, the ECFMG token for IMGs, NRMP
fees and interview costs) each carry the year of their figure; several are
old, and the result says so next to the amount.

Every item is zero or more, more programs, ranks or interviews never cost
less, and the total is the plain sum of the items shown.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TypedDict

from . import charts, cycle, data, profile
from .fields import BoolField, ChoiceField, InputError, IntField, parse_inputs, whole, word, word_or_none
from .html import Child, Markup, and_list, capitalised, counted, el, join, long_date, money, short_date, table, with_pmc_links
from .registry import first_within_pinned_line, first_within_read_out

NAME = "application_cost"
TITLE = "Application cost"
SUMMARY = (
    f"Adds up application fees for each specialty (ERAS, or ResidencyCAS for {data.RESIDENCYCAS_FIELDS_SAID}), the "
    "transcript and token fees, NRMP fees and interview costs "
    "for one Match season, with the year and source of every figure."
)


# ============================================================================
# The fee schedule and the other costs.  Amounts are read from the fee data
# (data.fees()); the assumptions this calculator adds are stated here.
# ============================================================================
@dataclass(frozen=True)
class FeeTier:
    """Programs ``first`` to ``last`` (None: no upper limit) cost ``per_program``
    each, or ``flat`` once for any number of them (ResidencyCAS's first 18)."""

    first: int
    last: int | None
    per_program: int
    flat: int = 0

    def programs_in(self, programs: int) -> int:
        top = programs if self.last is None else min(programs, self.last)
        return max(0, top - self.first + 1)

    def fee(self, programs: int) -> int:
        used = self.programs_in(programs)
        return self.flat + used * self.per_program if used else 0

    def formula(self, programs: int) -> str:
        used = self.programs_in(programs)
        if self.flat:
            return f"{money(self.flat)} (programs {self.first}–{self.first + used - 1}, one flat fee)"
        return f"{used} × {money(self.per_program)}"

    def describe(self) -> str:
        programs = f"programs {self.first}–{self.last}" if self.last is not None else f"program {self.first} and above"
        return f"{programs}: {money(self.flat)} in all" if self.flat else f"{programs}: {money(self.per_program)} each"


@dataclass(frozen=True)
class FeeSchedule:
    """One season's price list of an application service, counted separately for each specialty."""

    service: str
    season: str
    tiers: tuple[FeeTier, ...]
    source: str
    # The latest season the schedule is confirmed for, by its Match year
    # ("ERAS 2025 and 2026 seasons" and "2025-26 cycle (Match 2026)" give 2026).
    confirmed_to: int

    def fee(self, programs: int) -> int:
        return sum(tier.fee(programs) for tier in self.tiers)

    def formula(self, programs: int) -> str:
        parts = [tier.formula(programs) for tier in self.tiers if tier.programs_in(programs)]
        return " + ".join(parts) if parts else "no programs"

    def describe(self) -> str:
        return "; ".join(tier.describe() for tier in self.tiers)


# Rows of the fee data that make up a schedule, e.g. "ERAS residency
# application, programs 1-30 (per specialty)" and "ERAS residency application,
# program 31 and above (per specialty)".  A tier whose unit starts "flat" is
# charged once for all its programs.
ERAS_ROW_PREFIX = "ERAS residency application"
# ResidencyCAS's schedules by field; OB/GYN's is not in our data.
RESIDENCYCAS_ROW_PREFIX = {"emergency-medicine": "ResidencyCAS application, emergency medicine"}
BOUNDED_TIER = re.compile(r"programs? (\d+)-(\d+)")
OPEN_TIER = re.compile(r"programs? (\d+) and above")
WHOLE_DOLLARS = re.compile(r"[0-9]+")


def _fee_row(prefix: str) -> data.Fee:
    """The one fee row whose item starts with ``prefix``."""
    matches = [fee for fee in data.fees() if fee.item.startswith(prefix)]
    if len(matches) != 1:
        raise LookupError(f"expected one fee row starting {prefix!r}, found {len(matches)}")
    return matches[0]


@cache
def _schedule(service: str, prefix: str) -> FeeSchedule:
    """The tiers of the fee data rows whose item starts with ``prefix``.

    The older ERAS schedule's row has a free-text amount, so only rows with a
    plain dollar amount and a program range in their name become tiers.
    """
    tiers: list[FeeTier] = []
    seasons: set[str] = set()
    confirmed_to = 0
    source = ""
    for fee in data.fees():
        if not fee.item.startswith(prefix) or not WHOLE_DOLLARS.fullmatch(fee.amount_usd):
            continue
        amount = int(fee.amount_usd)
        price = {"per_program": 0, "flat": amount} if fee.unit.startswith("flat") else {"per_program": amount}
        if bounded := BOUNDED_TIER.search(fee.item):
            tiers.append(FeeTier(int(bounded[1]), int(bounded[2]), **price))
        elif opened := OPEN_TIER.search(fee.item):
            tiers.append(FeeTier(int(opened[1]), None, **price))
        else:
            continue
        seasons.add(fee.season_or_year)
        confirmed_to = max(confirmed_to, fee.year)
        # The first row names the pages; the next say "same; ...".
        source = source or fee.source
    tiers.sort(key=lambda t: t.first)
    if not tiers or len(seasons) != 1 or tiers[0].first != 1 or tiers[-1].last is not None:
        raise LookupError(f"the fee data do not hold one complete schedule for {prefix!r}")
    for before, after in itertools.pairwise(tiers):
        if before.last is None or after.first != before.last + 1:
            raise LookupError(f"the tiers for {prefix!r} in the fee data leave a gap or overlap")
    return FeeSchedule(service, seasons.pop(), tuple(tiers), source, confirmed_to)


def eras_schedule() -> FeeSchedule:
    """The current ERAS tiers, derived from the fee data rows."""
    return _schedule(data.SERVICE_ERAS, ERAS_ROW_PREFIX)


def schedule_for(slug: str) -> FeeSchedule | None:
    """The schedule a specialty's list is priced by, or None where our data hold none (OB/GYN's ResidencyCAS fees)."""
    if data.application_service(slug) == data.SERVICE_ERAS:
        return eras_schedule()
    prefix = RESIDENCYCAS_ROW_PREFIX.get(slug)
    return _schedule(data.SERVICE_RESIDENCYCAS, prefix) if prefix else None


def readers_season(today: dt.date, planning_next: bool = False) -> int:
    """The Match the reader pays in: the season under way while programs read
    its applications, else the next one open on time.  Counted from the next,
    a reader paying in ERAS 2027 was told our fees were "2 seasons before
    yours" (midseason audit s52, 8).  ``planning_next``: the reader said they
    have not applied in the season under way (planner audit s54, 3)."""
    return (None if planning_next else cycle.season_under_review(today)) or cycle.next_open_season(today)


# A schedule is an old figure once a later season than its newest is under
# way: each ERAS season opens in the June before its Match with the fees the
# AAMC has published for it (AAMC, Fees for 2026 ERAS Season, read 2026), and
# by the September day applications go to programs ResidencyCAS's cycle,
# which closes later that month, is open too.  Before then the reader's season's fees may not be out, and the
# result says only that ours are not confirmed for it.  Unmarked, the ERAS
# row read as current beside a one-season-older transcript fee marked old
# (seasonlate audit s44, 2).
def newest_opened(today: dt.date) -> int:
    """The latest Match whose applications had begun going to programs by ``today``: its fees are surely out."""
    year = cycle.coming_season(today)
    return year if today >= cycle.season(year)["submissions_open"].date else year - 1


def seasons_behind(confirmed_to: int, reader_season: int) -> int:
    """How many seasons a schedule confirmed to ``confirmed_to`` (a Match year) is behind the reader's."""
    return reader_season - confirmed_to


def superseded(confirmed_to: int, opened: int) -> bool:
    """Whether a season with newer fees than a schedule's had opened: ``opened`` is newest_opened's year."""
    return confirmed_to < opened


USMLE_TRANSCRIPT = _fee_row("USMLE transcript via ERAS")
COMLEX_TRANSCRIPT = _fee_row("COMLEX-USA transcript via ERAS")
RESIDENCYCAS_TRANSCRIPT = _fee_row("Exam transcript via ResidencyCAS")
ECFMG_TOKEN = _fee_row("ECFMG ERAS token")
NRMP_REGISTRATION = _fee_row("NRMP registration")
NRMP_EXTRA_RANKS = _fee_row("NRMP extra ranks")
NRMP_LATE = _fee_row("NRMP late registration")
NRMP_COUPLE = _fee_row("NRMP couple fee")
# The couple fee was said three ways: this result pointed to the rank order
# list page's "higher figure", that page gave "three times that per partner",
# and a couple had to open it and multiply (couples audit s54, 7).  So the
# result gives the guide's figure as both pages give it, in proportion to the
# 2016-17 fee it is measured against, never as a dollar fee our data do not
# hold (recheck46 audit s46, 6); its figure is still unconfirmed with the
# NRMP (couplesvisa audit s46, 5).  A test holds the fee row to that $15.
# The guide is no Source in data.py, so no year may be typed here (a year
# typed in a calculator stays behind when the data move on): it is named,
# said to be undated, and the page that cites it in full is named too.
# "Three times that" after "$30 for the two of you" could be read as $90
# each (diff review s54, 9): the figure it multiplies is named.
COUPLE_FEE_HIGHER = (
    f"An undated secondary guide gives three times the {money(int(NRMP_COUPLE.amount_usd))} per partner (Level "
    "Medicine, Couples Match, cited under “Ranking as a couple” on the rank order list page)"
)
# One instruction with the rank order list page's (crosscalc audit s49, 4).
COUPLE_FEE_UNCONFIRMED = (
    "We could not confirm the current fee with the NRMP, so budget for the higher figure and check the NRMP's fees page"
)


def late_fee_after(year: int) -> str:
    """The last day before the NRMP's late fee, from the cycle's own date
    for the Match ``year``, where "30 November" was typed (diff review s54, 10)."""
    return cycle.season(year)["early_registration_ends"].shown()


# Each partner runs the calculator once: it prices one applicant, and a
# couple could not tell how to reach the total for two (couples audit s54, 7).
def couple_how_to_add(year: int) -> str:
    return (
        "As a couple, run this calculator once for each partner. Then add the two totals, both couple fees, and the "
        f"NRMP's late fee for each of you who registers after {late_fee_after(year)}."
    )


IN_PERSON_INTERVIEW = _fee_row("In-person interview")
VIRTUAL_SEASON = _fee_row("Virtual vs in-person interview season")
STEP_3 = _fee_row("USMLE Step 3")

# A preliminary or transitional year is priced as one more list of its own.
# ERAS lists programs by specialty; whether a reader's preliminary programs
# share a list with a specialty they also apply to is not in our fee data, so
# the note says what the estimate assumes rather than guessing.
FIRST_YEAR_LIST = "first-year"
FIRST_YEAR_NAME = "preliminary or transitional year"
FIRST_YEAR_PRICING = (
    " These programs are priced here as one list of their own; check on the AAMC's fee page how ERAS counts "
    "the ones you choose: split across more lists they can cost less, and counted with a specialty you also "
    "apply to, more."
)

# NRMP includes this many ranked programs in the registration fee; each one
# beyond it costs the extra-rank fee (NRMP match fees page, 2016-17).  The
# supplemental lists of first-year programs, which an applicant to advanced
# positions attaches to them, have 20 of their own, all lists together
# (data.NRMP_RANKING, a copy of the NRMP's page).
RANKS_INCLUDED = 20
SUPPLEMENTAL_RANKS_INCLUDED = 20


def _range(text: str) -> tuple[int, int]:
    """'250-499' -> (250, 499); '1000 vs 3200' -> (1000, 3200)."""
    low, high = (int(n) for n in re.findall(r"[0-9]+", text))
    return low, high


# In-person interviews: Fogel et al. report a typical cost of $250–499 per
# interview (2016 Match, US MD seniors).  The calculator uses the midpoint,
# rounded half up to whole dollars: cents ($374.50) would claim a precision a
# 2016 range this wide does not have, and whole dollars keep every total whole
# and the shown "n × $375" exact.
IN_PERSON_LOW, IN_PERSON_HIGH = _range(IN_PERSON_INTERVIEW.amount_usd)
IN_PERSON_PER_INTERVIEW = (IN_PERSON_LOW + IN_PERSON_HIGH + 1) // 2

# Virtual interviews: Wang et al. report season medians of $1,000 (virtual)
# against $3,200 (in person) for 2020-21, with no per-interview figure and no
# interview count in the project's data.  Rather than invent a per-interview
# cost, the virtual season median is added once, as soon as there is at least
# one virtual interview.
VIRTUAL_SEASON_MEDIAN, IN_PERSON_SEASON_MEDIAN = _range(VIRTUAL_SEASON.amount_usd)
# ============================================================================

PRIMARY_SPECIALTY = replace(
    profile.SPECIALTY,
    name="primary_specialty",
    label="First-choice specialty",
    help="The specialty most of your applications go to.",
)
# No list may hold more ranks than this, so no fee is owed beyond it.
NRMP_MOST_RANKS = 300

# The default follows the applicant type, as the visa question does: every
# US DO has COMLEX results, and one left at "USMLE" was shown a total without
# the NBOME's fee and no word of it (application-cost audit s36, 1).
BY_APPLICANT_TYPE = "by-applicant-type"
TRANSCRIPT_CHOICES = (
    (BY_APPLICANT_TYPE, "Follow my applicant type"),
    ("usmle", "USMLE only"),
    ("comlex", "COMLEX only"),
    ("both", "USMLE and COMLEX"),
)
SENDS_USMLE = frozenset({"usmle", "both"})
SENDS_COMLEX = frozenset({"comlex", "both"})
EXAM_TRANSCRIPTS_LABEL = "Exam transcripts you send"


def transcripts_sent(v: Mapping[str, object]) -> str:
    """The transcripts answer, with "follow my applicant type" read: a US DO
    as sending both (the USMLE fee kept, the COMLEX one named), anyone else USMLE."""
    answer = word(v, "exam_transcripts")
    if answer == BY_APPLICANT_TYPE:
        return "both" if v["applicant_type"] == "us-do" else "usmle"
    return answer


# Named again in the result, where a non-US IMG is asked to tick it for an H-1B.
STEP3_LABEL = "Taking USMLE Step 3 this season"

FIELDS = (
    replace(profile.APPLICANT_TYPE, help="How the NRMP classifies you. IMGs pay the ECFMG token as well."),
    PRIMARY_SPECIALTY,
    IntField(
        name="primary_programs",
        label="Programs in the first-choice specialty",
        minimum=1,
        maximum=999,
        initial=80,
        help="How many programs you apply to in that specialty, through ERAS (or ResidencyCAS for emergency medicine "
        "and OB/GYN).",
    ),
    replace(
        profile.BACKUP_SPECIALTY,
        help="A second specialty, if you are dual applying. Its pricing starts again from program 1.",
    ),
    IntField(
        name="backup_programs",
        label="Programs in the backup specialty",
        maximum=999,
        initial=0,
        help="How many programs you apply to in the backup specialty (0 without one).",
    ),
    IntField(
        name="first_year_programs",
        label="Preliminary or transitional year programs",
        maximum=999,
        initial=0,
        # The result's hedge, not "their pricing starts again from program 1",
        # which the result itself doubts (derm-usmd audit s43, 9).  A general
        # surgery reader could not tell whether standalone preliminary
        # programs belong here (surgprelim audit s45, 6).
        help=(
            "For a specialty whose training starts at PGY-2, such as Diagnostic Radiology: the programs you apply to "
            "for the first year before it. Or standalone preliminary programs you apply to as a fallback, such as "
            "preliminary surgery beside general surgery." + FIRST_YEAR_PRICING
        ),
    ),
    ChoiceField(
        name="exam_transcripts",
        label=EXAM_TRANSCRIPTS_LABEL,
        choices=TRANSCRIPT_CHOICES,
        initial=BY_APPLICANT_TYPE,
        help="Left to follow your applicant type, a US DO is counted as sending both, and anyone else USMLE. A DO "
        "may send COMLEX instead of, or as well as, USMLE; each transcript has its own fee.",
    ),
    BoolField(
        name="step3_this_season",
        label=STEP3_LABEL,
        # An H-1B is the main reason a visa reader ticks Step 3, and the help
        # named only the no-match article's reasons (visa-psych audit s41, 6).
        help=(
            f"Tick to count the Step 3 exam fee. {capitalised(data.STEP3_ARTICLE_CASE)} ({data.ARTICLE_UNMATCHED.cite()}). "
            "Programs that sponsor an "
            f"H-1B generally need it passed before they file your petition (see “{data.FAQ_VISA_ANSWER}” in the FAQ). "
            "An IMG can sit it only once "
            f"ECFMG has certified them ({data.ECFMG_BOOKLET.cite()}). It is a USMLE exam, open once USMLE Step 1 and "
            f"Step 2 CK are passed ({data.FSMB_STEP3_REQUIREMENTS.cite()}), so not for a DO who took COMLEX only."
        ),
    ),
    IntField(
        name="ranked_programs",
        label="Programs on your rank order list",
        maximum=NRMP_MOST_RANKS,
        initial=12,
        help="Programs you expect to rank on your primary list in the NRMP Match, both specialties together, each "
        "counted once: a couple who list one program beside several of their partner's count it once. "
        # The note on a list of 100 or more ranks counts programs; whether a
        # couple's paired lines count toward that fee, the NRMP help we cite
        # does not say (couplesvisa audit s46, 1).
        "Whether a couple's paired lines count toward the NRMP's further fee for a list of 100 or more ranks, we "
        "could not confirm: ask the NRMP.",
        above_maximum=f"The NRMP takes no more than {NRMP_MOST_RANKS} ranks on a list ({data.NRMP_RANK_LIMIT.cite()}).",
    ),
    IntField(
        name="supplemental_ranked",
        label="First-year programs on supplemental lists",
        maximum=999,
        initial=0,
        help="Only if you rank advanced (PGY-2) positions: the different preliminary or transitional programs on the "
        "supplemental lists you attach to them, each counted once however many lists it is on. They have 20 of their "
        "own before extra fees.",
    ),
    IntField(
        name="in_person_interviews",
        label="In-person interviews",
        maximum=999,
        initial=0,
        help="Interviews you travel to.",
    ),
    IntField(
        name="virtual_interviews",
        label="Virtual interviews",
        maximum=999,
        initial=12,
        help="Interviews held online. Any number adds the median cost of a whole virtual season once, since the "
        "study behind it gives no cost per interview.",
    ),
    profile.APPLIED_THIS_SEASON,
)


class CostItem(TypedDict):
    item: str
    amount: float
    note: str
    source: str
    old: bool


def _item(item: str, amount: float, note: str, source: data.Fee | str) -> CostItem:
    """One line of the cost.  A fee from our table is cited with its year, and
    flagged old by the rule the data page uses (data.Fee.is_old)."""
    if isinstance(source, data.Fee):
        return {"item": item, "amount": amount, "note": note, "source": _cite(source), "old": source.is_old}
    return {"item": item, "amount": amount, "note": note, "source": source, "old": False}


def _cite(fee: data.Fee) -> str:
    return f"{fee.source}, {fee.season_or_year}"


def _old_mark(fee: data.Fee) -> Markup | None:
    return el("strong", "Old figure: ") if fee.is_old else None


# What a note says of a fee's age and provenance is read from its row, so a
# newer figure in the fee data stops being called old or unconfirmed.
def _dated(fee: data.Fee) -> str:
    """'Old figure (2016-17)', or 'The 2026 figure'."""
    return f"Old figure ({fee.season_or_year})" if fee.is_old else f"The {fee.season_or_year} figure"


def _no_current_schedule(fee: data.Fee) -> bool:
    return "current schedule not found" in fee.status


def _from_a_copy(fee: data.Fee) -> bool:
    """Read from a secondary copy of the body's page, not the page itself."""
    return fee.status.startswith("secondary")


def _programs_applied(v: Mapping[str, object]) -> int:
    return sum(whole(v, name) for name in ("primary_programs", "backup_programs", "first_year_programs"))


def _backup_programs_need_a_backup(v: Mapping[str, object]) -> None:
    if v["backup_specialty"] is None and whole(v, "backup_programs") > 0:
        raise InputError(
            "backup_programs",
            "Programs in the backup specialty must be 0 when no backup specialty is chosen; choose one to count its fees.",
        )


def _comlex_for_a_do(v: Mapping[str, object]) -> None:
    if transcripts_sent(v) in SENDS_COMLEX and v["applicant_type"] != "us-do":
        choices = dict(TRANSCRIPT_CHOICES)
        raise InputError(
            "exam_transcripts",
            f"{EXAM_TRANSCRIPTS_LABEL} can include COMLEX only for a US DO applicant; choose "
            f"“{choices[BY_APPLICANT_TYPE]}” or “{choices['usmle']}”, or set the applicant type to US DO.",
        )


def _ranks_within_applications(v: Mapping[str, object]) -> None:
    applied = _programs_applied(v)
    if whole(v, "ranked_programs") > applied:
        raise InputError(
            "ranked_programs",
            f"Programs on your rank order list must be at most the {counted(applied, 'program')} you apply to.",
        )


def _supplemental_within_first_year(v: Mapping[str, object]) -> None:
    first_year = whole(v, "first_year_programs")
    if whole(v, "supplemental_ranked") > first_year:
        limit = (
            f"be at most the {counted(first_year, 'preliminary or transitional year program')} you apply to"
            if first_year
            else "be 0 when you apply to no preliminary or transitional year programs"
        )
        raise InputError("supplemental_ranked", f"First-year programs on supplemental lists must {limit}.")


def _in_person_within_applications(v: Mapping[str, object]) -> None:
    applied = _programs_applied(v)
    if whole(v, "in_person_interviews") > applied:
        raise InputError(
            "in_person_interviews",
            f"In-person interviews must be at most the {counted(applied, 'program')} you apply to.",
        )


def _interviews_within_applications(v: Mapping[str, object]) -> None:
    applied = _programs_applied(v)
    in_person, virtual = whole(v, "in_person_interviews"), whole(v, "virtual_interviews")
    # Too many in-person interviews alone is already said on that field.
    if in_person <= applied < in_person + virtual:
        raise InputError(
            "virtual_interviews",
            f"In-person and virtual interviews together must be at most the {counted(applied, 'program')} you apply to.",
        )


# The rules that span several fields, in form order; each is checked even
# when another fails, so the reader sees every one at once.
# Offered disabled in the form: the backups that rule refuses.
CLOSED_CHOICES = profile.closed_backups(PRIMARY_SPECIALTY)
RULES = (
    profile.backup_rule(PRIMARY_SPECIALTY),
    _backup_programs_need_a_backup,
    _comlex_for_a_do,
    _ranks_within_applications,
    _supplemental_within_first_year,
    _in_person_within_applications,
    _interviews_within_applications,
)


class ApplicationLine(TypedDict):
    """The application fees for one specialty's list, priced from program 1."""

    specialty: str
    specialty_name: str
    service: str
    programs: int
    amount: int
    # "" where our data hold no schedule for the list (OB/GYN through ResidencyCAS).
    formula: str
    season: str
    confirmed_to: int


def _lists(v: Mapping[str, object]) -> list[tuple[str, str, int]]:
    """Each list of programs the reader applies to: (slug, name, programs)."""
    specialties = [(word(v, "primary_specialty"), whole(v, "primary_programs"))]
    if v["backup_specialty"] is not None:
        specialties.append((word(v, "backup_specialty"), whole(v, "backup_programs")))
    lists = [(slug, data.specialty(slug).name, programs) for slug, programs in specialties]
    if first_year := whole(v, "first_year_programs"):
        lists.append((FIRST_YEAR_LIST, FIRST_YEAR_NAME, first_year))
    return lists


def _application_items(v: Mapping[str, object], opened: int) -> tuple[list[CostItem], list[ApplicationLine]]:
    items: list[CostItem] = []
    breakdown: list[ApplicationLine] = []
    for slug, name, programs in _lists(v):
        # A preliminary or transitional year list (FIRST_YEAR_LIST) is no
        # ResidencyCAS field, so it is priced by ERAS like any other.
        service = data.application_service(slug)
        schedule = schedule_for(slug)
        amount = schedule.fee(programs) if schedule else 0
        formula = schedule.formula(programs) if schedule else ""
        breakdown.append(
            {
                "specialty": slug,
                "specialty_name": name,
                "service": service,
                "programs": programs,
                "amount": amount,
                "formula": formula,
                "season": schedule.season if schedule else "",
                "confirmed_to": schedule.confirmed_to if schedule else 0,
            }
        )
        label = f"{service} application fees: {name} ({counted(programs, 'program')})"
        if schedule is None:
            note = (
                f"{name} programs take applications through {service}, not ERAS; its fees for them are not in our "
                "data, so not counted: add them to the total yourself."
            )
            items.append(_item(label, 0, note, data.NOT_IN_OUR_DATA))
            continue
        note = f"{formula} = {money(amount)}. Pricing starts again at program 1 for each specialty." + (
            FIRST_YEAR_PRICING if slug == FIRST_YEAR_LIST else ""
        )
        row = _item(label, amount, note, f"{schedule.source} ({schedule.season})")
        row["old"] = superseded(schedule.confirmed_to, opened)
        items.append(row)
    return items, breakdown


def _services(breakdown: list[ApplicationLine]) -> list[str]:
    """The services the reader applies through, in the order of their lists."""
    return list(dict.fromkeys(line["service"] for line in breakdown))


def _residencycas_note(breakdown: list[ApplicationLine], is_img: bool) -> str | None:
    cas = [line for line in breakdown if line["service"] == data.SERVICE_RESIDENCYCAS]
    if not cas:
        return None
    priced = [line["specialty_name"] for line in cas if line["formula"]]
    unpriced = [line["specialty_name"] for line in cas if not line["formula"]]
    # Each clause says only what the lines above do: "its fees are counted"
    # stood beside an OB/GYN line that is not (diff-review audit s38, 1).
    counted_here = [
        *([f"its fees for {and_list(priced)}"] if priced else []),
        "its transcript fee",
    ]
    through_eras = data.SERVICE_ERAS in _services(breakdown)
    return " ".join(
        [
            f"{and_list([line['specialty_name'] for line in cas])} programs take applications through ResidencyCAS, not "
            f"ERAS ({data.residencycas_cite(line['specialty'] for line in cas)}): a second application with its own "
            "account, fees, dates and signals.",
            capitalised(and_list(counted_here))
            + (" is" if len(counted_here) == 1 else " are")
            + (
                " counted apart from ERAS's."
                if through_eras
                else " counted; you apply through ERAS to no program, so no ERAS fee, transcript fee or token is."
            ),
            *([f"Its fees for {and_list(unpriced)} are not in our data: add them yourself."] if unpriced else []),
            *(
                [
                    "For an IMG, ECFMG sends the MSPE, medical school transcript and status report to ResidencyCAS after "
                    f"a support form and a fee of its own, which is not in our data ({data.ECFMG_RESIDENCYCAS.cite()})."
                ]
                if is_img
                else []
            ),
        ]
    )


def _first_year_note(v: Mapping[str, object]) -> str | None:
    """Why a first year may be missing from the count, when a chosen field starts at PGY-2."""
    if whole(v, "first_year_programs"):
        return None
    advanced = data.advanced_among(word(v, "primary_specialty"), word_or_none(v, "backup_specialty"))
    if not advanced:
        return None
    return data.advanced_positions_note(
        advanced,
        "Where you apply to advanced positions, add the programs you apply to for that first year under "
        "“Preliminary or transitional year programs”; their fees are not counted yet.",
    )


def _supplemental_note(v: Mapping[str, object]) -> str | None:
    """Supplemental ranks entered where neither chosen field uses advanced
    positions: priced in silence, though such lists exist only to link a
    first year to an advanced program (anesadv audit s46, 9).  A note, not an
    error: the reader may rank advanced positions in a third field."""
    supplemental = whole(v, "supplemental_ranked")
    chosen = [word(v, "primary_specialty"), *([b] if (b := word_or_none(v, "backup_specialty")) else [])]
    if not supplemental or data.advanced_among(*chosen):
        return None
    names = " nor ".join(data.specialty(slug).name for slug in chosen)
    return (
        f"You entered {counted(supplemental, 'first-year program')} on supplemental lists, but those lists only link "
        f"first-year programs to advanced (PGY-2) positions ({data.NRMP_ALGORITHM.cite()}), and "
        + (f"neither {names} is" if len(chosen) == 2 else f"{names} is not")
        + " among the fields we count as using them. Rank a first-year program you would take on its own on your "
        "primary list, where it counts among “Programs on your rank order list”."
    )


# The NRMP names a fee for lists of 100 or more ranks that our fee data do
# not hold: left unsaid, the total read as complete (facts-recent audit s36, 3).
LONG_LIST_RANKS = 100


def _long_list_note(v: Mapping[str, object]) -> str | None:
    if whole(v, "ranked_programs") < LONG_LIST_RANKS:
        return None
    return (
        f"A list of {LONG_LIST_RANKS} or more ranks costs a further NRMP fee ({data.NRMP_RANK_LIMIT.cite()}); our data "
        "hold no figure for it, so it is not in the total."
    )


# The lines ERAS and ECFMG charge once a season, whatever the number of
# programs: a reader adding programs mid-season has paid them already if the
# first applications went through ERAS (midseason audit s52, 8).
USMLE_TRANSCRIPT_ITEM = "USMLE transcript sent through ERAS"
COMLEX_TRANSCRIPT_ITEM = "COMLEX transcript sent through ERAS"
TOKEN_ITEM = "ECFMG ERAS token"
ONCE_A_SEASON_ERAS = (USMLE_TRANSCRIPT_ITEM, COMLEX_TRANSCRIPT_ITEM, TOKEN_ITEM)


def _once_paid(items: list[CostItem]) -> str | None:
    """The once-a-season ERAS lines this result charges, named as the table
    names them, or None.  Named, not summed: each line carries its own source
    and year."""
    charged = [f"“{item['item']}”" for item in items if item["item"] in ONCE_A_SEASON_ERAS and item["amount"]]
    if not charged:
        return None
    return ("the lines " if len(charged) > 1 else "the line ") + and_list(charged)


def _late_registration(year: int, today: dt.date) -> str:
    """The NRMP's late fee, said only once registration without it has ended
    for the season under review: the caveats said "not included" to a reader
    a week past 30 November (midseason audit s52, 8)."""
    if cycle.registration(year, today) != "late-fee":
        return ""
    ends = cycle.season(year)["early_registration_ends"]
    return (
        f" If you have not, registering now adds the NRMP's late fee, {money(int(NRMP_LATE.amount_usd))} more: registration "
        f"without it ended on {ends.shown()}. {_dated(NRMP_LATE)}, from the {NRMP_LATE.source}; it is not in the total."
    )


def _mid_season_points(
    v: Mapping[str, object], items: list[CostItem], breakdown: list[ApplicationLine], today: dt.date, applied: bool = False
) -> list[str]:
    """While programs read a season's applications, what part of the total is
    new money for programs added now, or no points.  The total prices a whole
    season, so a reader who applied in September and added a backup in
    December was priced the token, transcript and NRMP registration again
    (midseason audit s52, 8).  The form has no input for programs already
    sent, so the note says how to read the lines: a list added now is its
    own line, priced from program 1 by the same schedule.  ``applied``: the
    reader said so, and is not asked it (planner audit s54, 3)."""
    year = cycle.season_under_review(today)
    eras = [line for line in breakdown if line["service"] == data.SERVICE_ERAS and line["formula"]]
    if year is None or not eras:
        return []
    schedule = eras_schedule()
    season = cycle.eras_season(year)
    primary = data.specialty(word(v, "primary_specialty"))
    first_through_eras = data.application_service(primary.slug) == data.SERVICE_ERAS
    # Read before the total, which it points down to (midseason audit s52, 8).
    new_money = "The total below is for the whole season, so only part of it is new money."
    sentences = [
        f"{profile.answered(year, True)}. Adding programs now? {new_money}"
        if applied
        else f"Applied earlier {'in' if first_through_eras else 'for'} {_season_named(year, primary.slug)} and adding "
        f"programs now? {new_money}"
    ]
    if added := _added_lines(v, eras):
        each = "; ".join(f"{line['specialty_name']}, {line['formula']} = {money(line['amount'])}" for line in added)
        together = f" ({money(sum(line['amount'] for line in added))} together)" if len(added) > 1 else ""
        first_year = (
            ", or for a preliminary or transitional year," if any(line["specialty"] == FIRST_YEAR_LIST for line in added) else ""
        )
        # "What you add" priced a backup sent in September as new (EM audit
        # s53, 3); a third field has no input, and is priced alike.
        sentences.append(
            f"A specialty you first apply to now{first_year} is new money, priced on its own from program 1: "
            f"{each}{together}. A third, which this form cannot hold, is priced the same way."
        )
    more = (
        f" So if your {counted(sent, primary.name + ' program')} went out earlier, the next one costs "
        f"{money(schedule.fee(sent + 1) - schedule.fee(sent))}."
        if first_through_eras and (sent := whole(v, "primary_programs"))
        else ""
    )
    sentences.append(
        "More programs in a specialty you have already applied to are priced from where its count stands "
        f"({schedule.describe()}).{more}"
    )
    # The season under review opened in June with fees of its own, so a
    # schedule for earlier seasons is an old figure for it, as _season_note
    # says of the seasons between ours and the reader's.
    sentences.append(
        f"These ERAS fees are from {schedule.source} ({schedule.season}), confirmed for {season}."
        if schedule.confirmed_to >= year
        # Which newer seasons' fees we lack is said once, in the note on fees
        # under the total (diff review s53, 10).
        else f"Old figure: these ERAS fees are from {schedule.source} ({schedule.season}); the note on fees below says "
        "which newer ones we do not hold."
    )
    if paid := _once_paid(items):
        sentences.append(
            f"Charged once a season, so not new if you paid them when you first applied: {paid}."
            if first_through_eras
            else f"{primary.name} goes through ResidencyCAS, not ERAS, so if you have not applied through ERAS yet this "
            f"season, ERAS's once-a-season charges are new money too: {paid}."
        )
    sentences.append(
        "The line “NRMP registration” is once a season as well: it is not new if you have registered."
        + _late_registration(year, today)
    )
    sentences.append("The interview lines price a whole season: the new programs add only the interviews they bring.")
    # From late December the timeline calls a new application too late; a
    # price for it alone read as advice to send (as program counts says it).
    if cycle.too_late_for_interviews(year, today):
        sentences.append(
            "An application sent now is unlikely to bring an interview before the rank lists close on "
            f"{cycle.season(year)['rank_deadline'].shown()}.{cycle.too_late_caveat(year, today)} {cycle.SHORT_OF_INTERVIEWS}"
        )
    else:
        # Until then, the day program counts and the timeline give (midseason audit s52, 1).
        sentences.append(cycle.send_by(year))
    return sentences


# Mid-season, a reader who answered "Yes, I applied" read on the phone's
# pinned line "Estimated whole-season cost: at least $3,780", where the new
# money for a late family medicine backup was $630, and not the last useful
# day (interview audit s56, 2): while that day is ahead
# (profile.adding_this_season), the line leads with both.
def _pinned_new_money(
    v: Mapping[str, object],
    breakdown: list[ApplicationLine],
    year: int,
    total: str,
    schedule: FeeSchedule,
    today: dt.date,
) -> str:
    """The pinned line of a reader adding programs this season: the last
    useful day, which the phone's line never gave, then the new money the
    mid-season note prices; where no money fits beside the day, the whole
    season's total (``total``, as the summary starts it), the one figure the
    line gave before.  The day leads, as in the check's and program counts'
    lines: a long field's name had pushed it off (diff review s56, 5)."""
    primary = data.specialty(word(v, "primary_specialty"))
    added = [line for line in _added_lines(v, breakdown) if line["amount"]]
    if added:
        backup = v["backup_specialty"]
        amount = money(sum(line["amount"] for line in added))
        named = [
            f"{_a(line['specialty_name'])} backup" if line["specialty"] == backup else f"{_a(line['specialty_name'])} list"
            for line in added
        ]
        # Unnamed where a long name would take the day's place.
        unnamed = "the lists you add" if len(added) > 1 else "your backup" if added[0]["specialty"] == backup else None
        new = [f"New money for {said}: {amount}." for said in [and_list(named), *([unnamed] if unnamed else [])]]
    elif data.via_residencycas(primary.slug) and cycle.residencycas_state(year, today) != "open":
        # An emergency medicine or OB/GYN first choice whose ResidencyCAS has
        # closed takes no more programs: the line priced them at ERAS's $30
        # (diff review s56, 1).  Only a backup through ERAS can still go.
        last = cycle.last_day_for_an_interview(year)
        return first_within_pinned_line(
            [
                f"Send any backup applications through ERAS by about {long_date(last)}.",
                f"Send any backup applications through ERAS by about {short_date(last)}.",
            ]
        )
    else:
        # No list of its own added: more programs in the first choice, priced
        # from where its count stands, as the note says.
        sent = whole(v, "primary_programs")
        each = money(schedule.fee(sent + 1) - schedule.fee(sent))
        new = [f"New money for each {primary.name} program you add: {each}.", f"Each program you add: {each}."]
    last = cycle.last_day_for_an_interview(year)
    send = [f"Send by about {long_date(last)}.", f"Send by about {short_date(last)}."]
    whole_season = f"Whole season: {total.partition(': ')[2]}."
    # Both together never keep to the line: "New money for a Pediatrics
    # backup: $630." and the day already take 67 of its 90 characters.
    tries = [f"{by} {said}" for said in new for by in send] + [f"{by} {whole_season}" for by in send] + send
    return first_within_pinned_line(tries)


def _a(name: str) -> str:
    """``name`` after "a", or "an" before a vowel: "an Anesthesiology backup"."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _added_lines(v: Mapping[str, object], breakdown: list[ApplicationLine]) -> list[ApplicationLine]:
    """The ERAS lists other than the first choice's: each is new money when
    first sent mid-season, priced on its own from program 1."""
    primary = word(v, "primary_specialty")
    return [
        line for line in breakdown if line["service"] == data.SERVICE_ERAS and line["formula"] and line["specialty"] != primary
    ]


def _season_named(year: int, slug: str) -> str:
    """A season as the first choice's service names it: a ResidencyCAS first
    choice was not applied to "in ERAS"."""
    return cycle.eras_season(year) if data.application_service(slug) == data.SERVICE_ERAS else f"the Match {year}"


def _mid_season_list(points: list[str]) -> Markup | None:
    """The mid-season note: its question as a lead, each point an item."""
    if not points:
        return None
    lead, *rest = points
    return el("div", el("p", lead), el("ul", [el("li", point) for point in rest]), class_="mpb-note")


@dataclass(frozen=True)
class LeftOut:
    """A cost an IMG may pay that the total leaves out: ``named`` short, as the
    headline and summary list it; ``said`` in full, with its source, as the
    note under the total gives it."""

    named: str
    said: str


# For an IMG the season's fees are not the whole bill.  "Estimated
# whole-season cost: $3,480" read as everything, though an IMG may also pay
# for US clinical experience, ECFMG's Pathway and OET Medicine, Step 3 for an
# H-1B and a visa, each named only in the notes or the collapsed caveats
# (planner audit s54, 6).  So the total is called a floor for every IMG, and
# these are named in the headline, each "where it applies": the form asks
# neither the visa nor whether ECFMG has certified the reader.
# Observerships and externships: no figure, as we hold no sourced one
# (oldgrad audit s52, 10).
OBSERVERSHIPS = LeftOut(
    "observerships or externships",
    "Observerships or externships, with their fees, travel and rent. We hold no figure for them.",
)
PATHWAY_AND_OET = LeftOut(
    "ECFMG's Pathway and OET fees",
    "ECFMG's Pathway application fee and the OET Medicine test fee, if you have not yet met ECFMG's clinical and "
    f"communication skills requirements ({data.ECFMG_PATHWAYS.cite()}). Our data hold no amounts for them.",
)
# Step 3 is priced once ticked; unticked, a non-US IMG on the H-1B route
# read a total without it.  The form has no visa question, and adding one is
# not this calculator's to do, so the reader is asked to tick it.
STEP_3_UNTICKED = LeftOut(
    "USMLE Step 3",
    f"USMLE Step 3: the FSMB's fee was {money(int(STEP_3.amount_usd))} in {STEP_3.season_or_year} ({STEP_3.source}). "
    "Programs that file an H-1B generally need it passed before they file your petition "
    f"(see “{data.FAQ_VISA_ANSWER}” in the FAQ). This form does not ask which visa you need: if you are aiming for "
    f"an H-1B, tick “{STEP3_LABEL}” to count it.",
)
# Also the method's item on visa costs, which named none.
J1_FEES_SAID = (
    "For a J-1, ECFMG lists the SEVIS fee, the visa application fee and its own sponsorship fee as due in every case "
    f"({data.ECFMG_J1_FEES.cite()}). Our data hold no amounts for them."
)
VISA_FEES = LeftOut("visa fees", f"Visa fees, if you need a visa. {J1_FEES_SAID}")


def _img_left_out(applicant: str, step3_ticked: bool) -> list[LeftOut]:
    """What an IMG may pay beyond the total.  Step 3 and the visa only for a
    non-US-citizen IMG, the applicant type that needs a visa unless told
    otherwise; Step 3 only while unticked, as it is counted once ticked."""
    if applicant not in data.IMG_TYPES:
        return []
    needs_visa = applicant in profile.VISA_APPLICANT_TYPES
    return [
        OBSERVERSHIPS,
        PATHWAY_AND_OET,
        *([STEP_3_UNTICKED] if needs_visa and not step3_ticked else []),
        *([VISA_FEES] if needs_visa else []),
    ]


def _empty_backup(v: Mapping[str, object]) -> data.Specialty | None:
    """The backup chosen with no programs entered for it, if any."""
    if v["backup_specialty"] is None or whole(v, "backup_programs"):
        return None
    return data.specialty(word(v, "backup_specialty"))


def _empty_backup_note(v: Mapping[str, object]) -> str | None:
    """A backup chosen with no programs costs nothing, which is allowed, but a
    reader who forgot the count saw only "no programs = $0" (application-cost audit s36, 5)."""
    if (backup := _empty_backup(v)) is None:
        return None
    slug, name, service = backup.slug, backup.name, data.application_service(backup.slug)
    # Its own service's fees: an OB/GYN backup's are ResidencyCAS's, which
    # our data do not price, so entering programs moves no total; told to
    # enter them, the reader saw nothing change (diff review s42, 5).
    if schedule_for(slug) is None:
        return (
            f"You chose {name} as a backup but entered no programs for it. Entered or not, its {service} fees are not "
            "counted: our data do not hold them."
        )
    return (
        f"You chose {name} as a backup but entered no programs for it, so its {service} fees are not counted; enter "
        "them under “Programs in the backup specialty”."
    )


def _empty_backup_heard(v: Mapping[str, object]) -> tuple[str, str] | None:
    """The empty-backup note, short enough to be said with the total: the
    note sits far below the field, and the total read out unchanged after the
    choice was taken to hold the backup (a11y-phone audit s42, 5).  Shorter
    still where the whole read-out would run past the limit."""
    backup = _empty_backup(v)
    if backup is None:
        return None
    return (
        f"{backup.name} backup: no programs entered, so its fees are not counted.",
        f"{backup.name} backup: no programs entered.",
    )


def _prices(breakdown: list[ApplicationLine]) -> str:
    """The season the application fees are priced at, each service's named by
    its Match as the other calculators name seasons: "ERAS prices for the
    Match 2026"; "ERAS 2026 and ResidencyCAS 2025–26" named one season two ways."""
    by_year: dict[int, list[str]] = {}
    for line in breakdown:
        if line["formula"] and line["service"] not in by_year.setdefault(line["confirmed_to"], []):
            by_year[line["confirmed_to"]].append(line["service"])
    return and_list([f"{and_list(services)} prices for the Match {year}" for year, services in by_year.items() if services])


# What the total is called; mid-season, a whole season's, where interviews
# under way and fees paid in September read as still to come (midseason
# audit s52, 8).
SEASON_COST = "Estimated season cost"
WHOLE_SEASON_COST = "Estimated whole-season cost"


def _announced(
    summary: str,
    backup: tuple[str, str] | None,
    total: int,
    prices: str | None,
    floor: bool,
    step3_fee: int | None,
    cost: str,
) -> str:
    """What the status line says: the summary, after the empty backup's
    words; past ``registry.READ_OUT_WORDS``, the total alone with the season its
    application fees are priced at, pointing to the result for the fees it
    leaves out, and the Step 3 fee said short; then the empty backup said
    short, before the season would go."""
    full_backup, short_backup = backup or (None, None)
    at = f", application fees at {prices}" if prices else ""

    def short(season: str) -> str:
        return (
            f"{cost}: at least {money(total)}{season}, not counting some fees: see the result."
            if floor
            else f"{cost}: {money(total)}{season}."
        )

    step3 = f"It includes the {money(step3_fee)} USMLE Step 3 fee: see its line." if step3_fee is not None else None
    tries = [
        (full_backup, summary),
        (full_backup, short(at), step3),
        (short_backup, short(at), step3),
        (short_backup, short(""), step3),
    ]
    return first_within_read_out([" ".join(part for part in parts if part) for parts in tries])


class ApplicationCostResult(TypedDict):
    inputs: dict[str, object]
    items: list[CostItem]
    application_fees: int
    application_breakdown: list[ApplicationLine]
    total: int
    fee_season: str
    fee_confirmed_to: int
    as_of: str
    # The Match the reader pays in (readers_season), and the newest whose
    # fees are out (newest_opened).
    reader_season: int
    # Whether that season is one under way, not the next open on time.
    season_under_way: bool
    opened_season: int
    old_figures: list[str]
    notes: list[str]
    # Fees the reader pays that our data do not price: the total is a floor.
    not_counted: list[str]
    # For a season already under review: what is new money for programs added
    # now, point by point, as the page lists them: one paragraph of nearly 300
    # words was too long to follow (diff review s52, 13).  Only the points: the
    # same words joined were read by nothing but tests (midseason audit s52, 8, second read).
    mid_season_points: list[str]
    # In their place, for a reader who has not applied in the season under
    # review: the season this prices (planner audit s54, 3).
    next_season: str | None
    # For an IMG: costs the total leaves out, each where it applies, named
    # short for the headline and in full, with its source, for the note.
    img_left_out: list[str]
    img_points: list[str]
    summary: str
    announced: str
    # The phone's pinned line (render.render_result): the summary, but for a
    # reader adding programs this season the new money first (``_pinned_new_money``).
    gist: str


def compute(inputs: Mapping[str, object]) -> ApplicationCostResult:
    v = parse_inputs(FIELDS, inputs, RULES)
    # The form has no date: "today" is the build's on the prerendered page
    # (SOURCE_DATE_EPOCH pins it) and the device's once the page is live
    # (Pyodide's clock is the browser's, in local time), and the result says
    # which date it counted from.
    today = cycle.reference_date()
    planning_next = profile.planning_next(v, today)
    applicant = word(v, "applicant_type")
    ranked = whole(v, "ranked_programs")
    in_person = whole(v, "in_person_interviews")
    virtual = whole(v, "virtual_interviews")

    opened = newest_opened(today)
    items, breakdown = _application_items(v, opened)
    application_total = sum(line["amount"] for line in breakdown)
    services = _services(breakdown)
    through_eras = data.SERVICE_ERAS in services
    transcripts = transcripts_sent(v)
    if through_eras:
        items.append(
            _item(
                USMLE_TRANSCRIPT_ITEM,
                int(USMLE_TRANSCRIPT.amount_usd) if transcripts in SENDS_USMLE else 0,
                f"Once per season; figure from {USMLE_TRANSCRIPT.season_or_year}."
                # A DO who left the choice, or chose USMLE, may have sent COMLEX
                # only, and was charged this fee unseen (DO audit s34, 9).
                + (
                    f" If you took COMLEX only, choose “{dict(TRANSCRIPT_CHOICES)['comlex']}” under "
                    f"“{EXAM_TRANSCRIPTS_LABEL}” and this fee comes off the total."
                    if v["applicant_type"] == "us-do" and v["exam_transcripts"] in (BY_APPLICANT_TYPE, "usmle")
                    else ""
                )
                if transcripts in SENDS_USMLE
                else "You send COMLEX only, so no USMLE transcript fee.",
                USMLE_TRANSCRIPT,
            )
        )
        if transcripts in SENDS_COMLEX:
            items.append(
                _item(
                    COMLEX_TRANSCRIPT_ITEM,
                    int(COMLEX_TRANSCRIPT.amount_usd),
                    f"Once per season; figure from {COMLEX_TRANSCRIPT.season_or_year}.",
                    COMLEX_TRANSCRIPT,
                )
            )
    if data.SERVICE_RESIDENCYCAS in services:
        exams = ["USMLE"] * (transcripts in SENDS_USMLE) + ["COMLEX"] * (transcripts in SENDS_COMLEX)
        per_exam = int(RESIDENCYCAS_TRANSCRIPT.amount_usd)
        # The figure is the emergency medicine organizations'; an OB/GYN list
        # withheld ResidencyCAS's application fees as not in our data, yet took
        # this one without a word (calc-sources audit s41, 3).
        cas_fields = {line["specialty"] for line in breakdown if line["service"] == data.SERVICE_RESIDENCYCAS}
        borrowed = (
            " It is the emergency medicine organizations' figure, counted for OB/GYN too: our sources give none for it."
            if "emergency-medicine" not in cas_fields
            else ""
        )
        cas_transcript = _item(
            "Exam transcripts sent through ResidencyCAS",
            len(exams) * per_exam,
            f"{len(exams)} × {money(per_exam)}, once per season for each exam's transcript ({and_list(exams)}), "
            f"charged by ResidencyCAS apart from ERAS; figure from the {RESIDENCYCAS_TRANSCRIPT.season_or_year}."
            f"{borrowed}",
            RESIDENCYCAS_TRANSCRIPT,
        )
        # From the same cycle's fee page as ResidencyCAS's schedule, so as old as it.
        cas_transcript["old"] = cas_transcript["old"] or superseded(RESIDENCYCAS_TRANSCRIPT.year, opened)
        items.append(cas_transcript)
    is_img = applicant in data.IMG_TYPES
    items.append(
        _item(
            TOKEN_ITEM,
            int(ECFMG_TOKEN.amount_usd) if is_img and through_eras else 0,
            (
                f"IMGs only, once per season; figure from {ECFMG_TOKEN.season_or_year}."
                if through_eras
                else "You apply through ERAS to no program, so no token; ECFMG's own fee for a ResidencyCAS "
                "application is not in our data (see the note on ResidencyCAS)."
            )
            if is_img
            else "Charged to IMGs only, so $0 for you.",
            ECFMG_TOKEN,
        )
    )
    # Step 3 ticked beside COMLEX-only transcripts: said in its line and in the total.
    step3_without_usmle = bool(v["step3_this_season"]) and transcripts not in SENDS_USMLE
    if v["step3_this_season"]:
        items.append(
            _item(
                "USMLE Step 3 exam",
                int(STEP_3.amount_usd),
                # Our row says only "2025", not which eligibility periods
                # (sources audit s54, 7).
                f"You sit Step 3 this season; the FSMB's fee in {STEP_3.season_or_year}"
                + (", read from a copy of its FAQ, not the FSMB's own page" if _from_a_copy(STEP_3) else "")
                + ": it may have risen since, so check the current fee before you book."
                # Beside "You send COMLEX only" above, the USMLE fee read as a
                # slip; it is one only if no USMLE Step was ever taken (COMLEX
                # audit s37, 6).
                + (
                    " You send COMLEX only: Step 3 needs USMLE Step 1 and Step 2 CK passed "
                    f"({data.FSMB_STEP3_REQUIREMENTS.cite()}). If COMLEX is your only exam series, this fee is not "
                    "yours: untick this line."
                    if step3_without_usmle
                    else ""
                ),
                STEP_3,
            )
        )
    items.append(
        _item(
            "NRMP registration",
            int(NRMP_REGISTRATION.amount_usd),
            _dated(NRMP_REGISTRATION)
            + ("; no current NRMP schedule was found, so" if _no_current_schedule(NRMP_REGISTRATION) else ";")
            + " check the NRMP's fee before you register.",
            NRMP_REGISTRATION,
        )
    )
    supplemental = whole(v, "supplemental_ranked")
    extra_primary = max(0, ranked - RANKS_INCLUDED)
    extra_supplemental = max(0, supplemental - SUPPLEMENTAL_RANKS_INCLUDED)
    extra_fee = int(NRMP_EXTRA_RANKS.amount_usd)
    counts = [
        f"{extra_primary} × {money(extra_fee)} for programs ranked beyond {RANKS_INCLUDED} on your primary list"
        if extra_primary
        else f"no fee for your primary list: {ranked} ranked, and the first {RANKS_INCLUDED} are included"
    ]
    if supplemental:
        counts.append(
            f"{extra_supplemental} × {money(extra_fee)} beyond the {SUPPLEMENTAL_RANKS_INCLUDED} included on supplemental lists"
            if extra_supplemental
            else f"no fee for your supplemental lists: {supplemental} ranked, and {SUPPLEMENTAL_RANKS_INCLUDED} are "
            "included apart from the primary list's"
        )
    items.append(
        _item(
            "NRMP extra ranks",
            (extra_primary + extra_supplemental) * extra_fee,
            capitalised("; ".join(counts)) + f". {_dated(NRMP_EXTRA_RANKS)}; check the NRMP's current fee.",
            NRMP_EXTRA_RANKS,
        )
    )
    items.append(
        _item(
            "In-person interviews",
            in_person * IN_PERSON_PER_INTERVIEW,
            (
                f"{in_person} × {money(IN_PERSON_PER_INTERVIEW)}, the midpoint of the {money(IN_PERSON_LOW)}–"
                f"{money(IN_PERSON_HIGH)} typical cost per interview ({IN_PERSON_INTERVIEW.season_or_year}), rounded "
                "to whole dollars; "
                f"{money(in_person * IN_PERSON_LOW)}–{money(in_person * IN_PERSON_HIGH)} at the range's ends. "
                + ("Old figure; travel" if IN_PERSON_INTERVIEW.is_old else "Travel")
                + " costs vary widely."
            )
            if in_person
            else "No in-person interviews entered.",
            IN_PERSON_INTERVIEW,
        )
    )
    items.append(
        _item(
            "Virtual interviews",
            VIRTUAL_SEASON_MEDIAN if virtual else 0,
            (
                f"Median cost of a whole virtual interview season ({VIRTUAL_SEASON.season_or_year}), added once for "
                f"your {counted(virtual, 'virtual interview')}: the study gives no per-interview figure. With few interviews "
                "your cost may be lower."
            )
            if virtual
            else "No virtual interviews entered.",
            VIRTUAL_SEASON,
        )
    )
    notes = [
        note
        for note in (
            _residencycas_note(breakdown, is_img),
            _first_year_note(v),
            _supplemental_note(v),
            _empty_backup_note(v),
            _long_list_note(v),
        )
        if note
    ]
    unpriced = [line["specialty_name"] for line in breakdown if not line["formula"]]
    not_counted = [
        *([f"ResidencyCAS's fees for {and_list(unpriced)}"] if unpriced else []),
        *(["ECFMG's fee for supporting a ResidencyCAS application"] if is_img and data.SERVICE_RESIDENCYCAS in services else []),
    ]
    total = sum(int(item["amount"]) for item in items)
    mid_season = [] if planning_next else _mid_season_points(v, items, breakdown, today, applied=profile.said_applied(v, today))
    cost = WHOLE_SEASON_COST if mid_season else SEASON_COST
    prices = _prices(breakdown)
    schedule = eras_schedule()
    # A $0 line (the token for a US graduate, no interviews) is not an old figure the reader relies on.
    old = [str(item["item"]) for item in items if item["old"] and item["amount"]]
    img_gaps = _img_left_out(applicant, bool(v["step3_this_season"]))
    # "At least" where a fee is left out: the bare total read as the
    # season's whole cost, a third short for an OB/GYN list (obgyn-usimg
    # audit s42, 4), and the whole bill to an IMG (planner audit s54, 6).
    floor = bool(not_counted or img_gaps)
    summary = (
        f"{cost}: {'at least ' if floor else ''}{money(total)}"
        # "of which application fees $0" for an OB/GYN-only list, whose fees are not in our data.
        # The season its fees are priced at, which the reader heard nowhere:
        # years after our newest schedule the bare sum read as this season's
        # (seasonlate audit s44, 2).
        + (f", of which application fees {money(application_total)} at {prices}" if application_total else "")
        # What is left out in a sentence of its own, in as many words: as one,
        # a non-US IMG's ran to 39 (diff review s54b, 11).
        + (f". Not counted: {and_list(not_counted)}, which our data do not hold" if not_counted else "")
        + (
            f". {'Also not' if not_counted else 'Not'} counted: {and_list([gap.named for gap in img_gaps])}, where they "
            "apply to you"
            if img_gaps
            else ""
        )
        # Its line says "untick this" to a COMLEX-only DO; the total heard
        # held it without a word (ui-check audit s37, 4).
        + (
            f". It includes the {money(int(STEP_3.amount_usd))} USMLE Step 3 fee, which needs USMLE Step 1 and Step 2 "
            "CK passed: see its line."
            if step3_without_usmle
            else "."
        )
    )
    return {
        "inputs": dict(v),
        "items": items,
        "application_fees": application_total,
        "application_breakdown": breakdown,
        "total": total,
        "fee_season": schedule.season,
        "fee_confirmed_to": schedule.confirmed_to,
        "as_of": today.isoformat(),
        "reader_season": readers_season(today, planning_next),
        "season_under_way": cycle.season_under_review(today) is not None and not planning_next,
        "opened_season": opened,
        "old_figures": old,
        "notes": notes,
        "not_counted": not_counted,
        "mid_season_points": mid_season,
        "next_season": profile.next_season_said(v, today, "this is priced for", [word(v, "primary_specialty")]),
        "img_left_out": [gap.named for gap in img_gaps],
        "img_points": [gap.said for gap in img_gaps],
        "summary": summary,
        "gist": summary
        if not mid_season or (adding := profile.adding_this_season(v, today)) is None
        else _pinned_new_money(v, breakdown, adding, f"{cost}: {'at least ' if floor else ''}{money(total)}", schedule, today),
        "announced": _announced(
            summary,
            _empty_backup_heard(v),
            total,
            prices if application_total else None,
            floor,
            int(STEP_3.amount_usd) if step3_without_usmle else None,
            cost,
        ),
    }


# --- Presentation ----------------------------------------------------------------
def render(result: ApplicationCostResult) -> Markup:
    items = result["items"]
    old = result["old_figures"]
    rows: list[tuple[Child, ...]] = [
        (
            el("strong", "Old figure: ", item["item"]) if item["item"] in old else item["item"],
            "not counted" if item["source"] == data.NOT_IN_OUR_DATA else money(float(item["amount"])),
            item["note"],
            with_pmc_links(item["source"]),
        )
        for item in items
    ]
    total = money(float(result["total"]))
    rows.append((el("strong", "Total"), el("strong", total), "Sum of the items above.", ""))
    breakdown = result["application_breakdown"]
    missing = result.get("not_counted") or []
    points = result["mid_season_points"]
    # Mid-season, named as the whole of the season under way: the interview
    # lines and the fees paid in September are in it (midseason audit s52, 8).
    named = _season_named(int(result["reader_season"]), str(result["inputs"]["primary_specialty"]))
    # Named for a reader planning the next season too (planner audit s54, 3).
    season = f"the whole of {named}" if points else named if result.get("next_season") else "one Match season"
    # The season the application fees are priced at, beside the season the
    # total is for: "$3,370 for ERAS 2027" above "ERAS prices for the Match
    # 2026" read as two claims about one season (aiminghigh audit s54, 11).
    priced = f", with application fees at {_prices(breakdown)}, the newest we hold" if result["application_fees"] else ""
    gaps = result["img_left_out"]
    headline = el(
        "p",
        "At least " if missing or gaps else None,
        el("strong", total),
        f" estimated for {season}{priced}",
        f", plus {and_list(missing)}, which our data do not hold" if missing else None,
        # The summary just below names them, and the list under the total
        # gives each with its source: said in the headline too, the page
        # gave them three times running (diff review s54, 14).
        ".",
        class_="mpb-headline",
    )
    return el(
        "div",
        # First for a reader adding programs now: what is new money, before
        # a total that holds a whole season (midseason audit s52, 8).
        _mid_season_list(points),
        profile.render_next_season(result.get("next_season")),
        headline,
        el("p", result["summary"]),
        [_service_fees(service, lines) for service, lines in _by_service(breakdown)],
        _season_note(result),
        [el("p", note, class_="mpb-note") for note in result["notes"]],
        _img_list(result["img_points"]),
        el("p", couple_fee_note(int(result["reader_season"])), class_="mpb-note"),
        # The chart's percentages are of the counted items only: beside a
        # floor they read as shares of the whole season (obgyn-usimg audit s42, 4).
        el(
            "p",
            f"The chart's percentages are shares of the {total} counted here, not of the whole season's cost, "
            f"which also holds {and_list(missing)}.",
            class_="mpb-note",
        )
        if missing
        else el(
            "p",
            f"The chart's percentages are shares of the {total} counted here, not of the costs named above as not counted.",
            class_="mpb-note",
        )
        if gaps
        else None,
        charts.cost_breakdown(result),
        table(("Item", "Amount", "How it is worked out", "Source"), rows, caption="What the season costs"),
        el(
            "p",
            "Old figures: " + ", ".join(old) + ". Each row above says when its amount dates from; current fees "
            "and travel costs are likely to differ, so treat them as a rough guide.",
            class_="mpb-note",
        )
        if old
        else None,
        class_="mpb-result-body",
    )


def _img_list(points: list[str]) -> Markup | None:
    """An IMG's costs beyond the total, one an item, under a lead that says they are not in it."""
    if not points:
        return None
    return el(
        "div",
        el("p", "Not in the total for an IMG, where they apply to you:"),
        el("ul", [el("li", point) for point in points]),
        class_="mpb-note",
    )


def couple_fee_note(year: int) -> str:
    """Shown under every result: the couple fee was said only in the
    collapsed method, at the 2016-17 figure, and a couple read the total as
    theirs (couples audit s43, 9).  ``year``: the reader's Match."""
    return (
        "Priced for one applicant. A couple also pays the NRMP a couple fee, not counted here: "
        f"{couple_fee_said()} {couple_how_to_add(year)}"
    )


def couple_fee_said() -> str:
    """The couple fee per partner and for two, with the source, year and
    status of its row, and the secondary guide's higher figure while our row
    is the old one it is measured against."""
    fee = int(NRMP_COUPLE.amount_usd)
    where = "a copy of the NRMP's" if _from_a_copy(NRMP_COUPLE) else "the NRMP's own"
    said = (
        f"{money(fee)} for each partner, so {money(2 * fee)} for the two of you. "
        f"{'That is an old figure, from' if NRMP_COUPLE.is_old else 'That is from'} {where} fee schedule for "
        f"{NRMP_COUPLE.season_or_year}, the newest we hold ({_cite(NRMP_COUPLE)})."
    )
    return f"{said} {COUPLE_FEE_HIGHER}. {COUPLE_FEE_UNCONFIRMED}." if NRMP_COUPLE.is_old else said


def _service_fees(service: str, lines: list[ApplicationLine]) -> Markup:
    """One service's lists, each with its formula, under the season of its schedule."""
    season = next((b["season"] for b in lines if b["season"]), "")
    return el(
        "p",
        f"{service} fees ({season}): " if season else f"{service} fees: ",
        "; ".join(
            f"{b['specialty_name']}: {b['formula']} = {money(int(b['amount']))}"
            if b["formula"]
            else f"{b['specialty_name']}: not in our data"
            for b in lines
        ),
        f". This is the latest {service} schedule in our data." if season else ".",
    )


def _by_service(breakdown: list[ApplicationLine]) -> list[tuple[str, list[ApplicationLine]]]:
    return [(service, [b for b in breakdown if b["service"] == service]) for service in _services(breakdown)]


def _applies_in(result: ApplicationCostResult) -> str:
    """Which season the reader would pay in, said for each service as signals
    says it: ERAS's line alone called the Match 2028 "still running" to an
    emergency medicine reader after ResidencyCAS had closed to it
    (season-dates audit s43, 2)."""
    today = dt.date.fromisoformat(str(result["as_of"]))
    breakdown = result["application_breakdown"]
    cas = list(dict.fromkeys(b["specialty"] for b in breakdown if b["service"] == data.SERVICE_RESIDENCYCAS))
    eras = any(b["service"] == data.SERVICE_ERAS for b in breakdown)
    if result["season_under_way"]:
        # Named as the reader's, and last, so "confirmed for it" reads as this
        # one (midseason audit s52, 8).
        # "The next season you can apply to on time is ERAS 2028, but this
        # page counts yours as ERAS 2027" read to a reader who applied on
        # time as "you were late" (interview audit s56, 10): to one who said
        # so, the season priced is the one they applied to, and to the
        # others it is priced, not counted as theirs against the next.
        year, day = int(result["reader_season"]), long_date(today)
        priced = f"this page prices {cycle.eras_season(year)}"
        said = [
            (
                f"as of {day}, {priced}, the season you applied to"
                if profile.said_applied(result["inputs"], today)
                else f"as of {day}, the next season you can apply to on time is {cycle.eras_season(year + 1)}; {priced}, "
                "the season under way"
            )
            if eras
            else f"as of {day}, this page counts your season as the Match {year}, the season under way"
        ]

    else:
        said = [cycle.season_ahead(today)] if eras or not cas else []
    if cas:
        said.append(cycle.applies_in(cas, today, dated=not said))
    return ". ".join(capitalised(line) for line in said)


def _newer_seasons(service: str, confirmed_to: int, opened: int) -> str:
    """The seasons after ours that have surely opened, to ``opened``, named
    as seasons whose fees we do not hold.  "The AAMC has since published fees
    for the ERAS 2027 season" stated as fact what no source of ours gives: we
    know only that the season is under way (aiminghigh audit s54, 11)."""
    first, last = confirmed_to + 1, opened
    years = f"{first}" if first == last else f"{first} {'and' if last == first + 1 else 'to'} {last}"
    if service == data.SERVICE_ERAS:
        seasons = "season" if first == last else "seasons"
        return f"we do not hold the AAMC's fees for the ERAS {years} {seasons}"
    cycles = "cycle" if first == last else "cycles"
    return f"we do not hold {service}'s fees for its {cycles} for the Match {years}"


def _season_note(result: ApplicationCostResult) -> Markup | None:
    """Which season the reader would pay in, and whether each schedule used is
    confirmed for it; a schedule superseded is said to be, with the newer
    seasons whose fees we do not hold (seasonlate audit s44, 2)."""
    season, opened = int(result["reader_season"]), int(result["opened_season"])
    applied = profile.said_applied(result["inputs"], dt.date.fromisoformat(str(result["as_of"])))
    # Said here where no mid-season note says it: with no ERAS line, a Yes
    # read exactly as Not said (diff review s55, 5).
    told = f"{profile.answered(season, True)}." if applied and not result["mid_season_points"] else ""
    ahead = f"{told} {_applies_in(result)}".lstrip()
    late: list[tuple[str, str]] = []
    stale: list[tuple[str, str, int]] = []
    confirmed: list[str] = []
    confirmed_to: list[int] = []
    for service, lines in _by_service(result["application_breakdown"]):
        priced = [b for b in lines if b["formula"]]
        if not priced:
            continue
        confirmed_to.append(priced[0]["confirmed_to"])
        if superseded(priced[0]["confirmed_to"], opened):
            stale.append((service, priced[0]["season"], priced[0]["confirmed_to"]))
        elif seasons_behind(priced[0]["confirmed_to"], season) > 0:
            late.append((service, priced[0]["season"]))
        else:
            confirmed.append(service)
    unconfirmed = [*(service for service, _, _ in stale), *dict(late)]
    # A reader planning the next season was told only of this one's (diff
    # review s53, 4), then left to count (s53b, 5); said where our fees are
    # not this season's, so no "it" below means the next.
    oldest = min(confirmed_to, default=season)
    planning = (
        f". Planning for {_season_named(season + 1, str(result['inputs']['primary_specialty']))} instead? The table's "
        "lines are the same, and our fees are then "
        f"{counted(seasons_behind(oldest, season + 1), 'season')} before yours"
        # Not asked of a reader who said they applied in it (planner audit s54, 3).
        if result["season_under_way"] and not applied
        else ""
    )
    where = and_list(["the AAMC's fee page" if s == data.SERVICE_ERAS else "ResidencyCAS" for s in [*unconfirmed, *confirmed]])
    if stale:
        behind_said = [
            f"our newest {service} fees are for the {named}, {counted(seasons_behind(to, season), 'season')} "
            f"before yours; {_newer_seasons(service, to, opened)}"
            for service, named, to in stale
        ] + [f"our {service} schedule was last confirmed for the {named}" for service, named in late]
        heading = "from before your season" if not late else "not confirmed for your season"
        return el(
            "p",
            el("strong", f"{and_list(unconfirmed)} fees {heading}: "),
            ". ".join(capitalised(line) if i else line for i, line in enumerate(behind_said))
            + f". {ahead}{planning}. Check {where} for the prices of the season you pay in.",
            class_="mpb-note",
        )
    if late:
        services = and_list([service for service, _ in late])
        return el(
            "p",
            el("strong", f"{services} fees not yet confirmed for your season: "),
            (
                f"our schedule was last confirmed for the {late[0][1]}"
                if len(late) == 1
                else "our "
                + ", and our ".join(
                    f"{service} schedule{' was last confirmed' if i == 0 else ''} for the {season}"
                    for i, (service, season) in enumerate(late)
                )
            )
            + f". {ahead}{planning}. Check {where} for the prices of the season you pay in.",
            class_="mpb-note",
        )
    if confirmed:
        schedules = and_list([f"the {service} schedule" for service in confirmed])
        verb = "is" if len(confirmed) == 1 else "are"
        # "It" after a ResidencyCAS deadline and its source read as that
        # deadline, and "that season" as its next one, not the reader's.
        said = (
            f"{ahead}, and {schedules} {verb} confirmed for it"
            if data.SERVICE_RESIDENCYCAS not in _services(result["application_breakdown"])
            else f"{ahead}. {capitalised(schedules)} {verb} confirmed for {'yours' if result['season_under_way'] else 'that season'}"
        )
        return el("p", f"{said}. Check {where} before you pay.")
    # No fee of ours to date (OB/GYN alone): the answer is all there is to say.
    return el("p", told, class_="mpb-note") if told else None


# The fee data keep the AAMC's worked example beside its tiers, with its
# total.  The method calls its own sum the AAMC's only while the schedule
# still gives that total: under a new season's prices it is our example.
AAMC_EXAMPLE = re.compile(r"AAMC's own worked example: 43 IM \+ 7 Radiology = .* = (?P<total>[0-9]+)")


def aamc_example_total() -> int | None:
    found = [match for fee in data.fees() if (match := AAMC_EXAMPLE.search(fee.source))]
    return int(found[0]["total"]) if found else None


def method() -> Markup:
    schedule = eras_schedule()
    year = readers_season(cycle.reference_date())
    em = schedule_for("emergency-medicine")
    assert em is not None
    total = schedule.fee(43) + schedule.fee(7)
    example = "AAMC's own worked example, which this calculator reproduces" if total == aamc_example_total() else "For example"
    return join(
        el(
            "p",
            f"Total = application fees for each specialty, through ERAS or, for {data.RESIDENCYCAS_FIELDS_SAID}, "
            "ResidencyCAS (and for a preliminary or transitional year list through ERAS, if any) + exam transcripts, "
            "once for each service you apply through + ECFMG ERAS token (IMGs applying through ERAS) + USMLE Step 3 "
            "fee (if you sit Step 3 this season) + NRMP registration + "
            f"NRMP extra-rank fees + in-person interviews × {money(IN_PERSON_PER_INTERVIEW)} + the virtual season "
            "median (once, if you have any virtual interview).",
        ),
        el("h4", f"ERAS fees, {schedule.season}"),
        el(
            "p",
            f"{schedule.describe()}. Each specialty is priced on its own, starting again at program 1. "
            f"{example}: 43 Internal Medicine and 7 Diagnostic Radiology programs "
            f"cost {schedule.formula(43)} + {schedule.formula(7)} = {money(total)}. "
            f"Source: {schedule.source}. The tiers are read from the project's fee data, so a new season's "
            "schedule changes the data, not this code. The result names your season, counted from today's date: "
            "while programs read a season's applications, the one under way; else the next you can apply to on "
            "time. It says when this schedule was confirmed only for earlier seasons. Once a later season's "
            "applications have gone out, it has fees we do not hold, and the result marks the schedule an old "
            "figure; before that, the newer fees may not be out yet.",
        ),
        el("h4", f"ResidencyCAS fees, {em.season}"),
        el(
            "p",
            f"Emergency medicine and obstetrics and gynecology programs take applications through ResidencyCAS, not "
            f"ERAS ({data.RESIDENCYCAS.cite()}): a second application with its own account, fees and dates. For "
            f"emergency medicine: {em.describe()}; for example, 46 programs cost {em.formula(46)} = "
            f"{money(em.fee(46))}. Source: {em.source}. Our data hold no ResidencyCAS schedule for OB/GYN, so the "
            "result names those fees and leaves them out of the total.",
        ),
        el("h4", "Other items"),
        el(
            "ul",
            [
                el(
                    "li",
                    _old_mark(USMLE_TRANSCRIPT),
                    f"USMLE transcript through ERAS: {money(int(USMLE_TRANSCRIPT.amount_usd))} once ({_cite(USMLE_TRANSCRIPT)}), "
                    f"unless you send COMLEX only; COMLEX transcript through ERAS: {money(int(COMLEX_TRANSCRIPT.amount_usd))} "
                    f"once ({_cite(COMLEX_TRANSCRIPT)}), when you send it.",
                ),
                el(
                    "li",
                    _old_mark(RESIDENCYCAS_TRANSCRIPT),
                    f"Exam transcripts through ResidencyCAS: {money(int(RESIDENCYCAS_TRANSCRIPT.amount_usd))} once more for "
                    f"each exam's transcript ({_cite(RESIDENCYCAS_TRANSCRIPT)}).",
                ),
                el(
                    "li",
                    _old_mark(ECFMG_TOKEN),
                    f"ECFMG ERAS token: {money(int(ECFMG_TOKEN.amount_usd))} once, for US-citizen and non-US-citizen "
                    f"IMGs applying through ERAS ({_cite(ECFMG_TOKEN)}).",
                ),
                el(
                    "li",
                    _old_mark(STEP_3),
                    f"USMLE Step 3: {money(int(STEP_3.amount_usd))} ({_cite(STEP_3)}), only when you tick that you "
                    "sit it this season"
                    + ("; the figure is read from a copy of the FSMB's FAQ, so" if _from_a_copy(STEP_3) else ";")
                    + " check the current fee.",
                ),
                el(
                    "li",
                    _old_mark(NRMP_REGISTRATION),
                    f"NRMP registration {money(int(NRMP_REGISTRATION.amount_usd))} ({_cite(NRMP_REGISTRATION)})."
                    + (" No current schedule was found." if _no_current_schedule(NRMP_REGISTRATION) else ""),
                ),
                el(
                    "li",
                    _old_mark(NRMP_EXTRA_RANKS),
                    f"NRMP extra ranks {money(int(NRMP_EXTRA_RANKS.amount_usd))} for each program ranked beyond "
                    f"{RANKS_INCLUDED} on the primary list ({_cite(NRMP_EXTRA_RANKS)}), and for each beyond "
                    f"{SUPPLEMENTAL_RANKS_INCLUDED} different programs on the supplemental lists together "
                    f"({data.NRMP_RANKING.cite()}).",
                ),
                el(
                    "li",
                    _old_mark(IN_PERSON_INTERVIEW),
                    f"In-person interviews: {money(IN_PERSON_LOW)}–{money(IN_PERSON_HIGH)} typical cost per interview "
                    f"({_cite(IN_PERSON_INTERVIEW)}). The calculator uses the midpoint, "
                    f"rounded to whole dollars, {money(IN_PERSON_PER_INTERVIEW)}, and shows the range's ends in the result.",
                ),
                el(
                    "li",
                    _old_mark(VIRTUAL_SEASON),
                    f"Virtual interviews: the study reports median season totals of {money(VIRTUAL_SEASON_MEDIAN)} for "
                    f"virtual and {money(IN_PERSON_SEASON_MEDIAN)} for in-person interviewing ({_cite(VIRTUAL_SEASON)}). "
                    "It gives no cost per interview, and the project's data do not include how many interviews those "
                    "seasons held, so dividing would mean inventing a number. The calculator instead adds the virtual "
                    "season median once when you have any virtual interview. For a sense of scale only (the two studies "
                    f"cover different years and applicants), the in-person median of {money(IN_PERSON_SEASON_MEDIAN)} "
                    f"equals about {IN_PERSON_SEASON_MEDIAN / IN_PERSON_PER_INTERVIEW:.1f} in-person interviews at the "
                    "midpoint above.",
                ),
            ],
        ),
        el("h4", "Caveats"),
        el(
            "ul",
            [
                el("li", "Fees change each season: check the AAMC, ECFMG and NRMP pages before you pay."),
                el("li", "Travel and lodging vary with distance, season and city; the interview figures are rough guides."),
            ],
        ),
        # One item a fee: the 126 words in one sentence buried the couple fee
        # among nine others (couples audit s54, 8).
        el("h4", "Not in the total"),
        el(
            "ul",
            [
                el("li", "USMLE Step 1 and Step 2 CK fees."),
                el("li", "USMLE Step 3, unless you tick that you sit it this season."),
                el("li", PATHWAY_AND_OET.said),
                el("li", OBSERVERSHIPS.said),
                el("li", f"Visa costs. {J1_FEES_SAID}"),
                el("li", "Away rotations."),
                el("li", "Any supplemental application fees."),
                el(
                    "li",
                    f"The NRMP's late registration fee: {money(int(NRMP_LATE.amount_usd))} more after {late_fee_after(year)}"
                    f"{', an old figure' if NRMP_LATE.is_old else ''} ({_cite(NRMP_LATE)}).",
                ),
                el("li", f"The NRMP's couple fee: {couple_fee_said()} {couple_how_to_add(year)}"),
                el(
                    "li",
                    f"The NRMP's further fee for a list of 100 or more ranks ({data.NRMP_RANK_LIMIT.cite()}): our data "
                    "hold no figure for it.",
                ),
            ],
        ),
    )
