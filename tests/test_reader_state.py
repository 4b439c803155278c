"""Where a reader's inputs live outside the form: this tab's copy, a link,
remembered answers and the device's date, and who wins when they disagree."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from calculators import browser, competitiveness, packet_check, profile, reader_state
from calculators.fields import ChoiceField, InputError, IntField

APPLY_PAGE = ["program_counts", "application_cost"]
ROOT = Path(__file__).resolve().parents[1]


def stored(**values: str) -> str:
    return json.dumps({"version": 1, "values": values})


def restore(name: str, **saved: object) -> dict:
    return json.loads(browser.restore(name, json.dumps(saved)))


def compute(name: str, **inputs: object) -> dict:
    return json.loads(browser.compute(name, json.dumps(inputs)))


def tab_copy(reply: dict, link: dict | None = None, *, offer_open: bool = False, remember_waits: bool = False) -> str:
    """What calculators.js keepTabCopy writes after this reply."""
    return json.dumps({**reply["tab_copy"], "link": link, "offer_open": offer_open, "remember_waits": remember_waits})


# --- Links ---------------------------------------------------------------------------------------------


def test_a_link_to_these_answers_carries_each_calculators_own_prefixed_keys() -> None:
    reply = compute("program_counts", backup_specialty="pediatrics")
    params = reader_state.address_params(reply["link"])
    assert params["program-counts.backup_specialty"] == "pediatrics"
    assert all(key.startswith("program-counts.") for key in params)
    assert reader_state.linked_inputs("program_counts", params, APPLY_PAGE) == reply["query"]


def test_a_reply_in_error_offers_no_link() -> None:
    assert "link" not in compute("match_odds", step2_score="2400")


def test_links_from_two_calculators_give_each_its_own_inputs() -> None:
    counts = compute("program_counts", backup_specialty="pediatrics", applicant_type="us-img")
    cost = compute("application_cost", backup_specialty="psychiatry")
    fragment = "#" + counts["link"] + "&" + cost["link"]

    again_counts = restore("program_counts", address=fragment, page=APPLY_PAGE)["values"]
    again_cost = restore("application_cost", address=fragment, page=APPLY_PAGE)["values"]
    assert again_counts == counts["query"]
    assert again_cost == cost["query"]
    assert compute("program_counts", **again_counts)["html"] == counts["html"]
    assert compute("application_cost", **again_cost)["html"] == cost["html"]


def test_a_link_with_spaces_and_symbols_comes_back_whole() -> None:
    pasted = "name,specialty\nSt. Mary's & Co,pediatrics\n"
    reply = compute("packet_check", programs=pasted)
    assert restore("packet_check", address="#" + reply["link"])["values"]["programs"] == pasted


def test_old_unprefixed_links_are_read_only_where_one_calculator_could_mean_them() -> None:
    old = "#specialty=psychiatry&step2_score=250"
    alone = restore("competitiveness", address=old, page=["competitiveness"])
    assert alone["values"] == {"specialty": "psychiatry", "step2_score": "250"}
    on_apply = restore("program_counts", address=old, page=APPLY_PAGE)
    assert on_apply["values"] == {}


def test_prefixed_keys_win_over_unprefixed_and_other_calculators_keys_are_ignored() -> None:
    params = reader_state.address_params(
        "#specialty=neurology&match-odds.specialty=pediatrics&competitiveness.specialty=psychiatry", "?step2_score=230"
    )
    assert reader_state.linked_inputs("competitiveness", params, ["competitiveness"]) == {
        "specialty": "psychiatry",
        "step2_score": "230",
    }


def test_a_heading_anchor_is_not_a_link_with_inputs() -> None:
    assert reader_state.address_params("#how-it-works") == {}


# --- This tab's copy -----------------------------------------------------------------------------------


def test_the_tabs_copy_brings_the_form_back_without_any_address() -> None:
    # A reload, Back, or a jump to a heading (Material inserts the page again): the
    # address holds no inputs, and never did.
    reply = compute("match_odds", specialty="internal-medicine", step2_score="262")
    for address in ("", "#reading-the-result"):
        back = restore("match_odds", address=address, tab_copy=tab_copy(reply))
        assert back["values"]["step2_score"] == "262" and back["offer"] is None and back["link"] is None


def test_a_new_link_wins_over_the_tabs_copy_and_the_same_link_again_does_not() -> None:
    link = {"step2_score": "250"}
    edited = compute("match_odds", step2_score="262")
    opened = restore("match_odds", address="#match-odds.step2_score=250", tab_copy=tab_copy(edited))
    assert opened["values"]["step2_score"] == "250" and opened["link"] == link
    # Opened from that link, then edited: a reload of the same address keeps the edit.
    reloaded = restore("match_odds", address="#match-odds.step2_score=250", tab_copy=tab_copy(edited, link))
    assert reloaded["values"]["step2_score"] == "262" and reloaded["link"] == link
    other = restore("match_odds", address="#match-odds.step2_score=230", tab_copy=tab_copy(edited, link))
    assert other["values"]["step2_score"] == "230"


def test_the_tabs_copy_gives_way_to_answers_remembered_since() -> None:
    # A reload of the apply page: one calculator's copy said "no backup", the other had
    # since remembered Psychiatry; the first must not offer its own answer back as a link.
    answered = compute("application_cost", backup_specialty="")
    reloaded = restore(
        "application_cost", tab_copy=tab_copy(answered), stored=stored(backup_specialty="psychiatry"), page=APPLY_PAGE
    )
    assert reloaded["offer"] is None and reloaded["values"]["backup_specialty"] == "psychiatry"


def test_a_link_whose_offer_waits_asks_again_after_a_reload() -> None:
    link = {"specialty": "neurology"}
    shown = compute("competitiveness", specialty="neurology")
    reloaded = restore(
        "competitiveness",
        address="#competitiveness.specialty=neurology",
        tab_copy=tab_copy(shown, link, offer_open=True),
        stored=stored(specialty="psychiatry"),
    )
    assert reloaded["offer"] is not None and reloaded["values"]["specialty"] == "neurology"
    answered = restore(
        "competitiveness",
        address="#competitiveness.specialty=neurology",
        tab_copy=tab_copy(shown, link),
        stored=stored(specialty="psychiatry"),
    )
    assert answered["offer"] is None


@pytest.mark.parametrize("text", [None, "", "{not json", "[1]", json.dumps({"inputs": 7, "in_error": "yes", "link": [1]})])
def test_an_unreadable_tab_copy_counts_as_none(text: str | None) -> None:
    reply = restore("match_odds", tab_copy=text)
    assert reply["values"] == {} and reply["notes"] == [] and reply["link"] is None


def test_a_date_the_tab_had_is_replaced_by_the_devices_with_a_note() -> None:
    # A reader who planned from 1 May 2027 found the device's date back after a reload, with no word.
    planned = compute("timeline", today="2027-05-01")
    reloaded = restore("timeline", tab_copy=tab_copy(planned), today="2026-12-02")
    assert reloaded["values"]["today"] == "2026-12-02"
    assert "Today's date is your device's date again; you had set 2027-05-01 here." in reloaded["notes"]
    same_day = restore("timeline", tab_copy=tab_copy(compute("timeline", today="2026-12-02")), today="2026-12-02")
    assert not any("device's date again" in note for note in same_day["notes"])


def test_the_devices_date_fills_today_unless_the_link_carries_one() -> None:
    assert restore("timeline", today="2026-11-30")["values"] == {"today": "2026-11-30"}
    linked = restore("timeline", address="#timeline.today=2027-02-01", today="2026-11-30")
    assert linked["values"]["today"] == "2027-02-01"
    # A stale remembered date never beats the device's.
    assert restore("timeline", stored=stored(today="2025-01-01"), today="2026-11-30")["values"] == {"today": "2026-11-30"}
    assert "today" not in compute("timeline")["remember"]


def test_the_first_answer_is_announced_only_when_the_form_does_not_start_at_the_defaults() -> None:
    # A guide page announced "Updated for your inputs" and both its calculators'
    # summaries as the reader arrived, for defaults the page already said it showed.
    from calculators import match_odds

    assert restore("match_odds")["announce"] is False
    # The page's form as built: its date is the build's, which a first answer
    # from the device's same date does not change.
    assert restore("timeline", today="2026-11-30", built={"today": "2026-11-30"})["announce"] is False
    # A day later the plan counts from another date than the page shows
    # (bridge audit s31, 3: the page knew it, Python said the opposite).
    assert restore("timeline", today="2026-12-01", built={"today": "2026-11-30"})["announce"] is True
    default_specialty = next(f.default for f in match_odds.FIELDS if f.name == "specialty")
    assert restore("match_odds", stored=stored(specialty=str(default_specialty)))["announce"] is False
    assert restore("match_odds", address="#match-odds.step2_score=250")["announce"] is True
    assert restore("match_odds", stored=stored(step2_score="250"))["announce"] is True
    assert restore("competitiveness", address="#competitiveness.specialty=cardiology")["announce"] is True, "a note"
    assert restore("timeline", address="#timeline.today=2027-02-01", today="2026-11-30")["announce"] is True
    edited = compute("match_odds", step2_score="251")
    assert restore("match_odds", tab_copy=tab_copy(edited))["announce"] is True


def test_bad_values_are_dropped_with_a_note_naming_where_they_came_from() -> None:
    reply = restore(
        "competitiveness",
        address="#competitiveness.specialty=astrology",
        stored=stored(step2_score="lots"),
    )
    assert reply["values"] == {}
    assert any(note.startswith("Ignored a value from the link.") for note in reply["notes"])
    assert any(note.startswith("Ignored a remembered answer.") for note in reply["notes"])


def test_a_link_naming_a_choice_by_its_label_in_any_case_is_read_as_its_slug() -> None:
    # A hand-typed link's "Orthopaedic Surgery" was dropped, and the result
    # was for Internal Medicine (fuzz audit s40, 1).
    for typed in ("Orthopaedic%20Surgery", "ORTHOPAEDIC-SURGERY", "orthopaedic%20surgery"):
        reply = restore("competitiveness", address=f"#competitiveness.specialty={typed}&competitiveness.step2_score=250")
        assert reply["values"] == {"specialty": "orthopaedic-surgery", "step2_score": "250"}, typed
        assert not any(note.startswith("Ignored") for note in reply["notes"]), typed
    assert not reader_state.offered_no_longer(competitiveness.FIELDS, {"specialty": "Orthopaedic Surgery"})
    assert reader_state.offered_no_longer(competitiveness.FIELDS, {"specialty": "Orthopedics"}) == {"specialty"}


def test_a_link_naming_no_choice_is_dropped_with_a_note_quoting_it() -> None:
    reply = restore("competitiveness", address="#competitiveness.specialty=Orthopedics&competitiveness.step2_score=250")
    assert reply["values"] == {"step2_score": "250"}
    (note,) = [note for note in reply["notes"] if note.startswith("Ignored a value from the link.")]
    assert note.endswith("Orthopaedic Surgery. “Orthopedics” is not one of them.")


def test_a_value_in_error_comes_back_as_typed_with_its_message() -> None:
    # Typed 2400 for 240, then reloaded or went Back: the form quietly showed the older 240.
    reply = compute("match_odds", specialty="internal-medicine", step2_score="2400")
    assert not reply["ok"] and reply["tab_copy"] == {
        "inputs": {"specialty": "internal-medicine", "step2_score": "2400"},
        "in_error": True,
    }
    back = restore("match_odds", tab_copy=tab_copy(reply), stored=stored(step2_score="240"))
    assert back["values"]["step2_score"] == "2400" and back["notes"] == []
    assert [e["field"] for e in compute("match_odds", **back["values"])["errors"]] == ["step2_score"]
    # A link with that value is someone else's: its bad value is dropped, with a note.
    followed = restore("match_odds", address="#match-odds.step2_score=2400")
    assert "step2_score" not in followed["values"]
    assert any(note.startswith("Ignored a value from the link.") for note in followed["notes"])


def test_a_copy_kept_in_error_is_newer_than_remembered_answers_in_every_field() -> None:
    # Remember on: specialty changed to pediatrics while Step 2 CK was in error, then a reload
    # brought back the older remembered internal medicine, without a word.
    older = stored(specialty="internal-medicine", step2_score="240")
    reply = compute("match_odds", specialty="pediatrics", step2_score="2400")
    back = restore("match_odds", tab_copy=tab_copy(reply), stored=older)
    assert (back["values"]["specialty"], back["values"]["step2_score"]) == ("pediatrics", "2400") and back["offer"] is None
    # An error only the whole table shows (a row without its specialty): the pasted table comes back, not the remembered one.
    pasted = "name,specialty\nMy new program\n"
    table = compute("packet_check", programs=pasted)
    assert not table["ok"]
    again = restore("packet_check", tab_copy=tab_copy(table), stored=stored(programs="name,specialty\nOld,pediatrics\n"))
    assert again["values"]["programs"] == pasted
    # A good answer's copy still gives way to answers remembered since, elsewhere.
    good = compute("match_odds", specialty="pediatrics", step2_score="240")
    later = restore("match_odds", tab_copy=tab_copy(good), stored=older)
    assert later["values"]["specialty"] == "internal-medicine"


def test_what_a_control_could_not_show_again_stays_out_of_the_tabs_copy() -> None:
    unreadable = compute("timeline", today="2026-12-01", eras_submission=reader_state.UNREADABLE_BY_CONTROL, dual_applying=False)
    assert not unreadable["ok"] and unreadable["tab_copy"]["inputs"] == {"today": "2026-12-01", "dual_applying": "false"}
    too_long = compute("packet_check", programs="x" * (reader_state.TYPED_MAX_CHARS + 1))
    assert not too_long["ok"] and "programs" not in too_long["tab_copy"]["inputs"]
    # A date left out as typed comes back empty, not as the older one: the reader's own, without an offer.
    back = restore("timeline", tab_copy=tab_copy(unreadable), stored=stored(dual_applying="true"))
    assert back["offer"] is None and "eras_submission" not in back["values"] and back["values"]["dual_applying"] == "false"


def test_a_paste_over_the_limit_comes_back_as_typed_to_be_cut_down() -> None:
    # A 27,023-character Programs paste was dropped from the tab's copy; a reload then showed the
    # three-line example, called "your inputs", and the paste was gone.
    limit = packet_check.TABLE_MAX_CHARS
    pasted = packet_check.DEFAULT_PROGRAMS + "".join(f"Program {n},internal-medicine\n" for n in range(limit // 25))
    assert len(pasted) > limit
    reply = compute("packet_check", programs=pasted)
    assert [e["field"] for e in reply["errors"]] == ["programs"] and f"(yours: {len(pasted):,})" in reply["errors"][0]["message"]
    back = restore("packet_check", tab_copy=tab_copy(reply))
    assert back["values"]["programs"] == pasted and back["notes"] == []


def test_a_paste_too_long_for_the_tab_to_keep_is_named_when_the_form_comes_back_without_it() -> None:
    huge = "name,specialty\n" + "x" * reader_state.TYPED_MAX_CHARS
    reply = compute("packet_check", programs=huge, documents="id,kind,specialty\n")
    assert "programs" not in reply["tab_copy"]["inputs"] and reply["tab_copy"]["dropped"] == {"programs": len(huge)}
    back = restore("packet_check", tab_copy=tab_copy(reply))
    # The box falls back to its example; the note keeps it from passing for the reader's own.
    assert "programs" not in back["values"] and back["announce"]
    assert back["notes"] == [
        f"What you last put in Programs (CSV) ({len(huge):,} characters) was too long for this tab to keep, so the box "
        f"no longer shows it. Paste it again, cut to at most {packet_check.TABLE_MAX_CHARS:,} characters."
    ]
    # The other boxes still come back as typed.
    assert back["values"]["documents"] == "id,kind,specialty\n"
    # Once the form is valid again, the tab's copy holds no such record, and no note follows.
    fixed = compute("packet_check")
    assert "dropped" not in fixed["tab_copy"] and restore("packet_check", tab_copy=tab_copy(fixed))["notes"] == []


def test_the_page_and_python_name_an_unreadable_value_alike() -> None:
    script = (ROOT / "docs" / "assets" / "javascripts" / "calculators.js").read_text(encoding="utf-8")
    assert f'const UNREADABLE_DATE = "{reader_state.UNREADABLE_BY_CONTROL}";' in script


# --- Remembered answers --------------------------------------------------------------------------------


def test_one_question_is_one_remembered_answer_everywhere() -> None:
    cost = compute("application_cost", primary_specialty="psychiatry")
    assert cost["remember"]["specialty"] == "psychiatry"
    assert "primary_specialty" not in cost["remember"]

    from_competitiveness = stored(**compute("competitiveness", specialty="psychiatry")["remember"])
    assert restore("application_cost", stored=from_competitiveness)["values"]["primary_specialty"] == "psychiatry"
    assert restore("match_odds", stored=from_competitiveness)["values"]["specialty"] == "psychiatry"


def test_an_answer_saved_under_the_old_field_name_still_counts() -> None:
    assert restore("application_cost", stored=stored(primary_specialty="neurology"))["values"] == {
        "primary_specialty": "neurology"
    }


def test_a_link_that_disagrees_with_remembered_answers_shows_the_link_and_offers_a_choice() -> None:
    reply = restore(
        "competitiveness",
        address="#competitiveness.specialty=neurology&competitiveness.step2_score=250",
        stored=stored(specialty="psychiatry", step2_score="250", applicant_type="us-img"),
    )
    assert reply["values"] == {"specialty": "neurology", "step2_score": "250", "applicant_type": "us-img"}
    offer = reply["offer"]
    assert (offer["use"], offer["keep"]) == ("Use these linked values", "Keep mine")
    assert "Target specialty: Neurology in the link, Psychiatry remembered" in offer["html"]
    assert "Step 2 CK" not in offer["html"]  # the same in both: nothing to choose
    kept = offer["keep_values"]
    assert {key: kept[key] for key in ("specialty", "step2_score", "applicant_type")} == {
        "specialty": "psychiatry",
        "step2_score": "250",
        "applicant_type": "us-img",
    }


def test_keep_mine_leaves_none_of_the_links_answers_in_the_form() -> None:
    # The link's backup specialty stayed in the form after "Keep mine", and the reader's
    # next edit remembered it as theirs, though the page said their answers were unchanged.
    from calculators import program_counts

    reply = restore(
        "program_counts",
        address="#program-counts.specialty=internal-medicine&program-counts.backup_specialty=psychiatry",
        stored=stored(specialty="general-surgery", step2_score="230"),
    )
    kept = reply["offer"]["keep_values"]
    defaults = {f.name: f.to_text(f.default) for f in program_counts.FIELDS}
    assert kept == {**defaults, "specialty": "general-surgery", "step2_score": "230"}


def test_a_reload_of_a_link_still_not_remembered_says_so_again() -> None:
    address = "#program-counts.backup_specialty=psychiatry&program-counts.step2_score=250"
    first = restore("program_counts", address=address, stored=stored(specialty="general-surgery"))
    assert reader_state.LINK_NOT_REMEMBERED in first["notes"] and first["remember_waits"]
    shown = compute("program_counts", **first["values"])
    again = restore(
        "program_counts",
        address=address,
        stored=stored(specialty="general-surgery"),
        tab_copy=tab_copy(shown, first["link"], remember_waits=True),
    )
    assert reader_state.LINK_NOT_REMEMBERED in again["notes"] and again["remember_waits"]


@pytest.mark.parametrize(
    "saved",
    [
        {"address": "#competitiveness.specialty=psychiatry", "stored": stored(specialty="psychiatry")},
        {"address": "#competitiveness.specialty=psychiatry", "stored": None},
        {"address": "", "stored": stored(specialty="psychiatry")},
    ],
)
def test_no_offer_when_nothing_disagrees(saved: dict) -> None:
    assert restore("competitiveness", **saved)["offer"] is None


# --- Wording -------------------------------------------------------------------------------------------


def test_the_status_line_does_not_repeat_the_headline_on_screen() -> None:
    reply = compute("competitiveness")
    assert reply["status_html"].startswith('<span aria-hidden="true">Updated for your inputs.</span>')
    assert f'<span class="mpb-visually-hidden">{reply["announce"]}</span>' in reply["status_html"]


def test_a_screen_reader_hears_the_summary_alone_within_the_read_out_limit() -> None:
    # The on-screen words before it took a 40-word summary to 44 (a11y-new audit s43, 9).
    reply = compute("competitiveness")
    heard = re.sub(r'<span aria-hidden="true">.*?</span>', "", reply["status_html"])
    assert re.sub(r"<[^>]+>", "", heard).strip() == reply["announce"]


def test_the_fix_message_names_every_field_by_its_label() -> None:
    # Two rules said in full ran to 50 words; past 40 the fields are named and
    # each field's own message carries its rule (a11y-phone audit s42, 3).
    reply = compute("competitiveness", step2_score="abc", usce_months="-1")
    assert reply["status"] == (
        "Please fix Step 2 CK score and US clinical experience (months). The result shown is still for your last valid inputs."
    )
    assert compute("competitiveness", step2_score="abc")["status"] == (
        "Please fix Step 2 CK score. Step 2 CK score must be a whole number from 1 to 300, or left empty. "
        "The result shown is still for your last valid inputs."
    )


def test_the_page_gets_every_rule_that_spans_fields_and_the_status_names_each() -> None:
    reply = compute("application_cost", backup_programs="5", first_year_programs="0", supplemental_ranked="3")
    assert [e["field"] for e in reply["errors"]] == ["backup_programs", "supplemental_ranked"]
    assert reply["status"].startswith(
        "Please fix Programs in the backup specialty and First-year programs on supplemental lists."
    )
    # The rule is said too, while the status keeps to 40 words: the fields it
    # names may be several Tab stops away.  Two such rules run past 40, and
    # are left to each field's message (a11y-phone audit s42, 3).
    assert len(reply["status"].split()) <= 40
    alone = compute("application_cost", backup_programs="5")
    (error,) = alone["errors"]
    assert error["message"] in alone["status"]


def test_a_rule_that_several_fields_break_is_said_once() -> None:
    # The same rule said for each field was most of a 66-word status (a11y-phone audit s42, 3).
    fields = competitiveness.FIELDS
    by_name = {field.name: field for field in fields}

    def broken(*names: str) -> list[InputError]:
        errors = []
        for name in names:
            with pytest.raises(InputError) as caught:
                by_name[name].parse("x")
            errors.append(caught.value)
        return errors

    assert reader_state.fix_status(fields, broken("exam_failures", "away_rotations")) == (
        "Please fix Exam failures and US rotations in this specialty. Each must be a whole number from 0 to 20. "
        "The result shown is still for your last valid inputs."
    )
    # Beside another field's rule, the fields that share one are named with it.
    short = (IntField(name="a", label="Apples", maximum=20), IntField(name="b", label="Pears", maximum=20))
    other = InputError("c", "Plums is wrong.")
    errors = [other, *(field.error() for field in short)]
    assert reader_state.fix_status((*short, IntField(name="c", label="Plums")), errors) == (
        "Please fix Plums, Apples and Pears. Plums is wrong. Apples and Pears must each be a whole number from 0 to 20. "
        "The result shown is still for your last valid inputs."
    )
    # Four short rules keep well within 40 words and are still left to each
    # field: MOST_RULES_IN_STATUS caps them, not only the word limit (testread audit s45, 5).
    four = [InputError(name, f"{name} is wrong.") for name in "ABCD"]
    letters = [IntField(name=name, label=name) for name in "ABCD"]
    assert reader_state.fix_status(letters, four) == (
        "Please fix A, B, C and D. The result shown is still for your last valid inputs."
    )
    assert reader_state.fix_status(letters, four[:3]) == (
        "Please fix A, B and C. A is wrong. B is wrong. C is wrong. The result shown is still for your last valid inputs."
    )
    # A field that may be left empty says so, once.
    assert reader_state.fix_status(fields, broken("step2_score")) == (
        "Please fix Step 2 CK score. Step 2 CK score must be a whole number from 1 to 300, or left empty. "
        "The result shown is still for your last valid inputs."
    )


def test_the_status_names_the_fields_but_not_their_rules_when_many_are_broken() -> None:
    reply = compute("competitiveness", step2_score="x", usce_months="x", research_items="x", away_rotations="x")
    assert reply["status"] == (
        "Please fix Step 2 CK score, US clinical experience (months), Research items and US rotations in this specialty. "
        "The result shown is still for your last valid inputs."
    )


def test_a_bad_links_note_lists_specialty_names_not_codes() -> None:
    reply = restore("application_cost", address="#application-cost.primary_specialty=cardiology")
    (note,) = reply["notes"]
    assert "Internal Medicine, Family Medicine" in note
    assert "internal-medicine" not in note


def test_choice_labels_with_commas_are_listed_with_semicolons() -> None:
    field = ChoiceField(name="x", label="Pick", choices=(("a", "Yes, please"), ("b", "No")))
    with pytest.raises(InputError, match=r"Pick must be one of: Yes, please; No\."):
        field.parse("c")
    assert field.allowed_codes() == "one of: a (Yes, please), b (No)"


def test_fields_remembered_under_one_name_accept_the_same_answers() -> None:
    from calculators import REGISTRY

    by_name: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for calc in REGISTRY.values():
        for field in calc.FIELDS:
            if isinstance(field, ChoiceField):
                by_name.setdefault(reader_state.remembered_as(field.name), set()).add(field.choices)
    assert {"specialty", "applicant_type", "needs_visa", "backup_specialty"} <= set(by_name)
    assert {name: len(lists) for name, lists in by_name.items() if len(lists) != 1} == {}


def test_what_was_typed_while_the_engine_started_wins_and_is_named() -> None:
    stored = json.dumps({"version": 1, "values": {"step2_score": "240", "specialty": "psychiatry"}})
    reply = json.loads(
        browser.restore(
            "match_odds",
            json.dumps({"address": "", "stored": stored, "typed": {"step2_score": "262", "specialty": "psychiatry"}}),
        )
    )
    assert reply["values"]["step2_score"] == "262"
    # Only a field whose typed value differs from the remembered one is named.
    assert reply["notes"] == ["Kept what you typed while the calculator engine was starting: Step 2 CK score."]
    # A value typed in error comes back as typed, for the form to show its message.
    wrong = json.loads(
        browser.restore("match_odds", json.dumps({"address": "", "stored": stored, "typed": {"step2_score": "2620"}}))
    )
    assert wrong["values"]["step2_score"] == "2620"
    # A name that is not this calculator's field is ignored.
    other = json.loads(browser.restore("match_odds", json.dumps({"address": "", "stored": None, "typed": {"nonsense": "1"}})))
    assert "nonsense" not in other["values"] and other["notes"] == []


def test_a_remembered_count_comes_back_only_for_the_specialty_it_was_typed_for() -> None:
    # 29 signals typed for neurology came back as "the number you entered"
    # for psychiatry once the specialty was changed on another calculator.
    from calculators import application_cost, signals

    remembered = reader_state.to_profile(
        {"specialty": "neurology", "backup_specialty": "pathology", "primary_signals": "29", "backup_signals": "31"}
    )
    assert reader_state.from_profile(signals.FIELDS, remembered)["primary_signals"] == "29"
    remembered["specialty"] = "psychiatry"  # changed on the competitiveness check
    found = reader_state.from_profile(signals.FIELDS, remembered)
    assert "primary_signals" not in found and found["backup_signals"] == "31"
    # Application cost's own name for the first choice is the shared specialty.
    cost = reader_state.to_profile({"primary_specialty": "neurology", "primary_programs": "45"})
    assert reader_state.from_profile(application_cost.FIELDS, cost)["primary_programs"] == "45"
    cost["specialty"] = "psychiatry"
    assert "primary_programs" not in reader_state.from_profile(application_cost.FIELDS, cost)
    # A count stored by an older version, without its specialty, is not guessed at.
    assert "primary_signals" not in reader_state.from_profile(signals.FIELDS, {"specialty": "neurology", "primary_signals": "29"})


@pytest.mark.parametrize(
    ("module", "count"),
    [("competitiveness", "specialty_letters"), ("competitiveness", "away_rotations"), ("match_odds", "contiguous_ranks")],
)
def test_counts_asked_in_this_specialty_stay_with_the_specialty_they_were_typed_for(module: str, count: str) -> None:
    # Letters, rotations and ranks typed for internal medicine came back for
    # dermatology and psychiatry, and moved their results (browser audit s55, 1).
    fields = importlib.import_module(f"calculators.{module}").FIELDS
    remembered = reader_state.to_profile({"specialty": "internal-medicine", count: "4"})
    assert reader_state.from_profile(fields, remembered)[count] == "4"
    remembered["specialty"] = "dermatology"  # changed on another calculator
    assert count not in reader_state.from_profile(fields, remembered)


def test_whether_you_applied_this_season_is_remembered_once_for_every_calculator_that_asks_it() -> None:
    # One shared answer (planner audit s54, 3): said "no" on application
    # cost, a reader planning the next season is not shown the season under
    # way's notes by the check, program counts, signals or the finder either.
    name = profile.APPLIED_THIS_SEASON.name
    reply = compute("application_cost", **{name: profile.NOT_APPLIED})
    assert reply["remember"][name] == profile.NOT_APPLIED == "no-2027" and reply["remember_keys"][name] == [name]
    # The timeline too, which plans the season under review for a "Yes" (interview audit s56, 5).
    for other in ("competitiveness", "program_counts", "signals", "backup_finder", "timeline"):
        back = restore(other, stored=stored(**reply["remember"]), page=[other])
        assert back["values"][name] == profile.NOT_APPLIED, other
        # Named as the form names it: a label ending in "?" read "(Match 2027)?." in this note.
        notes = " ".join(back["notes"])
        assert profile.APPLIED_THIS_SEASON.label in notes and "?." not in notes, other
    # Match odds does not ask it, so it takes nothing from it.
    assert name not in restore("match_odds", stored=stored(**reply["remember"]), page=["match_odds"])["values"]


def test_keep_mine_never_keeps_a_linked_count_for_another_specialty() -> None:
    # Remembered: psychiatry, its count dropped (typed for neurology). A link
    # with neurology and 29 signals: "Keep mine" kept psychiatry with the 29.
    from calculators import signals

    remembered = reader_state.to_profile({"specialty": "neurology", "primary_signals": "29"})
    remembered["specialty"] = "psychiatry"
    stored = json.dumps({"version": 1, "values": remembered})
    reply = reader_state.starting_values(
        signals.FIELDS, linked={"specialty": "neurology", "primary_signals": "29"}, stored=stored
    )
    assert reply["offer"] is not None
    kept = reply["offer"]["keep_values"]  # type: ignore[index]
    # Named, with its default: the page writes only the fields named, and left the link's 29 in the form.
    count = next(field for field in signals.FIELDS if field.name == "primary_signals")
    assert kept["specialty"] == "psychiatry" and kept["primary_signals"] == count.to_text(count.default)


def test_a_remembered_count_not_given_back_is_named() -> None:
    from calculators import signals

    remembered = reader_state.to_profile({"specialty": "neurology", "primary_signals": "29"})
    remembered["specialty"] = "psychiatry"
    reply = reader_state.starting_values(signals.FIELDS, linked={}, stored=json.dumps({"version": 1, "values": remembered}))
    assert "primary_signals" not in reply["values"]  # type: ignore[operator]
    assert reply["notes"] == [
        "Not filled in from your remembered answers, because it may have been typed for another specialty: "
        "Signals your first choice allows.",
        "Filled in from the answers you asked this device to remember: Target specialty.",
    ]


def test_a_form_filled_in_from_remembered_answers_says_so() -> None:
    # The form filled itself in on a new page, and nothing said where the values came from.
    remembered = stored(specialty="psychiatry", step2_score="240", applicant_type="us-img")
    fresh = restore("match_odds", stored=remembered)
    assert fresh["notes"] == ["Filled in from the answers you asked this device to remember: Specialty and Applicant type."]
    # Only what the form would not show anyway: a reload of the same answers says nothing.
    same = compute("match_odds", specialty="psychiatry", step2_score="240", applicant_type="us-img")
    assert restore("match_odds", stored=remembered, tab_copy=tab_copy(same))["notes"] == []
    # Changed since on another calculator: named, since the form now differs from what this tab showed.
    older = compute("match_odds", specialty="neurology", step2_score="240", applicant_type="us-img")
    assert restore("match_odds", stored=remembered, tab_copy=tab_copy(older))["notes"] == [
        "Filled in from the answers you asked this device to remember: Specialty."
    ]


def test_answers_a_newer_version_saved_are_kept_for_the_reload_with_a_note_that_says_so() -> None:
    # Called unreadable, and written over at the old tab's next edit (jsreview audit s44, 5).
    newer = json.dumps({"version": 2, "values": {"specialty": "neurology"}})
    assert reader_state.read_stored(newer) == ({}, [reader_state.STORED_BY_A_NEWER_VERSION])
    assert "reload the page" in reader_state.STORED_BY_A_NEWER_VERSION


@pytest.mark.parametrize("version", [0, "1", True, None])
def test_remembered_answers_in_a_shape_of_another_version_are_dropped_with_a_note(version: object) -> None:
    # The version was written and never read: a later deploy's shape, written
    # by a tab open across it, was taken for this one's (jsread audit s44, 6).
    shape = {"values": {"specialty": "neurology"}} | ({} if version is None else {"version": version})
    assert reader_state.read_stored(json.dumps(shape)) == ({}, [reader_state.STORED_UNREADABLE])
    reply = restore("competitiveness", stored=json.dumps(shape))
    assert "specialty" not in reply["values"]
    assert reply["notes"] == ["Your remembered answers could not be read, so they were ignored."]
    # Version 1 is read as before.
    assert reader_state.read_stored(stored(specialty="neurology")) == ({"specialty": "neurology"}, [])


def test_the_devices_date_wins_over_a_date_kept_in_the_tab() -> None:
    # A tab reopened weeks later planned from the day it was last used, marking past milestones as ahead.
    old = compute("timeline", today="2026-11-20", dual_applying=True)
    back = restore("timeline", tab_copy=tab_copy(old), today="2026-12-02")
    assert back["values"]["today"] == "2026-12-02" and back["values"]["dual_applying"] == "true"
    assert back["notes"] == []


def test_a_links_own_date_stands_and_says_it_is_not_todays() -> None:
    linked = restore("timeline", address="#timeline.today=2026-11-20", today="2026-12-02")
    assert linked["values"]["today"] == "2026-11-20"
    assert linked["notes"] == [
        "This link plans from 2026-11-20, the date it was made; your device says 2026-12-02. "
        "Change “Today's date” to plan from now."
    ]
    assert restore("timeline", address="#timeline.today=2026-12-02", today="2026-12-02")["notes"] == []


def test_a_reload_with_the_offer_open_lists_what_the_link_said_not_the_readers_edits() -> None:
    # The offer listed "USMLE failures: 1 in the link", a value the reader had typed, not the link.
    link = {"specialty": "psychiatry", "step2_score": "230"}
    edited = compute("competitiveness", specialty="psychiatry", step2_score="230", exam_failures="1")
    reloaded = restore(
        "competitiveness",
        address="#competitiveness.specialty=psychiatry&competitiveness.step2_score=230",
        tab_copy=tab_copy(edited, link, offer_open=True),
        stored=stored(specialty="neurology", step2_score="230", exam_failures="0"),
    )
    assert reloaded["values"]["exam_failures"] == "1"  # the form keeps the edit
    offer = reloaded["offer"]["html"]
    assert "Target specialty: Psychiatry in the link, Neurology remembered" in offer
    assert "USMLE" not in offer and "failure" not in offer.lower()


def test_the_same_link_again_says_the_form_shows_the_readers_changes() -> None:
    # Opened a mentor's link a second time in the same tab: the form showed the reader's own
    # edits, without a word, as if the link had said them.
    link = {"step2_score": "250"}
    edited = compute("match_odds", step2_score="262")
    again = restore("match_odds", address="#match-odds.step2_score=250", tab_copy=tab_copy(edited, link))
    assert again["values"]["step2_score"] == "262"
    assert again["notes"] == [
        "This form shows the changes you made in this tab to the link you opened: Step 2 CK score. "
        "Open the link in a new tab to see its answers as they were sent."
    ]
    unchanged = compute("match_odds", step2_score="250")
    assert restore("match_odds", address="#match-odds.step2_score=250", tab_copy=tab_copy(unchanged, link))["notes"] == []


# --- A link's answers are not remembered unasked ---------------------------------------------------------

SIGNALS_LINK = "#signals.specialty=internal-medicine&signals.backup_specialty=psychiatry&signals.backup_signals=7"


def test_a_link_that_adds_answers_says_they_are_not_remembered_and_the_page_waits() -> None:
    # No answer disagreed, so no offer; the page then remembered the mentor's backup
    # specialty, and the next calculator filled it in as the reader's own.
    reply = restore("signals", address=SIGNALS_LINK, stored=stored(specialty="internal-medicine"))
    assert reply["offer"] is None and reply["remember_waits"] is True
    assert reader_state.LINK_NOT_REMEMBERED in reply["notes"]
    # Nothing remembered: nothing to say, though the page still waits (the reader may tick Remember).
    unremembered = restore("signals", address=SIGNALS_LINK, stored=None)
    assert reader_state.LINK_NOT_REMEMBERED not in unremembered["notes"] and unremembered["remember_waits"] is True


def test_the_page_waits_through_a_reload_until_the_reader_changes_the_form() -> None:
    link = reader_state.linked_inputs("signals", reader_state.address_params(SIGNALS_LINK), ["signals"])
    shown = compute("signals", **link)
    waiting = restore("signals", address=SIGNALS_LINK, tab_copy=tab_copy(shown, link, remember_waits=True))
    assert waiting["remember_waits"] is True
    changed = restore("signals", address=SIGNALS_LINK, tab_copy=tab_copy(shown, link))
    assert changed["remember_waits"] is False
    assert restore("signals", tab_copy=tab_copy(compute("signals")))["remember_waits"] is False
    # Typed while the engine started: the reader's own answers from the first.
    typed = restore("signals", address=SIGNALS_LINK, typed={"backup_signals": "5"})
    assert typed["remember_waits"] is False


def test_a_copy_kept_in_error_gives_back_the_last_valid_inputs_to_answer_first() -> None:
    # Back with a field in error, the page showed the result built for the defaults as the reader's own.
    valid = compute("match_odds", specialty="general-surgery")
    in_error = compute("match_odds", specialty="general-surgery", contiguous_ranks="five")
    kept = json.dumps({**in_error["tab_copy"], "link": None, "last_valid": valid["tab_copy"]["inputs"]})
    back = restore("match_odds", tab_copy=kept)
    assert back["values"]["contiguous_ranks"] == "five"
    assert back["last_valid"] == valid["tab_copy"]["inputs"]
    assert restore("match_odds", tab_copy=tab_copy(valid))["last_valid"] is None


def test_an_error_before_any_valid_answer_says_the_result_is_the_defaults() -> None:
    reply = compute("match_odds", contiguous_ranks="five")
    assert reply["status"].endswith("The result shown is still for your last valid inputs.")
    assert reply["status_over_defaults"].endswith("The result shown is for the default inputs.")
    assert reply["status_over_defaults"].startswith("Please fix Programs you will rank in this specialty.")


def test_a_field_in_error_does_not_hide_a_rule_that_spans_other_fields() -> None:
    # The page asked the rules only once every field parsed, so a bad "Virtual interviews"
    # hid that the backup programs needed a backup specialty.
    reply = compute("application_cost", backup_programs="5", virtual_interviews="x")
    assert [error["field"] for error in reply["errors"]] == ["virtual_interviews", "backup_programs"]
    assert reply["status"].startswith("Please fix Virtual interviews and Programs in the backup specialty.")


def test_a_query_string_with_no_inputs_is_no_link() -> None:
    # A share button's ?fbclid=... was taken for a link: the tab's own answers gave way to the defaults.
    answered = compute("program_counts", specialty="general-surgery", step2_score="260")
    back = restore("program_counts", search="?fbclid=abc", tab_copy=tab_copy(answered))
    assert back["values"]["specialty"] == "general-surgery" and back["link"] is None
    assert back["remember_waits"] is False and back["drop_search"] is False


def test_each_field_writes_only_its_own_remembered_answers() -> None:
    # A form writes the fields the reader changed in it, not its whole older copy (audit s19, state 1).
    reply = compute("signals", specialty="neurology", primary_signals="9")
    keys = reply["remember_keys"]
    assert keys["primary_signals"] == ["primary_signals", "primary_signals.for"]
    # A new specialty takes the count beside it, else the count stayed remembered for the old one (diff review 3).
    assert keys["specialty"] == [
        "specialty",
        *("primary_signals", "primary_signals.for"),
        # Asked "in this specialty" too (browser audit s55, 1).
        *("specialty_letters", "specialty_letters.for", "away_rotations", "away_rotations.for"),
    ]
    assert all(set(names) <= set(reply["remember"]) for names in keys.values())
    timeline = compute("timeline", today="2026-12-02")
    assert "today" not in timeline["remember_keys"], "the device's date is never remembered"


def test_fields_changed_here_and_not_yet_remembered_keep_their_answers() -> None:
    # Remember ticked in another form since, or a field in error when they were
    # changed: an older remembered answer must not replace them (audit s19,
    # state 2; diff review 1), and the page is told to write them.
    own = compute("program_counts", specialty="psychiatry", applicant_type="us-md")
    remembered = stored(specialty="internal-medicine", applicant_type="non-us-img")
    pending = json.dumps({**json.loads(tab_copy(own)), "unremembered": ["specialty"]})
    reply = restore("program_counts", stored=remembered, tab_copy=pending)
    assert reply["values"]["specialty"] == "psychiatry" and reply["unremembered"] == ["specialty"]
    # The other fields were remembered: the remembered answer is the newer and wins, as before.
    assert reply["values"]["applicant_type"] == "non-us-img"
    assert restore("program_counts", stored=remembered, tab_copy=tab_copy(own))["values"]["specialty"] == "internal-medicine"


def test_a_count_the_tab_kept_for_one_specialty_is_emptied_beside_another() -> None:
    # 9 signals typed for neurology came back for psychiatry as "the number you entered" (audit s19, state 5).
    own = compute("signals", specialty="neurology", primary_signals="9")
    remembered = stored(specialty="psychiatry")
    reply = restore("signals", stored=remembered, tab_copy=tab_copy(own))
    assert reply["values"]["specialty"] == "psychiatry" and reply["values"]["primary_signals"] == ""
    emptied = "Signals your first choice allows was emptied: the 9 you entered was for Neurology, and Target specialty is now Psychiatry."
    assert emptied in reply["notes"]
    # Remembered for neurology too: the exact sentence alone, not the vague one beside it (a11y audit s20, 7).
    profile = reader_state.to_profile({"specialty": "neurology", "primary_signals": "9"}) | {"specialty": "psychiatry"}
    both = restore("signals", stored=json.dumps({"version": 1, "values": profile}), tab_copy=tab_copy(own))
    assert emptied in both["notes"] and not [note for note in both["notes"] if "may have been typed" in note]
    # Beside the same specialty it stays.
    same = restore("signals", stored=stored(specialty="neurology"), tab_copy=tab_copy(own))
    assert same["values"]["primary_signals"] == "9"
    # A count the remembered answers gave for the new specialty is theirs, not the tab's (diff review 8).
    given = stored(**{"specialty": "psychiatry", "primary_signals": "9", "primary_signals.for": "psychiatry"})
    assert restore("signals", stored=given, tab_copy=tab_copy(own))["values"]["primary_signals"] == "9"


def test_a_link_sets_the_readers_own_answers_aside_and_they_come_back_without_it() -> None:
    # A mentor's link replaced the tab's copy of the reader's own answers, and
    # the plain address then showed the link's answers, unnamed (audit s19, state 3).
    own = compute("competitiveness", specialty="neurology", step2_score="255")
    mine = tab_copy(own)
    address = "#competitiveness.specialty=psychiatry&competitiveness.step2_score=230"
    opened = restore("competitiveness", address=address, tab_copy=mine)
    assert opened["values"]["specialty"] == "psychiatry" and opened["set_aside"] is True
    # Said, or the status called the link's answers "your inputs" (a11y audit s20, 6) ...
    assert reader_state.OWN_ANSWERS_ASIDE in opened["notes"]
    # ... when there were answers of the reader's to set aside, not the defaults alone.
    untouched = restore("competitiveness", address=address, tab_copy=tab_copy(compute("competitiveness")))
    assert untouched["set_aside"] is True and reader_state.OWN_ANSWERS_ASIDE not in untouched["notes"]
    from_link = compute("competitiveness", specialty="psychiatry", step2_score="230")
    link_copy = tab_copy(from_link, link=opened["link"])
    back = restore("competitiveness", tab_copy=link_copy, own_copy=mine)
    assert back["values"]["specialty"] == "neurology" and back["values"]["step2_score"] == "255"
    assert reader_state.OWN_ANSWERS_BACK in back["notes"] and back["link"] is None
    # The link's answers changed by the reader are theirs now, and stay.
    edited = compute("competitiveness", specialty="psychiatry", step2_score="232")
    kept = restore("competitiveness", tab_copy=tab_copy(edited, link=opened["link"]), own_copy=mine)
    assert kept["values"]["step2_score"] == "232" and reader_state.OWN_ANSWERS_BACK not in kept["notes"]
    # A second link does not set aside a link's answers as the reader's own.
    again = restore("competitiveness", address=address.replace("230", "231"), tab_copy=link_copy)
    assert again["set_aside"] is False


def test_keep_mine_leaves_the_address_without_the_links_inputs() -> None:
    # After "Keep mine", a reload said the form showed "the changes you made" to the link (diff review 7).
    page = ["program_counts", "application_cost"]
    both = "#program-counts.specialty=psychiatry&application-cost.primary_programs=60"
    assert reader_state.fragment_without_link("program_counts", both, page) == "application-cost.primary_programs=60"
    assert (
        reader_state.fragment_without_link("competitiveness", "#specialty=psychiatry&step2_score=230", ["competitiveness"]) == ""
    )
    assert (
        reader_state.fragment_without_link("competitiveness", "#reading-the-result", ["competitiveness"]) == "reading-the-result"
    )


def test_an_answer_to_a_question_no_longer_asked_is_not_dropped_without_a_word() -> None:
    # A new version renamed a field, and the reader's typed number became the
    # default with no note (upgrade audit s30, 3): this site's own rename of
    # competitiveness's recent clinical work is one such case.
    def notes(**saved: object) -> list[str]:
        return restore("competitiveness", **{"address": "", "stored": None, **saved})["notes"]

    old_tab = json.dumps({"inputs": {"recent_clinical_work": "true", "step2_score": "240"}})
    reply = restore("competitiveness", address="", stored=None, tab_copy=old_tab)
    assert reader_state.EARLIER_VERSION_IN_TAB in reply["notes"]
    assert reply["values"]["step2_score"] == "240"
    assert reader_state.EARLIER_VERSION_IN_TAB not in notes(tab_copy=json.dumps({"inputs": {"step2_score": "240"}}))
    # A choice no longer offered: a menu cannot show it as a box shows a typed
    # number, and it came back blank without a word (bridge audit s31, 2).
    for kept in ({"backup_specialty": "a-retired-slug"}, {"specialty": "a-retired-slug", "step2_score": "240"}):
        reply = restore("program_counts", address="", stored=None, tab_copy=json.dumps({"inputs": kept}))
        assert reader_state.EARLIER_VERSION_IN_TAB in reply["notes"], kept
        assert "a-retired-slug" not in reply["values"].values(), reply["values"]
    for kept in ({"backup_specialty": ""}, {"backup_specialty": "psychiatry"}, {"specialty": "  psychiatry "}):
        reply = restore("program_counts", address="", stored=None, tab_copy=json.dumps({"inputs": kept}))
        assert reader_state.EARLIER_VERSION_IN_TAB not in reply["notes"], kept
    for address in (
        "#competitiveness.recent_clinical_work=true&competitiveness.step2_score=250",
        "#competitiveness.recent_clinical_work=true",
    ):
        assert reader_state.EARLIER_VERSION_IN_LINK in notes(address=address), address
    # Remembered answers outlive a version too, and are shared by calculators, so
    # only the one rename that replaced a remembered answer is named (diff review s30, 3).
    remembered = json.dumps({"version": 1, "values": {"recent_clinical_work": "true", "years_since_graduation": "7"}})
    (retired_note,) = [note for _, note in profile.RETIRED_QUESTIONS.values()]
    assert retired_note in notes(stored=remembered)
    assert retired_note not in restore("match_odds", address="", stored=remembered)["notes"]
    answered = json.dumps({"version": 1, "values": {"recent_clinical_work": "true", "recent_clinical_months": "12"}})
    assert retired_note not in notes(stored=answered)
    # Parameters that are no calculator's, as a share button adds, are no answers at all.
    assert notes(search="?fbclid=abc", address="#competitiveness.step2_score=250") == notes(
        address="#competitiveness.step2_score=250"
    )
    assert not any("earlier version" in note for note in notes(search="?fbclid=abc"))


# --- browser audit s55, 3: a remembered backup that became the first choice ----------------------------------
def test_a_remembered_backup_now_the_first_choice_is_emptied_with_its_counts_and_said() -> None:
    # Backup Family Medicine remembered on program counts, then Target
    # Family Medicine on the check: three calculators and the Apply guide
    # opened on "Please fix Backup specialty" and the defaults' result.
    before = reader_state.to_profile(
        {"specialty": "internal-medicine", "backup_specialty": "family-medicine", "backup_signals": "5", "backup_programs": "40"}
    )
    remembered = json.dumps({"version": 1, "values": before | {"specialty": "family-medicine"}})
    cleared = "Backup specialty was emptied: Family Medicine is now your first choice, and a backup must be another specialty."
    for name, page, count in (
        ("program_counts", APPLY_PAGE, None),
        (
            "signals",
            ["signals"],
            "Signals your backup allows was emptied too: the 5 you entered was for Family Medicine as your backup.",
        ),
        (
            "application_cost",
            APPLY_PAGE,
            "Programs in the backup specialty went back to 0 too: the 40 you entered was for Family Medicine as your backup.",
        ),
    ):
        reply = restore(name, stored=remembered, page=page)
        assert reply["values"]["backup_specialty"] == "", name
        assert reply["notes"][: 2 if count else 1] == [cleared, *([count] if count else [])], reply["notes"]
        # What was filled in no longer names the backup, and the form has no error.
        assert "Backup specialty" not in reply["notes"][-1] and "Filled in from" in reply["notes"][-1]
        assert compute(name, **reply["values"])["ok"] is True, name
    # The same from this tab's copy of the form as it was, with the backup.
    own = compute("program_counts", specialty="internal-medicine", backup_specialty="family-medicine")
    again = restore("program_counts", stored=remembered, tab_copy=tab_copy(own), page=APPLY_PAGE)
    assert again["values"]["specialty"] == "family-medicine" and again["values"]["backup_specialty"] == ""
    assert cleared in again["notes"]
    # A link's first choice is restored too; the remembered backup beside it goes.
    linked = restore("program_counts", address="#specialty=family-medicine", stored=stored(backup_specialty="family-medicine"))
    assert linked["values"]["backup_specialty"] == "" and cleared in linked["notes"]
    # A remembered backup unlike the first choice stays, unsaid.
    kept = restore("program_counts", stored=stored(specialty="psychiatry", backup_specialty="family-medicine"))
    assert kept["values"]["backup_specialty"] == "family-medicine" and cleared not in kept["notes"]


def test_a_backup_equal_to_the_first_choice_stays_where_the_reader_or_a_link_gave_it() -> None:
    cleared = "Backup specialty was emptied"
    same = {"specialty": "family-medicine", "backup_specialty": "family-medicine"}
    # A link's own pair is the link's, and its message says what to fix.
    link = restore("program_counts", address="#specialty=family-medicine&backup_specialty=family-medicine")
    assert link["values"]["backup_specialty"] == "family-medicine"
    assert not any(note.startswith(cleared) for note in link["notes"])
    # So is a form the reader left in error here, remembered or not.
    typed = compute("program_counts", **same)
    assert typed["ok"] is False
    mine = json.dumps({**typed["tab_copy"], "link": None, "offer_open": False, "remember_waits": False})
    back = restore("program_counts", stored=stored(**same), tab_copy=mine)
    assert back["values"]["backup_specialty"] == "family-medicine"
    assert not any(note.startswith(cleared) for note in back["notes"])
    # And what the reader typed while the engine was starting.
    early = restore("program_counts", stored=stored(specialty="family-medicine"), typed={"backup_specialty": "family-medicine"})
    assert early["values"]["backup_specialty"] == "family-medicine"
    # A change of field names the backup as the field being left: emptied,
    # the box's own message took the backup's place.
    from calculators import program_counts

    assert program_counts.CHANGING_FIELD.name == reader_state.LEAVING_FIELD
    leaving = stored(**same, changing_field="true", previously_unmatched="true")
    assert restore("program_counts", stored=leaving)["values"]["backup_specialty"] == "family-medicine"


def test_keep_mine_never_brings_back_a_backup_equal_to_the_first_choice() -> None:
    # Remembered: Family Medicine as both, the backup from before. A link
    # with another first choice: "Keep mine" put the pair back in the form.
    remembered = stored(specialty="family-medicine", backup_specialty="family-medicine")
    reply = restore("program_counts", address="#specialty=psychiatry", stored=remembered)
    assert reply["offer"] is not None and reply["values"]["backup_specialty"] == "family-medicine"
    keep = reply["offer"]["keep_values"]
    assert keep["specialty"] == "family-medicine" and keep["backup_specialty"] == ""
    assert compute("program_counts", **keep)["ok"] is True
