"""The questions several calculators share (calculators.profile): one
definition each, asked alike wherever it is asked."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from conftest import ROOT, applied_this_season, pin_build_date

from calculators import REGISTRY, cycle, profile
from calculators.render import render_result

# The calculators that speak to a reader in the middle of a season; the
# timeline plans that season for a "Yes" (interview audit s56, 5).
MID_SEASON_CALCULATORS = ("competitiveness", "program_counts", "signals", "application_cost", "backup_finder", "timeline")
APPLIED = profile.APPLIED_THIS_SEASON


def test_whether_you_applied_this_season_is_one_question_in_the_calculators_with_mid_season_notes() -> None:
    # A reader planning the next Match read the season under way's notes as
    # theirs (planner audit s54, 3): one shared answer decides them.
    for name, calc in REGISTRY.items():
        asked = [field for field in calc.FIELDS if field.name == APPLIED.name]
        assert asked == ([APPLIED] if name in MID_SEASON_CALCULATORS else []), name
    # It starts unanswered, so the pages built for no answer keep their notes.
    assert APPLIED.default == profile.NOT_SAID
    assert [slug for slug, _ in APPLIED.choices] == [profile.NOT_SAID, profile.APPLIED, profile.NOT_APPLIED]
    assert "At other times it changes nothing." in APPLIED.help


def _label_on(day: str) -> list[str]:
    """The question's label and choices as a build on ``day`` words them."""
    epoch = int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp())
    said = subprocess.run(
        [
            sys.executable,
            "-c",
            "from calculators import profile; f = profile.APPLIED_THIS_SEASON; print(f.label); print(f.label_of(profile.APPLIED))",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": str(epoch)},
        capture_output=True,
        text=True,
        check=True,
    )
    return said.stdout.splitlines()


@pytest.mark.parametrize(("day", "year"), [("2026-12-07", 2027), ("2027-10-05", 2028)])
def test_the_question_names_the_running_season_from_the_build_date(day: str, year: int) -> None:
    # Worked out from the date, as the results are, not a year typed here.
    assert _label_on(day) == [f"Applied this season (Match {year})", f"Yes, I applied for the Match {year}"]


@pytest.mark.parametrize(
    ("day", "answer", "read"),
    [
        ("2026-12-07", "yes-2027", (2027, True)),
        ("2026-12-07", "no-2027", (2027, False)),
        ("2026-12-07", "not-said", None),
        # Applications going out, but programs not yet reading them; and
        # after the rank-list deadline: no season under review, no answer used.
        ("2026-09-10", "no-2027", None),
        ("2027-02-20", "yes-2027", None),
        # Said of one Match, an answer says nothing of the next: remembered in
        # December 2026, "no" told a reader who applied in 2027 that they had
        # not applied for the Match 2028 (diff review s55, 1).
        ("2027-10-05", "no-2027", None),
        ("2027-10-05", "yes-2028", (2028, True)),
        ("2026-12-07", "yes", None),
    ],
)
def test_the_answer_counts_only_while_a_season_is_under_review(day: str, answer: str, read: tuple[int, bool] | None) -> None:
    today = dt.date.fromisoformat(day)
    assert profile.season_answer({APPLIED.name: answer}, today) == read
    assert profile.season_answer({}, today) is None
    # The one test the five calculators plan the next season by (diff review s55, 12).
    assert profile.planning_next({APPLIED.name: answer}, today) is (read is not None and not read[1])
    assert profile.said_applied({APPLIED.name: answer}, today) is (read is not None and read[1])


def test_the_note_for_the_next_season_says_the_answer_and_whether_its_dates_are_ours() -> None:
    today, no = dt.date(2026, 12, 7), {APPLIED.name: "no-2027"}
    said = profile.next_season_said(no, today, "these counts are for", ["internal-medicine"], dated=True)
    assert said == (
        "As you answered, you have not applied for the Match 2027, so these counts are for ERAS 2028 (Match 2028), the "
        "next season you can apply to on time. Its dates here are estimated by rule; the published ones are not in "
        "our data."
    )
    assert profile.next_season_said(no, today, "these counts are for", ["internal-medicine"]) == said.partition(" Its ")[0]
    # Named by the Match where any field applies through ResidencyCAS.
    assert "for the Match 2028, the next" in str(
        profile.next_season_said(no, today, "the plans below are for", ["internal-medicine", "emergency-medicine"])
    )
    # The answer alone, where another note names the season.
    assert (
        profile.next_season_said(no, today, None, ["internal-medicine"])
        == "As you answered, you have not applied for the Match 2027."
    )
    # Nothing for Yes, Not said, or no answer.
    for other in ({APPLIED.name: "yes-2027"}, {APPLIED.name: "not-said"}, {}):
        assert profile.next_season_said(other, today, "these counts are for", ["internal-medicine"]) is None
    assert profile.render_next_season(None) is None
    assert str(profile.render_next_season(said)) == f'<p class="mpb-note">{said}</p>'
    # The Match 2026's review day is the AAMC's own in our table: no estimate to own up to.
    assert not cycle.season(2026)["programs_receive"].estimated
    earlier = profile.next_season_said(
        {APPLIED.name: "no-2025"}, dt.date(2024, 12, 7), "these", ["internal-medicine"], dated=True
    )
    assert earlier is not None and "estimated" not in earlier


@pytest.mark.parametrize("name", MID_SEASON_CALCULATORS)
@pytest.mark.parametrize("day", ["2026-07-01", "2026-09-10", "2027-02-20", "2027-04-01"])
def test_outside_a_season_under_review_the_answer_changes_no_result(monkeypatch: pytest.MonkeyPatch, name: str, day: str) -> None:
    pin_build_date(monkeypatch, day)
    calc = REGISTRY[name]
    # The timeline's "today" is a field of its own, which the device fills in.
    today = {"today": day} if name == "timeline" else {}
    shown = {answer: render_result(calc, calc.compute({**today, APPLIED.name: answer})) for answer, _ in APPLIED.choices}
    assert len(set(shown.values())) == 1, name


@pytest.mark.parametrize("name", [name for name in MID_SEASON_CALCULATORS if name != "timeline"])
@pytest.mark.parametrize(
    ("day", "specialty"),
    # An emergency medicine reader too, in the week ResidencyCAS may have
    # closed and in December: the default inputs on one day missed a No
    # planned for the running Match and a Yes said nowhere (diff review s55, 3, 5 and 13).
    [("2026-12-07", None), ("2026-09-25", "emergency-medicine"), ("2026-12-07", "emergency-medicine")],
)
def test_under_review_each_answer_gives_its_own_result_and_not_said_gives_the_one_without_it(
    monkeypatch: pytest.MonkeyPatch, name: str, day: str, specialty: str | None
) -> None:
    pin_build_date(monkeypatch, day)
    calc = REGISTRY[name]
    field = "primary_specialty" if name == "application_cost" else "specialty"
    chosen = {} if specialty is None else {field: specialty}
    shown = {
        answer: render_result(calc, calc.compute({**chosen, **applied_this_season(answer)}))
        for answer in ("yes", "no", "not-said")
    }
    assert shown["not-said"] == render_result(calc, calc.compute(chosen))
    assert len(set(shown.values())) == 3, name
    assert "As you answered, you applied for the Match 2027" in shown["yes"]
    assert "As you answered, you have not applied for the Match 2027" in shown["no"]
    assert "As you answered" not in shown["not-said"]
    # No: planned for the next Match alone, never the running one "or" the next.
    next_match = ("ERAS 2028 (Match 2028)", "the Match 2028")
    assert any(f"for {named}, the next season you can apply to" in shown["no"] for named in next_match), name
    assert "if ResidencyCAS has closed" not in shown["no"]


def test_under_review_the_timeline_plans_the_running_season_for_yes_and_is_unchanged_for_no(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Yes" with no date plans the Match 2027, where it planned the Match 2028;
    # "No" and "Not said" keep the plan as it was (interview audit s56, 5).
    pin_build_date(monkeypatch, "2026-12-07")
    calc = REGISTRY["timeline"]
    shown = {
        answer: render_result(calc, calc.compute({"today": "2026-12-07", APPLIED.name: answer})) for answer, _ in APPLIED.choices
    }
    assert shown[profile.NOT_SAID] == render_result(calc, calc.compute({"today": "2026-12-07"}))
    # "No" keeps the plan, without the note asking whether they applied to
    # the running season, which they have answered (diff review s56, 6).
    asked = "Applied to the Match 2027 already?"
    assert asked in shown[profile.NOT_SAID] and asked not in shown[profile.NOT_APPLIED]
    assert "Plan for the Match 2028" in shown[profile.NOT_APPLIED]
    assert "As you answered, you applied for the Match 2027" in shown[profile.APPLIED]
    assert "Plan for the Match 2027" in shown[profile.APPLIED] and "Plan for the Match 2028" in shown[profile.NOT_SAID]
