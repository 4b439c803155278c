"""What the guides say of where the Match season stands on a given day.

The guides are built on one day and read for months, so their words on the
season (when to register, what a reader short of interviews can still do,
which Match still takes a reader after a no-match) are chosen by the build's
date.  The choices live here, in Python beside the season's dates, and the
macros only place them on a page (coderead audit s41, 2): each function takes
``today``, so a test can ask any day of the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from . import cycle, data
from .html import Markup, capitalised, el, join, long_date, number_word

# The SOAP page, as a Markdown link from the pages that print
# short_of_interviews: each sits one folder below docs/ (apply/, backup/; a
# test holds them there), and MkDocs rewrites a link to a .md file for the
# hosted site and for the offline copy alike, where an <a href> would hold
# only one of the two forms.
SOAP_PAGE_LINK = "[SOAP and a non-residency Plan B](../unmatched/soap-and-plan-b.md)"
# What the short-of-interviews list is for once the running season's rank
# lists are closed: the items were written for the weeks before a deadline
# and read as if for the running season ("widen now", "register").
LIST_FOR_NEXT_SEASON = (
    "The items below were written for the weeks before a season's rank-list deadline: from here on they are for "
    "your next season, while its programs are interviewing:"
)


def as_of(today: dt.date) -> str:
    """When the guides' season and dates were current: "as of <build date>, when this page was built".

    A page keeps the season of the day it was built, for as long as it is
    hosted or kept offline, while the timeline calculator beside it counts
    from the reader's own date; each block that names the season says this
    once, so a reader of an old build can tell.
    """
    return f"as of {long_date(today)}, when this page was built"


def date_shown(key: str, today: dt.date, match_year: int | None = None, on: bool = False, cited: bool = True) -> Markup:
    """One milestone's date with its season and source, e.g. the rank-list deadline.

    ``on`` writes the preposition too ("on 20 March", but "around 19 March"
    for an estimate), where a page's "on" before the macro read "on around".
    ``cited=False`` leaves the source to ``cited_once`` at the sentence's end."""
    if key not in cycle.MILESTONE_BY_KEY:
        raise KeyError(f"No cycle milestone {key!r}; known: {', '.join(cycle.MILESTONE_BY_KEY)}")
    year = match_year or cycle.coming_season(today)
    day = cycle.season(year)[key]
    passed = cycle.MILESTONE_BY_KEY[key].deadline and day.date < today
    shown, later = day.in_words_parts(on, passed)
    if passed:
        # Pages name the running season until its Match Day, so for weeks
        # after the deadline a page still said "register now, by" a day gone
        # by; an early estimate may not be the NRMP's real, later deadline.
        said = cycle.closed_said(year, today)
        if said in ("open", "may still be open"):
            shown += " that has passed: the NRMP's own deadline may be later, so check its calendar and act at once"
        elif said == "almost certainly closed":
            # Past the latest day the NRMP's own can plausibly fall, "may be
            # later" gave false hope and sent a certified reader to check in
            # a panic (soap audit s55, 3).
            shown += (
                f" that has passed, and the NRMP's own has almost certainly passed too ({cycle.deadline_gaps_said()}): "
                f"the Match {year} takes no more registrations or rank lists"
            )
        else:
            shown += f"; it has passed, and the Match {year} takes no more registrations or rank lists"
    if not cited:
        return el("strong", shown + (f" ({later})" if later else ""))
    if later:
        return join(el("strong", shown), f" ({later}; ", el("span", day.cite(), class_="mpb-cite"), ")")
    return join(el("strong", shown), " ", el("span", f"({day.cite()})", class_="mpb-cite"))


def cited_once(keys: Sequence[str], today: dt.date, match_year: int | None = None) -> Markup:
    """The sources of one sentence's dates in one bracket, each said once:
    the timeline guide's anchor paragraph gave "estimated by rule; the
    published date is not in our data" after four dates of five, 217 words
    read aloud (a11y-new audit s43, 4).  Estimates are said "around" or
    "set early on purpose" by the dates themselves."""
    year = match_year or cycle.coming_season(today)
    days = [cycle.season(year)[key] for key in keys]
    said = list(dict.fromkeys(day.cite() for day in days if not day.estimated))
    estimated = sum(day.estimated for day in days)
    if estimated == 1 and not said:
        said.append(next(day.cite() for day in days if day.estimated))
    elif estimated:
        which = (
            ("the other" if estimated == 1 else "the others") if said else f"Match {year}: {'both' if estimated == 2 else 'all'}"
        )
        dates = "date is" if estimated == 1 else "dates are"
        said.append(f"{which} estimated by rule; the published {dates} not in our data")
    return el("span", f"({'; '.join(said)})", class_="mpb-cite")


def tensed(key: str, today: dt.date, ahead: str, past: str, match_year: int | None = None) -> str:
    """``past`` once a milestone of the page's season is behind the build
    date, else ``ahead``: the verb beside ``date_shown`` for a day that is no
    deadline.  Built in Match Week, the SOAP page said that Match Week
    "starts" on the day before (reapply-anes audit s42, 5)."""
    year = match_year or cycle.coming_season(today)
    return cycle.tensed(cycle.season(year)[key].date, today, ahead, past)


def planning_note(today: dt.date) -> Markup:
    """Which season the page's dates and the timeline calculator are for, and why they may differ.

    The page's season is the one running on the build's date.  Between the
    review start and Match Day that season is closed to new applicants, and
    the calculator, given no submission date, plans the next one.  The
    calculator also counts from the reader's own date, which moves on while
    the page stays as built, so the note is there even when the two agree.
    """
    running, open_ = cycle.coming_season(today), cycle.next_open_season(today)
    pages_season = f"{capitalised(as_of(today))}, the season dates on this page are for the Match {running}"
    if running == open_:
        planned: list[object] = [
            f"{pages_season}, the next season you can still apply to on time; given no submission date, the calculator "
            "plans the same season."
        ]
    else:
        planned = [
            f"{pages_season}, which is still running: programs started reviewing its applications ",
            date_shown("programs_receive", today, running, on=True),
            f". On the day this page was built, given no submission date, the calculator plans the Match {open_} "
            "instead, the next season you can still apply to on time.",
        ]
    return el(
        "p",
        *planned,
        " The calculator counts from today's date on your device, and this page from the day it was built: where "
        "they name different seasons, the calculator's is the one for today.",
    )


# Where registration for the page's season stands on the build date: the
# NRMP's stages (cycle.registration), with "not open yet" before its first
# day and "almost certainly closed" as cycle.closed_said has it.
RegistrationStage = Literal["not open yet", "on-time", "late-fee", "may-be-open", "almost certainly closed", "closed"]


def registration_stage(today: dt.date) -> tuple[int, RegistrationStage]:
    """The page's season and where its registration stands on ``today``.
    The rank-list guide's lead and the timeline guide's advice each switched
    on the stage in their own way (diff review s55b, 9)."""
    year = cycle.coming_season(today)
    stage = cycle.registration(year, today)
    if stage == "on-time" and today < cycle.season(year)["registration_opens"].date:
        return year, "not open yet"
    if stage == "closed" and cycle.closed_said(year, today) == "almost certainly closed":
        return year, "almost certainly closed"
    return year, stage


def registration_advice(today: dt.date) -> Markup:
    """When to register with the NRMP for the season the page names, said for
    the day the page was built: "register as soon as it opens" stood on the
    page in December, after both registration's opening and its no-late-fee
    date had gone by (season-now audit s31, 4)."""
    year, stage = registration_stage(today)
    stays_open = (
        "Registration stays open, with the late fee, until the rank-list deadline (NRMP Main Match calendar, read for "
        f"the {data.RANK_DEADLINE_HOUR_SEEN[1]} Match)"
    )
    if stage in ("not open yet", "on-time"):
        not_yet = stage == "not open yet"
        return join(
            "It opens " if not_yet else "It opened ",
            date_shown("registration_opens", today),
            ", usually a week or two after applications open, and after ",
            date_shown("early_registration_ends", today),
            " the NRMP charges a late fee: register as soon as it opens. "
            if not_yet
            else " the NRMP charges a late fee: register before then. ",
            stays_open,
            ", so if you miss the early date you can still register, with the fee, ",
            date_shown("late_registration_ends", today),
            ": an applicant who is not registered cannot match.",
        )
    if stage == "late-fee":
        return join(
            "It opened ",
            date_shown("registration_opens", today),
            ", and registering without the late fee ended ",
            date_shown("early_registration_ends", today),
            ". ",
            stays_open,
            f": if you applied for the Match {year} and have not registered, do it now, with the fee, ",
            date_shown("late_registration_ends", today),
            ". An applicant who is not registered cannot match.",
        )
    return join(
        "It opened ",
        date_shown("registration_opens", today),
        ". The NRMP takes registrations, with the late fee, until the rank lists are certified: ",
        date_shown("late_registration_ends", today),
        ". An applicant who is not registered cannot match.",
    )


def last_useful_day(today: dt.date, short: bool = False, below_short_of_interviews: bool = False) -> str:
    """The last day a new application for the coming Match is likely to bring
    an interview, as of the build, with what follows from it: "late
    December" left a reader on 7 December to guess (midseason audit s52, 1),
    and "send this week" stood beside "was about 20 December" on a page built
    after it (diff review s52b, 1).  ``short``: its first two sentences
    only, for a page that has given the rule in full above (prelim54's note:
    the timeline guide printed its 120 words twice).

    Sentences of 35 words or fewer, the basis in its own: a bracket of two
    reasons ran the first to 38 (interview audit s56, 11).  Where the
    rank-list deadline is our early estimate, cycle's hedge follows, before
    the day and after it, so neither "unlikely to bring an interview" nor
    "ranking what you have" reads as a hard cut-off (interview audit s56,
    7).  ``below_short_of_interviews``: the page gives ``short_of_interviews``
    just above, and on the days that says the hedge it is not said twice."""
    year = cycle.coming_season(today)
    last = cycle.last_day_for_an_interview(year)
    lead = f"For the Match {year}, the last useful day to send a new application"
    hedge = "" if below_short_of_interviews and _hedged_when_too_late(today) else cycle.later_deadline_hedge(year, today)
    if today <= last:
        first = (
            f"{lead} is about {long_date(last)} ({as_of(today)}). One sent later is unlikely to bring an interview "
            "before the rank lists close."
        )
        rest = [
            cycle.INTERVIEW_RULE,
            cycle.last_day_basis_said(year),
            hedge,
            f"{cycle.EARLY_APPLICANTS}, so an application sent this week is worth more than a polished one sent next month.",
        ]
    else:
        first = (
            f"{lead} was about {long_date(last)} ({as_of(today)}). One sent now is unlikely to bring an interview "
            "before the rank lists close, so ranking what you have, SOAP and the next season are what remain."
        )
        rest = [cycle.INTERVIEW_RULE, cycle.last_day_basis_said(year), hedge]
    return first if short else " ".join([first, *(part for part in rest if part)])


def _hedged_when_too_late(today: dt.date) -> bool:
    """Whether ``short_of_interviews`` gives cycle's hedge on ``today``: from
    the day after the last useful day until the rank-list deadline."""
    year = cycle.coming_season(today)
    return cycle.too_late_for_interviews(year, today) and today < cycle.season(year)["rank_deadline"].date


# Spans said in months, as a reader says them: "about two months".  The
# words are the backup finder's, not a twin of them (diff review s55b, 9).
AVERAGE_MONTH_DAYS = 30.44


def about_months(days: int) -> str:
    months = round(days / AVERAGE_MONTH_DAYS)
    return f"about {number_word(months)} {'month' if months == 1 else 'months'}"


def last_useful_lead(today: dt.date) -> str:
    """How long before the rank lists close the last useful day falls, by
    the same rule ("about two months"): the guides said "a few weeks", which
    let a reader short of interviews in early January wait on, while the
    last useful day beside it had passed on 20 December (guides audit s55, 1).
    Here, not in the macros, with the season's other words (diff review
    s55b, 9)."""
    year = cycle.coming_season(today)
    deadline = cycle.season(year)["rank_deadline"].date
    return about_months((deadline - cycle.last_day_for_an_interview(year)).days)


def bridge_year_clock(today: dt.date) -> Markup:
    """When the next ERAS season opens and sends applications, against the
    start of the next bridge year (1 July): bridges.md said a season opens
    "within a few months" of the start, when it opens in June, before the
    year starts (guides audit s55, 6).  The year is the next one to start on
    or after ``today``; the season is the one applied to during it.  Built
    between ERAS's opening and 1 July, it said ERAS "opens" on a day gone by
    (diff review s55b, 9)."""
    start = cycle.training_starts(today.year)
    if start < today:
        start = cycle.training_starts(today.year + 1)
    season = start.year + 1
    dates = cycle.season(season)
    opens, sends = dates["eras_opens"].date, dates["submissions_open"].date
    if opens <= start:
        rule = (
            "The next ERAS season is already open when a bridge year starts, and applications go to programs "
            f"{about_months((sends - start).days)} into the year."
        )
    else:
        rule = f"The next ERAS season opens {about_months((opens - start).days)} into a bridge year."
    return join(
        rule,
        f" For a year that starts on {long_date(start)}, ERAS for the Match {season} ",
        "opened " if opens <= today else "opens ",
        date_shown("eras_opens", today, season, cited=False),
        " and applications can go to programs from ",
        date_shown("submissions_open", today, season, cited=False),
        " ",
        cited_once(("eras_opens", "submissions_open"), today, season),
        ".",
    )


def short_of_interviews(today: dt.date, standalone: bool = False) -> Markup:
    """Where the season stands for a reader who has applied and has few
    interviews, said for the day the page was built (running text, inside
    the guide's own paragraph): the same words all year
    told a reader in March that they could still send applications, and one
    in June that programs "have been reviewing since" September (diff review
    s31, 2).

    ``standalone`` ends each state with a full stop rather than leading into
    the timeline's list: a playbook puts it in a note at its top, where "the
    advice above" and "the first item below" would point at nothing (usmd-ortho
    audit s41, 6)."""
    year = cycle.coming_season(today)
    dates = cycle.season(year)
    lead = f"{capitalised(as_of(today))}, "
    later_than = "a plan made months ahead assumes." if standalone else "the advice above assumes:"
    if today < dates["programs_receive"].date:
        return join(
            lead,
            f"programs start reviewing applications for the Match {year} ",
            date_shown("programs_receive", today, year),
            ": until then, few invitations say little. If they stay few after that, the season is not over, though "
            f"it is later in it than {later_than}",
        )
    # On the rank-list deadline and after it, up to Match Day, the list under
    # this paragraph can no longer serve the running season: it said "still
    # applies" over "register" and "get ready for SOAP now, not in Match
    # Week" while SOAP was running (reapply-anes audit s42, 1).  SOAP is what
    # remains of the season, so the lead names it and its dates, and hands
    # the list on to the next season.
    to_next = "" if standalone else f" {LIST_FOR_NEXT_SEASON}"
    soap_remains: list[object] = [
        "SOAP, in its Match Week from ",
        date_shown("match_week", today, year),
        f": if you might be eligible, get ready for it now ({SOAP_PAGE_LINK}).",
    ]
    if today < dates["rank_deadline"].date:
        # From late December the calculators that point here say a new
        # application is too late, and this paragraph still said "the season
        # is not over" above "send more now" (diff review s41, second, 1).
        # The same hedge as the last useful day's, where "a week or two
        # more" said nothing of interviews (interview audit s56, 7).
        hedge = cycle.later_deadline_hedge(year, today)
        verdict = (
            ". An application sent now is unlikely to bring an interview before then, so ranking what you have, SOAP "
            f"and the next season are what remain.{' ' if hedge else ''}{hedge}"
            + ("" if standalone else " What follows the first item below still applies:")
            if cycle.too_late_for_interviews(year, today)
            else f". If you applied and invitations are few, the season is not over, though it is later in it than {later_than}"
        )
        return join(
            lead,
            f"programs have been reviewing applications for the Match {year} since ",
            date_shown("programs_receive", today, year),
            ", and its rank lists are certified ",
            date_shown("rank_deadline", today, year),
            verdict,
        )
    if today == dates["rank_deadline"].date:
        return join(
            lead,
            f"the Match {year}'s rank lists are certified ",
            date_shown("rank_deadline", today, year),
            ", which is today: certify yours, and register with the NRMP if you have not, before the hour its "
            f"calendar gives.{cycle.too_late_caveat(year, today)} An application sent now is unlikely to bring an interview "
            "in time, so after your list, what remains of this season is ",
            *soap_remains,
            to_next,
        )
    said = cycle.closed_said(year, today)
    if said == "may still be open":
        return join(
            lead,
            f"our estimate of the Match {year}'s rank-list deadline has passed, and the NRMP's own may be days away: "
            "check its calendar at once, to certify your list (and register, if you have not) while it is open. An "
            "application sent now is unlikely to bring an interview in time, so after your list, what remains of this "
            "season is ",
            *soap_remains,
            to_next,
        )
    closed = "have almost certainly closed" if said == "almost certainly closed" else "are certified"
    certified = f"the Match {year}'s rank lists {closed}, so no new application can lead to a match in it"
    if today < dates["match_week"].date:
        return join(lead, f"{certified}. What remains of this season is ", *soap_remains, to_next)
    if today <= dates["soap_ends"].date:
        # As the timeline calculator's Match Week note says it.
        return join(
            lead,
            f"{certified}. SOAP for the Match {year} is running now, until ",
            date_shown("soap_ends", today, year),
            f": if you are eligible, it comes first ({SOAP_PAGE_LINK}).{to_next}",
        )
    return join(
        lead,
        f"{certified}, and its SOAP ended ",
        date_shown("soap_ends", today, year, on=True),
        f". An applicant SOAP did not place {cycle.may_contact_after_soap(year, today)}, as the NRMP's rules for after SOAP "
        f"allow ({SOAP_PAGE_LINK}).{to_next}",
    )


def next_open_dates(today: dt.date) -> Markup:
    """Once the running season is under review, the next season's submission
    and review days, which a plan made now counts back from: the timeline
    guide's anchor paragraph gave only the running season's, all of them past
    by October (season-dates audit s43, 5).  Empty while the two are one."""
    running, open_ = cycle.coming_season(today), cycle.next_open_season(today)
    if running == open_:
        return Markup("")
    return join(
        f"For the Match {running} those days are behind you; the next season you can apply to on time is the Match "
        f"{open_}, whose applications can go to programs from ",
        date_shown("submissions_open", today, open_, cited=False),
        " and whose review starts ",
        date_shown("programs_receive", today, open_, on=True, cited=False),
        " ",
        cited_once(("submissions_open", "programs_receive"), today, open_),
        ". ",
    )


# What adding a ResidencyCAS field late leaves a reader, by its state.
RESIDENCYCAS_LATE_ADDITION = {
    "open": "so emergency medicine or OB/GYN can still be added only before that day: check ResidencyCAS's own dates.",
    "may-have-closed": "and adding emergency medicine or OB/GYN now may no longer be possible.",
    "closed": "so emergency medicine and OB/GYN can no longer be added this season.",
}


# What part of a month a day falls in, as "late September" says it.
PARTS_OF_A_MONTH = ((10, "early"), (20, "mid"), (31, "late"))


def part_of_month(day: dt.date) -> str:
    part = next(word for last, word in PARTS_OF_A_MONTH if day.day <= last)
    return f"{part} {day:%B %Y}"


def residencycas_now(today: dt.date, short: bool = False) -> Markup:
    """ResidencyCAS's deadline for the running season in the tense of
    ``today``, and what it leaves a reader adding a field late: the timeline
    guide said "may not be possible" on a day other pages called the fields
    closed (season-dates audit s43, 4).

    ``short``: the deadline as a clause after "whose ResidencyCAS", by the
    part of its month, for a sentence after the full one, which gives the day
    and its source.  Two pages typed "closes in late September" as a fact of
    every season (diff review s55b, 10)."""
    year = cycle.coming_season(today)
    state = cycle.residencycas_state(year, today)
    if short:
        verb = {"open": "closes", "may-have-closed": "may have closed", "closed": "closed"}[state]
        day = cycle.residencycas_deadline_day(year)[0]
        return Markup(f"{verb} to applications for the Match {year} in {part_of_month(day)}")
    return join("It ", cycle.residencycas_deadline(year, today), ", ", RESIDENCYCAS_LATE_ADDITION[state])


def after_a_no_match(today: dt.date) -> Markup:
    """Which Match still takes a reader whose no-match was not this week, late
    or on time, with its dates.  The no-match guide was written for the days
    after Match Week, and a reader who did not match last March found no date
    in it (season audit s22, 2)."""
    running, open_ = cycle.coming_season(today), cycle.next_open_season(today)
    opens = date_shown("submissions_open", today, open_)
    lead = f"{capitalised(as_of(today))}, "
    if running == open_:
        # Weeks after Match Day the page gave only the next season, where the
        # timeline calculator led with what the spring after SOAP still holds
        # (season-dates audit s43, 8): the same words, from cycle.
        after_soap = cycle.after_soap_season(today)
        spring: list[object] = (
            [f"{cycle.after_soap(after_soap, today)} {cycle.AFTER_SOAP_POINTER} The next season"]
            if after_soap is not None
            else ["the next season"]
        )
        return el(
            "p",
            lead,
            *spring,
            f" you can apply to on time is the Match {running}: applications go to programs from ",
            opens,
            ", and programs start reviewing them ",
            date_shown("programs_receive", today, running, on=True),
            ". Most applicants submit before that review start (our reading; the IMG article's advice is to submit early).",
        )
    dates = cycle.season(running)
    registration = cycle.registration(running, today)
    still_open = registration != "closed"
    terms = cycle.registration_terms(
        registration, date_shown("early_registration_ends", today, running), date_shown("late_registration_ends", today, running)
    )
    if registration == "on-time":
        register: list[object] = [" If you applied in it, register with the NRMP ", *terms, "."]
    elif registration == "late-fee":
        register = [" If you applied in it, you can still register with the NRMP, ", *terms, "."]
    elif still_open:
        # Past our early estimate, "you can still register by" a day gone by
        # contradicted itself (seasonlate audit s44, 5).
        last_day = dates["late_registration_ends"]
        register = [
            " If you applied in it and have not registered with the NRMP, you may still be able to, with the late fee: ",
            cycle.estimate_passed(last_day, "the last day to register"),
            " ",
            el("span", f"({last_day.cite()})", class_="mpb-cite"),
            ".",
        ]
    elif cycle.closed_said(running, today) == "almost certainly closed":
        register = [" Its registration and rank lists have almost certainly closed."]
    else:
        register = [" Its registration and rank lists are closed."]
    # As the timeline calculator says it: the running season still takes a
    # late application until its rank lists close (season-now audit s31, 5).
    late: list[object] = []
    # Late registration closes with the rank lists (cycle.MILESTONES), and the
    # box marked that one date an early estimate three times over (diff
    # review s53b, 12): once the registration sentence has said it, the rank
    # lists' close names the day only.
    rank_deadline = dates["rank_deadline"]
    close: list[object] = (
        [f"by {long_date(rank_deadline.date)}, the day late registration ends"]
        if registration in ("on-time", "late-fee") and dates["late_registration_ends"].date == rank_deadline.date
        else [date_shown("rank_deadline", today, running)]
    )
    if today < rank_deadline.date and cycle.too_late_for_interviews(running, today):
        # The calculators call a new application too late from late December
        # (diff review s41, second, 1).
        # Hedged as the last useful day is, so it is no hard cut-off (interview audit s56, 7).
        hedge = _hedge_while_sending_helps(running, today)
        late = [
            " If you did not apply in it, an application sent now is unlikely to bring an interview before its rank lists close ",
            *close,
            ".",
            # After the registration, whose "by the same date" is the one just given.
            *_register_to_match(running, today, "If you send one anyway, register"),
            f" {hedge}" if hedge else "",
            " The next",
        ]
    elif today < rank_deadline.date:
        # Through ERAS only, once ResidencyCAS's deadline may be behind the
        # reader: the page called the season open to an emergency medicine
        # reader it no longer took (season-dates audit s43, 2).
        fields_closed = cycle.residencycas_fields_closed(running, today)
        late = [
            " If you did not apply in it, you can still send it applications, late, while its rank lists are open: they close ",
            *close,
            ".",
            *_register_to_match(running, today, "To match in it, you must also register"),
            # The rank-list date alone read as if January still worked, where
            # every calculator gives the last useful day (EM audit s53, 5);
            # after the registration, whose "by the same date" is the rank
            # lists' (diff review s53, 2).
            # The day in every page's words, "set early on purpose" too, and
            # the early applicants' reading in the one wording the timeline
            # guide and the FAQ give (interview audit s56, 10).
            " ",
            cycle.send_by(running),
            f" {cycle.EARLY_APPLICANTS}.{' ' if fields_closed else ''}{fields_closed} The next",
        ]
    elif still_open:
        late = [" If you did not apply in it, the next"]
    else:
        late = [" The next"]
    if today < dates["match_week"].date:
        where: list[object] = [
            f"the Match {running} is under way: programs started reviewing its applications ",
            date_shown("programs_receive", today, running, on=True),
            ".",
        ]
    elif today <= dates["soap_ends"].date:
        # In Match Week the review start was beside the point, and the one
        # date that mattered, SOAP's end, was not given (reapply-anes audit
        # s42, 5).
        where = [
            f"it is the Match {running}'s Match Week: SOAP is running now, until ",
            date_shown("soap_ends", today, running),
            ", and if you are eligible, it comes first.",
        ]
    else:
        where = [
            f"it is the Match {running}'s Match Week: its SOAP ended ",
            date_shown("soap_ends", today, running, on=True),
            f", and an applicant it did not place {cycle.may_contact_after_soap(running, today)}.",
        ]
    return el(
        "p",
        lead,
        *where,
        *register,
        *late,
        f" season you can apply to on time is the Match {open_}: applications go to programs from ",
        opens,
        ".",
    )


def _hedge_while_sending_helps(match_year: int, today: dt.date) -> str:
    """cycle's hedge for a reader who has not applied in the season, while a
    later NRMP deadline could still make an application useful: once that
    time is past too, its advice on interviews they do not have is noise."""
    later = cycle.later_last_days(match_year)
    return cycle.later_deadline_hedge(match_year, today) if later and today <= later[0] else ""


def _register_to_match(match_year: int, today: dt.date, lead: str) -> list[object]:
    """That a reader who applies late must register with the NRMP too, and
    by when, said after the rank lists' close: the box told a reader who had
    not applied that they could still send applications, and not that no
    Match takes them unregistered (reapplypsych audit s49, 11).  ``lead``
    opens the sentence ("... register"); nothing once registration is past."""
    dates = cycle.season(match_year)
    last = dates["late_registration_ends"]
    # The NRMP closes late registration with the rank lists (cycle.MILESTONES),
    # so the date just given is usually this one.
    with_rank_lists = last.date == dates["rank_deadline"].date
    by: object = "by the same date" if with_rank_lists else date_shown("late_registration_ends", today, match_year)
    match stage := cycle.registration(match_year, today):
        case "on-time":
            # "By the same date" after the early date read as that one
            # (diffreview49 audit s49, 2).
            with_fee = "until its rank lists close" if with_rank_lists else by
            # The early date is cited in the sentence before, for a reader who applied.
            early = date_shown("early_registration_ends", today, match_year, cited=False)
            return [f" {lead} with the NRMP: ", *cycle.registration_terms(stage, early, with_fee), "."]
        case "late-fee":
            return [f" {lead} with the NRMP, ", *cycle.registration_terms(stage, None, by), "."]
        case "may-be-open":
            # Past our early estimate: "by" a day gone by contradicted itself
            # (seasonlate audit s44, 5).
            return [
                f" {lead} with the NRMP, with the late fee, if it still takes registrations: ",
                cycle.estimate_passed(last, "the last day to register"),
                ".",
            ]
        case _:
            return []


def first_year_routes(today: dt.date) -> Markup:
    """Where a reader SOAP did not place can still look for a preliminary or
    transitional year, as the build's date leaves them, and what each route
    does to the next application.  The no-match guide's lane table offered
    the year only to a reader who already had one, and no route or date to
    one who had not (reapplypsych audit s49, 1).

    A Markdown list, one item a route: in one paragraph, the routes, their
    dates and sources ran to some 370 words, read by an anxious reader who
    scans (diffreview49 audit s49, 12).  The page gives the lead and its
    build date, and adds its own items below these."""
    running, open_ = cycle.coming_season(today), cycle.next_open_season(today)
    this_year = cycle.after_soap_season(today)
    items: list[list[object]] = []
    if this_year is not None:
        items.append(
            [
                f"Until {long_date(cycle.unfilled_list_until(this_year))}, the NRMP keeps the Match {this_year}'s List "
                "of Unfilled Programs in its R3 system. Look there for preliminary and transitional programs with "
                f"places left; you {cycle.may_contact_after_soap(this_year, today)} ({data.NRMP_SOAP.cite()}).",
            ]
        )
    elif running != open_:
        this_year = running
        unfilled = (
            f"its List of Unfilled Programs stays in the NRMP's R3 system until "
            f"{long_date(cycle.unfilled_list_until(running))} ({data.NRMP_SOAP.cite()})."
        )
        said = cycle.closed_said(running, today)
        if said == "may still be open":
            # Our early estimate of the deadline has passed while the NRMP's
            # own may not have: no late route is offered, as the "months ago"
            # box above it offers none (diffreview49 audit s49, 3).
            # One item: alone, "check the calendar" offered no route (diff
            # review s50, 16).
            items.append(
                [
                    f"The Match {running} may already have closed its rank lists: our early estimate of the day has "
                    f"passed, so check the NRMP's calendar today. If you are in it and neither it nor its SOAP places "
                    f"you, {unfilled}",
                ]
            )
        elif said == "open":
            # A sentence of its own after the date's two brackets, which it
            # followed on (diff review s50, 16).
            too_late = cycle.too_late_for_interviews(running, today)
            # Before the last useful day, the rank-list date alone read as if
            # a January application still worked, where every other page and
            # calculator gives that day (aiminghigh audit s54, 6).  It follows
            # the registration, whose "by the same date" is the deadline's.
            send_by = [] if too_late else [" ", cycle.send_by(running)]
            # After the day, hedged as it is (interview audit s56, 7).
            hedge = _hedge_while_sending_helps(running, today) if too_late else ""
            items += [
                [
                    f"The Match {running} is under way, and its preliminary and transitional programs still take "
                    "applications, late, until its rank lists close ",
                    date_shown("rank_deadline", today, running),
                    ". One sent now is unlikely to bring an interview by then." if too_late else ".",
                    # In the same item: its "by the same date" means the
                    # deadline just given.
                    *_register_to_match(running, today, "To match in it, you must also register"),
                    *send_by,
                    f" {hedge}" if hedge else "",
                ],
                [f"If neither the Match {running} nor its SOAP places you, {unfilled}"],
            ]
        else:
            # One item, as the one above: alone it offered no route (diff review s50b, 12).
            takes = "almost certainly takes" if said == "almost certainly closed" else "takes"
            items.append(
                [
                    f"The Match {running} {takes} no more registrations. If you are in it and neither it nor its SOAP "
                    f"places you, {unfilled}"
                ]
            )
    # Reapplying from inside the year, in the autumn it starts: the season
    # this reader can apply to on time anyway.
    anyway_said = this_year is not None and open_ == this_year + 1
    if this_year is not None:
        anyway = ", the season you can apply to on time anyway" if anyway_said else ""
        items.append(
            [
                f"A place from the Match {this_year} starts on {long_date(cycle.training_starts(this_year))} "
                f"({data.NRMP_POSITION_TYPES.cite()}). From inside it you would apply again in the Match "
                f"{this_year + 1}{anyway}, and your letters from the year could then cover only its first months.",
            ]
        )
    # From May to September the next Match leads the list, so it gives the
    # start day's source, not given in an item before it.
    cited = "" if this_year is not None else f" ({data.NRMP_POSITION_TYPES.cite()})"
    # Said once: the item before may have called it so (diff review s50, 16).
    on_time = "" if anyway_said else ", the next you can apply to on time,"
    items += [
        [
            f"A first year from the Match {open_}{on_time} starts on "
            f"{long_date(cycle.training_starts(open_))}{cited}, the same day as a categorical place from that Match.",
        ],
        [
            "If the field you are aiming at takes residents from the first year (it is categorical, as psychiatry and "
            f"family medicine are), a bridge year from the Match {open_} puts your next application off by a season, "
            f"to the Match {open_ + 1}, for a place from {long_date(cycle.training_starts(open_ + 1))}.",
        ],
    ]
    return Markup("\n".join(f"- {join(*item)}" for item in items))


def certify_again(today: dt.date) -> str:
    """That a rank list can be edited and certified again until the
    deadline, said only while the page's season may still take lists: past
    it, the sentence stood after "takes no more registrations or rank lists"
    (seasonlate audit s44, 5)."""
    if not cycle.rank_lists_may_be_open(cycle.coming_season(today), today):
        return ""
    return "You can edit your list and certify again as often as you like until the deadline."


def ranking_season(today: dt.date) -> int:
    """The Match whose rank lists a reader can still act on: the page's
    season while they may be open, else the next.  From Match Week the
    timeline guide still told a senior weighing a research year to decide
    before rank lists that had closed (seasonlate audit s44, 5)."""
    year = cycle.coming_season(today)
    return year if cycle.rank_lists_may_be_open(year, today) else year + 1


REGISTRATION_LEADS: dict[RegistrationStage, str] = {
    "not open yet": "Registration is not open yet.",
    "on-time": "You can still register.",
    "late-fee": "You can still register.",
    "may-be-open": "You may still be able to register.",
    "almost certainly closed": "Registration has almost certainly closed.",
    "closed": "Registration has closed.",
}


def registration_lead(today: dt.date) -> str:
    """The bold lead of the rank-list guide's point on registering, as the
    build date leaves it: "You can still register." opened a sentence that
    ended "it has passed, and the Match 2027 takes no more registrations or
    rank lists" (soap audit s55, 5)."""
    return f"**{REGISTRATION_LEADS[registration_stage(today)[1]]}**"


def registration_day(today: dt.date) -> Markup:
    """The middle of the rank-list guide's point on registering, after the
    rule that registration closes with the rank lists: by when to register,
    and the late fee's date, while registering may still be possible.  Once
    it is not, one dated sentence: under "Registration has almost certainly
    closed." the page said to "register by" a day gone by, in 37 words, and
    then who pays the fee "after it" (diff review s55b, 4)."""
    year, stage = registration_stage(today)
    season_said = f"For the Match {year} (the current season {as_of(today)}), "
    dates = cycle.season(year)
    deadline = dates["late_registration_ends"]
    if stage == "almost certainly closed":
        return join(
            season_said,
            f"that day has almost certainly passed: our estimate of it was {long_date(deadline.date)} ",
            el("span", f"({deadline.cite()}; {cycle.deadline_gaps_said()})", class_="mpb-cite"),
            ".",
        )
    if stage == "closed":
        if deadline.estimated:
            # Past Match Week's start: the lists close before it, whatever
            # day the NRMP chose.
            return join(
                season_said,
                "that day has passed: it came before Match Week, which began ",
                date_shown("match_week", today, year, on=True),
                ".",
            )
        return join(
            season_said,
            f"that day has passed: it was {deadline.shown()} ",
            el("span", f"({deadline.cite()})", class_="mpb-cite"),
            ".",
        )
    return join(
        season_said,
        "register ",
        date_shown("late_registration_ends", today, year),
        ". Registration without the late fee ",
        tensed("early_registration_ends", today, "ends", "ended", year),
        " ",
        date_shown("early_registration_ends", today, year, on=True),
        "; each partner who registers after it pays the fee.",
    )


# Links from the rank-list guide's "What to do this week" (docs/apply/).
_SOAP_PAGE_FROM_APPLY = "../unmatched/soap-and-plan-b.md"
_NO_MATCH_FROM_APPLY = "[what to do if you don't match](../unmatched/index.md)"


def rank_list_this_week(today: dt.date) -> str:
    """The rank-list guide's "What to do this week", as a Markdown list chosen
    by the build date: building and certifying the list while the page's
    season may still take it, then SOAP.  The same list, with "put the
    certification deadline in your calendar", stood there in Match Week
    (soap audit s55, 5)."""
    year = cycle.coming_season(today)
    dates = cycle.season(year)
    deadline = dates["rank_deadline"]
    items: list[object] = []
    # From late March to September the page's season is the next one, whose
    # applications have not gone out: "keep your impressions log as you
    # interview" was for interviews not yet had, and the item now opens with
    # when they go (diff review s55b, 4).
    if today < dates["programs_receive"].date:
        sent = today > dates["submissions_open"].date
        return "- " + str(
            join(
                f"Nothing to rank yet for the Match {year}: its applications ",
                "have gone to programs since " if sent else "can go to programs from ",
                date_shown("submissions_open", today, year, cited=False),
                ", and programs start reading them ",
                date_shown("programs_receive", today, year, on=True, cited=False),
                " ",
                cited_once(("submissions_open", "programs_receive"), today, year),
                ". Interviews follow. Until then, read below how the list works.",
            )
        )
    said = cycle.closed_said(year, today)
    if said in ("open", "may still be open"):
        if today < dates["ranking_opens"].date:
            items.append(
                join(
                    f"Rank order list entry for the Match {year} opens ",
                    date_shown("ranking_opens", today, year),
                    ". Until then, keep your impressions log as you interview.",
                )
            )
        if said == "may still be open":
            items.append(
                f"Not certified yet? {capitalised(cycle.estimate_passed(deadline, 'the rank-list deadline'))}. If it is "
                "still open, certify at once."
            )
        items += [
            'Mark each interviewed program "would attend" or "would not" in your impressions log.',
            'Put the "would attend" programs in one list, ordered only by where you would rather train.',
            "If any are advanced programs, sketch your supplemental lists and which advanced programs each links to.",
            "Run your list through the [rank simulator](../calculators/rank-simulator.md) to see the algorithm at work. "
            "If you are matching as a couple, it cannot show your pair of lists; check them against "
            "[ranking as a couple](#ranking-as-a-couple) instead.",
        ]
        if today == deadline.date:
            items.append("Certify your list today, before the hour the NRMP's calendar gives.")
        elif today < deadline.date:
            items.append(
                join(
                    "Certify your list ",
                    date_shown("rank_deadline", today, year),
                    ". Put that day in your calendar, with a reminder two days before.",
                )
            )
        return "\n".join(f"- {join(item)}" for item in items)
    almost = "almost certainly " if said == "almost certainly closed" else ""
    # Said to every reader, one who never certified too (diff review s55b, 4).
    items.append(f"Rank lists are final: the Match {year} {almost}takes no more of them.")
    if today < dates["match_week"].date:
        items.append(
            join(
                "If you might not match, get ready for SOAP now. It runs in Match Week, from ",
                date_shown("match_week", today, year),
                f": [SOAP and a non-residency Plan B]({_SOAP_PAGE_FROM_APPLY}) says how to prepare.",
            )
        )
    elif today <= dates["soap_ends"].date:
        items.append(
            "If you did not match and are eligible for SOAP, it comes first: "
            f"[Match Week, step by step]({_SOAP_PAGE_FROM_APPLY}#match-week-step-by-step) says what to do each day."
        )
    items.append(f"If neither the Match nor SOAP places you, read {_NO_MATCH_FROM_APPLY}.")
    return "\n".join(f"- {join(item)}" for item in items)


# Where the SOAP page's "What to do this week" sends a reader; the page sits
# in docs/unmatched/, and Markdown links let MkDocs rewrite them for the
# hosted site and the offline copy alike.
_TIMELINE_LINK = "[timeline calculator](../calculators/timeline.md)"
_DEBRIEF_LINK = "[Get a real debrief](index.md#get-a-real-debrief)"


def unfilled_list_until(today: dt.date) -> str:
    """The day the NRMP's List of Unfilled Programs closes in the page's
    season, from cycle.unfilled_list_until: the SOAP page's Match Week table
    typed "1 May" (diff review s55b, 6)."""
    return long_date(cycle.unfilled_list_until(cycle.coming_season(today)))


def in_match_week(today: dt.date) -> int | None:
    """The Match whose SOAP is running on ``today``, from its Match Week's
    first day to SOAP's last, or None on other days."""
    dates = cycle.season(cycle.coming_season(today))
    return dates["match_week"].match_year if dates["match_week"].date <= today <= dates["soap_ends"].date else None


def soap_page_note(today: dt.date) -> Markup:
    """The dated note at the top of the SOAP page in Match Week and in the
    weeks after SOAP, as the no-match guide and the timeline give it
    (cycle.after_soap): three days after SOAP the page still read as if SOAP
    were ahead (reapply2 audit s44, 4), and in Match Week it had no note at
    all (soap audit s55, 2).  Empty on other days."""
    if (running := in_match_week(today)) is not None:
        week = cycle.season(running)["match_week"]
        return el(
            "p",
            f"{capitalised(as_of(today))}, it is Match Week{' by our estimate' if week.estimated else ''}, and SOAP runs until ",
            date_shown("soap_ends", today, running),
            ". If you did not match and are eligible, SOAP comes first. The table “Match Week, step by step” below says "
            "what happens when. “What to do this week”, at the end of this page, says what to do today.",
        )
    year = cycle.after_soap_season(today)
    if year is None:
        return Markup("")
    return el(
        "p",
        f"{capitalised(as_of(today))}: {cycle.after_soap(year, today)} The Plan B options below, and “What to do this week” "
        "at the end of this page, say what else this spring can hold.",
    )


def soap_this_week(today: dt.date) -> str:
    """The SOAP page's "What to do this week", as a Markdown list chosen by
    the build date: the steps to prepare for SOAP from the season's
    applications until SOAP ends, what remains after SOAP until the NRMP's
    List of Unfilled Programs closes, and between seasons the next one's
    planning.  The same SOAP steps stood there after SOAP (reapply2 audit
    s44, 4)."""
    after = cycle.after_soap_season(today)
    running, open_ = cycle.coming_season(today), cycle.next_open_season(today)
    if in_match_week(today) is not None:
        items = soap_week_steps(today)
    elif after is not None:
        items = [
            f"Until {long_date(cycle.unfilled_list_until(after))}, work through the NRMP's List of Unfilled Programs: "
            f"you {cycle.may_contact_after_soap(after, today)}. Ask each program whether its place is still open, as the list "
            f"can lag ({data.NRMP_SOAP.cite()}).",
            "Apply for the research, coordinator or clinical roles above that keep your next application alive.",
            f"Book your debrief with the people who know your file ({_DEBRIEF_LINK}, in the no-match guide).",
            f"Plan the Match {open_} with the {_TIMELINE_LINK}: its applications go to programs from "
            f"{date_shown('submissions_open', today, open_)}.",
        ]
    elif today >= cycle.season(running)["submissions_open"].date:
        items = [
            "Read the NRMP's current SOAP rules and note the dates for your cycle.",
            "Write down which SOAP position types you would accept, and draft a statement for each.",
            "List three research, coordinator or clinical roles you could apply for if you do not secure a position.",
            "If Step 3 is on your list, take a practice exam before you book it.",
        ]
    else:
        # Between the list's closing and the next season's applications,
        # SOAP is months away and what counts is planning that season.
        items = [
            f"Plan the Match {open_} with the {_TIMELINE_LINK}: its applications go to programs from "
            f"{date_shown('submissions_open', today, open_)}.",
            "Not matched last time? Fix what held you back before you apply again ("
            "[Fix the exact weakness that stopped you](index.md#fix-the-exact-weakness-that-stopped-you), in the "
            "no-match guide).",
            "List three research, coordinator or clinical roles you could apply for if you do not secure a position.",
            "If Step 3 is on your list, take a practice exam before you book it.",
            "Come back to SOAP's rules in the weeks before Match Week: the NRMP can change them each year.",
        ]
    return "\n".join(f"- {item}" for item in items)


def soap_week_steps(today: dt.date) -> list[str]:
    """The SOAP page's Match Week steps for ``today``, each source cited in
    full: the steps live in cycle, which the timeline's Match Week row reads
    in the browser too (diff review s55b, 3)."""
    return [cycle.soap_step_said(step) for step in cycle.soap_week_steps(today)]
