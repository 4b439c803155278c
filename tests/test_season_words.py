"""The guides' words on where the season stands, asked of any day."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from calculators import cycle, season_words


def text(markup: object) -> str:
    return unescape(re.sub(r"<[^>]+>", "", str(markup)))


def day_in(match_year: int, key: str, shift: int = 0) -> dt.date:
    return cycle.season(match_year)[key].date + dt.timedelta(days=shift)


@pytest.mark.parametrize(
    ("today", "said"),
    [
        (day_in(2027, "registration_opens", -10), "register as soon as it opens"),
        (day_in(2027, "early_registration_ends", -5), "register before then"),
        (day_in(2027, "early_registration_ends", 5), "have not registered, do it now, with the fee"),
    ],
)
def test_registration_advice_follows_the_season_it_is_read_in(today: dt.date, said: str) -> None:
    assert said in text(season_words.registration_advice(today))


def test_a_reader_short_of_interviews_hears_the_stage_of_the_season_and_a_standalone_note_ends_whole() -> None:
    before = text(season_words.short_of_interviews(day_in(2027, "programs_receive", -3)))
    during = text(season_words.short_of_interviews(day_in(2027, "rank_deadline", -70)))
    assert "programs start reviewing applications for the Match 2027" in before
    assert "programs have been reviewing applications for the Match 2027 since" in during
    assert during.endswith("the advice above assumes:")
    alone = text(season_words.short_of_interviews(day_in(2027, "rank_deadline", -70), standalone=True))
    assert alone.endswith("a plan made months ahead assumes.") and "above" not in alone and "below" not in alone


def test_after_a_no_match_names_the_next_season_open_on_time() -> None:
    during = text(season_words.after_a_no_match(day_in(2027, "rank_deadline", -70)))
    assert "the Match 2027 is under way" in during and "season you can apply to on time is the Match 2028" in during
    assert "you can still send it applications, late, while its rank lists are open" in during
    ahead = text(season_words.after_a_no_match(day_in(2027, "programs_receive", -30)))
    assert "the next season you can apply to on time is the Match 2027" in ahead


@pytest.mark.parametrize(
    ("day", "late"), [("2026-12-20", False), ("2026-12-21", True), ("2027-01-28", True), ("2027-02-17", True)]
)
def test_from_late_december_the_guides_say_a_new_application_is_too_late_as_the_calculators_do(day: str, late: bool) -> None:
    # The calculators pointed to a guide that still said "the season is not
    # over" above "send more now" (diff review s41, second, 1).
    today = dt.date.fromisoformat(day)
    assert cycle.too_late_for_interviews(2027, today) is late
    short = text(season_words.short_of_interviews(today))
    assert ("unlikely to bring an interview before then" in short) is late
    assert ("the season is not over" in short) is not late
    if late:
        assert short.endswith("What follows the first item below still applies:")
        assert cycle.EARLY_DEADLINE_VERDICT in short
    no_match = text(season_words.after_a_no_match(today))
    if today < day_in(2027, "rank_deadline"):
        assert ("you can still send it applications, late" in no_match) is not late
