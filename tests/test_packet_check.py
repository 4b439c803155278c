"""The packet checker's words and rules changed after the rank-packet audit
of session 38; its older tests are in tests/test_planning_tools.py."""

from __future__ import annotations

import re
from html import unescape

import pytest
from conftest import ROOT

from calculators import data, packet_check

PROGRAMS = "name,specialty\n"
DOCUMENTS = "id,kind,specialty\n"
ASSIGNMENTS = "program,document\n"


def check(programs: str, documents: str, assignments: str) -> packet_check.PacketCheckResult:
    return packet_check.compute(
        {"programs": PROGRAMS + programs, "documents": DOCUMENTS + documents, "assignments": ASSIGNMENTS + assignments}
    )


def said(result: packet_check.PacketCheckResult) -> list[tuple[str, str, str]]:
    return [(p["severity"], p["program"], p["message"]) for p in result["problems"]]


def text(result: packet_check.PacketCheckResult) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.render(result)))).split())


def assigned(program: str, *ids: str) -> str:
    return "".join(f"{program},{i}\n" for i in ids)


IM_PROGRAM = "City IM,internal-medicine\n"
IM_PACKET = "S,statement,internal-medicine\nL1,letter,internal-medicine\nL2,letter,internal-medicine\n"


# --- finding 1: the four-letter limit names both services --------------------------
def test_five_letters_are_over_the_limit_of_both_eras_and_residencycas() -> None:
    letters = "".join(f"L{i},SLOE,emergency-medicine\n" for i in range(5))
    result = check(
        "City EM,emergency-medicine\n",
        "S,statement,emergency-medicine\n" + letters,
        assigned("City EM", "S", "L0", "L1", "L2", "L3", "L4"),
    )
    (error,) = [m for s, _, m in said(result) if s == "error"]
    assert error == "5 letters assigned: at most 4 letters per program, the limit of both ERAS and ResidencyCAS."
    four = check(
        "City EM,emergency-medicine\n",
        "S,statement,emergency-medicine\n" + letters,
        assigned("City EM", "S", "L0", "L1", "L2", "L3"),
    )
    assert four["ok"] and [p["severity"] for p in four["problems"]] == ["note"]  # L4, assigned nowhere
    method = str(packet_check.method())
    assert data.RESIDENCYCAS_EVALUATIONS.cite() in method and data.ERAS_RULES.cite() in method


# --- finding 2 and 9: what the headline claims, and what it leaves out ---------------
def test_a_packet_without_problems_says_what_was_checked_not_all_clear() -> None:
    result = check(IM_PROGRAM, IM_PACKET, assigned("City IM", "S", "L1", "L2"))
    assert result["ok"] and result["problems"] == []
    shown = text(result)
    assert "All clear" not in shown
    assert shown.startswith("No problems found with the statements and letters.")


@pytest.mark.parametrize(
    "inputs",
    [
        {},
        {"programs": PROGRAMS + IM_PROGRAM, "documents": DOCUMENTS + IM_PACKET, "assignments": ASSIGNMENTS + "City IM,S\n"},
        {"programs": PROGRAMS, "documents": DOCUMENTS, "assignments": ASSIGNMENTS},
    ],
    ids=["default example", "an error", "empty"],
)
def test_every_result_says_what_the_checker_does_not_check(inputs: dict[str, str]) -> None:
    shown = text(packet_check.compute(inputs))
    assert "Not checked here:" in shown
    for words in (
        "USMLE or COMLEX transcript",
        "cannot be taken back",
        "MSPE",
        "medical school transcript",
        "ECFMG status report",
    ):
        assert words in shown, words
    assert f"often {packet_check.LETTERS_PROGRAMS_OFTEN_ASK} letters" in shown and "check each program's" in shown
    assert data.ERAS_DOCUMENTS.cite() in shown and data.LETTERS_ASKED.cite() in shown


def test_the_page_lists_what_the_checker_leaves_out_as_the_result_does() -> None:
    page = " ".join((ROOT / "docs" / "calculators" / "packet-check.md").read_text(encoding="utf-8").split())
    section = page.split("## What it does not check", 1)[1].split("## ", 1)[0]
    for words in (
        "USMLE or COMLEX transcript",
        "cannot be withdrawn",
        "MSPE",
        "medical school transcript",
        "ECFMG status report",
    ):
        assert words in section, words
    assert f"most ask for {['zero', 'one', 'two', 'three'][packet_check.LETTERS_PROGRAMS_OFTEN_ASK]}" in section
    assert "(AAFP" in section and "(AAMC" in section


def test_empty_tables_say_there_is_nothing_to_check() -> None:
    result = check("", "", "")
    assert result["summary"] == "No programs to check: paste your programs below the header line."
    shown = text(result)
    assert shown.startswith(result["summary"]) and "All clear" not in shown
    assert "What each program will receive" not in shown


# --- finding 4: letters from a preliminary or transitional year ----------------------
PRELIM_PACKET = (
    IM_PACKET + "P1,letter,preliminary-surgery\nP2,letter,preliminary-surgery\nP3,letter,transitional-year\n"
    "G1,letter,general-surgery\nN1,letter,neurology\n"
)


def supporting_warnings(*ids: str) -> list[str]:
    result = check(IM_PROGRAM, PRELIM_PACKET, assigned("City IM", "S", *ids))
    return [m for s, _, m in said(result) if s == "warning" and "letters from other fields" in m]


def test_two_letters_from_a_preliminary_year_beside_the_fields_own_are_what_the_article_asks() -> None:
    # The no-match article: 2 strong letters from the prelim year, 1-2 from the target field.
    assert supporting_warnings("P1", "P2", "L1", "L2") == []
    assert supporting_warnings("P1", "P3", "L1") == []
    # A third from such a year counts as the one supporting letter an IM program takes.
    assert supporting_warnings("P1", "P2", "P3", "L1") == []


def test_past_the_preliminary_years_two_a_supporting_letter_is_warned_with_the_articles_advice() -> None:
    # Two from a preliminary year and one more is the articles' count; a fourth is past it.
    assert supporting_warnings("P1", "P2", "G1", "L1") == []
    (warning,) = supporting_warnings("P1", "P2", "G1", "N1")
    assert warning.startswith("4 letters from other fields (“P1”, “P2”, “G1”, “N1”)")
    assert "besides up to 2 from a preliminary or transitional year" in warning
    assert "the no-match article asks for two strong letters" in warning
    (warning,) = supporting_warnings("P1", "G1", "N1", "L1")
    assert "preliminary" in warning
    # Three from first years and one more: only two of them are spared (diff-review audit s38, 7).
    (warning,) = supporting_warnings("P1", "P2", "P3", "G1")
    assert warning.startswith("4 letters from other fields")


def test_the_preliminary_year_advice_is_not_said_where_no_such_letter_is() -> None:
    (warning,) = supporting_warnings("G1", "N1", "L1")
    assert warning.endswith("at most 1 supporting letter for internal-medicine, with the rest from the field itself.")
    assert "preliminary" not in warning


def test_the_method_describes_the_preliminary_year_rule_as_the_checker_applies_it() -> None:
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.method()))).split())
    assert (
        f"not counting up to {packet_check.FIRST_YEAR_SUPPORTING_LETTERS} letters written in a preliminary or transitional year"
        in method
    )


# --- finding 6: kinds as a spreadsheet writes them -----------------------------------
@pytest.mark.parametrize(
    ("statement", "letter"),
    [
        ("PS", "LoR"),
        ("Personal statement", "Letter of recommendation"),
        ("personal  statement", "Recommendation"),
        ("Statement", "SLOE"),
    ],
)
def test_common_names_for_a_kind_are_read(statement: str, letter: str) -> None:
    documents = f"S,{statement},internal-medicine\nL1,{letter},internal-medicine\nL2,letter,internal-medicine\n"
    result = check(IM_PROGRAM, documents, assigned("City IM", "S", "L1", "L2"))
    assert result["problems"] == [] and result["programs"][0]["letters"] == 2 and result["programs"][0]["statements"] == 1


def test_an_unknown_kind_is_quoted_as_typed_and_leaves_the_program_unjudged() -> None:
    documents = "S,Essay,internal-medicine\nL1,Cover Letter,internal-medicine\n"
    problems = said(check(IM_PROGRAM, documents, assigned("City IM", "S", "L1")))
    errors = [m for s, _, m in problems if s == "error"]
    assert errors == [
        "Documents, line 2: kind must be “letter” or “statement” (PS, LoR and SLOE are read too), not “Essay”.",
        "Documents, line 3: kind must be “letter” or “statement” (PS, LoR and SLOE are read too), not “Cover Letter”.",
    ]
    # Neither is said to be missing, nor is any count judged, until the kind is fixed.
    assert [p for p in problems if p[1] == "City IM"] == []
    assert not any("Only" in m for _, _, m in problems)


def test_an_unknown_kind_does_not_hide_a_count_it_cannot_change() -> None:
    documents = IM_PACKET + "X,cv,internal-medicine\n" + "".join(f"M{i},letter,internal-medicine\n" for i in range(3))
    problems = said(check(IM_PROGRAM, documents, assigned("City IM", "S", "L1", "L2", "M0", "M1", "M2", "X")))
    assert any(s == "error" and p == "City IM" and m.startswith("5 letters assigned") for s, p, m in problems)


# --- finding 7: specialties as people write them -------------------------------------
@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Orthopedic Surgery", "orthopaedic-surgery"),
        ("Radiology", "diagnostic-radiology"),
        ("IM", "internal-medicine"),
        ("FM", "family-medicine"),
        ("EM", "emergency-medicine"),
        ("Peds", "pediatrics"),
        ("OB/GYN", "obstetrics-gynecology"),
        ("ObGyn", "obstetrics-gynecology"),
        ("Ob-Gyn", "obstetrics-gynecology"),
        ("PM&R", "pmr"),
        ("Anesthesia", "anesthesiology"),
        ("Neurosurgery", "neurological-surgery"),
        ("Internal  Medicine", "internal-medicine"),
        ("Family   Medicine", "family-medicine"),
    ],
)
def test_a_common_short_form_or_spelling_of_a_specialty_is_read_with_a_note(typed: str, slug: str) -> None:
    assert packet_check.read_specialty(typed) == (slug, True)
    result = check(
        f"P,{typed}\n",
        f"S,statement,{slug}\nL1,SLOE,{slug}\nL2,letter,{slug}\nL3,letter,{slug}\n",
        assigned("P", "S", "L1", "L2", "L3"),
    )
    assert said(result) == [("note", "P", f"Programs, line 2: read “{typed}” as {slug}.")]


@pytest.mark.parametrize("typed", ["Med-Peds", "Internal Medicine/Pediatrics", "IM-Peds", "Urology", "general"])
def test_combined_programs_and_fields_off_the_list_are_still_not_read(typed: str) -> None:
    assert packet_check.read_specialty(typed) == (None, False)


def test_an_emergency_medicine_program_without_a_sloe_is_warned() -> None:
    # The checker read "SLOE" and did nothing with it (usmd-journey audit s38, 9).
    plain = check(
        "City EM,emergency-medicine\n",
        "S,statement,emergency-medicine\nL1,letter,emergency-medicine\nL2,letter,emergency-medicine\n",
        assigned("City EM", "S", "L1", "L2"),
    )
    assert ("warning", "City EM", packet_check.NO_SLOE) in said(plain)
    assert data.EM_SLOE_CITED in packet_check.NO_SLOE
    sloe = check(
        "City EM,emergency-medicine\n",
        "S,statement,emergency-medicine\nL1,SLOE,emergency-medicine\nL2,letter,emergency-medicine\n",
        assigned("City EM", "S", "L1", "L2"),
    )
    assert not [m for _, _, m in said(sloe) if "SLOE" in m]
    # Other fields are not asked for one.
    im = check(
        "City IM,internal-medicine\n",
        "S,statement,internal-medicine\nL1,letter,internal-medicine\nL2,letter,internal-medicine\n",
        assigned("City IM", "S", "L1", "L2"),
    )
    assert not [m for _, _, m in said(im) if "SLOE" in m]


def test_residencycas_programs_need_no_statement_assigned_one_by_one() -> None:
    # ResidencyCAS sends the application's statement to every program and
    # assigns only letters (Liaison's help): an EM or OB/GYN program without an
    # assigned statement got "No personal statement assigned." as an error.
    packet = {
        "programs": "name,specialty\nER One,emergency-medicine\nFM Two,family-medicine\nWomen's,OB/GYN\n",
        "documents": "id,kind,specialty\nS2,statement,family-medicine\nE1,SLOE,emergency-medicine\n"
        "E2,letter,emergency-medicine\nF1,letter,family-medicine\nF2,letter,family-medicine\n"
        "O1,letter,obstetrics-gynecology\nO2,letter,obstetrics-gynecology\n",
        "assignments": "program,document\nER One,E1\nER One,E2\nFM Two,S2\nFM Two,F1\nFM Two,F2\nWomen's,O1\nWomen's,O2\n",
    }
    result = packet_check.compute(packet)
    assert result["ok"]
    notes = [p["message"] for p in result["problems"] if p["severity"] == "note"]
    said = [m for m in notes if m.startswith("No statement assigned to ER One, Women's: not needed there")]
    assert len(said) == 1 and "ResidencyCAS" in said[0] and "Emergency Medicine and Obstetrics and Gynecology programs" in said[0]
    assert "A note on statements ResidencyCAS sends for you." in result["summary"]
    assert "1 note on how a specialty was read." in result["summary"]
    # An ERAS program still needs its own, and a wrong one is still an error at ResidencyCAS programs.
    no_fm = {**packet, "assignments": packet["assignments"].replace("FM Two,S2\n", "")}
    assert ("error", "No personal statement assigned.") in [
        (p["severity"], p["message"]) for p in packet_check.compute(no_fm)["problems"] if p["program"] == "FM Two"
    ]
    wrong = {**packet, "assignments": packet["assignments"] + "ER One,S2\n"}
    assert any(
        p["program"] == "ER One" and p["severity"] == "error" and "written for family-medicine" in p["message"]
        for p in packet_check.compute(wrong)["problems"]
    )
    assert "ResidencyCAS" in str(packet_check.method())
    # A statement written for the ResidencyCAS field goes with that application,
    # so it is not "assigned to no program" (diff review s39, 7).
    with_statement = {**packet, "documents": packet["documents"] + "SE,statement,emergency-medicine\n"}
    assert not any("Assigned to no program" in p["message"] for p in packet_check.compute(with_statement)["problems"])


# --- fuzz audit s40, 2: a box filled to its limit ----------------------------------------
def test_the_table_of_programs_lists_the_first_ones_and_counts_the_rest() -> None:
    # 11,727 short lines made 11,929 rows and 3.1 MB of page (fuzz audit s40, 2).
    many = packet_check.MAX_PROGRAMS_SHOWN + 1000
    result = packet_check.compute(
        {
            "programs": PROGRAMS + "".join(f"P{i},IM\n" for i in range(many)),
            "documents": DOCUMENTS + IM_PACKET,
            "assignments": ASSIGNMENTS + assigned("P0", "S", "L1", "L2"),
        }
    )
    assert len(result["programs"]) == many
    shown = str(packet_check.render(result))
    table = shown.split("What each program will receive")[1]
    assert table.count("<tr>") == packet_check.MAX_PROGRAMS_SHOWN + 1  # and its header row
    assert "P299<" in table and "P300<" not in table
    words = text(result)
    assert (
        f"The first 300 of your {many:,} programs are listed, in the order you pasted them; the other 1,000 were "
        "checked too, and the summary above counts their problems." in words
    )
    assert len(shown) < 200_000
    exactly = packet_check.compute(
        {
            "programs": PROGRAMS + "".join(f"P{i},IM\n" for i in range(300)),
            "documents": DOCUMENTS + IM_PACKET,
            "assignments": ASSIGNMENTS + assigned("P0", "S", "L1", "L2"),
        }
    )
    assert "programs are listed" not in text(exactly)


# --- fuzz audit s40, 3: headers as spreadsheets write them -------------------------------
CLEAN_PACKET = {
    "programs": PROGRAMS + IM_PROGRAM,
    "documents": DOCUMENTS + IM_PACKET,
    "assignments": ASSIGNMENTS + assigned("City IM", "S", "L1", "L2"),
}


@pytest.mark.parametrize(
    ("field", "table"),
    [
        ("programs", "specialty,name\ninternal-medicine,City IM\n"),
        ("programs", "name;specialty\nCity IM;internal-medicine\n"),
        ("programs", "NAME ; Specialty\nCity IM ; internal-medicine\n"),
        ("programs", 'specialty;name\r\n"internal-medicine";"City IM"\r\n'),
        (
            "documents",
            "kind,specialty,id\nstatement,internal-medicine,S\nletter,internal-medicine,L1\nletter,internal-medicine,L2\n",
        ),
        (
            "documents",
            "id;kind;specialty\nS;statement;internal-medicine\nL1;letter;internal-medicine\nL2;letter;internal-medicine\n",
        ),
        ("assignments", "document\tprogram\nS\tCity IM\nL1\tCity IM\nL2\tCity IM\n"),
        ("assignments", "document,program\nS\tCity IM\nL1\tCity IM\nL2\tCity IM\n"),
    ],
)
def test_columns_in_another_order_or_separated_by_semicolons_are_read(field: str, table: str) -> None:
    result = packet_check.compute({**CLEAN_PACKET, field: table})
    assert result["problems"] == [] and result["programs"][0]["letters"] == 2


def test_a_semicolon_table_keeps_the_commas_in_its_names() -> None:
    ucsd = "University of California, San Diego IM"
    result = packet_check.compute(
        {
            "programs": f"name;specialty\n{ucsd};internal-medicine\n",
            "documents": CLEAN_PACKET["documents"],
            "assignments": f"program;document\n{ucsd};S\n{ucsd};L1\n{ucsd};L2\n",
        }
    )
    assert result["problems"] == [] and [p["program"] for p in result["programs"]] == [ucsd]


def test_columns_of_the_readers_own_are_left_out_with_a_note() -> None:
    result = packet_check.compute(
        {
            **CLEAN_PACKET,
            "programs": "city,name,deadline,specialty\nDetroit,City IM,15 Sept,internal-medicine\n",
            # A row may stop short of the columns not read, as exports leave out empty cells.
            "documents": "id,kind,specialty,,notes\nS,statement,internal-medicine\nL1,letter,internal-medicine,,Dr A\n"
            "L2,letter,internal-medicine,x,\n",
        }
    )
    assert said(result) == [
        ("note", "", "Programs: only the columns name and specialty are read; “city” and “deadline” are left out."),
        (
            "note",
            "",
            "Documents: only the columns id, kind, specialty and US are read; “notes” and 1 column with no name are left out.",
        ),
    ]
    assert result["ok"] and result["summary"] == "No errors found. 2 notes on columns left out."
    assert result["programs"][0]["letters"] == 2


@pytest.mark.parametrize(
    ("field", "table", "message"),
    [
        (
            "programs",
            "name,specialty,city\nCity IM,internal-medicine\nB,pediatrics,Boston,MA\n",
            "Programs, line 3: expected 3 columns (name,specialty,city), found 4 (an extra column, or a comma inside a "
            "name, which needs straight double quotes around the name; or paste the rows straight from the spreadsheet).",
        ),
        (
            "programs",
            "city,name,specialty\nDetroit,City IM\n",
            "Programs, line 2: expected 3 columns (city,name,specialty), found 2 (a missing separator, or a line break "
            "inside a cell, leaves a row short).",
        ),
        (
            "programs",
            "name,specialty\nCity IM;internal-medicine\n",
            "Programs, line 2: expected 2 columns (name,specialty), found 1 (this line is separated by semicolons, but "
            "the header by commas: use one separator throughout).",
        ),
        (
            "programs",
            "name;specialty\nCity IM,internal-medicine\n",
            "Programs, line 2: expected 2 columns (name;specialty), found 1 (this line is separated by commas, but the "
            "header by semicolons: use one separator throughout).",
        ),
        (
            "programs",
            "name;specialty\nA;B;pediatrics\n",
            "Programs, line 2: expected 2 columns (name;specialty), found 3 (an extra column, or a semicolon inside a "
            "name, which needs straight double quotes around the name; or paste the rows straight from the spreadsheet).",
        ),
        (
            "documents",
            "id;type;field\nS;statement;internal-medicine\n",
            "Documents, line 1: the header has no columns “kind” or “specialty” (its columns: “id”, “type”, “field”). "
            "The first line must name the columns id,kind,specialty, in any order, separated by commas, semicolons or tabs.",
        ),
        (
            "programs",
            "City IM,internal-medicine\n",
            "Programs, line 1: the first line must be the header name,specialty, in any order, separated by commas, "
            "semicolons or tabs; this line names none of those columns (“City IM”, “internal-medicine”). If it is a "
            "program, add the header line above it.",
        ),
        (
            "assignments",
            "program,document,program\nCity IM,S,x\n",
            "Assignments, line 1: the header names the column “program” twice; keep one.",
        ),
    ],
)
def test_a_header_or_row_that_cannot_be_read_is_told_what_differs(field: str, table: str, message: str) -> None:
    with pytest.raises(packet_check.InputError) as caught:
        packet_check.compute({**CLEAN_PACKET, field: table})
    assert caught.value.field == field and caught.value.message == message


def test_a_long_wrong_header_is_quoted_short() -> None:
    with pytest.raises(packet_check.InputError) as caught:
        packet_check.compute({**CLEAN_PACKET, "programs": ",".join(["x" * 300] * 9) + "\nA,pediatrics\n"})
    message = caught.value.message
    assert len(message) < 800 and message.count("“") == packet_check.HEADER_CELLS_SHOWN and "and 4 more" in message


def test_the_header_rules_are_said_under_the_form_in_the_method_and_on_the_page() -> None:
    help_words = " ".join(field.help_words for field in packet_check.FIELDS)
    assert "in any order, separated by commas, semicolons or tabs" in help_words
    assert "other columns, such as a city or a deadline, are left out, with a note" in help_words
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.method()))).split())
    assert "by semicolons" in method and "names its columns, in any order" in method
    page = " ".join((ROOT / "docs" / "calculators" / "packet-check.md").read_text(encoding="utf-8").split())
    assert "they may come in any order" in page and "semicolons between its cells" in page


# --- fuzz audit s40, 6: the site's own short forms ---------------------------------------
@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("ENT", "otolaryngology"),
        ("Plastics", "plastic-surgery"),
        ("Gen Surg", "general-surgery"),
        ("General Surg", "general-surgery"),
        ("gen  surgery", "general-surgery"),
        ("OB", "obstetrics-gynecology"),
        ("Physiatry", "pmr"),
        ("Orthopaedics", "orthopaedic-surgery"),
    ],
)
def test_the_sites_own_short_forms_are_read(typed: str, slug: str) -> None:
    assert packet_check.read_specialty(typed) == (slug, True)


def test_every_short_form_the_glossary_lists_is_read_as_its_field() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    table = glossary.split("## Specialty names and short forms")[1].split("\n## ")[0]
    rows = [line.strip("|").split("|") for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    names = {
        s.name.lower().replace(" (ent)", "").replace(" (pm&r)", "").replace(" (integrated)", ""): s.slug for s in data.SPECIALTIES
    }
    checked = 0
    for name, forms in rows[1:]:
        slug = names[name.strip().lower()]
        for form in forms.split(","):
            typed = re.sub(r"\s*\(.*\)", "", form).strip()
            if typed.lower() in packet_check.SHORT_FORMS_NOT_READ:
                assert packet_check.read_specialty(typed)[0] is None, typed
                assert slug in packet_check.SHORT_FORMS_NOT_READ[typed.lower()], typed
                continue
            assert packet_check.read_specialty(typed) == (slug, True), typed
            checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("typed", "write"),
    [
        ("DR", "write diagnostic-radiology, or another name"),
        ("neuro", "write neurology or neurological-surgery, or another name"),
        ("Surgery", "write general-surgery or preliminary-surgery, or another name"),
        ("gas", "write anesthesiology, or another name"),
    ],
)
def test_a_short_form_left_unread_is_answered_with_the_slugs_it_may_mean(typed: str, write: str) -> None:
    messages = [m for _, _, m in said(check(f"City,{typed}\n", "", ""))]
    assert messages[0] == (
        f"Programs, line 2: “{typed}” is a short form this checker leaves unread, to be sure which specialty is "
        f"meant; {write} from the list below the form."
    )
    # What it is told to write is read as written.
    assert all(packet_check.read_specialty(slug) == (slug, False) for slug in packet_check.SHORT_FORMS_NOT_READ[typed.lower()])


def test_a_documents_unknown_specialty_is_its_own_sentence_after_the_documents_id() -> None:
    documents = "PS,statement,general\nL,letter,cardio\n"
    messages = [m for _, _, m in said(check("", documents, ""))]
    assert messages[:2] == [
        "Documents, line 2 (PS): “general” names no specialty; write a field's slug from the list below the form, "
        "such as internal-medicine (a letter for no one field: see this box's help).",
        "Documents, line 3 (L): unknown specialty “cardio”; write it as a slug from the list below the form, such as "
        "internal-medicine. A combined program, such as internal medicine-pediatrics, or a field not on that list "
        "cannot be checked here.",
    ]


@pytest.mark.parametrize(
    ("field", "table", "expected"),
    [
        ("assignments", "program,document,notes\nCity IM\n", "expected at least 2 columns (program,document), found 1"),
        (
            "programs",
            "name;city;specialty;notes\nCity IM;Detroit\n",
            "expected at least 3 columns (name;city;specialty), found 2",
        ),
        ("programs", "city,name,specialty\nDetroit\n", "expected 3 columns (city,name,specialty), found 1"),
    ],
)
def test_a_short_row_is_asked_only_for_the_columns_up_to_the_last_one_read(field: str, table: str, expected: str) -> None:
    with pytest.raises(packet_check.InputError) as caught:
        packet_check.compute({**CLEAN_PACKET, field: table})
    assert f", line 2: {expected} (a missing separator" in caught.value.message


# --- twofails audit s46, 2: the IMG article's letters for a family medicine backup ----
# Its worked example, psychiatry first and family medicine the backup: "2 letters
# from psychiatrists, 2 from family medicine or internal medicine physicians".
PSYCH_FM_PROGRAMS = "City Psych,psychiatry\nTown FM,family-medicine\n"
PSYCH_FM_DOCUMENTS = (
    "PS-Psy,statement,psychiatry\nPS-FM,statement,family-medicine\nL-Psy1,letter,psychiatry\n"
    "L-Psy2,letter,psychiatry\nL-IM1,letter,internal-medicine\nL-IM2,letter,internal-medicine\n"
    "L-FM,letter,family-medicine\n"
)
PSYCH_PACKET = assigned("City Psych", "PS-Psy", "L-Psy1", "L-Psy2")


def town_fm(*ids: str) -> list[tuple[str, str, str]]:
    return said(check(PSYCH_FM_PROGRAMS, PSYCH_FM_DOCUMENTS, PSYCH_PACKET + assigned("Town FM", "PS-FM", *ids)))


def test_internal_medicine_letters_for_a_family_medicine_program_are_warned_with_the_articles_preference() -> None:
    # The audit's packet: one IM letter and one psychiatry letter. It was an error.
    problems = town_fm("L-IM1", "L-Psy1")
    assert not [p for p in problems if p[0] == "error"]
    (warning,) = [m for s, p, m in problems if s == "warning" and p == "Town FM" and m.startswith("No letter")]
    assert warning.startswith("No letter written for family-medicine: internal-medicine letters count for it")
    # The count beside it names both fields: one such letter here, of three written.
    assert (
        "warning",
        "Town FM",
        "Only 1 letter written for family-medicine or internal-medicine assigned here, though you have 3; the "
        "articles advise at least 2.",
    ) in problems
    assert "“2 from family medicine or internal medicine physicians”" in warning
    assert "“far more convincing than a generic internal medicine letter”" in warning
    # The psychiatry letter is the one supporting letter; the IM letter is not counted as one.
    result = check(PSYCH_FM_PROGRAMS, PSYCH_FM_DOCUMENTS, PSYCH_PACKET + assigned("Town FM", "PS-FM", "L-IM1", "L-Psy1"))
    (row,) = [r for r in result["programs"] if r["program"] == "Town FM"]
    assert row["letters"] == 2 and row["supporting"] == 1
    assert not any("letters from other fields" in m for _, _, m in problems)
    # The example's own plan, two IM letters, is no error and no supporting-letter warning either.
    two = town_fm("L-IM1", "L-IM2")
    assert [s for s, p, _ in two if p == "Town FM"] == ["warning"]


def test_a_family_medicine_letter_beside_internal_medicine_ones_is_the_articles_plan() -> None:
    assert not [p for p in town_fm("L-FM", "L-IM1") if p[1] == "Town FM"]


def test_other_fields_letters_still_cannot_replace_a_programs_own() -> None:
    # Psychiatry letters for family medicine: the example does not allow them.
    assert ("error", "Town FM") in [(s, p) for s, p, _ in town_fm("L-Psy1", "L-Psy2")]
    # Nor internal medicine letters for psychiatry: the example asks psychiatrists' letters there.
    result = check(
        PSYCH_FM_PROGRAMS,
        PSYCH_FM_DOCUMENTS,
        assigned("City Psych", "PS-Psy", "L-IM1", "L-IM2") + assigned("Town FM", "PS-FM", "L-FM", "L-IM1"),
    )
    assert any(
        s == "error" and p == "City Psych" and m.startswith("No letter written for psychiatry:") for s, p, m in said(result)
    )
    # Only the one pair is in the data, with its source.
    assert {f: r.fields for f, r in packet_check.STAND_IN_LETTERS.items()} == {"family-medicine": ("internal-medicine",)}
    assert packet_check.STAND_IN_LETTERS["family-medicine"].source == data.ARTICLE_IMG


def test_the_letters_counted_for_family_medicine_are_said_in_the_method_and_on_the_page() -> None:
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.method()))).split())
    assert "Counted as a family-medicine program's own letters: letters written for internal-medicine" in method
    assert data.ARTICLE_IMG.title in method.split("Counted as a family-medicine", 1)[1].split("Error:", 1)[0]
    page = " ".join((ROOT / "docs" / "calculators" / "packet-check.md").read_text(encoding="utf-8").split())
    assert "counts internal medicine letters as a family medicine program's own" in page
    assert "gets a warning rather than an error" in page


def test_the_words_the_stand_in_warning_quotes_are_the_articles() -> None:
    from test_data import article_text

    for rule in packet_check.STAND_IN_LETTERS.values():
        text = " ".join(article_text(rule.source).split())
        for said_there in (rule.allows, rule.prefers):
            (quoted,) = re.findall(r"“([^”]+)”", said_there)
            assert quoted in text, quoted


def test_the_guide_and_the_checks_letters_help_say_what_the_packet_checker_counts() -> None:
    # The checker took internal medicine letters as a family medicine
    # program's own; the guide said it takes letters from another field only as
    # supporting ones, and the check's help asked for the target field's alone
    # (recheck46 audit s46, 5).
    from calculators import competitiveness

    assert packet_check.STAND_IN_LETTERS["family-medicine"].fields == ("internal-medicine",)
    guide = (ROOT / "docs" / "apply" / "index.md").read_text(encoding="utf-8")
    assert "for a family medicine backup, letters from internal medicine physicians count as the field's own" in guide
    letters = next(f for f in competitiveness.FIELDS if f.name == "specialty_letters")
    assert "In family medicine you may count letters from internal medicine physicians too" in letters.help


def test_a_letter_for_no_one_field_is_explained_in_the_documents_help_not_in_each_error() -> None:
    # The error ran to 48 words, past the status line's 40, which then said only
    # which box to fix (readout46 audit s46, 6).
    documents = next(f for f in packet_check.FIELDS if f.name == "documents")
    assert documents.help.endswith(packet_check.LETTER_FOR_NO_FIELD_HELP)
    assert "research supervisor's" in packet_check.LETTER_FOR_NO_FIELD_HELP


# --- Letters from a preliminary medicine year (pgy1res audit s46, 7) -------------------
PRELIM_PROGRAMS = "Rad A,diagnostic-radiology\nAnes B,anesthesiology\nIM C,internal-medicine\n"
PRELIM_DOCUMENTS = (
    "PS-DR,statement,diagnostic-radiology\nPS-AN,statement,anesthesiology\nPS-IM,statement,internal-medicine\n"
    "L-PD,letter,{label}\nL-ICU,letter,{label}\nL-Rad,letter,diagnostic-radiology\nL-Anes,letter,anesthesiology\n"
)
PRELIM_ASSIGNMENTS = (
    assigned("Rad A", "PS-DR", "L-Rad", "L-PD", "L-ICU")
    + assigned("Anes B", "PS-AN", "L-Anes", "L-PD", "L-ICU")
    + assigned("IM C", "PS-IM", "L-PD", "L-ICU")
)


def test_letters_labelled_preliminary_medicine_are_internal_medicines_own_and_supporting_elsewhere() -> None:
    # Labelled preliminary-medicine, the two letters the no-match article asks
    # from the year left the internal medicine program "No letter written for
    # internal-medicine" though IM attendings wrote them.
    result = check(PRELIM_PROGRAMS, PRELIM_DOCUMENTS.format(label="preliminary-medicine"), PRELIM_ASSIGNMENTS)
    by_program = [(s, p) for s, p, _ in said(result) if p]
    assert ("error", "IM C") not in by_program and ("warning", "IM C") not in by_program
    # Elsewhere they stay supporting letters, within the first-year allowance.
    assert not [m for s, p, m in said(result) if s == "warning" and p in ("Rad A", "Anes B")]
    assert result["ok"]
    assert [row["supporting"] for row in result["programs"]] == [2, 2, 0]
    # Labelled internal-medicine they are supporting letters past anesthesiology's one.
    as_im = check(PRELIM_PROGRAMS, PRELIM_DOCUMENTS.format(label="internal-medicine"), PRELIM_ASSIGNMENTS)
    assert any(s == "warning" and p == "Anes B" for s, p, _ in said(as_im))


def test_a_preliminary_year_counts_for_internal_medicine_only_and_for_letters_only() -> None:
    assert packet_check.counts_for("preliminary-medicine", "internal-medicine")
    # Wherever internal medicine's letters count: family medicine takes them as its stand-in.
    assert packet_check.counts_for("preliminary-medicine", "family-medicine")
    assert not packet_check.counts_for("preliminary-medicine", "psychiatry")
    assert not packet_check.counts_for("preliminary-surgery", "general-surgery")
    assert not packet_check.counts_for("internal-medicine", "preliminary-medicine")
    # A statement written for the preliminary year is still the wrong one for a categorical program.
    result = check(
        IM_PROGRAM,
        "PS-Prelim,statement,preliminary-medicine\nL1,letter,internal-medicine\n",
        assigned("City IM", "PS-Prelim", "L1"),
    )
    assert any(s == "error" and p == "City IM" and "statement" in m for s, p, m in said(result))
    # Counted towards the letters written for internal medicine, and named so
    # where the reader used the label; to anyone else it would be a label never used.
    assert packet_check.letters_named("internal-medicine", {"preliminary-medicine"}) == (
        "internal-medicine or preliminary-medicine"
    )
    assert packet_check.letters_named("internal-medicine", {"internal-medicine"}) == "internal-medicine"


def test_the_labelling_of_preliminary_year_letters_is_said_in_the_help_the_method_and_on_the_page() -> None:
    documents = next(f for f in packet_check.FIELDS if f.name == "documents")
    assert packet_check.PRELIMINARY_YEAR_LETTERS_HELP in documents.help
    assert "go under `preliminary-medicine`" in packet_check.PRELIMINARY_YEAR_LETTERS_HELP
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.method()))).split())
    assert "Counted as an internal medicine program's own letters: letters written in a preliminary internal" in method
    assert f"“2 strong letters from your prelim year” ({data.ARTICLE_UNMATCHED.title})" in method
    page = " ".join((ROOT / "docs" / "calculators" / "packet-check.md").read_text(encoding="utf-8").split())
    assert "Letters from a preliminary internal medicine year you are in or have done go under `preliminary-medicine`" in page


def test_the_prelim_year_words_quoted_are_the_no_match_articles() -> None:
    from test_data import article_text

    assert "2 strong letters from your prelim year" in " ".join(article_text(data.ARTICLE_UNMATCHED).split())


VALLEY_FM = (
    "Metro University IM,internal-medicine\nValley FM,family-medicine\n",
    "PS-IM,statement,internal-medicine\nPS-FM,statement,family-medicine\n"
    "Letter-Cardiology,letter,internal-medicine\nLetter-Hospitalist,letter,internal-medicine\n",
    assigned("Metro University IM", "PS-IM", "Letter-Cardiology", "Letter-Hospitalist")
    + assigned("Valley FM", "PS-FM", "Letter-Cardiology", "Letter-Hospitalist"),
)


def test_a_lone_warning_is_named_in_the_read_out() -> None:
    # "No errors found. 1 warning." was all a screen reader heard; the warning
    # was in the table (readout46 audit s46, 8).
    result = check(*VALLEY_FM)
    assert [s for s, _, _ in said(result)] == ["warning"]
    assert result["summary"] == "No errors found. 1 warning."
    assert result["announced"] == (
        "No errors found. 1 warning: Valley FM has no Family Medicine letter; Internal Medicine letters count."
    )
    import json

    from calculators import browser

    reply = json.loads(
        browser.compute(
            "packet_check",
            json.dumps(
                {
                    "programs": PROGRAMS + VALLEY_FM[0],
                    "documents": DOCUMENTS + VALLEY_FM[1],
                    "assignments": ASSIGNMENTS + VALLEY_FM[2],
                }
            ),
        )
    )
    assert reply["announce"] == result["announced"]
    # The notes still follow, within the limit.
    noted = check(VALLEY_FM[0], VALLEY_FM[1] + "Spare,letter,family-medicine\n", VALLEY_FM[2])
    assert noted["announced"] == (
        "No errors found. 1 warning: Valley FM has no Family Medicine letter; Internal Medicine letters count. "
        "A note lists documents assigned to no program."
    )
    # Two warnings, or any error, are counted as before: the table names them.
    two = check(
        VALLEY_FM[0].replace("Metro University IM,internal-medicine", "Hill FM,family-medicine"),
        VALLEY_FM[1],
        VALLEY_FM[2].replace("Metro University IM", "Hill FM"),
    )
    assert [s for s, _, _ in said(two)].count("warning") == 2 and two["announced"] == two["summary"]
    errored = check(VALLEY_FM[0], VALLEY_FM[1], VALLEY_FM[2].replace("Metro University IM,PS-IM\n", ""))
    assert not errored["ok"] and errored["announced"] == errored["summary"]


@pytest.mark.parametrize("words", [20, 45])
def test_a_lone_warning_on_a_long_program_name_keeps_the_read_out_within_its_limit(words: int) -> None:
    from calculators.registry import READ_OUT_WORDS

    name = " ".join(["Saint Bartholomew Regional Family Medicine Residency"] * (words // 5))
    noted = check(
        VALLEY_FM[0].replace("Valley FM", name),
        VALLEY_FM[1] + "Spare,letter,family-medicine\n",
        VALLEY_FM[2].replace("Valley FM", name),
    )
    assert len(noted["announced"].split()) <= READ_OUT_WORDS
    if words == 20:
        # The note gives way to the warning.
        assert (
            noted["announced"]
            == f"No errors found. 1 warning: {name} has no Family Medicine letter; Internal Medicine letters count."
        )
    else:
        assert (
            noted["announced"] == noted["summary"] == "No errors found. 1 warning. A note lists documents assigned to no program."
        )


@pytest.mark.parametrize(
    ("programs", "documents", "assignments", "heard"),
    [
        (
            "City EM,emergency-medicine\n",
            "S,statement,emergency-medicine\nL1,letter,emergency-medicine\nL2,letter,emergency-medicine\n",
            assigned("City EM", "L1", "L2"),
            "City EM has no SLOE among its letters.",
        ),
        (IM_PROGRAM, IM_PACKET, assigned("City IM", "S", "L1", "L2", "L2"), "City IM is assigned “L2” twice."),
        (
            IM_PROGRAM,
            IM_PACKET + "L3,letter,internal-medicine\n",
            assigned("City IM", "S", "L1"),
            "City IM gets only 1 letter for Internal Medicine; the articles advise 2.",
        ),
        (
            IM_PROGRAM,
            "S,statement,internal-medicine\nL1,letter,internal-medicine\n",
            assigned("City IM", "S", "L1"),
            "only 1 letter for Internal Medicine among your documents; the articles advise 2.",
        ),
        (
            IM_PROGRAM,
            IM_PACKET + "A,letter,general-surgery\nB,letter,neurology\n",
            assigned("City IM", "S", "L1", "L2", "A", "B"),
            "City IM has 2 letters from other fields, more than the articles suggest.",
        ),
    ],
    ids=["no SLOE", "assigned twice", "too few assigned", "too few written", "too many supporting"],
)
def test_each_kind_of_lone_warning_is_named_in_brief(programs: str, documents: str, assignments: str, heard: str) -> None:
    result = check(programs, documents, assignments)
    assert [s for s, _, _ in said(result)].count("warning") == 1 and result["ok"]
    assert result["announced"].startswith(f"No errors found. 1 warning: {heard}")


def test_ent_letters_are_our_count_borrowed_from_the_dermatology_plan_not_an_articles() -> None:
    # The ultra article gives 3 letters only for dermatology (sources audit s54, 3).
    ent = check(
        "City ENT,otolaryngology\n",
        "S,statement,otolaryngology\nL1,letter,otolaryngology\nL2,letter,otolaryngology\n",
        assigned("City ENT", "S", "L1", "L2"),
    )
    assert ent["announced"].startswith(
        "No errors found. 1 warning: only 2 letters for Otolaryngology (ENT) among your documents; we advise 3."
    )
    derm = check(
        "City Derm,dermatology\n",
        "S,statement,dermatology\nL1,letter,dermatology\nL2,letter,dermatology\n",
        assigned("City Derm", "S", "L1", "L2"),
    )
    assert "the articles advise 3" in derm["announced"]
    assert "the ultra-competitive article 3 for dermatology" in unescape(str(packet_check.method()))


def test_a_read_out_names_preliminary_year_letters_by_name_where_the_reader_used_the_label() -> None:
    # The read-out names fields, not slugs; a preliminary year's letters are
    # named only to the reader who labelled letters so.
    assert packet_check.letters_named_heard("internal-medicine", {"preliminary-medicine"}) == (
        "Internal Medicine or Preliminary Internal Medicine"
    )
    assert packet_check.letters_named_heard("internal-medicine") == "Internal Medicine"


def test_preliminary_year_letters_count_at_a_family_medicine_program_as_internal_medicine_letters_do() -> None:
    # Labelled as the help asks, the same IM-faculty letters drew an error at a
    # family medicine program that the internal-medicine label did not (diff review s47, 2).
    programs = "Valley FM,family-medicine\n"
    assignments = assigned("Valley FM", "PS-FM", "L-PD", "L-ICU")
    by_label = {
        label: check(programs, f"PS-FM,statement,family-medicine\nL-PD,letter,{label}\nL-ICU,letter,{label}\n", assignments)
        for label in ("internal-medicine", "preliminary-medicine")
    }
    assert [s for s, _, _ in said(by_label["preliminary-medicine"])] == [s for s, _, _ in said(by_label["internal-medicine"])]
    assert by_label["preliminary-medicine"]["ok"]
    # Heard as the stand-in's warning, naming the preliminary year only to the reader who used its label.
    assert by_label["preliminary-medicine"]["announced"] == (
        "No errors found. 1 warning: Valley FM has no Family Medicine letter; Internal Medicine letters count."
    )
    one_fm = check(
        programs,
        "PS-FM,statement,family-medicine\nL-FM,letter,family-medicine\nL-PD,letter,preliminary-medicine\n",
        assigned("Valley FM", "PS-FM", "L-FM"),
    )
    messages = " ".join(m for _, _, m in said(one_fm))
    assert "written for family-medicine or internal-medicine or preliminary-medicine assigned here, though you have 2" in messages
    assert "Family Medicine or Internal Medicine or Preliminary Internal Medicine" in one_fm["announced"]


# --- Letters from US physicians, as the competitiveness check counts them (oldgrad audit s52, 11) ---
US_DOCUMENTS = "id,kind,specialty,US\n"
PSYCH_PROGRAM = "Mind Hospital,psychiatry\n"
PSYCH_ASSIGNED = assigned("Mind Hospital", "PS", "L1", "L2")


def us_check(documents: str, programs: str = PSYCH_PROGRAM, assignments: str = PSYCH_ASSIGNED) -> packet_check.PacketCheckResult:
    return packet_check.compute(
        {"programs": PROGRAMS + programs, "documents": US_DOCUMENTS + documents, "assignments": ASSIGNMENTS + assignments}
    )


def test_a_letter_from_home_does_not_count_towards_the_advised_letters_once_the_us_column_says_so() -> None:
    # An older graduate's two psychiatry letters met the articles' two, though
    # one was written at home and the competitiveness check counts only US letters.
    result = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,no\n")
    assert said(result) == [
        (
            "warning",
            "",
            # Said as the read-out says it: the "US" is the check's, the count the articles' (diff review s52b, 9).
            "Only 1 of your letters written for psychiatry is from a US physician; the competitiveness check counts "
            "only those, and the articles advise at least 2 for each specialty you apply to.",
        )
    ]
    assert result["ok"] and result["announced"] == (
        "No errors found. 1 warning: only 1 of your Psychiatry letters is from a US physician; the competitiveness check counts only those, and the articles advise 2."
    )
    assert result["letter_origin"] == ""
    both_us = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,Yes\nL2,letter,psychiatry,TRUE\n")
    assert both_us["problems"] == [] and both_us["letter_origin"] == ""
    none_us = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,no\nL2,letter,psychiatry,not US\n")
    (only,) = [m for _, _, m in said(none_us)]
    assert only.startswith(
        "None of your letters written for psychiatry is from a US physician; the competitiveness check counts only those"
    )
    assert "none of your Psychiatry letters is from a US physician" in none_us["announced"]


def test_too_few_letters_in_all_gives_the_one_warning_it_gave_before() -> None:
    result = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,no\n", assignments=assigned("Mind Hospital", "PS", "L1"))
    (warning,) = [m for s, _, m in said(result) if s == "warning"]
    assert warning == (
        "Only 1 letter written for psychiatry among your documents; the articles advise at least 2 for each specialty "
        "you apply to."
    )


def test_us_letters_are_counted_with_the_fields_whose_letters_count_as_its_own() -> None:
    # Family medicine takes internal medicine letters as its own, so one from home is left out there too.
    fm = us_check(
        "PS,statement,family-medicine\nF1,letter,family-medicine,yes\nI1,letter,internal-medicine,no\n",
        programs="Town FM,family-medicine\n",
        assignments=assigned("Town FM", "PS", "F1", "I1"),
    )
    assert [m for s, _, m in said(fm) if s == "warning"] == [
        "Only 1 of your letters written for family-medicine or internal-medicine is from a US physician; the "
        "competitiveness check counts only those, and the articles advise at least 2 for each specialty you apply to."
    ]
    # The ultra-competitive fields' 3, with two from US physicians.
    derm = us_check(
        "PS,statement,dermatology\nD1,letter,dermatology,yes\nD2,letter,dermatology,yes\nD3,letter,dermatology,no\n",
        programs="Skin U,dermatology\n",
        assignments=assigned("Skin U", "PS", "D1", "D2", "D3"),
    )
    assert any(
        m.startswith(
            "Only 2 of your letters written for dermatology are from US physicians; the competitiveness check counts only "
            "those, and the articles advise at least 3"
        )
        for _, _, m in said(derm)
    )


def test_a_letter_with_no_answer_still_counts_and_one_sentence_says_it_is_not_known() -> None:
    result = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,\n")
    assert result["problems"] == []
    assert result["letter_origin"] == (
        "Not known whether a US physician wrote “L2”, so it is counted: write yes or no in the US column."
    )
    # Shown as it is said; the quoted id is kept from translation, so its tags part it from the comma.
    assert result["letter_origin"].replace(" ", "") in text(result).replace(" ", "")
    assert '<span translate="no">“L2”</span>' in str(packet_check.render(result))
    # An export may cut an empty last cell off the row.
    cut = us_check("PS,statement,psychiatry\nL1,letter,psychiatry\nL2,letter,psychiatry,yes\n")
    assert [s for s, _, _ in said(cut)] == [] and "wrote “L1”, so it is counted" in cut["letter_origin"]
    many = "".join(f"L{i},letter,psychiatry\n" for i in range(1, 8))
    seven = us_check("PS,statement,psychiatry\n" + many)
    assert seven["letter_origin"] == (
        "Not known whether a US physician wrote “L1”, “L2”, “L3”, “L4”, “L5” and 2 more letters, so they are counted: "
        "write yes or no in the US column."
    )


def test_a_us_cell_the_checker_cannot_read_is_a_warning_and_its_letter_is_not_known() -> None:
    # A warning: nothing ERAS checks turns on this column (diff review s52, 10).
    result = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,maybe\n")
    assert said(result) == [
        (
            "warning",
            "",
            "Documents, line 4 (L2): the US column takes yes or no, or nothing if you do not know, not “maybe”.",
        )
    ]
    assert "wrote “L2”" in result["letter_origin"] and result["ok"]
    # "USA" and "U.S." are read as yes, "Non-US" as no.
    # Any dash, "unsure" and "idk" too (diff review s53, 12).
    for typed in (
        "USA",
        "U.S.",
        "u.s.a.",
        "Yes",
        "1",
        "N/A",
        "unknown",
        "-",
        "—",
        "–",
        "unsure",
        "idk",
        # "??" and "unsure?" too (diff review s53b, 11).
        "??",
        "unsure?",
        "not sure",
        "Don't know",
    ):
        assert us_check(f"PS,statement,psychiatry\nL1,letter,psychiatry,{typed}\nL2,letter,psychiatry,yes\n")["problems"] == []
    # Hyphens read as spaces: "not-US" and "nonUS" were warned (diff review s52b, 9).
    for typed in ("Non-US", "non-USA", "0", "not USA", "non usa", "not-US", "nonUS", "Non-U.S."):
        home = us_check(f"PS,statement,psychiatry\nL1,letter,psychiatry,{typed}\nL2,letter,psychiatry,yes\n")
        assert any("is from a US physician" in p["message"] for p in home["problems"]), typed
    # "I do not know" words are read as the empty cell: counted, and named as not known.
    unsure = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,N/A\nL2,letter,psychiatry,yes\n")
    assert "wrote “L1”" in unsure["letter_origin"]
    # A question mark does not make "no" unsaid.
    assert us_check("PS,statement,psychiatry\nL1,letter,psychiatry,no?\nL2,letter,psychiatry,yes\n")["problems"]
    # A statement has no writer to ask about.
    statement = us_check("PS,statement,psychiatry,maybe\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,yes\n")
    assert statement["problems"] == []


def test_a_table_without_the_us_column_keeps_its_result_and_is_told_the_column_exists() -> None:
    result = packet_check.compute(CLEAN_PACKET)
    assert result["problems"] == [] and text(result).startswith("No problems found with the statements and letters.")
    # One short line (diff review s52b, 9).
    assert result["letter_origin"] == (
        "All letters are counted as US physicians' letters: add a US column (yes or no) if some are not."
    )
    assert result["letter_origin"] in text(result)
    # Two letters from home, unmarked, still meet the articles' two: the sentence is what tells the reader.
    home = check(PSYCH_PROGRAM, "PS,statement,psychiatry\nL1,letter,psychiatry\nL2,letter,psychiatry\n", PSYCH_ASSIGNED)
    assert home["problems"] == [] and home["letter_origin"]
    # No letters, nothing to say about their writers.
    assert check(IM_PROGRAM, "S,statement,internal-medicine\n", assigned("City IM", "S"))["letter_origin"] == ""


def test_the_us_column_is_spoken_of_only_where_it_could_change_the_result() -> None:
    # The sentence stood under the default example and every table without the
    # column, where it changed nothing (diff review s52b, 9).
    default = packet_check.compute({})
    assert default["letter_origin"] == "" and "US column" not in text(default)
    assert packet_check.DEFAULT_DOCUMENTS.startswith("id,kind,specialty,US\n")
    # Already short of the articles' two: the warning says so, and the column could not add a letter.
    short = check(PSYCH_PROGRAM, "PS,statement,psychiatry\nL1,letter,psychiatry\n", assigned("Mind Hospital", "PS", "L1"))
    assert [s for s, _, _ in said(short)] == ["warning"] and short["letter_origin"] == ""
    # A letter for a field not applied to counts towards no program's letters.
    elsewhere = us_check(
        "PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,yes\nI1,letter,internal-medicine\n"
    )
    assert elsewhere["letter_origin"] == ""
    # Two letters marked yes already meet the two: a third with no answer changes nothing.
    enough = us_check(
        "PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry,yes\nL3,letter,psychiatry\n",
        assignments=assigned("Mind Hospital", "PS", "L1", "L2", "L3"),
    )
    assert enough["problems"] == [] and enough["letter_origin"] == ""
    # One marked yes: the unanswered one decides it, and is named.
    one = us_check("PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry\nL3,letter,psychiatry\n")
    assert "wrote “L2” and “L3”, so they are counted" in one["letter_origin"]
    # Only the field at stake's letters are named: the radiology one has its own marked.
    mixed = us_check(
        "PS,statement,psychiatry\nL1,letter,psychiatry,yes\nL2,letter,psychiatry\n"
        "PS-DR,statement,diagnostic-radiology\nR1,letter,diagnostic-radiology,yes\nR2,letter,diagnostic-radiology\n",
        programs=PSYCH_PROGRAM + "Scan U,diagnostic-radiology\n",
        assignments=PSYCH_ASSIGNED + assigned("Scan U", "PS-DR", "R1", "R2"),
    )
    assert "“L2”" in mixed["letter_origin"] and "R2" not in mixed["letter_origin"]


def test_the_us_column_is_in_the_documents_help_the_method_and_the_page() -> None:
    documents = next(f for f in packet_check.FIELDS if f.name == "documents")
    assert packet_check.US_COLUMN_HELP in documents.help and "`US`" in documents.help
    method = " ".join(unescape(re.sub(r"<[^>]+>", " ", str(packet_check.method()))).split())
    assert "Warning, our rule: where the documents table has a US column" in method
    page = " ".join((ROOT / "docs" / "calculators" / "packet-check.md").read_text(encoding="utf-8").split())
    assert "`US`" in page and "competitiveness check" in page


# --- A field's statement sent to a first-year program (aiminghigh audit s54, 12) ---------
ORTHO_AND_PRELIM = "City Ortho,orthopaedic-surgery\nCity Prelim,preliminary-surgery\nTown Prelim,preliminary-surgery\n"
ORTHO_PACKET = "PS-Ortho,statement,orthopaedic-surgery\nPS-Prelim,statement,preliminary-surgery\nL1,letter,orthopaedic-surgery\n"


def test_an_orthopaedics_statement_sent_to_a_preliminary_program_is_noted_as_our_advice() -> None:
    packet = ORTHO_PACKET.replace("PS-Prelim,statement,preliminary-surgery\n", "")
    programs = ORTHO_AND_PRELIM.replace("Town Prelim,preliminary-surgery\n", "")
    result = check(programs, packet, assigned("City Ortho", "PS-Ortho", "L1") + assigned("City Prelim", "PS-Ortho", "L1"))
    notes = [(program, message) for severity, program, message in said(result) if severity == "note"]
    assert notes == [
        (
            "City Prelim",
            "The statement “PS-Ortho” was written for orthopaedic-surgery. A preliminary or transitional program may "
            "take it (our rule), but a short statement written for that year may serve you better (our advice).",
        )
    ]
    # Allowed, as before: a note, not an error, and counted apart from the
    # notes on how a specialty was read.
    assert not [message for severity, _, message in said(result) if severity == "error"]
    assert "1 note on statements for a first year." in result["summary"]
    assert "on how a specialty was read" not in result["summary"]
    assert packet_check.FIRST_YEAR_STATEMENT in text(result)


def test_one_note_for_a_statement_sent_to_many_first_year_programs_and_none_for_one_written_for_the_year() -> None:
    many = check(
        ORTHO_AND_PRELIM,
        ORTHO_PACKET,
        assigned("City Ortho", "PS-Ortho", "L1")
        + assigned("City Prelim", "PS-Ortho", "L1")
        + assigned("Town Prelim", "PS-Ortho", "L1"),
    )
    (note,) = [(program, message) for severity, program, message in said(many) if "statement" in message]
    assert note[0] == "" and "goes to 2 preliminary or transitional programs (City Prelim, Town Prelim)." in note[1]
    own = check(
        ORTHO_AND_PRELIM,
        ORTHO_PACKET,
        assigned("City Ortho", "PS-Ortho", "L1")
        + assigned("City Prelim", "PS-Prelim", "L1")
        + assigned("Town Prelim", "PS-Prelim", "L1"),
    )
    assert not [message for _, _, message in said(own) if "statement" in message]
    assert "statements for a first year" not in own["summary"]
