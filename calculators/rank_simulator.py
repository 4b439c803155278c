"""Rank simulator: why ranking programs in true preference order is safe.

Runs applicant-proposing deferred acceptance (Gale and Shapley, 1962), the
idea at the heart of the NRMP algorithm (Roth and Peranson, 1999), on a small
market the reader writes or generates, narrates each step, checks stability
by brute force, and tries every reordering of one applicant's list to show
that none gets that applicant a program they prefer to their honest result.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from bisect import insort
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

from .data import ARTICLE_IMG, ARTICLE_ORTHO
from .fields import (
    BoolField,
    InputError,
    IntField,
    TextField,
    parse_inputs,
    parse_whole_number,
    raise_all,
    whole,
    whole_or_none,
    word,
)
from .html import Markup, as_typed, el, join, table

NAME = "rank_simulator"
TITLE = "Rank order list simulator"
SUMMARY = "Runs the matching algorithm on a small market and shows why honest ranking cannot hurt you."

# Reorderings grow factorially (1,956 lists from 6 programs, 13,699 from 7).
# Each trial run replays only the studied applicant's rejection chain, so
# this many runs cover every list of up to 6 programs on a market of a few
# hundred applicants in well under a second; longer lists get a sample,
# shortest lists first, and the result says so.
MAX_PROPOSAL_RUNS = 2_000
# Enough for any real program.
MAX_SEATS = 10_000
# The narration of a large market runs to thousands of steps; the page shows
# the first ones and says how many more there were.
MAX_STEPS_SHOWN = 200

# Every line fits a 360 px phone's box (about 38 characters of its monospace
# font): the box keeps pasted rows whole and scrolls sideways, so the longer
# comment lines ran off its edge, unread (interview audit s56, 12).
MARKET_LINE_FITS_A_PHONE = 38
DEFAULT_MARKET = """# Applicants rank programs; programs
# rank applicants. (1): one position.
# Asha lists IM and FM programs in one
# list, in the order she prefers them.
Asha: IM-Metro > FM-Valley > IM-Coast
Ben: IM-Metro > IM-Coast
Chen: FM-Valley > IM-Metro
Dana: IM-Coast > FM-Valley > IM-Metro

IM-Metro (1): Ben > Asha > Chen > Dana
IM-Coast (1): Asha > Dana > Ben
FM-Valley (1): Dana > Asha > Chen
"""

# Anything in the brackets is taken as the positions, so parse_seats can name
# the program and the rule: "P (1.5)" and "P (two)" got only the line's format
# (rank-packet audit s38, 11).
LINE = re.compile(r"^(?P<name>[^:()>]+?)\s*(?:\((?P<seats>[^()]*)\))?\s*:\s*(?P<list>.*)$")

FIELDS = (
    TextField(
        name="market",
        label="Market",
        initial=DEFAULT_MARKET,
        rows=12,
        max_chars=5_000,
        # A seed replaces the market, so the box may be empty then (see _market_unless_seeded).
        optional=True,
        help="One line per applicant (`Name: A > B`) and per program (`Name (positions): X > Y`); a name cannot "
        "contain `:`, `(`, `)` or `>`, and must match exactly, capitals too. Lines starting with `#` are ignored. "
        "Not needed when you enter a seed below.",
    ),
    IntField(
        name="seed",
        label="Random example (seed)",
        minimum=0,
        maximum=1_000_000,
        initial=None,
        optional=True,
        help="Enter any number to generate a random small market instead; leave empty to use the text above.",
    ),
    TextField(
        name="applicant",
        label="Applicant to study",
        initial=None,
        rows=1,
        max_chars=100,
        optional=True,
        help="Whose list to test; empty means the first applicant.",
    ),
    TextField(
        name="alternative_list",
        label="A reordered list to try",
        initial=None,
        rows=1,
        max_chars=500,
        optional=True,
        help="For example `FM-Valley > IM-Metro`. Empty tries only the automatic check.",
    ),
    BoolField(
        name="check_reorderings",
        label="Try every reordering and shortening of that applicant's list",
        initial=True,
        help=f"Up to {MAX_PROPOSAL_RUNS:,} trial runs; longer lists get a sample, and the result says so.",
    ),
)


@dataclass(frozen=True)
class Market:
    applicants: dict[str, list[str]]
    programs: dict[str, list[str]]
    seats: dict[str, int]


def parse_seats(text: str, program: str, line: int) -> int:
    """A program's positions, 1 to MAX_SEATS, in digits of any script, as every whole-number field takes them."""
    count = parse_whole_number(text)
    if count is None:
        raise InputError(
            "market",
            f"Market, line {line}: write {program}'s positions as a whole number, such as “{program} (2)”"
            + (f", not “{text.strip()}”." if text.strip() else "."),
        )
    if count < 1:
        raise InputError("market", f"Market, line {line}: {program} needs at least 1 position.")
    if count > MAX_SEATS:
        raise InputError("market", f"Market, line {line}: {program} can have at most {MAX_SEATS:,} positions.")
    return count


def _name(text: str) -> str:
    """A name as typed, in one Unicode form: a "Zoë" typed with a combining
    mark was not the "Zoë" defined a line above (rank-simulator audit s35, 7)."""
    return unicodedata.normalize("NFC", text.strip())


def _spelled(name: str, known: Iterable[str]) -> str:
    """A hint when a name differs from a defined one only in capitals: names
    match exactly, and "im-metro" for "IM-Metro" read as an unknown name."""
    same = [other for other in known if other.casefold() == name.casefold()]
    return f"; “{name}” differs from “{same[0]}” only in capitals, and names must match exactly" if same else ""


# A couple's paired line ("Amir+Bea: IM-Boston & Psych-Boston > …") failed
# as "not a program", and a couple learned the simulator has no couples only
# below the form or in the collapsed method (couples audit s43, 2).  Short, so
# the status line can still say the whole error (registry.READ_OUT_WORDS).
NO_COUPLES = "the simulator has no couples: see “Ranking as a couple” on the rank order list page"
# What marks a couple: two names joined in an applicant's name, or two
# programs joined in one rank.
COUPLE_MARKS = ("&", "+")
# The NRMP's No Match code, by number or by name, is a partner's half of a
# couple's line; typed as a rank it was told only that it "is not a program"
# (couplesvisa audit s46, 7).
NO_MATCH_CODES = ("999999999", "nomatch", "nomatchcode")
# What the code is for, and what a single applicant does instead, short
# enough for the status line to say the whole error with a long name
# (readout46 audit s46, 7).
NO_MATCH_WHAT = "for couples only (see “Ranking as a couple”): end the list instead"


def _coupled(name: str) -> bool:
    return any(mark in name for mark in COUPLE_MARKS)


def _paired(rank: str) -> bool:
    """Whether one rank reads as two programs: joined by a spaced & or +, or
    by a + anywhere ("Texas A&M" is one program's name)."""
    return re.search(r"\s[&+]\s|\+", rank) is not None


def _no_match(rank: str) -> bool:
    # Spaces and hyphens left out: "No-Match" and "999 999 999" were read as
    # programs (diffreview46 audit s46, 11).
    return re.sub(r"[\s-]", "", rank).casefold() in NO_MATCH_CODES


def _no_couples(name: str) -> str:
    """The couples note for an error on a line whose name reads as a couple's."""
    return f"; {NO_COUPLES}" if _coupled(name) else ""


def parse_market(text: str) -> Market:
    applicants: dict[str, list[str]] = {}
    programs: dict[str, list[str]] = {}
    seats: dict[str, int] = {}
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            raise InputError("market", f"Market, line {number}: write “Name: A > B” or “Program (2): X > Y”.")
        name = _name(match["name"])
        ranked = [_name(part) for part in match["list"].split(">") if part.strip()]
        if name in applicants or name in programs:
            raise InputError("market", f"Market, line {number}: “{name}” is defined twice.")
        if len(set(ranked)) != len(ranked):
            twice = next(part for part in ranked if ranked.count(part) > 1)
            raise InputError("market", f"Market, line {number}: “{twice}” appears twice in {name}'s list{_no_couples(name)}.")
        lines[name] = number
        if match["seats"] is not None:
            count = parse_seats(match["seats"], name, number)
            programs[name], seats[name] = ranked, count
        else:
            applicants[name] = ranked
    if not applicants or not programs:
        raise InputError("market", "Market must define at least one applicant and one program (with its positions).")
    for name, ranked in applicants.items():
        for program in ranked:
            if program not in programs:
                comma = "; separate names with >, not commas" if "," in program else ""
                # A program line without "(positions)" reads as an applicant's.
                unseated = (
                    f"; line {lines[program]} defines it without positions, so it was read as an applicant: "
                    f"write “{program} (1): …”"
                    if program in applicants
                    else ""
                )
                spelled = _spelled(program, programs)
                if not (comma or unseated or spelled) and _paired(program):
                    # Two programs in one rank: what is wrong is the pair
                    # itself, once no slip explains it ("Texas A&m" is one).
                    raise InputError("market", f"Market, line {lines[name]}: {name} ranks “{program}”; {NO_COUPLES}.")
                if not unseated and _no_match(program):
                    raise InputError(
                        "market",
                        f"Market, line {lines[name]}: {name} ranks “{program}”, the No Match code, {NO_MATCH_WHAT}.",
                    )
                raise InputError(
                    "market",
                    f"Market, line {lines[name]}: {name} ranks “{program}”, which is not a program"
                    f"{comma}{unseated}{spelled}{_no_couples(name)}.",
                )
    for name, ranked in programs.items():
        for applicant in ranked:
            if applicant not in applicants:
                raise InputError(
                    "market",
                    f"Market, line {lines[name]}: {name} ranks “{applicant}”, who is not an applicant"
                    f"{_spelled(applicant, applicants)}{_no_couples(applicant)}.",
                )
    return Market(applicants, programs, seats)


def random_market(seed: int) -> Market:
    rng = random.Random(seed)
    applicants = [f"A{i}" for i in range(1, rng.randint(4, 6) + 1)]
    programs = [f"P{i}" for i in range(1, rng.randint(3, 4) + 1)]
    return Market(
        {a: rng.sample(programs, rng.randint(1, len(programs))) for a in applicants},
        {p: rng.sample(applicants, rng.randint(2, len(applicants))) for p in programs},
        {p: rng.randint(1, 2) for p in programs},
    )


def market_text(market: Market) -> str:
    return "\n".join(
        [
            *(f"{a}: {' > '.join(r)}" for a, r in market.applicants.items()),
            *(f"{p} ({market.seats[p]}): {' > '.join(r)}" for p, r in market.programs.items()),
        ]
    )


class _Engine:
    """Deferred acceptance split into resumable pieces.

    The outcome of applicant-proposing deferred acceptance does not depend on
    the order in which proposals are made, so a run can be paused and resumed:
    the match for everyone but the studied applicant is computed once, and
    each list that applicant might submit only replays the rejection chain
    its own proposals start.  That is what keeps the reordering check fast on
    markets with hundreds of applicants.
    """

    def __init__(self, market: Market) -> None:
        self.market = market
        self.rank = {p: {a: i for i, a in enumerate(prefs)} for p, prefs in market.programs.items()}

    def start(self) -> _State:
        return _State({p: [] for p in self.market.programs}, dict.fromkeys(self.market.applicants, 0))

    def run(
        self,
        state: _State,
        free: list[str],
        lists: Mapping[str, list[str]],
        steps: list[str] | None = None,
    ) -> None:
        """Let every applicant in ``free`` (and everyone they displace) propose until all are held or out of options.

        ``state`` is changed in place; program lists are replaced, never
        mutated, so a shallow copy of a state is an independent snapshot.
        """
        queue = deque(free)
        while queue:
            applicant = queue.popleft()
            ranked = lists[applicant]
            choice = state.next_choice[applicant]
            if choice >= len(ranked):
                if steps is not None:
                    steps.append(f"{applicant} has no programs left to try and stays unmatched.")
                continue
            program = ranked[choice]
            state.next_choice[applicant] = choice + 1
            rank = self.rank[program]
            if applicant not in rank:
                if steps is not None:
                    steps.append(f"{applicant} applies to {program}, which did not rank {applicant}: rejected.")
                queue.appendleft(applicant)
                continue
            held = list(state.held[program])
            insort(held, applicant, key=rank.__getitem__)
            if len(held) > self.market.seats[program]:
                bumped = held.pop()
                if steps is not None:
                    steps.append(
                        f"{applicant} applies to {program}, whose positions are held by applicants it ranks higher: rejected."
                        if bumped == applicant
                        else f"{applicant} applies to {program}, which prefers {applicant} to {bumped}: "
                        f"{applicant} is held tentatively and {bumped} is released."
                    )
                queue.appendleft(bumped)
            elif steps is not None:
                steps.append(f"{applicant} applies to {program}, which has a free position: held tentatively.")
            state.held[program] = held

    def matching(self, state: _State) -> dict[str, str | None]:
        result: dict[str, str | None] = dict.fromkeys(self.market.applicants)
        for program, applicants in state.held.items():
            for applicant in applicants:
                result[applicant] = program
        return result

    def without(self, applicant: str) -> _State:
        """The finished match of everyone else, with ``applicant`` not yet proposing."""
        state = self.start()
        lists = {**self.market.applicants, applicant: []}
        self.run(state, [a for a in self.market.applicants if a != applicant], lists)
        state.next_choice[applicant] = 0
        return state

    def propose(self, state: _State, applicant: str, program: str) -> tuple[_State, bool]:
        """A copy of ``state`` after ``applicant`` proposes to ``program`` and every chain settles.

        Returns the new state and whether the applicant is still held there.
        """
        new = state.copy()
        lists = {**self.market.applicants, applicant: [program]}
        new.next_choice[applicant] = 0
        self.run(new, [applicant], lists)
        return new, applicant in new.held[program]


@dataclass
class _State:
    held: dict[str, list[str]]
    next_choice: dict[str, int]

    def copy(self) -> _State:
        return _State(dict(self.held), dict(self.next_choice))


def deferred_acceptance(market: Market) -> tuple[dict[str, str | None], list[str]]:
    """Applicant-proposing deferred acceptance with program capacities, narrated."""
    engine = _Engine(market)
    state = engine.start()
    steps: list[str] = []
    engine.run(state, list(market.applicants), market.applicants, steps)
    steps.append("No one has an offer left to make, so every tentative hold becomes a match.")
    return engine.matching(state), steps


def outcome_with_list(market: Market, applicant: str, ranked: list[str], base: _State | None = None) -> str | None:
    """Where ``applicant`` matches if they submit ``ranked`` and everyone else is unchanged."""
    engine = _Engine(market)
    state = base if base is not None else engine.without(applicant)
    for program in ranked:
        state, held = engine.propose(state, applicant, program)
        if held:
            return program
    return None


def blocking_pairs(market: Market, matching: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """Pairs who both prefer each other to what they got: none means stable."""
    assigned: dict[str, list[str]] = {p: [] for p in market.programs}
    for applicant, program in matching.items():
        if program is not None:
            assigned[program].append(applicant)
    pairs = []
    for applicant, ranked in market.applicants.items():
        current = matching[applicant]
        better = ranked[: ranked.index(current)] if current else ranked
        for program in better:
            rank = {a: i for i, a in enumerate(market.programs[program])}
            if applicant not in rank:
                continue
            holders = assigned[program]
            if len(holders) < market.seats[program] or any(rank[applicant] < rank[a] for a in holders):
                pairs.append((applicant, program))
    return pairs


def rank_of(ranked: list[str], program: str | None) -> int:
    """Position in the true list; unmatched (or a program not truly ranked) is worst."""
    return ranked.index(program) if program in ranked else len(ranked)


@functools.cache
def count_lists(n: int) -> int:
    """How many non-empty ordered lists can be made from ``n`` programs.

    Each begins with one of the ``n``, alone or followed by a list of the
    rest: summing ``perm(n, k)`` instead took 7 s for the longest market the
    box holds (rank-simulator audit s35, 5)."""
    count = 0
    for length in range(1, n + 1):
        count = length * (1 + count)
    return count


# Past this a count is a number no reader reads, and a screen reader spoke
# all 1,285 digits of one (rank-simulator audit s35, 5).
COUNTED_IN_FULL_BELOW = 10**12


def how_many(n: int) -> str:
    return f"{n:,}" if n < COUNTED_IN_FULL_BELOW else "more than a trillion"


def _covered(tried: int, possible: int, complete: bool) -> str:
    """How much of the possible lists the check answered for: "more than a
    trillion of the more than a trillion" hid a complete check (diff review s35, 6)."""
    if complete:
        return f"Checked all {how_many(possible)}"
    if possible < COUNTED_IN_FULL_BELOW:
        return f"Checked {how_many(tried)} of the {how_many(possible)}"
    return f"Checked a small share ({how_many(tried)}) of the more than a trillion"


class ReorderingCheck(TypedDict):
    tried: int
    possible: int
    complete: bool
    better: list[str]
    note: str


def manipulation_check(market: Market, applicant: str, cap: int = MAX_PROPOSAL_RUNS) -> ReorderingCheck:
    """Try every reordering and shortening of one applicant's list, shortest first.

    Lists that share a beginning share work: the state after the applicant
    has been turned down by that beginning is kept and extended.  Once a
    program holds the applicant, every longer list with that beginning ends
    the same way, so those lists are counted without being run.
    """
    true_list = market.applicants[applicant]
    engine = _Engine(market)
    base = engine.without(applicant)
    honest = outcome_with_list(market, applicant, true_list, base)
    honest_rank = rank_of(true_list, honest)
    n = len(true_list)
    possible = count_lists(n)
    covered, runs = 0, 0
    better: list[str] = []
    frontier: list[tuple[tuple[str, ...], _State]] = [((), base)]
    while frontier and runs < cap:
        next_frontier = []
        for order, state in frontier:
            for program in true_list:
                if program in order or runs >= cap:
                    continue
                runs += 1
                trial = (*order, program)
                after, held = engine.propose(state, applicant, program)
                if held:
                    # Every list starting with ``trial`` ends at ``program``.
                    covered += 1 + count_lists(n - len(trial))
                    if rank_of(true_list, program) < honest_rank:
                        better.append(" > ".join(trial) + (" > …" if len(trial) < n else ""))
                else:
                    covered += 1
                    next_frontier.append((trial, after))
        frontier = next_frontier
    complete = covered == possible
    note = (
        ""
        if complete
        else f"Stopped after {cap:,} trial runs, which settled {how_many(covered)} of the {how_many(possible)} "
        "possible lists, shortest first, so this is a sample, not a proof: to test one particular order, type it "
        "under “A reordered list to try”."
    )
    return {"tried": covered, "possible": possible, "complete": complete, "better": better, "note": note}


def _market_unless_seeded(v: Mapping[str, object]) -> None:
    if v["market"] is None and v["seed"] is None:
        raise InputError("market", "Market is required unless you enter a seed under Random example (seed).")


class Alternative(TypedDict):
    list: list[str]
    result: str | None
    comparison: str  # "better", "the same" or "worse" than the honest result, by the honest list


def _compared(true_list: list[str], result: str | None, honest: str | None) -> str:
    """How a result stands beside the honest one, judged by the applicant's own list."""
    mine, theirs = rank_of(true_list, result), rank_of(true_list, honest)
    return "better" if mine < theirs else "the same" if mine == theirs else "worse"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _choice(applicant: str, true_list: list[str], program: str | None) -> str:
    """A result named with its place on the applicant's honest list: "IM-Coast, Asha's 3rd choice"."""
    if program is None:
        return "unmatched"
    return f"{program}, {applicant}'s {_ordinal(true_list.index(program) + 1)} choice"


class Studied(TypedDict):
    """The applicant studied: their honest result and the other lists tried."""

    applicant: str
    true_list: list[str]
    honest_result: str | None
    alternative: Alternative | None
    reorderings_tried: int
    reorderings_possible: int
    complete: bool
    better_reorderings: list[str]
    note: str


# Said first while a seed replaces the Market box's text.
SEEDED_MARKET_UNUSED = "Market box not used while a seed is set; clear the seed to use it."


class RankSimulatorResult(TypedDict):
    market: str
    seed: int | None
    matching: dict[str, str | None]
    steps: list[str]
    steps_total: int
    stable: bool
    blocking_pairs: list[list[str]]
    studied: Studied
    summary: str
    announced: str
    run_alone: list[str]


def compute(inputs: Mapping[str, object]) -> RankSimulatorResult:
    v = parse_inputs(FIELDS, inputs, (_market_unless_seeded,))
    market = random_market(whole(v, "seed")) if v["seed"] is not None else parse_market(word(v, "market"))
    matching, steps = deferred_acceptance(market)
    studied = _name(str(v["applicant"] or "")) or next(iter(market.applicants))
    # Both are checked before either is used, so the reader hears of both at once.
    errors = []
    if studied not in market.applicants:
        errors.append(
            InputError(
                "applicant",
                f"Applicant to study must be one of: {', '.join(market.applicants)}{_spelled(studied, market.applicants)}.",
            )
        )
    typed_order = str(v["alternative_list"] or "")
    order = [_name(p) for p in typed_order.split(">") if p.strip()]
    unknown = [p for p in order if p not in market.programs]
    ranked = market.applicants.get(studied)
    # A program the applicant never ranked turned "matches nowhere" into a
    # match right above "none gets a program preferred" (rank-packet audit
    # s38, 3): a longer list is not a reordering, so it is refused.
    unranked = [p for p in order if ranked is not None and p not in ranked]
    if typed_order.strip() and not order:
        # " > > " was ignored without a word (rank-packet audit s38, 12).
        errors.append(InputError("alternative_list", "A reordered list to try must name at least one program, not only >."))
    elif unknown or len(set(order)) != len(order):
        which = f" (“{unknown[0]}” is not one{_spelled(unknown[0], market.programs)})" if unknown else " (one is named twice)"
        errors.append(
            InputError(
                "alternative_list",
                f"A reordered list to try must name programs from the market, each once, separated by >{which}.",
            )
        )
    elif unranked:
        why = (
            f"may hold only programs on {studied}'s list ({' > '.join(ranked)}), and “{unranked[0]}” is not one"
            if ranked
            else f"has nothing to reorder: {studied} ranks no programs, so “{unranked[0]}” is not on {studied}'s list"
        )
        errors.append(
            InputError(
                "alternative_list",
                f"A reordered list to try {why}. A list with a program added is a longer list, not a reordering; "
                "adding a program you would attend can only help.",
            )
        )
    raise_all(errors)
    base = _Engine(market).without(studied)
    true_list = market.applicants[studied]
    honest = matching[studied]
    alternative: Alternative | None = None
    if order:
        result = outcome_with_list(market, studied, order, base)
        alternative = {"list": order, "result": result, "comparison": _compared(true_list, result, honest)}
    if v["check_reorderings"]:
        check = manipulation_check(market, studied)
    else:
        check = {
            "tried": 0,
            "possible": count_lists(len(market.applicants[studied])),
            "better": [],
            "complete": False,
            "note": "The reordering check was switched off.",
        }
    pairs = blocking_pairs(market, matching)
    if check["tried"] == 0:
        verdict = "no other lists tried."
    elif check["better"]:
        verdict = f"{len(check['better'])} better (see below)."
    else:
        verdict = "none better." if check["complete"] else "none better in that sample."
    # "0 of 0 possible lists tried, no other lists tried" said of an
    # applicant who ranks nothing (fuzz audit s33, F4).
    summary = f"{studied} matches {honest or 'nowhere'} with an honest list; " + (
        f"{studied} ranks no program, so there is no other list to try."
        if not check["possible"]
        # "checked all 1 possible lists, none better" (rank-packet audit s38, 10).
        else f"{studied} ranks one program, so there is no other order to try."
        if check["possible"] == 1
        # "checked 0 of the 15 possible lists", said with the check off (a11y-phone audit s36, 4).
        else "the reordering check is switched off."
        if not v["check_reorderings"]
        else f"{_covered(check['tried'], check['possible'], check['complete']).lower()} possible lists, {verdict}"
    )
    # An edit to the box beside a seed was announced as "Updated for your
    # inputs" alone, though unused (a11y-phone audit s42, 6).  The reply
    # cannot tell which field was edited, so it is said whenever the inputs
    # hold text for the box beside a seed; a caller that sends no market
    # (the command line's --seed alone) has no box to speak of.
    market_unused = v["seed"] is not None and "market" in inputs and v["market"] is not None
    return {
        "market": market_text(market),
        "seed": whole_or_none(v, "seed"),
        "matching": matching,
        "steps": steps[:MAX_STEPS_SHOWN],
        "steps_total": len(steps),
        "stable": not pairs,
        "blocking_pairs": [list(p) for p in pairs],
        "studied": {
            "applicant": studied,
            "true_list": market.applicants[studied],
            "honest_result": honest,
            "alternative": alternative,
            "reorderings_tried": check["tried"],
            "reorderings_possible": check["possible"],
            "complete": check["complete"],
            "better_reorderings": check["better"],
            "note": check["note"],
        },
        "summary": summary,
        "announced": f"{SEEDED_MARKET_UNUSED} {summary}" if market_unused else summary,
        # "Amir+Bea" ranking single programs ran as one person, in silence
        # (couples audit s43, left over): a name that reads as a couple's is
        # run, and the page says how.
        "run_alone": [name for name in market.applicants if _coupled(name)],
    }


def _run_alone_note(names: Sequence[str]) -> str:
    said = " and ".join(f"“{name}”" for name in names)
    each = "as one applicant" if len(names) == 1 else "each as one applicant"
    return f"{said} {'is' if len(names) == 1 else 'are'} run {each}: {NO_COUPLES}."


def render(result: RankSimulatorResult) -> Markup:
    matching = result["matching"]
    studied = result["studied"]
    steps = result["steps"]
    alt = studied["alternative"]
    applicant = str(studied["applicant"])
    parts = [
        # The studied applicant's outcome is what the reader came for, so it
        # leads and is the headline a phone keeps in view.
        el(
            "p",
            el("strong", str(studied["applicant"]), translate="no"),
            f" ranks {' > '.join(studied['true_list'])} and matches {studied['honest_result'] or 'nowhere'}."
            if studied["true_list"]
            else " ranks no programs, so cannot match.",
            class_="mpb-headline",
        ),
        # The reader made up every program's list; a flat "matches X" read as
        # a forecast (rank-simulator audit s35, 1).  A seed's lists are made
        # up at random, not typed (fuzz audit s40, 5).
        el(
            "p",
            (
                "The programs' lists here are the ones you typed"
                if result.get("seed") is None
                else f"The programs' lists here were made up at random (example {result['seed']})"
            )
            + ": real programs' lists are confidential, so this shows how the algorithm treats a list, not where "
            "you will match." + (f" {_run_alone_note(result['run_alone'])}" if result.get("run_alone") else ""),
        ),
        table(
            ("Applicant", "Matched to"),
            [(as_typed(a), as_typed(p) if p else "unmatched") for a, p in matching.items()],
            caption="The match",
        ),
        el(
            "p",
            "Stable: no applicant and program would both rather be with each other than with their match."
            if result["stable"]
            else "Not stable: " + str(result["blocking_pairs"]),
        ),
    ]
    if result.get("seed") is not None:
        # The seed's market is the input every line above was worked out from.
        parts.append(
            el(
                "details",
                el("summary", f"The market random example {result['seed']} made"),
                el(
                    "p",
                    "While a seed is set the Market box is not used. To change this market, copy it into the box and "
                    "clear the seed.",
                ),
                el("pre", str(result["market"]), class_="mpb-market"),
            )
        )
    if isinstance(alt, dict):
        # Ended with the result alone, "IM-Coast" read as gaming the list
        # working, though it was Asha's 3rd choice and her honest result her
        # 2nd (rank-packet audit s38, 3).
        true_list = studied["true_list"]
        outcome = _choice(applicant, true_list, alt["result"])
        compared = (
            "the same as the honest result"
            if alt["comparison"] == "the same"
            else f"{alt['comparison']} than the honest result, {_choice(applicant, true_list, studied['honest_result'])}"
        )
        parts.append(el("p", f"With the reordered list {' > '.join(alt['list'])}, the result would be {outcome}: {compared}."))
    better = studied["better_reorderings"]
    tried, possible = studied["reorderings_tried"], studied["reorderings_possible"]
    parts.append(
        el(
            "p",
            f"{applicant} ranks no programs, so there is no other list to try."
            if not possible
            else f"{applicant} ranks one program, so there is no other order to try, and a list with no programs "
            "on it cannot match anywhere."
            if possible == 1
            # Switched off, it said "none gets a program preferred" of lists
            # never tried (rank-simulator audit s35, 2).
            else "The reordering check was switched off, so no other lists were tried."
            if not tried
            else f"{_covered(tried, possible, studied['complete'])} possible reorderings and shortenings of that list "
            "(a trial run in which a program holds the applicant answers for every longer list that begins the same "
            "way): "
            + ("none gets a program preferred to the honest result." if not better else f"better: {better}")
            + (f" {studied['note']}" if studied["note"] else ""),
        )
    )
    hidden = int(result["steps_total"]) - len(steps)
    narration = [el("ol", [el("li", s) for s in steps])]
    if hidden > 0:
        narration.append(el("p", f"The first {len(steps):,} steps are shown; {hidden:,} more followed."))
    parts.append(el("details", el("summary", "Step-by-step narration"), narration))
    return el("div", parts, class_="mpb-result-body")


def method() -> Markup:
    return join(
        el(
            "p",
            "Applicants propose to programs in the order of their own lists. Each program tentatively holds the "
            "applicants it ranks highest, up to its positions, and releases the rest, who move on to their next "
            "choice. When no one has a proposal left, the holds become matches. This is deferred acceptance "
            "(Gale and Shapley, 1962), the basis of the NRMP algorithm (Roth and Peranson, 1999). The simulator "
            "lets one applicant apply at a time, so its steps can come in another order than a round-by-round "
            "telling such as the guide's worked example; the matches at the end are the same.",
        ),
        el(
            "p",
            "Because applicants propose, no applicant can do better by misstating their preferences: ranking a "
            "program lower or leaving it off only removes a chance. That holds exactly for this simple model, "
            "with no couples and no supplemental lists. The simulator checks it by brute force: it "
            "tries the studied applicant's possible lists, shortest first, replaying only the chain of offers "
            "and releases that applicant's own applications set off (the match of everyone else is worked out "
            f"once, since the result does not depend on who applies first). It stops after {MAX_PROPOSAL_RUNS:,} "
            "trial runs, which covers every list of up to six programs; for longer lists the result says how many "
            "were checked. That is why the articles advise ranking in "
            f"true order across both specialties ({ARTICLE_ORTHO.title}; {ARTICLE_IMG.title}), and never ranking "
            "a program you would not attend, since a match is binding.",
        ),
        el(
            "p",
            "The real algorithm also handles couples and paired advanced and preliminary positions; this "
            "simulator leaves those out.",
        ),
    )
