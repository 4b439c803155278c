"""Every registered calculator keeps the same contract, so the form, the
command line, the build and the browser can treat them all alike."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import REGISTRY, InputError, data
from calculators.fields import PHONE_CHOICE, BoolField, ChoiceField, DateField, defaults, option_text
from calculators.render import render_calculator, render_form, render_result

NAMES = sorted(REGISTRY)


@pytest.mark.parametrize("name", NAMES)
def test_fields_are_unique_and_their_defaults_are_valid(name: str) -> None:
    calc = REGISTRY[name]
    names = [f.name for f in calc.FIELDS]
    assert len(names) == len(set(names))
    for field in calc.FIELDS:
        assert field.label and field.help, f"{name}.{field.name} needs a label and help text"
        assert field.parse(field.to_text(field.default)) == field.default, field.name


@pytest.mark.parametrize("name", NAMES)
def test_missing_inputs_take_their_defaults(name: str) -> None:
    calc = REGISTRY[name]
    assert calc.compute({}) == calc.compute(defaults(calc.FIELDS))


@pytest.mark.parametrize("name", NAMES)
def test_result_is_json_serialisable(name: str) -> None:
    result = REGISTRY[name].compute({})
    assert json.loads(json.dumps(result)) == result


@pytest.mark.parametrize("name", NAMES)
def test_text_inputs_give_the_same_result_as_typed_inputs(name: str) -> None:
    calc = REGISTRY[name]
    as_text = {f.name: f.to_text(f.default) for f in calc.FIELDS}
    assert calc.compute(as_text) == calc.compute({})


@pytest.mark.parametrize("name", NAMES)
def test_unknown_input_is_refused_by_name(name: str) -> None:
    with pytest.raises(InputError) as caught:
        REGISTRY[name].compute({"no_such_input": 1})
    assert caught.value.field == "no_such_input"
    assert "not an input" in caught.value.message


@pytest.mark.parametrize("name", NAMES)
def test_every_field_rejects_a_wrong_value_with_its_label(name: str) -> None:
    calc = REGISTRY[name]
    for field in calc.FIELDS:
        if field.kind == "textarea":
            continue  # free text: each calculator tests its own parsing
        with pytest.raises(InputError) as caught:
            calc.compute({field.name: "not-a-valid-value-∞"})
        assert caught.value.field == field.name
        assert caught.value.message.startswith(field.label), caught.value.message


@pytest.mark.parametrize("name", NAMES)
def test_widget_markup_has_form_result_method_and_no_inline_script(name: str) -> None:
    calc = REGISTRY[name]
    html = render_calculator(calc)
    assert f'data-calculator="{name}"' in html
    assert "<script" not in html
    assert 'class="mpb-result"' in html and 'class="mpb-method"' in html
    for field in calc.FIELDS:
        assert f'id="mpb-{name}-{field.name}"' in html
        assert f'for="mpb-{name}-{field.name}"' in html, f"{field.name} needs a label"


@pytest.mark.parametrize("name", NAMES)
def test_a_field_in_error_is_described_by_its_error_before_its_help(name: str) -> None:
    # After a 48-word help text, a screen reader reached what was wrong only
    # at the end (announce audit s34, 7).
    html = render_form(REGISTRY[name])
    for field in REGISTRY[name].FIELDS:
        control = f"mpb-{name}-{field.name}"
        assert f'aria-describedby="{control}-error {control}-help"' in html, field.name


@pytest.mark.parametrize("name", NAMES)
def test_a_fields_error_sits_straight_under_its_control_above_its_help(name: str) -> None:
    # Below a long help text, a phone's keyboard hid the reason a box was in
    # error while the reader edited it (phone audit s40, 3).
    html = render_form(REGISTRY[name])
    for field in REGISTRY[name].FIELDS:
        control = f"mpb-{name}-{field.name}"
        # A checkbox's label follows the box: the error follows both.
        at = {
            part: html.index(mark)
            for part, mark in (
                ("label", f'for="{control}"'),
                ("control", f'id="{control}"'),
                ("error", f'id="{control}-error"'),
                ("help", f'id="{control}-help"'),
            )
        }
        assert max(at["label"], at["control"]) < at["error"] < at["help"], (field.name, at)


def test_a_long_choice_drops_its_bracketed_short_form_in_the_drop_down_only() -> None:
    # Whole, it showed as "Physical Medicine and Rehabilitation (PM" in a
    # phone's drop-down (phone audit s40, 2).  An error message's list of
    # choices and a result keep the short form the reader may know it by.
    calc = REGISTRY["competitiveness"]
    html = render_form(calc)
    assert '<option value="pmr">Physical Medicine and Rehabilitation</option>' in html
    specialty = next(f for f in calc.FIELDS if f.name == "specialty")
    assert "Physical Medicine and Rehabilitation (PM&R)" in specialty.allowed()  # an error message's words
    assert calc.compute({"specialty": "pmr"})["specialty_name"] == "Physical Medicine and Rehabilitation (PM&R)"
    assert option_text("Otolaryngology (ENT)") == "Otolaryngology (ENT)"
    assert option_text("Plastic Surgery (integrated)") == "Plastic Surgery (integrated)"
    assert max(len(option_text(name)) for _, name in data.SPECIALTY_CHOICES) <= PHONE_CHOICE
    # What the drop-down shows reads back as its choice, as a label does (diff review s40, 8).
    for calc in REGISTRY.values():
        for field in calc.FIELDS:
            if isinstance(field, ChoiceField):
                assert all(field.slug_for(option_text(label)) == slug for slug, label in field.choices), field.name


@pytest.mark.parametrize("name", NAMES)
def test_the_form_and_the_result_are_named_by_words_on_the_page(name: str) -> None:
    # An aria-label stays in English when the browser translates the page
    # around it (translate audit s28, 5); the words it points to do not.
    html = render_calculator(REGISTRY[name])
    assert "aria-label=" not in html
    for region, label in (("form", "inputs"), ("section", "result-title")):
        named = re.search(rf'<{region} [^>]*aria-labelledby="mpb-{name}-title mpb-{name}-{label}"', html)
        assert named, f"{region} is not named by the title and its own heading"
        assert f'id="mpb-{name}-{label}"' in html


def test_what_a_reader_must_type_exactly_is_code_a_browser_leaves_untranslated() -> None:
    packet, market = REGISTRY["packet_check"], REGISTRY["rank_simulator"]
    programs = render_calculator(packet)
    for token in ("name,specialty", "id,kind,specialty", "letter", "statement", "program,document", "internal-medicine"):
        assert f'<code translate="no">{token}</code>' in programs, token
    simulator = render_calculator(market)
    assert '<code translate="no">Name: A &gt; B</code>' in simulator
    assert '<td data-label="Applicant"><span translate="no">Asha</span></td>' in simulator
    # The reader's own names, which they look for in their own text.
    assert '<span translate="no">Metro University IM</span>' in programs
    # A backtick left unpaired would make the rest of its help code.
    unpaired = [f"{calc.NAME}.{f.name}" for calc in REGISTRY.values() for f in calc.FIELDS if f.help.count("`") % 2]
    assert not unpaired, unpaired


def test_what_a_message_quotes_is_kept_from_translation_in_the_field_and_in_the_result() -> None:
    from html import unescape

    from calculators import browser

    reply = json.loads(browser.compute("rank_simulator", json.dumps({"market": "Asha A B"})))
    (error,) = reply["errors"]
    assert '<span translate="no">“Name: A &gt; B”</span>' in error["html"]
    assert unescape(re.sub(r"<[^>]+>", "", error["html"])) == error["message"], "the same words"
    packet = REGISTRY["packet_check"]
    documents = "id,kind,specialty\nPS-IM,lettre,internal-medicine\n"
    result = render_result(packet, packet.compute({**{f.name: f.default for f in packet.FIELDS}, "documents": documents}))
    assert 'kind must be <span translate="no">“letter”</span> or <span translate="no">“statement”</span>' in result


HEADING = re.compile(r"<h([1-6])[\s>]")


@pytest.mark.parametrize("name", NAMES)
def test_a_widget_embedded_a_level_down_moves_every_heading_with_it(name: str) -> None:
    # Under a guide's ### section the title was still an h2, so the guide's next
    # ### read as a part of the calculator (a11y audit, /apply/).
    calc = REGISTRY[name]
    levels = [int(n) for n in HEADING.findall(render_calculator(calc))]
    deeper = render_calculator(calc, level=3)
    assert [int(n) for n in HEADING.findall(deeper)] == [n + 1 for n in levels]
    assert levels[:2] == [2, 3]  # the title, then Result
    assert 'data-heading-level="3"' in deeper and 'data-heading-level="2"' in render_calculator(calc)
    # The live result at that level is what the build put on the page.
    result = calc.compute({})
    assert render_result(calc, result, 3) in deeper


@pytest.mark.parametrize("level", [1, 5, True, "3", 3.0])
def test_a_calculator_title_level_outside_h2_to_h4_is_refused(level: object) -> None:
    with pytest.raises(ValueError, match="title level"):
        render_calculator(REGISTRY["program_counts"], level=level)  # type: ignore[arg-type]


def test_shifting_headings_leaves_text_that_looks_like_one_alone() -> None:
    from calculators.html import el, shift_headings

    markup = el("div", el("h4", "Sources"), el("p", "<h4> stays text"), el("header", "kept"), el("hr"))
    assert shift_headings(markup, 1) == el("div", el("h5", "Sources"), el("p", "<h4> stays text"), el("header", "kept"), el("hr"))
    with pytest.raises(ValueError):
        shift_headings(el("h6", "too deep"), 1)


@pytest.mark.parametrize("name", NAMES)
def test_without_javascript_the_widget_says_its_form_does_nothing(name: str) -> None:
    # The form took typing and never reacted, beside the default result, with
    # no word why; then the word why sat a screen or more under its first field.
    html = render_calculator(REGISTRY[name])
    notes = re.findall(r"<noscript[^>]*>(.*?)</noscript>", html, re.S)
    assert len(notes) == 2
    above, under = notes
    assert html.index(above) < html.index("<fieldset") < html.index(under)
    assert "this form changes nothing" in above
    assert "result shown is for the default inputs" in under and f"python -m calculators {name} --help" in under


@pytest.mark.parametrize("name", NAMES)
def test_where_the_engine_cannot_run_the_form_says_so_above_its_fields(name: str) -> None:
    # Shown by calculators.css once the widget's data-runtime is "failed".
    html = render_calculator(REGISTRY[name])
    said = html.index('<p class="mpb-form-off">')
    assert html.index("<form") < said < html.index("<fieldset")


def test_the_words_said_when_the_engine_fails_point_to_the_remedies_below_them() -> None:
    # Read aloud or focused alone, the reason said recalculation was off and
    # nothing of what to do (announce audit s34, 4).
    html = render_calculator(REGISTRY[NAMES[0]])
    why = re.search(r'<p class="mpb-engine-off-why">([^<]*)</p>', html)
    assert why and why[1].endswith("What you can do is listed below.")
    assert html.index('class="mpb-engine-off-why"') < html.index('class="mpb-engine-off-remedies"')


@pytest.mark.parametrize("name", NAMES)
def test_the_stale_note_keeps_its_pointer_to_the_messages_apart(name: str) -> None:
    # Printed a moment after an edit, no message prints above the note: paper
    # leaves the pointer out, and the sentence must still read.
    html = render_calculator(REGISTRY[name])
    note = re.search(r'<p class="mpb-stale-note"[^>]*>(.*?)</p>', html)
    assert note is not None
    words = note[1]
    assert re.sub(r"<[^>]+>", "", words) == "Not updated to the form as it is now: see the messages above."
    assert re.sub(r'<span class="mpb-stale-why">.*?</span>', "", words) == "Not updated to the form as it is now."


@pytest.mark.parametrize("name", NAMES)
def test_form_escapes_what_a_reader_typed(name: str) -> None:
    calc = REGISTRY[name]
    hostile = {f.name: '"><script>alert(1)</script>' for f in calc.FIELDS}
    html = render_form(calc, hostile)
    assert "<script>" not in html
    # Choices, ticks and dates drop what they cannot show; every other field shows it back, escaped.
    if any(not isinstance(f, (ChoiceField, BoolField, DateField)) for f in calc.FIELDS):
        assert "&lt;script&gt;" in html


ONE_PLURAL = re.compile(
    r"\b1 (?:programs|points|signals|letters|years|months|items|rotations|weeks|errors|warnings|notes|interviews)\b"
)


@pytest.mark.parametrize("name", NAMES)
def test_counts_are_written_out_never_as_noun_with_s_in_brackets(name: str) -> None:
    """Counts read "1 year" and "2 years", never "1 year(s)" or "1 years",
    in a result or a refusal: every whole-number input at 0, 1 and 2 in turn."""
    calc = REGISTRY[name]
    counts = [f.name for f in calc.FIELDS if f.kind == "int"]
    checked = 0
    for field in [None, *counts]:
        for count in (0, 1, 2):
            try:
                result = calc.compute({field: count} if field else {})
            except InputError as refused:
                assert not ONE_PLURAL.search(refused.message), refused.message
                continue
            page = render_result(calc, result) + json.dumps(result, ensure_ascii=False)
            assert "(s)" not in page, (field, count)
            assert not ONE_PLURAL.search(page), (field, count, ONE_PLURAL.search(page))
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("name", NAMES)
def test_command_line_prints_the_same_result_as_compute(name: str) -> None:
    run = subprocess.run([sys.executable, "-m", "calculators", name], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == REGISTRY[name].compute({})


def test_command_line_rejects_bad_input_with_the_message_and_nonzero_status() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "calculators", "competitiveness", "--step2-score", "301"], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "step2_score: Step 2 CK score must be a whole number from 1 to 300" in run.stderr
    assert run.stdout == ""


def test_command_line_prints_every_input_error_on_its_own_line() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "calculators", "competitiveness", "--step2-score", "301", "--usce-months", "x"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert [line.split(":")[:2] for line in run.stderr.splitlines()] == [
        ["error", " step2_score"],
        ["error", " usce_months"],
    ]


def test_command_line_names_the_values_to_type_for_a_choice() -> None:
    # The form's labels were listed ("Dermatology"), the very value just refused (README audit s20, 4);
    # a label is now read as its slug (fuzz audit s40, 1), so a value on neither list is refused.
    run = subprocess.run(
        [sys.executable, "-m", "calculators", "competitiveness", "--specialty", "Derm"], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "“Derm” is not one of them." in run.stderr
    assert "error: specialty: Target specialty must be one of: internal-medicine (Internal Medicine)," in run.stderr
    assert "dermatology (Dermatology)" in run.stderr


def test_command_line_says_in_a_sentence_when_the_result_cannot_be_written() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to stand for a full disk")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "calculators", "timeline"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith("error: the result could not be written") and "Traceback" not in run.stderr


def test_command_line_accepts_underscore_and_dash_spellings() -> None:
    for flag in ("--step2_score", "--step2-score"):
        run = subprocess.run(
            [sys.executable, "-m", "calculators", "competitiveness", flag, "255"], capture_output=True, text=True, check=True
        )
        assert json.loads(run.stdout)["inputs"]["step2_score"] == 255


def test_command_line_help_lists_allowed_values() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "calculators", "competitiveness", "--help"], capture_output=True, text=True, check=True
    )
    assert "a whole number from 1 to 300, or empty" in " ".join(run.stdout.split())


def test_the_registry_names_each_calculator_by_its_own_name() -> None:
    assert len(REGISTRY) == 9
    for name in REGISTRY:
        assert name == REGISTRY[name].NAME
    with pytest.raises(KeyError):
        REGISTRY["nothing"]


def test_the_browser_bridge_imports_only_the_calculator_it_is_asked_for() -> None:
    # A first visit in the browser pays for every import under Pyodide.
    script = (
        "import json, sys\n"
        "from calculators import CALCULATOR_NAMES, browser\n"
        "browser.compute('timeline', '{}')\n"
        "print(json.dumps(sorted(n for n in CALCULATOR_NAMES if f'calculators.{n}' in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == ["timeline"]


def test_the_help_and_the_guides_say_where_answers_are_kept() -> None:
    # They said the address carried every input, which was true and then was not: the
    # inputs moved to the tab's own storage, and into an address only by "Link to these answers".
    from pathlib import Path

    from calculators.render import render_profile_controls

    docs = Path(__file__).parents[1] / "docs"
    help_text = str(render_profile_controls(REGISTRY["competitiveness"]))
    assert "this tab alone keeps them" in help_text and "only if you make a link" in help_text
    # Remember holds one set: two people on one device keep one each by link (couplesvisa audit s46, 8).
    assert "remembers one set of answers, so two people sharing it should each keep theirs with Link to these" in help_text
    faq = (docs / "faq.md").read_text(encoding="utf-8")
    calculators_page = (docs / "calculators" / "index.md").read_text(encoding="utf-8")
    for text in (faq, calculators_page):
        assert "Link to these answers" in text
        assert "address updates" not in text and "address carries your inputs" not in text
    assert "private (incognito) window" in faq and "history it syncs" in faq


# --- Python decides, the page carries (code audit s23, 1) -------------------------------------------------
CALCULATORS_JS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "javascripts" / "calculators.js"


@pytest.mark.parametrize(
    "script",
    [*sorted(CALCULATORS_JS.parent.glob("*.js")), CALCULATORS_JS.parents[3] / "macros" / "offline_loader.js"],
    ids=lambda p: p.name,
)
def test_no_script_writes_a_sentence_a_reader_sees(script: Path) -> None:
    # calculators.js wrote six: the loading line, the failed-update line
    # (which said "your last inputs that worked" over the default result too)
    # and the remember/forget lines; offline.js wrote the update note (bridge
    # audit s31, 4). Only console and Error text, for developers.
    code = re.sub(r"/\*.*?\*/", "", script.read_text(encoding="utf-8"), flags=re.S)
    sentences = []
    for line in code.splitlines():
        line = re.sub(r"^\s*//.*$", "", line)
        for literal in re.findall(r'"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`', line):
            text = "".join(literal)
            if len(text.split()) >= 4 and text[:1].isupper() and not re.search(r"console\.\w+\(|Error\(", line):
                sentences.append(text)
    assert not sentences


# What the page reads at its own moments, by the element that holds the
# words (as the script names it, and its class): a renamed attribute leaves
# the page reading `undefined`, which Chromium writes as an empty status line,
# silently (jsread audit s42, 6).
SAID_AT_OWN_MOMENTS = {
    ("statusBox", "mpb-status"): (
        "data-loading",
        "data-running-again",
        "data-loading-edited",
        "data-failed",
        "data-failed-over-defaults",
        "data-unanswered",
        "data-slow-reply",
    ),
    ("profile", "mpb-profile"): (
        "data-storage-refused",
        "data-forgotten",
        "data-forgotten-with-tab",
        "data-kept-again",
        "data-ticked-elsewhere",
        "data-forgotten-elsewhere",
    ),
    # The reason the note gives, a clause after "Not updated".
    ("staleNote", "mpb-stale-note"): ("data-loading", "data-slow-reply"),
    ("linkPanel", "mpb-link"): ("data-not-ready", "data-no-web-address", "data-stale", "data-copied", "data-copy-refused"),
}


@pytest.mark.parametrize("name", NAMES)
def test_what_the_page_says_at_its_own_moments_is_written_here(name: str) -> None:
    html = str(render_calculator(REGISTRY[name]))
    script = CALCULATORS_JS.read_text(encoding="utf-8")
    for (holder, class_name), attributes in SAID_AT_OWN_MOMENTS.items():
        assert re.search(rf'this\.{holder} = root\.querySelector\("\.{class_name}"\)', script), holder
        tag = re.search(rf'<\w+\b[^>]*\bclass="(?:[^"]*\s)?{class_name}(?:\s[^"]*)?"[^>]*>', html)
        assert tag, class_name
        for attribute in attributes:
            said = re.search(rf'\s{attribute}="([^"]+)"', tag[0])
            assert said and said[1].strip(), (class_name, attribute)
            assert holder == "staleNote" or said[1].endswith("."), (class_name, attribute)
            # ...and the script reads each one from the element that holds it:
            # `this.statusBox.dataset.loading`, `{ failed, ... } = this.statusBox.dataset`,
            # or `this.linkPanel.dataset[why]` with `why` one of its names.
            camel = re.sub(r"-(\w)", lambda m: m[1].upper(), attribute.removeprefix("data-"))
            read = (
                rf"{holder}\.dataset\.{camel}\b"
                rf"|\{{[^}}]*\b{camel}\b[^}}]*\}} = [\w.]*{holder}\.dataset"
                rf'|const (\w+) = [^;]*"{camel}"[^;]*;[^}}]*{holder}\.dataset\[\1\]'
            )
            assert re.search(read, script), (holder, camel)


def test_a_permanent_resident_is_sent_to_the_group_the_nrmp_counts_them_in() -> None:
    # The form offered "US-citizen IMG (or permanent resident)": a green-card
    # holder got US-citizen IMGs' +5 points and was told the non-US figures,
    # which count them, were not theirs (us-img audit s32, 2).
    from calculators import data, profile

    assert "permanent" not in data.APPLICANT_LABELS["us-img"]
    assert data.PERMANENT_RESIDENTS in profile.APPLICANT_TYPE.help
    assert "non-US-citizen IMG" in data.PERMANENT_RESIDENTS and "no visa" in data.PERMANENT_RESIDENTS
    glossary = (Path(__file__).parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "citizenship or permanent residence" not in glossary


@pytest.mark.parametrize("name", ["competitiveness", "program_counts", "signals", "backup_finder", "match_odds"])
def test_a_result_says_whom_it_was_worked_out_for_under_its_headline(name: str) -> None:
    # A US citizen who left the applicant type at its default was scored as a
    # non-US IMG needing a visa, said only deep in a table (us-img audit s32, 1).
    calc = REGISTRY[name]
    asks_visa = any(f.name == "needs_visa" for f in calc.FIELDS)
    built = render_result(calc, calc.compute({}))
    default = "Non-US-citizen IMG, needing a visa." if asks_visa else "Non-US-citizen IMG."
    assert f"Calculated for: </strong>{default}" in built
    assert built.index("mpb-worked-for") < built.index("</p>", built.index("mpb-headline")) + 40
    citizen = render_result(calc, calc.compute({"applicant_type": "us-img"}))
    assert f"Calculated for: </strong>US-citizen IMG{', needing no visa' if asks_visa else ''}." in citizen
    # A US senior's points turn on the years since graduation: the line says
    # which the reader was taken for (US-graduate audit s33, 2).  The years
    # start at 0, where a US MD senior in dermatology who left them at 1 was
    # scored as an earlier graduate (derm-usmd audit s43, 6).
    # Match odds asks the years only to name an old graduation its figures
    # cannot see (oldgrad audit s43, 1): nothing there turns on being a senior.
    if any(f.name == "years_since_graduation" for f in calc.FIELDS) and name != "match_odds":
        assert "Calculated for: </strong>US MD senior" in render_result(calc, calc.compute({"applicant_type": "us-md"}))
        graduate = render_result(calc, calc.compute({"applicant_type": "us-md", "years_since_graduation": 1}))
        # With the number that made it so, and how a student in school answers (COMLEX audit s37, 1).
        assert (
            "Calculated for: </strong>US MD graduate of an earlier year (1 year since graduation; if you are still in "
            "school, enter 0)" in graduate
        )
        assert "“Years since graduation”" in graduate
        senior = render_result(calc, calc.compute({"applicant_type": "us-do", "years_since_graduation": 0}))
        assert "Calculated for: </strong>US DO senior, applying for the first time" in senior
        unmatched = render_result(
            calc, calc.compute({"applicant_type": "us-do", "years_since_graduation": 0, "previously_unmatched": True})
        )
        assert "graduate of an earlier year, or who applied before" in unmatched
        assert "“I applied before and did not match”" in unmatched and "“Years since graduation”" not in unmatched


def _disabled(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)" disabled>', select[0]) if select else []


@pytest.mark.parametrize("name", NAMES)
def test_a_backup_the_rules_refuse_is_offered_disabled_and_follows_the_first_choice(name: str) -> None:
    # Arrowing through the backup list said an error at the first choice and at
    # each ultra-competitive field (keyboard-sr audit s37, 8): the form offers
    # them disabled, and every reply says which, for the page to keep in step.
    from calculators import browser, data, profile

    calc = REGISTRY[name]
    ultra = sorted(s.slug for s in data.SPECIALTIES if s.tier == "ultra")
    assert len(ultra) >= 4
    asks_backup = profile.BACKUP_SPECIALTY.name in {f.name for f in calc.FIELDS}
    first = next((f for f in calc.FIELDS if f.name in ("specialty", "primary_specialty")), None)
    built = _disabled(str(render_form(calc)), profile.BACKUP_SPECIALTY.name)
    if not asks_backup:
        assert built == [] and "disabled" not in str(render_form(calc))
        return
    assert first is not None
    assert set(built) == {first.default, *ultra}
    for inputs, ok in (
        ({first.name: "family-medicine"}, True),
        ({first.name: "pathology", "backup_specialty": "pathology"}, False),
    ):
        reply = json.loads(browser.compute(name, json.dumps(inputs)))
        assert reply["ok"] is ok
        assert reply["closed"] == {"backup_specialty": sorted({inputs[first.name], *ultra})}
    # Each option it closes is one the rules refuse, so a link cannot reach it either.
    for slug in built:
        with pytest.raises(InputError):
            calc.compute({first.name: first.default, "backup_specialty": slug})
    # Where the reader may say the backup is the field they are leaving
    # (program counts and signals), ticking it opens the ultra-competitive
    # fields, which the rules then accept (diffreview47 audit s47, 1).
    leaving = "changing_field" in {f.name for f in calc.FIELDS}
    ticked = {first.name: "internal-medicine", "changing_field": True, "previously_unmatched": True}
    reply = json.loads(browser.compute(name, json.dumps({**ticked, "backup_specialty": "dermatology"})))
    assert reply["closed"] == {"backup_specialty": ["internal-medicine"] if leaving else sorted({"internal-medicine", *ultra})}
    assert reply["ok"] is leaving
    assert _disabled(str(render_form(calc, ticked)), profile.BACKUP_SPECIALTY.name) == (
        ["internal-medicine"]
        if leaving
        else _disabled(str(render_form(calc, {first.name: "internal-medicine"})), "backup_specialty")
    )
