"""Rank simulator: why ranking programs in true preference order is safe.

Runs applicant-proposing deferred acceptance (Gale and Shapley, 1962), the
idea at the heart of the NRMP algorithm (Roth and Peranson, 1999), on a small
market the reader writes or generates, narrates each step, checks stability
by brute force, and tries every reordering of one applicant's list to show
that none gets that applicant a program they prefer to their honest result.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .data import ARTICLE_IMG, ARTICLE_ORTHO
from .fields import InputError, IntField, TextField, parse_inputs
from .html import Markup, el, join, table

NAME = "rank_simulator"
TITLE = "Rank order list simulator"
SUMMARY = "Runs the matching algorithm on a small market and shows why honest ranking cannot hurt you."

# Reorderings grow factorially; beyond this list length only the honest and
# the reader's alternative lists are compared.
MAX_LIST_FOR_FULL_CHECK = 6

DEFAULT_MARKET = """# Applicants rank programs; programs (with positions) rank applicants.
# Asha ranks an internal medicine and a family medicine program together,
# in the order she truly prefers them, regardless of specialty.
Asha: IM-Metro > FM-Valley > IM-Coast
Ben: IM-Metro > IM-Coast
Chen: FM-Valley > IM-Metro
Dana: IM-Coast > FM-Valley > IM-Metro

IM-Metro (1): Ben > Asha > Chen > Dana
IM-Coast (1): Asha > Dana > Ben
FM-Valley (1): Dana > Asha > Chen
"""

LINE = re.compile(r"^(?P<name>[^:()>]+?)\s*(?:\((?P<seats>\s*-?\d+\s*)\))?\s*:\s*(?P<list>.*)$")

FIELDS = (
    TextField(
        name="market",
        label="Market",
        initial=DEFAULT_MARKET,
        rows=12,
        max_chars=5_000,
        help="One line per applicant (Name: A > B) and per program (Name (positions): X > Y). Lines starting with # are ignored.",
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
        help="For example FM-Valley > IM-Metro. Empty tries only the automatic check.",
    ),
)


@dataclass(frozen=True)
class Market:
    applicants: dict[str, list[str]]
    programs: dict[str, list[str]]
    seats: dict[str, int]


def parse_market(text: str) -> Market:
    applicants: dict[str, list[str]] = {}
    programs: dict[str, list[str]] = {}
    seats: dict[str, int] = {}
    lines: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            raise InputError("market", f"Market, line {number}: write “Name: A > B” or “Program (2): X > Y”.")
        name = match["name"].strip()
        ranked = [part.strip() for part in match["list"].split(">") if part.strip()]
        if name in applicants or name in programs:
            raise InputError("market", f"Market, line {number}: “{name}” is defined twice.")
        if len(set(ranked)) != len(ranked):
            raise InputError("market", f"Market, line {number}: a name appears twice in {name}'s list.")
        lines[name] = number
        if match["seats"] is not None:
            count = int(match["seats"])
            if count < 1:
                raise InputError("market", f"Market, line {number}: {name} needs at least 1 position.")
            programs[name], seats[name] = ranked, count
        else:
            applicants[name] = ranked
    if not applicants or not programs:
        raise InputError("market", "Market must define at least one applicant and one program (with its positions).")
    for name, ranked in applicants.items():
        for program in ranked:
            if program not in programs:
                raise InputError("market", f"Market, line {lines[name]}: {name} ranks “{program}”, which is not a program.")
    for name, ranked in programs.items():
        for applicant in ranked:
            if applicant not in applicants:
                raise InputError("market", f"Market, line {lines[name]}: {name} ranks “{applicant}”, who is not an applicant.")
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


def deferred_acceptance(market: Market) -> tuple[dict[str, str | None], list[str]]:
    """Applicant-proposing deferred acceptance with program capacities."""
    next_choice = dict.fromkeys(market.applicants, 0)
    held: dict[str, list[str]] = {p: [] for p in market.programs}
    free = list(market.applicants)
    steps: list[str] = []
    while free:
        applicant = free.pop(0)
        ranked = market.applicants[applicant]
        if next_choice[applicant] >= len(ranked):
            steps.append(f"{applicant} has no programs left to try and stays unmatched.")
            continue
        program = ranked[next_choice[applicant]]
        next_choice[applicant] += 1
        prefs = market.programs[program]
        if applicant not in prefs:
            steps.append(f"{applicant} applies to {program}, which did not rank {applicant}: rejected.")
            free.insert(0, applicant)
            continue
        held[program].append(applicant)
        held[program].sort(key=prefs.index)
        if len(held[program]) > market.seats[program]:
            bumped = held[program].pop()
            if bumped == applicant:
                steps.append(
                    f"{applicant} applies to {program}, whose positions are held by applicants it ranks higher: rejected."
                )
            else:
                steps.append(
                    f"{applicant} applies to {program}, which prefers {applicant} to {bumped}: "
                    f"{applicant} is held tentatively and {bumped} is released."
                )
            free.insert(0, bumped)
        else:
            steps.append(f"{applicant} applies to {program}, which has a free position: held tentatively.")
    matching: dict[str, str | None] = dict.fromkeys(market.applicants)
    for program, applicants in held.items():
        for applicant in applicants:
            matching[applicant] = program
    steps.append("No one has an offer left to make, so every tentative hold becomes a match.")
    return matching, steps


def blocking_pairs(market: Market, matching: Mapping[str, str | None]) -> list[tuple[str, str]]:
    """Pairs who both prefer each other to what they got: none means stable."""
    pairs = []
    for applicant, ranked in market.applicants.items():
        current = matching[applicant]
        better = ranked[: ranked.index(current)] if current else ranked
        for program in better:
            prefs = market.programs[program]
            if applicant not in prefs:
                continue
            assigned = [a for a, p in matching.items() if p == program]
            if len(assigned) < market.seats[program] or any(prefs.index(applicant) < prefs.index(a) for a in assigned):
                pairs.append((applicant, program))
    return pairs


def rank_of(ranked: list[str], program: str | None) -> int:
    """Position in the true list; unmatched (or a program not truly ranked) is worst."""
    return ranked.index(program) if program in ranked else len(ranked)


def manipulation_check(market: Market, applicant: str) -> dict[str, object]:
    true_list = market.applicants[applicant]
    honest = deferred_acceptance(market)[0][applicant]
    if len(true_list) > MAX_LIST_FOR_FULL_CHECK:
        return {"tried": 0, "better": [], "note": f"Lists longer than {MAX_LIST_FOR_FULL_CHECK} are not enumerated."}
    tried, better = 0, []
    for size in range(1, len(true_list) + 1):
        for order in itertools.permutations(true_list, size):
            tried += 1
            trial = Market({**market.applicants, applicant: list(order)}, market.programs, market.seats)
            result = deferred_acceptance(trial)[0][applicant]
            if rank_of(true_list, result) < rank_of(true_list, honest):
                better.append(" > ".join(order))
    return {"tried": tried, "better": better, "note": ""}


def compute(inputs: Mapping[str, object]) -> dict[str, object]:
    v = parse_inputs(FIELDS, inputs)
    market = random_market(int(v["seed"])) if v["seed"] is not None else parse_market(str(v["market"]))  # type: ignore[call-overload]
    matching, steps = deferred_acceptance(market)
    studied = str(v["applicant"] or "").strip() or next(iter(market.applicants))
    if studied not in market.applicants:
        raise InputError("applicant", f"Applicant to study must be one of: {', '.join(market.applicants)}.")
    alternative = None
    if str(v["alternative_list"] or "").strip():
        order = [p.strip() for p in str(v["alternative_list"]).split(">") if p.strip()]
        unknown = [p for p in order if p not in market.programs]
        if unknown or len(set(order)) != len(order):
            raise InputError(
                "alternative_list", "A reordered list to try must name programs from the market, each once, separated by >."
            )
        trial = Market({**market.applicants, studied: order}, market.programs, market.seats)
        alternative = {"list": order, "result": deferred_acceptance(trial)[0][studied]}
    check = manipulation_check(market, studied)
    honest = matching[studied]
    return {
        "market": market_text(market),
        "matching": matching,
        "steps": steps,
        "stable": not blocking_pairs(market, matching),
        "blocking_pairs": [list(p) for p in blocking_pairs(market, matching)],
        "studied": {
            "applicant": studied,
            "true_list": market.applicants[studied],
            "honest_result": honest,
            "alternative": alternative,
            "reorderings_tried": check["tried"],
            "better_reorderings": check["better"],
            "note": check["note"],
        },
        "summary": f"{studied} matches {honest or 'nowhere'} with an honest list; {check['tried']} other orderings "
        + ("tried, none better." if not check["better"] else f"tried, {len(check['better'])} better (see below)."),
    }


def render(result: Mapping[str, object]) -> Markup:
    matching: dict[str, str | None] = result["matching"]  # type: ignore[assignment]
    studied: dict[str, object] = result["studied"]  # type: ignore[assignment]
    steps: list[str] = result["steps"]  # type: ignore[assignment]
    alt = studied["alternative"]
    parts = [
        table(("Applicant", "Matched to"), [(a, p or "unmatched") for a, p in matching.items()], caption="The match"),
        el(
            "p",
            "Stable: no applicant and program would both rather be with each other than with their match."
            if result["stable"]
            else "Not stable: " + str(result["blocking_pairs"]),
        ),
        el(
            "p",
            el("strong", str(studied["applicant"])),
            f" ranks {' > '.join(studied['true_list'])} and matches "  # type: ignore[arg-type]
            f"{studied['honest_result'] or 'nowhere'}.",
        ),
    ]
    if isinstance(alt, dict):
        parts.append(
            el("p", f"With the reordered list {' > '.join(alt['list'])}, the result would be {alt['result'] or 'unmatched'}.")
        )
    better: list[str] = studied["better_reorderings"]  # type: ignore[assignment]
    parts.append(
        el(
            "p",
            f"Tried {studied['reorderings_tried']} reorderings and shortenings of that list: "
            + ("none gets a program preferred to the honest result." if not better else f"better: {better}")
            + (f" {studied['note']}" if studied["note"] else ""),
        )
    )
    parts.append(el("details", el("summary", "Step-by-step narration"), el("ol", [el("li", s) for s in steps])))
    return el("div", parts, class_="mpb-result-body")


def method() -> Markup:
    return join(
        el(
            "p",
            "Applicants propose to programs in the order of their own lists. Each program tentatively holds the "
            "applicants it ranks highest, up to its positions, and releases the rest, who move on to their next "
            "choice. When no one has a proposal left, the holds become matches. This is deferred acceptance "
            "(Gale and Shapley, 1962), the basis of the NRMP algorithm (Roth and Peranson, 1999).",
        ),
        el(
            "p",
            "Because applicants propose, no applicant can do better by misstating their preferences: ranking a "
            "program lower or leaving it off only removes a chance. The simulator checks this by brute force "
            f"for lists of up to {MAX_LIST_FOR_FULL_CHECK} programs. That is why the articles advise ranking in "
            f"true order across both specialties ({ARTICLE_ORTHO.title}; {ARTICLE_IMG.title}), and never ranking "
            "a program you would not attend, since a match is binding.",
        ),
        el(
            "p",
            "The real algorithm also handles couples and paired advanced and preliminary positions; this "
            "simulator leaves those out.",
        ),
    )
