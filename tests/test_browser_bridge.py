"""The Python side of the browser bridge: what the worker returns to the page."""

from __future__ import annotations

import json

from calculators import browser, competitiveness
from calculators.render import render_result


def test_compute_returns_the_same_html_as_the_build() -> None:
    reply = json.loads(browser.compute("competitiveness", json.dumps({})))
    assert reply["ok"] is True
    assert reply["html"] == render_result(competitiveness, competitiveness.compute({}))
    assert reply["query"]["step2_score"] == "240"
    assert reply["announce"].startswith("Internal Medicine:")


def test_what_is_read_aloud_after_an_edit_keeps_to_forty_words_in_every_calculator() -> None:
    # Competitiveness and program counts read their margins too: about 60
    # words, some 20 s of speech, after every edit (announce audit s34, 3).
    # Over every field, applicant type, a blank, a passing and a failing
    # score, first try or not, and no backup, an accepted one or one the
    # finder leaves out: the defaults alone passed while 241 of these ran past
    # 40 words, to 66, and a named backup's warning to 102 (diff review s41, 5;
    # second pass, 4).  Short is not enough: the read-out still names the
    # field and a failing score (second pass, 5).
    import itertools

    from calculators import REGISTRY, data

    checked = 0
    for (name, calc), slug, applicant, score, before, backup in itertools.product(
        REGISTRY.items(),
        [s.slug for s in data.SPECIALTIES],
        [slug for slug, _ in data.APPLICANT_TYPES],
        ["", "240", "205"],
        ["false", "true"],
        ["", "family-medicine", "general-surgery"],
    ):
        names = {field.name for field in calc.FIELDS}
        if backup and ("backup_specialty" not in names or backup == slug):
            continue
        asked = {"specialty": slug, "primary_specialty": slug, "applicant_type": applicant, "step2_score": score}
        asked |= {"previously_unmatched": before, "backup_specialty": backup}
        reply = json.loads(browser.compute(name, json.dumps({k: v for k, v in asked.items() if k in names})))
        assert reply["ok"], (name, asked)
        said = reply["announce"]
        assert len(said.split()) <= 40, (name, asked, said)
        if name in ("competitiveness", "program_counts"):
            assert data.specialty(slug).name in said, (name, asked, said)
        if name in ("competitiveness", "program_counts", "signals") and score == "205":
            assert "205" in said, (name, asked, said)
        checked += 1
    assert checked > 5_000
    reply = json.loads(browser.compute("competitiveness", json.dumps({})))
    assert reply["announce"] == competitiveness.compute({})["announced"]
    assert competitiveness.compute({})["margins"]["headline"] not in reply["announce"]


def test_compute_renders_the_result_at_the_widgets_heading_level() -> None:
    # A calculator embedded under a ### section (level 3) got h4 parts live
    # where the build had given it h5, so the outline changed on the first edit.
    reply = json.loads(browser.compute("competitiveness", json.dumps({}), 3))
    assert reply["html"] == render_result(competitiveness, competitiveness.compute({}), 3)
    assert "<h5>" in reply["html"] and "<h4>" not in reply["html"]
    assert json.loads(browser.compute("competitiveness", json.dumps({})))["html"] == render_result(
        competitiveness, competitiveness.compute({})
    )
    assert json.loads(browser.compute("competitiveness", json.dumps({}), 9))["ok"] is False


def test_compute_lists_every_field_error_at_once() -> None:
    reply = json.loads(browser.compute("competitiveness", json.dumps({"step2_score": "abc", "usce_months": "-1"})))
    assert reply["ok"] is False
    assert {e["field"] for e in reply["errors"]} == {"step2_score", "usce_months"}


def test_form_booleans_and_strings_are_accepted() -> None:
    reply = json.loads(browser.compute("competitiveness", json.dumps({"needs_visa": False, "step2_score": ""})))
    assert reply["ok"] and reply["query"]["needs_visa"] == "false" and reply["query"]["step2_score"] == ""


def test_restore_prefers_the_address_and_drops_invalid_values_with_a_note() -> None:
    stored = json.dumps({"version": 1, "values": {"step2_score": "250", "specialty": "psychiatry"}})
    linked = {"step2_score": "260", "usce_months": "lots", "unrelated": "x"}
    reply = json.loads(browser.restore("competitiveness", json.dumps({"linked": linked, "stored": stored})))
    assert reply["values"] == {"specialty": "psychiatry", "step2_score": "260"}
    ignored, filled = reply["notes"]
    assert "US clinical experience (months)" in ignored
    assert filled == "Filled in from the answers you asked this device to remember: Target specialty."


def test_restore_survives_corrupt_storage() -> None:
    for stored in ("{not json", "[1, 2]", json.dumps({"values": 7})):
        reply = json.loads(browser.restore("competitiveness", json.dumps({"linked": {}, "stored": stored})))
        assert reply["values"] == {}
        assert reply["notes"] == ["Your remembered answers could not be read, so they were ignored."]
