"""In the week ResidencyCAS may have closed to a Match (our estimate of its
deadline has passed, its own may be up to a week later), the calculators
that speak of it say one thing: the timeline told the reader to send that
application today if it is still open, while application cost and signals
called the Match after it the next season, flatly (diff review s43, 2)."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from conftest import pin_build_date

from calculators import application_cost, cycle, signals, timeline
from calculators.html import Markup


def _sentences(html: Markup) -> list[str]:
    text = re.sub(r"\s+", " ", unescape(re.sub("<[^>]+>", " ", str(html))))
    return re.split(r"(?<=[.?])\s", text)


def _pages(day: str, slug: str) -> dict[str, list[str]]:
    cost = application_cost.compute({"applicant_type": "us-img", "primary_specialty": slug})
    signal = signals.compute({"applicant_type": "us-img", "specialty": slug})
    plan = timeline.compute({"today": day, "eras_submission": day, "applicant_type": "us-img"})
    return {
        "application cost": _sentences(application_cost.render(cost)),
        "signals": _sentences(signals.render(signal)),
        "timeline": _sentences(timeline.render(plan)),
    }


# The signals note's question to a reader planning ahead names the next
# Match as theirs to plan, not as the one ResidencyCAS leaves.
ASKED = "Planning for the Match 2029 instead?"
IF_CLOSED = ("if it has closed", "if ResidencyCAS has closed")


def _naming_the_season(name: str, slug: str) -> bool:
    """Whether a page gives the reader's next season at all: application
    cost gives it beside a fee schedule, and holds none for OB/GYN."""
    return name != "application cost" or slug == "emergency-medicine"


@pytest.mark.parametrize("day", ["2027-09-23", "2027-09-25", "2027-09-30"])
@pytest.mark.parametrize("slug", ["emergency-medicine", "obstetrics-gynecology"])
def test_while_residencycas_may_have_closed_no_calculator_settles_on_the_next_match(
    monkeypatch: pytest.MonkeyPatch, day: str, slug: str
) -> None:
    today = dt.date.fromisoformat(day)
    assert cycle.residencycas_state(2028, today) == "may-have-closed"
    pin_build_date(monkeypatch, today)
    pages = _pages(day, slug)
    # The timeline still tells a reader whose ResidencyCAS is open to send today ...
    assert any("If it is still open, send that application today" in s for s in pages["timeline"])
    for name, sentences in pages.items():
        # ... so each says the Match 2029 only on that condition,
        later = [s for s in sentences if "Match 2029" in s and ASKED not in s]
        assert bool(later) is _naming_the_season(name, slug), name
        for sentence in later:
            assert any(words in sentence for words in IF_CLOSED), (name, sentence)
        # and none calls ResidencyCAS closed to the Match 2028 as a fact.
        flat = [s for s in sentences if re.search(r"(?<!may have )closed to applications for the Match 2028", s)]
        assert not flat, (name, flat)


@pytest.mark.parametrize("slug", ["emergency-medicine", "obstetrics-gynecology"])
def test_once_residencycas_has_closed_cost_and_signals_name_the_next_match_without_a_condition(
    monkeypatch: pytest.MonkeyPatch, slug: str
) -> None:
    # The control: from 1 October the condition is gone, in both.
    pin_build_date(monkeypatch, "2027-10-05")
    pages = _pages("2027-10-05", slug)
    for name in ("application cost", "signals"):
        if not _naming_the_season(name, slug):
            continue
        said = " ".join(pages[name])
        assert "the next season you can apply to is ResidencyCAS's for the Match 2029" in said, name
        assert "if it has closed, the next season" not in said and "if ResidencyCAS has closed" not in said, name
