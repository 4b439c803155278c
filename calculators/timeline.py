"""Timeline: a dated plan from 18 months before ERAS submission to Match week.

Milestones are placed relative to the reader's submission date, following the
orthopaedics article's staged plan (12-18, 9-12, 6-9, 3-6 and 0-3 months
before submission) and the IMG article's action plan.  NRMP calendar dates
change every year, so the rank-list deadline and Match week are estimated from
their usual place in March and labelled as approximate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from .data import ARTICLE_IMG, ARTICLE_ORTHO, ARTICLE_UNMATCHED, Source
from .fields import BoolField, DateField, parse_inputs
from .html import Markup, el, join, table

NAME = "timeline"
TITLE = "Dated timeline"
SUMMARY = "Turns your ERAS submission date into a month-by-month plan, with a calendar file to download."

APPROXIMATE = "Approximate: check the NRMP's published calendar for your Match year."


@dataclass(frozen=True)
class Step:
    """A milestone ``months`` before (negative) or after submission."""

    months: int
    title: str
    detail: str
    source: Source
    when: str = "always"  # "always", "dual" or "unmatched"


# ============================================================================
# The plan.  Months are counted from the ERAS submission date.
# ============================================================================
STEPS: tuple[Step, ...] = (
    Step(
        -18,
        "Debrief your last application",
        "Ask your dean's office and one or two faculty in your field what held "
        "you back, and write your one-page profile as a program director would see it.",
        ARTICLE_UNMATCHED,
        "unmatched",
    ),
    Step(
        -18,
        "Confirm your first choice",
        "Be honest about whether your target field is realistic, list one or two "
        "possible backups, and start or continue research.",
        ARTICLE_ORTHO,
    ),
    Step(
        -17,
        "Choose: reapply, dual apply or pivot",
        "Decide whether you were borderline or structurally misaligned, and "
        "pick a 12-18 month plan that fixes the exact weakness.",
        ARTICLE_UNMATCHED,
        "unmatched",
    ),
    Step(
        -15,
        "Plan US clinical experience",
        "Arrange rotations or observerships that cover your first choice and any backup, at places with a record of taking IMGs.",
        ARTICLE_IMG,
    ),
    Step(
        -12,
        "Get an honest outside assessment",
        "Ask faculty who know you and an advising office whether your scores, "
        "evaluations and experience support applying to one field.",
        ARTICLE_ORTHO,
    ),
    Step(
        -9,
        "Decide firmly whether to dual apply",
        "Settle it now: letters, statements and rotations all depend on it.",
        ARTICLE_ORTHO,
    ),
    Step(
        -8,
        "Book backup rotations and letter writers",
        "Schedule electives in your backup specialty and identify physicians there who can write for you.",
        ARTICLE_ORTHO,
        "dual",
    ),
    Step(-6, "Request letters", "Ask early and explain your plans; aim for the count each specialty expects.", ARTICLE_IMG),
    Step(
        -5,
        "Draft your personal statement",
        "Write one statement per specialty, never one essay with the name changed; ask a US mentor to review it.",
        ARTICLE_IMG,
    ),
    Step(
        -5,
        "Draft the backup statement",
        "A separate statement for the backup specialty, consistent with the letters and experiences those programs will see.",
        ARTICLE_ORTHO,
        "dual",
    ),
    Step(
        -4,
        "Build your program lists",
        "Research IMG-friendliness and visa sponsorship; keep separate lists per specialty in a tracking spreadsheet.",
        ARTICLE_IMG,
    ),
    Step(-2, "Mentor review of each packet", "Have mentors read the whole application for each specialty.", ARTICLE_ORTHO),
    Step(
        -1,
        "Final review: right documents to the right programs",
        "Check that each program gets the statement and letters written for its specialty (the packet checker helps).",
        ARTICLE_ORTHO,
    ),
    Step(0, "Submit ERAS", "Submit early; late applications lose interviews.", ARTICLE_IMG),
    Step(
        1,
        "Interview season",
        "Keep a log of impressions for every program, prepare specialty-specific answers, and protect your energy.",
        ARTICLE_ORTHO,
    ),
)


def months_from(day: dt.date, months: int) -> dt.date:
    """Same day of the month, ``months`` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def match_week_monday(submission: dt.date) -> dt.date:
    """Third Monday of March after submission: where Match week usually falls."""
    march = dt.date(submission.year + 1, 3, 1)
    first_monday = march + dt.timedelta(days=(0 - march.weekday()) % 7)
    return first_monday + dt.timedelta(weeks=2)


FIELDS = (
    DateField(
        name="eras_submission",
        label="ERAS submission date",
        initial=dt.date(2027, 9, 24),
        earliest=dt.date(2024, 1, 1),
        latest=dt.date(2040, 12, 31),
        help="When you plan to submit your application (YYYY-MM-DD). Applications usually go to programs in late September.",
    ),
    BoolField(
        name="dual_applying",
        label="I am dual applying",
        initial=True,
        help="Adds the backup specialty's rotations, letters and statement.",
    ),
    BoolField(
        name="previously_unmatched",
        label="I applied before and did not match",
        help="Adds a debrief and a reapply-or-pivot decision at the start.",
    ),
)


def compute(inputs: Mapping[str, object]) -> dict[str, object]:
    v = parse_inputs(FIELDS, inputs)
    submission: dt.date = v["eras_submission"]  # type: ignore[assignment]
    wanted = {"always"} | ({"dual"} if v["dual_applying"] else set()) | ({"unmatched"} if v["previously_unmatched"] else set())
    milestones = [
        {"date": months_from(submission, s.months).isoformat(), "title": s.title, "detail": s.detail, "source": s.source.cite()}
        for s in STEPS
        if s.when in wanted
    ]
    if v["dual_applying"]:
        midsummer = dt.date(submission.year, 7, 15)
        latest = min(midsummer, months_from(submission, -2))
        milestones.append(
            {
                "date": latest.isoformat(),
                "title": "Last point to commit to dual applying",
                "detail": "No later than mid-summer before submission, so both applications are complete.",
                "source": ARTICLE_ORTHO.cite(),
            }
        )
    monday = match_week_monday(submission)
    rank_deadline = monday - dt.timedelta(days=12)
    for day, title, detail in (
        (
            rank_deadline,
            "Certify your rank order list",
            "Rank in true order of preference, across both specialties. " + APPROXIMATE,
        ),
        (
            monday,
            "Match week begins; SOAP if unmatched",
            "You learn on Monday whether you matched; SOAP offers run from "
            "Monday to Thursday for eligible applicants. " + APPROXIMATE,
        ),
        (monday + dt.timedelta(days=4), "Match Day", "Results are released on Friday. " + APPROXIMATE),
    ):
        milestones.append({"date": day.isoformat(), "title": title, "detail": detail, "source": "NRMP calendar (approximate)"})
    milestones.sort(key=lambda m: m["date"])
    return {
        "inputs": {k: (val.isoformat() if isinstance(val, dt.date) else val) for k, val in v.items()},
        "milestones": milestones,
        "ics": to_ics(milestones, submission),
        "summary": f"{len(milestones)} milestones from {milestones[0]['date']} to {milestones[-1]['date']}.",
    }


# --- iCalendar (RFC 5545) --------------------------------------------------------
def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into chunks of at most 75 octets, as RFC 5545 asks."""
    chunks, current = [], ""
    for char in line:
        limit = 75 if not chunks else 74  # continuation lines start with a space
        if len((current + char).encode()) > limit:
            chunks.append(current)
            current = char
        else:
            current += char
    chunks.append(current)
    return [chunks[0], *(" " + c for c in chunks[1:])]


def to_ics(milestones: list[dict[str, str]], submission: dt.date) -> str:
    # Derived from the inputs, not the clock, so a build is reproducible.
    stamp = f"{submission.strftime('%Y%m%d')}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Match Plan B//Timeline//EN", "CALSCALE:GREGORIAN"]
    for index, m in enumerate(milestones):
        day = dt.date.fromisoformat(m["date"])
        uid = hashlib.sha256(f"{m['date']}|{index}|{m['title']}".encode()).hexdigest()[:24]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@matchplanb.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(m['title'])}",
            f"DESCRIPTION:{_escape(m['detail'] + ' Source: ' + m['source'])}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(chunk + "\r\n" for line in lines for chunk in _fold(line))


def render(result: Mapping[str, object]) -> Markup:
    milestones: list[dict[str, str]] = result["milestones"]  # type: ignore[assignment]
    href = "data:text/calendar;charset=utf-8," + quote(str(result["ics"]))
    return el(
        "div",
        el("p", result["summary"]),
        el(
            "p",
            el("a", "Download the calendar (.ics)", href=href, download="match-plan-b-timeline.ics", class_="md-button"),
            " It imports into Google Calendar, Apple Calendar and Outlook; it is made in your browser.",
        ),
        table(
            ("Date", "Milestone", "What to do", "Source"),
            [(m["date"], el("strong", m["title"]), m["detail"], m["source"]) for m in milestones],
            caption="Your plan, in date order",
        ),
        class_="mpb-result-body",
    )


def method() -> Markup:
    return join(
        el(
            "p",
            "Each milestone sits a fixed number of months before or after your submission date, on the same day of "
            "the month. The stages follow the orthopaedics article's plan (12-18, 9-12, 6-9, 3-6 and 0-3 months "
            "before submission) and the IMG article's action plan; dual applying adds the backup's rotations, "
            "letters and statement and a mid-summer decision deadline; a past no-match adds a debrief and a "
            "reapply-or-pivot decision from the no-match article.",
        ),
        el(
            "p",
            "The rank-list deadline (about 12 days before Match week), Match week (the third week of March, "
            "SOAP Monday to Thursday) and Match Day (that Friday) are estimates of where NRMP usually places them. "
            + APPROXIMATE,
        ),
        table(
            ("Months from submission", "Milestone", "When", "Source"),
            [
                (
                    str(s.months),
                    s.title,
                    {"always": "everyone", "dual": "dual applicants", "unmatched": "reapplicants"}[s.when],
                    s.source.cite(),
                )
                for s in STEPS
            ],
        ),
    )
