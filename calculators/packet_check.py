"""Packet check: does every program get the right statement and letters?

The reader pastes three small tables from a spreadsheet (comma- or
tab-separated): programs, the documents they have (letters and personal
statements, each written for one specialty) and which document goes to which
program.  The rules catch the slips the articles warn about: a statement for
one specialty sent to another, a program with no letters or too few from its
own field, more letters from other fields than the articles suggest, too many
letters, and no statement or two.  A letter from another clinical field is
not a slip: the articles recommend one or two such supporting letters, and
the checker says so in a note.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import NamedTuple, TypedDict
from urllib.parse import quote

from . import data
from .data import ARTICLE_IMG, ARTICLE_ORTHO, ARTICLE_RADIOLOGY, ARTICLE_ULTRA, ARTICLE_UNMATCHED, ERAS_RULES, Source
from .fields import InputError, TextField, check_inputs, raise_all, typed_excerpt
from .html import Markup, and_list, as_typed, capitalised, counted, el, join, quoted_as_typed, table
from .registry import first_within_read_out

NAME = "packet_check"
TITLE = "Application packet checker"
SUMMARY = "Checks that each program gets one personal statement and the letters written for its specialty."

# ============================================================================
# The rules
# ============================================================================
# Each program receives at most four letters: ERAS's limit (data.ERAS_RULES),
# and ResidencyCAS's too, which emergency medicine and OB/GYN programs use
# instead of ERAS (data.RESIDENCYCAS_EVALUATIONS).  The message names both,
# so it is true of either.
MAX_LETTERS_PER_PROGRAM = 4
# A program is sent one personal statement, so a worksheet that assigns it
# two holds a mistake to find before the application goes.  (The letters each
# specialty expects are data.letters_expected's, shared with the
# competitiveness check.)
STATEMENTS_PER_PROGRAM = 1
KINDS = ("letter", "statement")
# What a spreadsheet calls them.  "Personal statement" and "LoR" were errors,
# and the statement so flagged was then reported missing (rank-packet audit
# s38, 6).  A SLOE, the standardized letter of evaluation emergency medicine
# asks for, is a letter.
KIND_SYNONYMS = {
    "ps": "statement",
    "personal statement": "statement",
    "lor": "letter",
    "letter of recommendation": "letter",
    "recommendation": "letter",
    "sloe": "letter",
}
SEVERITY_ORDER = ("error", "warning", "note")

# Supporting letters: letters written in another field that a program of this
# field can still value.  The radiology article suggests 1-2 letters from
# other US clinicians (IM, surgery, neurology) next to 1-2 from radiologists;
# the orthopaedics article allows one surgeon or orthopaedic mentor letter in
# the backup application; the no-match article one letter from the earlier
# field; the radiology article one more letter from any US clinician for the
# backup.  So: up to two in radiology, one elsewhere.  Over that is a warning,
# not an error.
SUPPORTING_LETTERS_DEFAULT = 1
SUPPORTING_LETTERS_BY_FIELD = {"diagnostic-radiology": 2}
# Letters written in a preliminary or transitional year are not counted
# against that limit, up to two: after such a year the no-match article asks
# for two strong letters from it next to one or two from the target field,
# and the checker warned of exactly that mix (rank-packet audit s38, 4).
FIRST_YEAR_SUPPORTING_LETTERS = 2
# A letter from a preliminary internal medicine year is written by internal
# medicine faculty, so it is internal medicine's own for an internal medicine
# program, and a supporting letter, under the allowance above, for any other
# field.  A resident applying from that year, as the no-match article advises
# with "2 strong letters from your prelim year", was told either that an
# anesthesiology program had too many supporting letters (labelled
# internal-medicine) or that an internal medicine program had none of its own
# (labelled preliminary-medicine) (pgy1res audit s46, 7).  Only letters: a
# statement for a preliminary year is not one for a categorical program.
PRELIMINARY_YEAR_OF = {"preliminary-medicine": "internal-medicine"}


# Letters from another field that count as a field's own, with where that is
# said.  The IMG article's worked example, psychiatry first and family
# medicine as the backup, asks for two psychiatrists' letters and "2 from
# family medicine or internal medicine physicians", so internal medicine letters
# count towards a family medicine program's letters and are not supporting
# ones.  It allows nothing more: the psychiatry letters are psychiatrists'
# alone, and no article lets another pair stand in.  The same article finds a
# letter from the backup field "far more convincing than a generic internal
# medicine letter", so a program given stand-ins and none of its own field's
# is warned, not told it has no letters from its field (twofails audit s46, 2).
class StandIn(NamedTuple):
    fields: tuple[str, ...]
    source: Source
    # What the source says, as the warning quotes it.
    allows: str
    prefers: str


STAND_IN_LETTERS: dict[str, StandIn] = {
    "family-medicine": StandIn(
        fields=("internal-medicine",),
        source=ARTICLE_IMG,
        allows="“2 from family medicine or internal medicine physicians”, in its example of a family medicine backup",
        prefers="a family physician's letter “far more convincing than a generic internal medicine letter”",
    ),
}


def stand_in_preference(field: str) -> str:
    """The warning for a program whose letters all come from a field that stands in for its own."""
    rule = STAND_IN_LETTERS[field]
    return (
        f"{and_list(list(rule.fields), 'or')} letters count for it, as the {rule.source.short} allows ({rule.allows}), "
        f"but the same article finds {rule.prefers}. Assign one written for {field} here if you have one."
    )


# Preliminary and transitional programs (the first year before a field that
# starts at PGY-2, or a bridge year): the radiology playbook asks for letters
# about ward work from any field and a short statement, and no article ties
# either to one field, so any letter and any statement fit them (our rule).
# Only the counts apply: letters at all, at most four, one statement.
FIRST_YEAR = data.FIRST_YEAR_PROGRAMS
FIRST_YEAR_STATEMENT = (
    "A preliminary or transitional program may take it (our rule), but a short statement written for that year may "
    "serve you better (our advice)."
)

# Short and US spellings of fields that neither a slug, a name nor the start
# of a slug reach: "Ortho" was read and "Orthopedic Surgery", the spelling of
# the orthopaedics article's own title, was not; nor were "Radiology", the
# guide's word, "IM" or "OB/GYN" (rank-packet audit s38, 7).  The site's own
# short forms (the glossary's table, and "ENT" in otolaryngology's name) were
# refused beside them (fuzz audit s40, 6).  Left out as too loose to read as
# one field: "surgery" and "medicine" (a preliminary year too), "neuro"
# (neurology or neurosurgery), "DR" and "gas".  Those are answered with
# what to write instead, not an example from another field: "DR" was told
# "such as internal-medicine", though the form's own example names
# radiology's statement "PS-DR" (packet-check note s40).
SHORT_FORMS_NOT_READ = {
    "surgery": ("general-surgery", "preliminary-surgery"),
    "medicine": ("internal-medicine", "preliminary-medicine"),
    "neuro": ("neurology", "neurological-surgery"),
    "dr": ("diagnostic-radiology",),
    "gas": ("anesthesiology",),
}
SPECIALTY_ALIASES = {
    "orthopedic surgery": "orthopaedic-surgery",
    "orthopedic": "orthopaedic-surgery",
    "orthopedics": "orthopaedic-surgery",
    "orthopaedics": "orthopaedic-surgery",
    "radiology": "diagnostic-radiology",
    "rads": "diagnostic-radiology",
    "im": "internal-medicine",
    "fm": "family-medicine",
    "em": "emergency-medicine",
    "peds": "pediatrics",
    "paediatrics": "pediatrics",
    "ob/gyn": "obstetrics-gynecology",
    "obgyn": "obstetrics-gynecology",
    "ob-gyn": "obstetrics-gynecology",
    "ob gyn": "obstetrics-gynecology",
    # "OB" alone: no other field on the site's list could be meant.
    "ob": "obstetrics-gynecology",
    "pm&r": "pmr",
    "physiatry": "pmr",
    "anesthesia": "anesthesiology",
    "anaesthesia": "anesthesiology",
    "neurosurgery": "neurological-surgery",
    "nsgy": "neurological-surgery",
    "ent": "otolaryngology",
    "head and neck surgery": "otolaryngology",
    "plastics": "plastic-surgery",
    "gs": "general-surgery",
    "gen surg": "general-surgery",
    "gen surgery": "general-surgery",
    "general surg": "general-surgery",
}


# What the checker cannot see, said under every result, since a packet with
# no problems in its statements and letters read as complete (rank-packet
# audit s38, 2).  In MyERAS the USMLE and COMLEX-USA transcripts reach only
# the programs they are assigned to, and an assignment cannot be undone; the
# MSPE, the medical school transcript and ECFMG's status report reach every
# program applied to (data.ERAS_DOCUMENTS); each program sets its own letter
# requirements, and most ask for three, fewer than the four ERAS allows
# (data.LETTERS_ASKED).
LETTERS_PROGRAMS_OFTEN_ASK = 3
NOT_CHECKED = (
    "Not checked here: in MyERAS your USMLE or COMLEX transcript goes only to the programs you assign it to, and an "
    "assignment cannot be taken back; your MSPE, medical school transcript and ECFMG status report go to every "
    f"program you apply to ({data.ERAS_DOCUMENTS.cite()}). In ResidencyCAS, which {data.RESIDENCYCAS_FIELDS_SAID} "
    "programs use, only letters are assigned program by program; everything else goes to every program "
    f"({data.RESIDENCYCAS_EVALUATIONS.cite()}). Programs also set their own letter requirements, often "
    f"{LETTERS_PROGRAMS_OFTEN_ASK} letters ({data.LETTERS_ASKED.cite()}): check each program's."
)

# Three boxes holding only their headers read "All clear." above an empty
# table (rank-packet audit s38, 9).
NO_PROGRAMS = "No programs to check: paste your programs below the header line."

# Emergency medicine programs expect SLOEs, which the kind "SLOE" marks: the
# checker read the word and did nothing with it (usmd-journey audit s38, 9).
SLOE_KIND = "sloe"
NO_SLOE = (
    "No SLOE among its letters: emergency medicine programs expect SLOEs, written after emergency medicine "
    f"rotations ({data.EM_SLOE_CITED}). If a letter here is one, write its kind as “SLOE” in the documents table."
)


# ResidencyCAS assigns only letters program by program: the statement in the
# application reaches every program applied to there (data.RESIDENCYCAS_EVALUATIONS),
# so an emergency medicine or OB/GYN program with none assigned is no slip.
# Every such program had been told "No personal statement assigned."
def _statement_sent_by_residencycas(names: list[str], fields: list[str]) -> str:
    named = " and ".join(data.specialty(slug).name for slug in fields)
    check = (
        "Check in ResidencyCAS that the statement it sends is the one written for that field."
        if len(fields) == 1
        else "You apply in both of its fields: check in ResidencyCAS which statement goes to each field's programs."
    )
    return (
        f"No statement assigned to {some_names(names)}: not needed there, since {named} programs take "
        "applications through ResidencyCAS, which sends the statement in your application to every program you apply "
        f"to and assigns only letters program by program ({data.RESIDENCYCAS_EVALUATIONS.cite()}). {check}"
    )


def stand_in_fields(field: str) -> tuple[str, ...]:
    return STAND_IN_LETTERS[field].fields if field in STAND_IN_LETTERS else ()


def counts_for(letter_field: str, field: str, letter: bool = True) -> bool:
    """Whether a letter written for ``letter_field`` counts as one of ``field``'s own: a preliminary
    year's letter wherever its field's would, family medicine's stand-in included (the same letters
    labelled internal-medicine counted for family medicine where these did not: diff review s47, 2).
    A statement (``letter`` false) for a preliminary year is not one for the field it is spent in."""
    if letter:
        letter_field = PRELIMINARY_YEAR_OF.get(letter_field, letter_field)
    return letter_field == field or letter_field in stand_in_fields(field)


def own_letter_fields(field: str, labels: Collection[str] = ()) -> tuple[str, ...]:
    """``field`` and the fields whose letters count as its own, as a message
    names them.  A preliminary year only where the reader's letters
    (``labels``) carry it: to every internal medicine applicant "or
    preliminary-medicine" named a label they never used."""
    fields = (field, *stand_in_fields(field))
    return (*fields, *(year for year, of in PRELIMINARY_YEAR_OF.items() if of in fields and year in labels))


def letters_named(field: str, labels: Collection[str] = ()) -> str:
    return " or ".join(own_letter_fields(field, labels))


def field_name(field: str) -> str:
    """A field's name, for the read-out: a slug read aloud is a string of words joined by hyphens."""
    if field in data.SPECIALTY_BY_SLUG:
        return data.SPECIALTY_BY_SLUG[field].name
    return FIRST_YEAR.get(field, field)


def letters_named_heard(field: str, labels: Collection[str] = ()) -> str:
    """``letters_named``, by the fields' names."""
    return " or ".join(map(field_name, own_letter_fields(field, labels)))


def supporting_limit(field: str) -> int:
    return SUPPORTING_LETTERS_BY_FIELD.get(field, SUPPORTING_LETTERS_DEFAULT)


def minimum_letters(field: str) -> int:
    if field not in data.SPECIALTY_BY_SLUG:
        return data.LETTERS_PER_SPECIALTY
    return data.letters_expected(field)[0]


def who_advises(field: str) -> str:
    """Whose count ``minimum_letters`` is: no article gives ENT, plastics or
    neurosurgery a count, so theirs is ours (sources audit s54, 3)."""
    return "we advise" if field in data.ULTRA_LETTERS_FROM_DERMATOLOGY else "the articles advise"


TEMPLATES = {
    "programs": "name,specialty\n",
    "documents": "id,kind,specialty\n",
    "assignments": "program,document\n",
}
COLUMNS = {"programs": ("name", "specialty"), "documents": ("id", "kind", "specialty"), "assignments": ("program", "document")}
# Columns read when a header has them, and what a message calls them.  Every
# letter was counted whoever wrote it, though the competitiveness check asks
# for "Letters from US physicians": an older graduate's two letters from home
# met the articles' two here and counted for nothing there (oldgrad audit s52,
# 11).  Optional, so every table pasted before it is read as it was.
US_COLUMN = "us"
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {"documents": (US_COLUMN,)}
COLUMN_NAMES = {US_COLUMN: "US"}

DEFAULT_PROGRAMS = """name,specialty
Metro University IM,internal-medicine
Lakeside Community IM,internal-medicine
Riverside Radiology,diagnostic-radiology
"""
# With the US column, to show it, and so that its sentence (letter_origin)
# is not said of the example (diff review s52b, 9).
DEFAULT_DOCUMENTS = """id,kind,specialty,US
PS-IM,statement,internal-medicine
PS-DR,statement,diagnostic-radiology
Letter-Cardiology,letter,internal-medicine,yes
Letter-Hospitalist,letter,internal-medicine,yes
Letter-Radiologist,letter,diagnostic-radiology,yes
"""
# One deliberate slip, the one the orthopaedics and radiology articles warn
# of (the radiology statement goes to an internal medicine program), and one
# supporting letter the radiology article recommends (the hospitalist's
# letter goes to the radiology program).
DEFAULT_ASSIGNMENTS = """program,document
Metro University IM,PS-IM
Metro University IM,Letter-Cardiology
Metro University IM,Letter-Hospitalist
Lakeside Community IM,PS-DR
Lakeside Community IM,Letter-Cardiology
Lakeside Community IM,Letter-Hospitalist
Riverside Radiology,PS-DR
Riverside Radiology,Letter-Radiologist
Riverside Radiology,Letter-Hospitalist
"""

# A packet for the 100-140 programs the program counts suggest, with real
# program names (40-60 characters), runs to about 40,000 characters of
# assignments; the check is linear, so ten times the old limit stays fast.
TABLE_MAX_CHARS = 200_000
# A cell may fill the whole box: past csv's own limit (131,072 characters)
# it raised an error no message named (packet-check audit s35, 6).
csv.field_size_limit(max(csv.field_size_limit(), TABLE_MAX_CHARS + 1))

# What to write where a specialty is missing or names no field; short, as a
# status line says the whole error within its 40 words (readout46 audit s46, 6).
NAME_THE_FIELD = "write a field's slug from the list below the form, such as internal-medicine"
LETTER_FOR_NO_FIELD = " (a letter for no one field: see this box's help)"
# A research supervisor's letter is for no one field; counted under the field
# of most of its programs, it is the one supporting letter the others allow.
LETTER_FOR_NO_FIELD_HELP = (
    "A letter written for no one field, such as a research supervisor's, goes under the field of most of the "
    "programs that receive it."
)


# How a resident labels the letters of the year they are in, said in the
# Documents box's help and the method (pgy1res audit s46, 7).
PRELIMINARY_YEAR_LETTERS_HELP = (
    "Letters from your preliminary internal medicine year go under `preliminary-medicine`: they count wherever "
    "internal medicine letters do (as internal medicine's own, and for family medicine as internal medicine letters "
    f"count there), and elsewhere as supporting letters, up to {FIRST_YEAR_SUPPORTING_LETTERS} of them beyond the "
    "usual limit."
)


# The US column, said in the Documents box's help and the method (oldgrad
# audit s52, 11).  Leaving out the letters marked no is our rule, to count as
# the competitiveness check does; the articles give the number of letters.
US_COLUMN_HELP = (
    "An optional column `US` says whether a US physician wrote each letter: `yes` or `no`, or leave it empty if you "
    "do not know. The competitiveness check counts only letters from US physicians, and with this column the "
    "checker counts them too."
)
US_LETTERS_METHOD = (
    "Warning, our rule: where the documents table has a US column, too few letters for a specialty once those "
    "marked no are left out, as the competitiveness check counts only letters from US physicians. The number "
    "wanted is the one above. A letter with no answer in that column still counts; a sentence under the problems "
    "names it where it could leave the count short."
)


SPECIALTY_HELP = (
    "Specialty values are slugs such as `internal-medicine` or `diagnostic-radiology` (see the list below the "
    "form); a specialty's full name, such as Internal Medicine, or a short form, such as IM, ENT or OB/GYN, is read "
    "as its slug. Preliminary and transitional programs are `transitional-year`, `preliminary-medicine` and "
    "`preliminary-surgery`."
)
# How every box's first line is read, said once under the first box and in the method.
HEADER_RULE = "in any order, separated by commas, semicolons or tabs"
HEADER_HELP = (
    f"In each box the header names the columns, {HEADER_RULE}; other columns, such as a city or a deadline, are "
    "left out, with a note."
)

FIELDS = (
    TextField(
        name="programs",
        label="Programs (CSV)",
        initial=DEFAULT_PROGRAMS,
        rows=6,
        max_chars=TABLE_MAX_CHARS,
        help="Header line `name,specialty`, then one program per line. " + SPECIALTY_HELP + " " + HEADER_HELP,
    ),
    TextField(
        name="documents",
        label="Documents (CSV)",
        initial=DEFAULT_DOCUMENTS,
        rows=7,
        max_chars=TABLE_MAX_CHARS,
        help="Header line `id,kind,specialty`; kind is `letter` or `statement` (`PS`, `LoR` and `SLOE` are read "
        "too); specialty is the one the document was written for (for a letter, the field it recommends you for). "
        + US_COLUMN_HELP
        + " "
        + PRELIMINARY_YEAR_LETTERS_HELP
        + " "
        + LETTER_FOR_NO_FIELD_HELP,
    ),
    TextField(
        name="assignments",
        label="Assignments (CSV)",
        initial=DEFAULT_ASSIGNMENTS,
        rows=10,
        max_chars=TABLE_MAX_CHARS,
        help="Header line `program,document`: one line for each document you assign to a program in ERAS.",
    ),
)


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _cells(line: str, width: int, delimiter: str = ",") -> list[str]:
    """One line's cells, separated by tabs (what a spreadsheet copies) or by
    the table's ``delimiter``, a comma or a semicolon.

    Each line is read on its own: no cell of these tables holds a line break,
    and a table whose header came from the template but whose rows were
    copied from a spreadsheet mixes the two separators.  A line with a tab
    came from a spreadsheet, whose cells may hold commas ("University of
    California, San Diego"), so it is split on its tabs only.  Empty cells
    past the table's ``width`` are dropped, as a spreadsheet copies empty
    columns too."""
    cells = _split(line, "\t" if "\t" in line else delimiter)
    while len(cells) > width and not cells[-1].strip():
        cells.pop()
    return cells


# A pasted sheet can have hundreds of bad lines; a box names this many and counts the rest.
MAX_BAD_LINES_SHOWN = 10
# The programs a note on one letter names before it counts the rest.
NAMES_SHOWN = 5
# The problems the result lists; the summary counts them all.
MAX_PROBLEMS_SHOWN = 200
# The programs the table of what each receives lists, in the order pasted:
# twice the 100-140 programs the program counts suggest.  A box filled to its
# limit with short names made 11,929 rows and 3.1 MB of page, over a second
# to build in the browser (fuzz audit s40, 2).
MAX_PROGRAMS_SHOWN = 300


def some_names(names: list[str]) -> str:
    """The first NAMES_SHOWN names, and a count of the rest."""
    rest = len(names) - NAMES_SHOWN
    return ", ".join(names[:NAMES_SHOWN]) + (f" and {rest:,} more" if rest > 0 else "")


def _row_problem(at: Mapping[str, int], header: list[str], delimiter: str, line: str, cells: list[str]) -> str | None:
    """What is wrong with one row under ``header``, or None; ``at`` is where
    each column read stands in it.  A row may stop short of columns that are
    not read, as an export leaves out empty cells at a row's end."""
    reaches = max(at.values()) < len(cells)
    if len(cells) > len(header) or (len(cells) < len(header) and not reaches):
        other = ";" if delimiter == "," else ","
        if line.count('"') % 2:
            why = " (a double quote here is not closed on this line: each row must stay on one line)"
        elif len(cells) < len(header) and "\t" not in line and other in line:
            why = (
                f" (this line is separated by {SEPARATOR_NAMES[other]}, but the header by "
                f"{SEPARATOR_NAMES[delimiter]}: use one separator throughout)"
            )
        elif len(cells) < len(header):
            why = " (a missing separator, or a line break inside a cell, leaves a row short)"
        elif "\t" not in line:
            why = (
                f" (an extra column, or a {SEPARATOR_NAMES[delimiter][:-1]} inside a name, which needs straight double "
                "quotes around the name; or paste the rows straight from the spreadsheet)"
            )
        else:
            why = ""
        # A short row needs only the columns up to the last one read; "expected
        # 3 columns" under a header with a notes column after the two read asked
        # for a cell the checker would leave out (packet-check note s40).
        needed = max(at.values()) + 1 if len(cells) < len(header) else len(header)
        least = "at least " if needed < len(header) else ""
        shown = (";" if delimiter == ";" else ",").join(header[:needed])
        return f"expected {least}{needed} columns ({shown}), found {len(cells)}{why}."
    empty = [name for name, index in at.items() if not cells[index].strip()]
    if not empty:
        return None
    if empty[0] == "specialty":
        # An empty cell said only "specialty is empty", where "general" in it
        # was told what to write (fmusimg audit s46, 5).
        return f"specialty is empty; {NAME_THE_FIELD}{LETTER_FOR_NO_FIELD if 'kind' in at else ''}."
    return f"{empty[0]} is empty."


# The separators a header may use, tried in this order: what a template and
# most exports write, then what a spreadsheet saves as CSV where the comma is
# the decimal mark.  A line with a tab is split on its tabs only (see _cells).
SEPARATORS = (",", ";")
SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}
# What each table's rows are, for a header that is a row.
ROW_NOUNS = {"programs": "a program", "documents": "a document", "assignments": "an assignment"}
# The cells of a wrong header a message quotes before it counts the rest.
HEADER_CELLS_SHOWN = 5


def _quoted_cells(cells: list[str]) -> str:
    shown = [f"“{typed_excerpt(cell)}”" for cell in cells if cell.strip()]
    rest = len(shown) - HEADER_CELLS_SHOWN
    return ", ".join(shown[:HEADER_CELLS_SHOWN]) + (f" and {rest:,} more" if rest > 0 else "")


def read_header(field: str, number: int, line: str) -> tuple[str, list[str]]:
    """The separator of a table and the name of each column in its header
    line, or an InputError saying what differs from the header expected.

    A header whose columns were reordered, which had a column more (a city, a
    deadline) or which a spreadsheet saved with semicolons was refused with
    the same sentence as one missing a column, restating the header (fuzz
    audit s40, 3); each is read now, and a header still wrong is told which
    column it lacks."""
    label = field.capitalize()
    columns = COLUMNS[field]
    splits = [(d, [c.strip().lower() for c in _split(line, d)]) for d in (("\t",) if "\t" in line else SEPARATORS)]
    for delimiter, names in splits:
        while names and not names[-1]:
            names.pop()
        if all(name in names for name in columns):
            twice = [name for name in (*columns, *OPTIONAL_COLUMNS.get(field, ())) if names.count(name) > 1]
            if twice:
                raise InputError(field, f"{label}, line {number}: the header names the column “{twice[0]}” twice; keep one.")
            return delimiter, names
    # The reading that found most of the columns, then the one with most cells.
    delimiter, names = max(splits, key=lambda split: (sum(name in split[1] for name in columns), len(split[1])))
    found = _quoted_cells(_split(line, delimiter))
    missing = [f"“{name}”" for name in columns if name not in names]
    if len(missing) < len(columns):
        raise InputError(
            field,
            f"{label}, line {number}: the header has no column{'s' if len(missing) > 1 else ''} {and_list(missing, 'or')}"
            + (f" (its columns: {found})" if found else "")
            + f". The first line must name the columns {','.join(columns)}, {HEADER_RULE}.",
        )
    raise InputError(
        field,
        f"{label}, line {number}: the first line must be the header {','.join(columns)}, {HEADER_RULE}"
        + (f"; this line names none of those columns ({found})" if found else "")
        + f". If it is {ROW_NOUNS[field]}, add the header line above it.",
    )


def read_table(field: str, text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Rows with their line numbers, and the header's columns that are not
    read; or one InputError naming every bad line (the first
    ``MAX_BAD_LINES_SHOWN`` of them), so a pasted sheet is fixed in one pass.

    Pasted text arrives in many shapes: a byte-order mark before the header,
    old Mac or Windows line endings, blank lines above the header, cells
    copied straight from a spreadsheet, which arrive separated by tabs, and
    a sheet with columns of its own."""
    label = field.capitalize()
    columns = COLUMNS[field]
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise InputError(field, f"{label}, line 1: the first line must be the header {','.join(columns)}, {HEADER_RULE}.")
    delimiter, header = read_header(field, *numbered[0])
    at = {name: header.index(name) for name in columns}
    # An optional column is in a row only where the header has it, and may be
    # empty or cut off at the row's end, as an export leaves an empty last cell.
    optional = {name: header.index(name) for name in OPTIONAL_COLUMNS.get(field, ()) if name in header}
    out, bad = [], []
    for number, line in numbered[1:]:
        cells = _cells(line, len(header), delimiter)
        problem = _row_problem(at, header, delimiter, line, cells)
        if problem:
            bad.append(f"line {number}: {problem}")
        else:
            row = {name: cells[at[name]].strip() for name in columns}
            row.update({name: cells[index].strip() if index < len(cells) else "" for name, index in optional.items()})
            out.append((number, row))
    if bad:
        shown = " ".join(f"{label}, {each}" for each in bad[:MAX_BAD_LINES_SHOWN])
        more = len(bad) - MAX_BAD_LINES_SHOWN
        rest = f" And {more:,} more bad line{'' if more == 1 else 's'} in {label}." if more > 0 else ""
        raise InputError(field, shown + rest)
    return out, [name for name in header if name not in columns and name not in optional]


def unread_columns(field: str, names: list[str]) -> str:
    """The note on a header's columns that the checker leaves out."""
    named = [f"“{typed_excerpt(name)}”" for name in names if name]
    if unnamed := len(names) - len(named):
        named.append(counted(unnamed, "column") + " with no name")
    read = [*COLUMNS[field], *(COLUMN_NAMES.get(name, name) for name in OPTIONAL_COLUMNS.get(field, ()))]
    return (
        f"{field.capitalize()}: only the columns {and_list(read)} are read; "
        f"{and_list(named)} {'is' if len(names) == 1 else 'are'} left out."
    )


APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def name_key(text: str) -> str:
    """How a program name or document id is matched between the tables.

    Text copied from a web page brings no-break spaces, one system writes an
    accent as one character and another as two, and a name retyped in another
    table changes case: each looked the same as the name it failed to match."""
    # Invisible characters (a zero-width space) and curly apostrophes made
    # two names that look alike fail to match (packet-check audit s35, 6).
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf").translate(APOSTROPHES)
    spaced = " ".join(unicodedata.normalize("NFC", visible).split())
    return unicodedata.normalize("NFC", spaced.casefold())


def read_specialty(text: str) -> tuple[str | None, bool]:
    """The slug a typed specialty stands for, or None when it cannot tell,
    and whether it was read from something other than the slug itself."""
    if text.lower() in data.SPECIALTY_BY_SLUG or text.lower() in FIRST_YEAR:
        return text.lower(), False
    meant = _slug_meant(text)
    return meant, meant is not None


def folded(text: str) -> str:
    """A cell as its words, whatever their case and the runs of spaces a retyped
    or pasted cell brings ("Internal  Medicine")."""
    return " ".join(text.split()).lower()


# How a US cell is read: a spreadsheet's checkbox copies as TRUE or FALSE,
# and a 1/0 column as 1 or 0.  An empty cell is a letter whose writer the
# reader did not say.  "USA" and "U.S." were refused as errors to fix before
# submitting, for a column that only feeds our count (diff review s52, 10):
# dots are dropped, and hyphens read as spaces, as "not-US" and "nonUS" were
# still warned (diff review s52b, 9).
US_YES = frozenset({"yes", "y", "true", "1", "us", "usa"})
US_NO = frozenset({"no", "n", "false", "0", "not us", "non us", "nonus", "not usa", "non usa", "nonusa"})
# Words for "I do not know", read as the empty cell the help invites.
US_NOT_SAID = frozenset(
    {"n/a", "na", "unknown", "not known", "not sure", "unsure", "idk", "dont know", "don't know", "don’t know", "?"}
)
# Every dash a spreadsheet or phone may type, read as the hyphen: a cell of
# "—" was warned where "-" was read as blank (diff review s53, 12).
_DASHES_AS_SPACES = str.maketrans({dash: " " for dash in "-‐‑‒–—―"})


def us_typed(text: str) -> str:
    """A US cell as the words above list it: dots dropped, dashes as spaces, folded."""
    return folded(text.replace(".", "").translate(_DASHES_AS_SPACES))


def read_us(typed: str) -> str | None:
    """``yes`` or ``no`` for whether a US physician wrote a letter, from a
    cell as ``us_typed`` gives it, or None when not said or not read."""
    return "yes" if typed in US_YES else "no" if typed in US_NO else None


def read_kind(text: str) -> str | None:
    """``letter`` or ``statement``, however a spreadsheet names it, or None."""
    typed = folded(text)
    return typed if typed in KINDS else KIND_SYNONYMS.get(typed)


def _first_year_meant(typed: str) -> str | None:
    """A first-year program however it is written: NRMP's "Medicine-Preliminary",
    "prelim surgery", "internal-medicine-preliminary" (read as internal
    medicine before, a categorical program), "TY"."""
    words = set(re.split(r"[\s_-]+", typed))
    if typed == "ty" or "transitional" in words:
        return "transitional-year"
    if not words & {"preliminary", "prelim"}:
        return None
    if words & {"surgery", "surgical", "surg"}:
        return "preliminary-surgery"
    if words & {"medicine", "internal", "im", "med"}:
        return "preliminary-medicine"
    return None


# Words after a field's name that make it another program: another field's
# word, or a one-year track.  Read by its first word, "Internal
# Medicine/Pediatrics" became internal medicine, and a Med-Peds program sent
# the internal medicine statement passed as "No errors found" (packet-check
# audit s35, 1).  Any other words are the program's own track ("Family
# Medicine - Rural Track"), read as the field (diff review s35, 2).
OTHER_PROGRAM_WORDS = frozenset(
    word
    for s in data.SPECIALTIES
    for word in re.findall(r"[a-z]+", f"{s.slug} {s.name}".lower())
    if word not in {"and", "of", "the"}
) | {"preliminary", "prelim", "transitional", "peds", "psych", "med", "medicine", "child"}
# Words that name no field: "general", the guide's label for a letter that
# names no specialty, was read as general surgery.
NO_FIELD_WORDS = frozenset({"general", "generic", "any", "all", "none", "other"})


def _slug_meant(text: str) -> str | None:
    """The slug a specialty not written as one points to, when exactly one:
    its name or the NRMP's, spaces for hyphens, the start of one slug, or a
    slug followed by words that name no other program."""
    typed = folded(text)
    if first_year := _first_year_meant(typed):
        return first_year
    if typed in NO_FIELD_WORDS:
        return None
    if typed in SPECIALTY_ALIASES:
        return SPECIALTY_ALIASES[typed]
    as_slug = typed.replace(" ", "-")
    if as_slug in data.SPECIALTY_BY_SLUG:
        return as_slug
    by_name = {name.lower(): s.slug for s in data.SPECIALTIES for name in (s.name, s.charting_name, s.results_name) if name}
    if typed in by_name:
        return by_name[typed]
    if len(as_slug) < 4:
        return None
    near = [
        slug
        for slug in data.SPECIALTY_BY_SLUG
        if slug.startswith(as_slug)
        or (
            as_slug.startswith(slug)
            and not set(re.findall(r"[a-z]+", as_slug[len(slug) :])) & (OTHER_PROGRAM_WORDS - set(slug.split("-")))
        )
    ]
    return near[0] if len(near) == 1 else None


def unknown_specialty(text: str, of_document: bool = False) -> str:
    """What to say of a specialty that cannot be read as one of the listed
    fields: a sentence of its own, after the line it is on ("Documents, line 3
    (PS): " once read "PS has an “general” names no specialty")."""
    if text.strip().lower() in NO_FIELD_WORDS:
        return f"“{text}” names no specialty; {NAME_THE_FIELD}{LETTER_FOR_NO_FIELD if of_document else ''}."
    if meant := SHORT_FORMS_NOT_READ.get(folded(text)):
        return (
            f"“{text}” is a short form this checker leaves unread, to be sure which specialty is meant; write "
            f"{and_list(list(meant), 'or')}, or another name from the list below the form."
        )
    return (
        f"unknown specialty “{text}”; write it as a slug from the list below the form, such as internal-medicine. "
        "A combined program, such as internal medicine-pediatrics, or a field not on that list cannot be checked here."
    )


class Problem(TypedDict):
    severity: str
    program: str  # empty for the whole application
    message: str


class ProgramRow(TypedDict):
    """What one program will receive."""

    program: str
    specialty: str | None
    letters: int
    supporting: int
    statements: int


class PacketCheckResult(TypedDict):
    problems: list[Problem]
    ok: bool
    programs: list[ProgramRow]
    summary: str
    # The read-out: the summary, with a lone warning named.
    announced: str
    # The sentence on letters not known to be from a US physician, or "".
    letter_origin: str


def letter_origin(letters: list[dict[str, str | None]], us_column: bool, at_stake: Collection[str]) -> str:
    """The one sentence on letters whose writer is not known to be a US
    physician: they still count, as the checker does not guess (oldgrad audit
    s52, 11).  A sentence under the problems, not a note among them: a table
    pasted before the US column was read keeps its result.  Only of letters
    for a field ``at_stake``, whose count they could take below the articles'."""
    unknown = [
        f"“{d['id']}”"
        for d in letters
        if d["us"] is None and d["specialty"] is not None and any(counts_for(str(d["specialty"]), f) for f in at_stake)
    ]
    if not unknown:
        return ""
    if not us_column:
        # One short line (diff review s52b, 9).
        return "All letters are counted as US physicians' letters: add a US column (yes or no) if some are not."
    rest = len(unknown) - NAMES_SHOWN
    named = and_list(unknown[:NAMES_SHOWN] + ([counted(rest, "more letter")] if rest > 0 else []))
    counts = "it is" if len(unknown) == 1 else "they are"
    return f"Not known whether a US physician wrote {named}, so {counts} counted: write yes or no in the US column."


def compute(inputs: Mapping[str, object]) -> PacketCheckResult:
    # Every box is read, so one with bad lines does not hide another's.
    v, errors = check_inputs(FIELDS, inputs)
    tables: dict[str, list[tuple[int, dict[str, str]]]] = {}
    unread: dict[str, list[str]] = {}
    for name in COLUMNS:
        try:
            tables[name], unread[name] = read_table(name, str(v[name])) if name in v else ([], [])
        except InputError as error:
            errors.append(error)
    raise_all(errors)
    programs_rows, documents_rows, assignment_rows = tables["programs"], tables["documents"], tables["assignments"]
    problems: list[Problem] = []

    # Each warning in brief, for a read-out that names a lone one.
    warnings_heard: list[str] = []

    def flag(severity: str, program: str, message: str, heard: str | None = None) -> None:
        problems.append({"severity": severity, "program": program, "message": message})
        if severity == "warning":
            warnings_heard.append(heard or message)

    for name, names in unread.items():
        if names:
            flag("note", "", unread_columns(name, names))
    on_columns = sum(bool(names) for names in unread.values())

    def specialty_of(table: str, line: int, program: str, text: str) -> str | None:
        slug, read_from_name = read_specialty(text)
        if read_from_name:
            flag("note", program, f"{table}, line {line}: read “{text}” as {slug}.")
        return slug

    # Keyed by name_key; each keeps the name as written, for the messages.
    # A specialty that cannot be read is None: flagged where it was typed,
    # and kept out of every comparison below, where it only gave false ones.
    programs: dict[str, dict[str, str | None]] = {}
    first_line: dict[str, int] = {}
    for line, row in programs_rows:
        slug = specialty_of("Programs", line, row["name"], row["specialty"])
        if slug is None:
            flag("error", row["name"], f"Programs, line {line}: {unknown_specialty(row['specialty'])}")
        key = name_key(row["name"])
        if key in programs:
            # One hospital's transitional year and its radiology program share
            # a name: say which lines, and how to tell them apart
            # (packet-check audit s35, 2).
            flag(
                "error",
                row["name"],
                f"Programs, lines {first_line[key]} and {line} are both named “{row['name']}”: give each program a "
                "name of its own, for example with its specialty or track, and use the same names in the assignments.",
            )
        first_line.setdefault(key, line)
        programs[key] = {"name": row["name"], "specialty": slug, "typed": row["specialty"]}
    documents: dict[str, dict[str, str | None]] = {}
    for line, row in documents_rows:
        kind = read_kind(row["kind"])
        if kind is None:
            flag(
                "error",
                "",
                f"Documents, line {line}: kind must be “letter” or “statement” (PS, LoR and SLOE are read too), not “{row['kind']}”.",
            )
        slug = specialty_of("Documents", line, "", row["specialty"])
        if slug is None:
            flag("error", "", f"Documents, line {line} ({row['id']}): {unknown_specialty(row['specialty'], of_document=True)}")
        key = name_key(row["id"])
        if key in documents:
            flag("error", "", f"Documents, line {line}: the id {row['id']} is used twice.")
        sloe = folded(row["kind"]) == SLOE_KIND
        typed_us = us_typed(row.get(US_COLUMN, ""))
        us = read_us(typed_us)
        # A warning, not an error: nothing ERAS checks turns on it.
        # "??" and "unsure?" are not-said too; "no?" is still asked about (diff review s53b, 11).
        if us is None and typed_us.rstrip("?").strip() not in US_NOT_SAID | {""} and kind == "letter":
            flag(
                "warning",
                "",
                f"Documents, line {line} ({row['id']}): the US column takes yes or no, or nothing if you do not "
                f"know, not “{typed_excerpt(row[US_COLUMN])}”.",
            )
        documents[key] = {"id": row["id"], "kind": kind, "specialty": slug, "sloe": "yes" if sloe else None, "us": us}
    us_column = any(US_COLUMN in row for _, row in documents_rows)

    # A dict for its order and its constant-time lookup: a long paste stays linear.
    assigned: dict[str, dict[str, None]] = defaultdict(dict)
    supporting: dict[str, list[str]] = defaultdict(list)
    supporting_to: dict[str, list[tuple[str, str]]] = defaultdict(list)
    # First-year programs sent a statement written for a field, by statement.
    first_year_to: dict[str, list[str]] = defaultdict(list)
    # Programs sent a document whose specialty could not be read: their own
    # field's letters cannot be counted until it is.
    unsure: set[str] = set()
    # Programs sent a document whose kind could not be read: it may be their
    # statement or a letter, so neither is said to be missing (rank-packet
    # audit s38, 6).
    kind_unsure: set[str] = set()
    for line, row in assignment_rows:
        program_key, doc_key = name_key(row["program"]), name_key(row["document"])
        if program_key not in programs:
            flag("error", row["program"], f"Assignments, line {line}: no program named “{row['program']}” in the programs table.")
            continue
        program = str(programs[program_key]["name"])
        if doc_key not in documents:
            flag("error", program, f"Assignments, line {line}: no document with id “{row['document']}” in the documents table.")
            continue
        doc = documents[doc_key]
        doc_id = doc["id"]
        if doc_key in assigned[program_key]:
            flag(
                "warning",
                program,
                f"Assignments, line {line}: “{doc_id}” is assigned to this program twice.",
                f"{program} is assigned “{doc_id}” twice.",
            )
            continue
        assigned[program_key][doc_key] = None
        field = programs[program_key]["specialty"]
        if doc["kind"] is None:
            kind_unsure.add(program_key)
            unsure.add(program_key)
            continue
        if field is None or doc["specialty"] is None:
            unsure.add(program_key)
            continue
        if field in FIRST_YEAR and doc["kind"] == "statement" and doc["specialty"] not in FIRST_YEAR:
            first_year_to[doc_key].append(program)
        if counts_for(str(doc["specialty"]), str(field), letter=doc["kind"] == "letter") or field in FIRST_YEAR:
            continue
        if doc["kind"] == "statement":
            flag(
                "error", program, f"The statement “{doc_id}” was written for {doc['specialty']}, but this program is in {field}."
            )
        else:
            supporting[program_key].append(doc_key)
            supporting_to[doc_key].append((program, str(field)))
    # One note for each letter, not each program: a letter sent to 70
    # radiology programs made 70 identical notes that buried any real warning
    # (packet-check audit s35, 4).
    for doc_key, uses in supporting_to.items():
        doc = documents[doc_key]
        if len(uses) == 1:
            program, field = uses[0]
            flag(
                "note",
                program,
                f"The letter “{doc['id']}” was written for {doc['specialty']}, not {field}: fine as a supporting letter "
                "about your clinical work, next to letters from this field.",
            )
            continue
        shown = some_names([program for program, _ in uses])
        flag(
            "note",
            "",
            f"The letter “{doc['id']}” was written for {doc['specialty']} and goes to {len(uses):,} programs in other "
            f"fields ({shown}): fine as a supporting letter about your clinical work, next to letters from each "
            "program's own field.",
        )
    # An orthopaedics statement went to preliminary surgery programs without a
    # word (aiminghigh audit s54, 12): allowed, but the timeline's SOAP row
    # asks for a statement for the preliminary year, so the note says so.
    for doc_key, to in first_year_to.items():
        doc = documents[doc_key]
        goes = "" if len(to) == 1 else f" and goes to {len(to):,} preliminary or transitional programs ({some_names(to)})"
        flag(
            "note",
            to[0] if len(to) == 1 else "",
            f"The statement “{doc['id']}” was written for {doc['specialty']}{goes}. {FIRST_YEAR_STATEMENT}",
        )
    # A document written and assigned nowhere may be one a program was meant to get.
    used = {key for docs in assigned.values() for key in docs}
    # A statement for a ResidencyCAS field goes with that application, not
    # program by program: listed as unused, it contradicted the note that
    # says so (diff review s39, 7).
    applied_in = {p["specialty"] for p in programs.values()}
    with_residencycas = {
        key
        for key, d in documents.items()
        if d["kind"] == "statement"
        and d["specialty"] in applied_in
        and d["specialty"] is not None
        and data.via_residencycas(str(d["specialty"]))
    }
    unused = [str(d["id"]) for key, d in documents.items() if key not in used and key not in with_residencycas]
    on_unused = int(bool(unused and assignment_rows))
    if on_unused:
        flag("note", "", f"Assigned to no program: {', '.join(f'“{i}”' for i in unused)}.")

    letters_written = [d for d in documents.values() if d["kind"] == "letter"]
    written_for = Counter(d["specialty"] for d in letters_written if d["specialty"] is not None)
    # Letters written for each field or for one whose letters count as its own.
    written = Counter(
        {
            str(field): sum(n for of, n in written_for.items() if counts_for(str(of), str(field)))
            for field in {p["specialty"] for p in programs.values()} | set(written_for)
            if field is not None
        }
    )

    def marked(answer: str) -> Counter[str]:
        """Of those, the letters the US column gives this answer for."""
        return Counter(
            {
                field: sum(d["us"] == answer and counts_for(str(d["specialty"]), field) for d in letters_written)
                for field in written
            }
        )

    not_us, by_us = marked("no"), marked("yes")
    applied_to = {str(p["specialty"]) for p in programs.values() if p["specialty"] is not None} - set(FIRST_YEAR)
    # Where the letters meet the articles' count only while those not marked
    # are taken as US physicians': only there can the US column change the
    # result, so only there is it spoken of.  The default example and every
    # table without the column were told of it (diff review s52b, 9).
    at_stake = {field for field in applied_to if by_us[field] < minimum_letters(field) <= written[field] - not_us[field]}
    summary_rows: list[ProgramRow] = []
    sent_by_residencycas: dict[str, None] = {}
    residencycas_fields: dict[str, None] = {}
    for key, entry in programs.items():
        program, specialty = str(entry["name"]), entry["specialty"]
        docs = [documents[d] for d in assigned[key]]
        letters = sum(d["kind"] == "letter" for d in docs)
        statements = sum(d["kind"] == "statement" for d in docs)
        # A first-year program takes letters from any field: only the counts apply.
        judged = specialty is not None and key not in unsure and specialty not in FIRST_YEAR
        from_first_year = sum(documents[d]["specialty"] in FIRST_YEAR for d in supporting[key])
        beyond = len(supporting[key]) - min(from_first_year, FIRST_YEAR_SUPPORTING_LETTERS)
        if judged and beyond > (limit := supporting_limit(str(specialty))):
            named = ", ".join(f"“{documents[d]['id']}”" for d in supporting[key])
            flag(
                "warning",
                program,
                f"{len(supporting[key])} letters from other fields ({named}); the articles suggest at most "
                f"{counted(limit, 'supporting letter')} for {specialty}"
                + (
                    f", besides up to {FIRST_YEAR_SUPPORTING_LETTERS} from a preliminary or transitional year, "
                    "with the rest from the field itself. After such a year, the no-match article asks for two strong "
                    "letters from it next to one or two from the field you apply to."
                    if from_first_year
                    else ", with the rest from the field itself."
                ),
                f"{program} has {len(supporting[key])} letters from other fields, more than the articles suggest.",
            )
        own_field = sum(
            d["kind"] == "letter" and d["specialty"] is not None and counts_for(str(d["specialty"]), str(specialty)) for d in docs
        )
        from_the_field = sum(d["kind"] == "letter" and d["specialty"] == specialty for d in docs)
        if letters == 0 and key not in kind_unsure:
            expect = (
                "."
                if specialty is None
                else ": programs expect letters about your clinical work, from any field."
                if specialty in FIRST_YEAR
                else f": programs expect letters written for {specialty}."
            )
            flag("error", program, f"No letters assigned{expect}")
        elif judged and own_field == 0:
            flag(
                "error",
                program,
                f"No letter written for {specialty}: a supporting letter from another field adds to "
                "letters from this field but cannot replace them.",
            )
        else:
            # Letters from its field only by a stand-in's count: warned, with the article's preference.
            if judged and from_the_field == 0 and str(specialty) in STAND_IN_LETTERS:
                flag(
                    "warning",
                    program,
                    f"No letter written for {specialty}: {stand_in_preference(str(specialty))}",
                    f"{program} has no {field_name(str(specialty))} letter; "
                    f"{and_list([field_name(each) for each in stand_in_fields(str(specialty))], 'or')} letters count.",
                )
            if judged and own_field < minimum_letters(str(specialty)) <= written[str(specialty)]:
                flag(
                    "warning",
                    program,
                    f"Only {counted(own_field, 'letter')} written for {letters_named(str(specialty), written_for)} assigned here, "
                    f"though you have {written[str(specialty)]}; {who_advises(str(specialty))} at least "
                    f"{minimum_letters(str(specialty))}.",
                    f"{program} gets only {counted(own_field, 'letter')} for {letters_named_heard(str(specialty), written_for)}; "
                    f"{who_advises(str(specialty))} {minimum_letters(str(specialty))}.",
                )
        if judged and specialty == "emergency-medicine" and own_field and not any(d["sloe"] for d in docs):
            flag("warning", program, NO_SLOE, f"{program} has no SLOE among its letters.")
        if letters > MAX_LETTERS_PER_PROGRAM:
            flag(
                "error",
                program,
                f"{letters} letters assigned: at most {MAX_LETTERS_PER_PROGRAM} letters per program, the limit of both "
                "ERAS and ResidencyCAS.",
            )
        if statements == 0 and specialty is not None and data.via_residencycas(specialty):
            sent_by_residencycas[program] = None
            residencycas_fields[specialty] = None
        elif statements == 0 and key not in kind_unsure:
            flag("error", program, "No personal statement assigned.")
        elif statements > STATEMENTS_PER_PROGRAM:
            flag("error", program, f"{statements} personal statements assigned; each program should get exactly one.")
        summary_rows.append(
            {
                "program": program,
                "specialty": specialty if specialty is not None else entry["typed"],
                "letters": letters,
                "supporting": len(supporting[key]),
                "statements": statements,
            }
        )

    # A letter whose specialty could not be read may be one of these, and so may
    # a document whose kind could not be: no count is sure until it is.
    if all(d["specialty"] is not None for d in letters_written) and all(d["kind"] is not None for d in documents.values()):
        for specialty in sorted(applied_to):
            if written[specialty] < minimum_letters(specialty):
                flag(
                    "warning",
                    "",
                    # "Only 0 letters" read as a second failure beside a
                    # program's "No letters assigned" (new-words audit s40, 12).
                    f"{'Only ' + counted(written[specialty], 'letter') if written[specialty] else 'No letters'} written "
                    f"for {letters_named(specialty, written_for)} among your documents; {who_advises(specialty)} at least {minimum_letters(specialty)} "
                    "for each specialty you apply to.",
                    f"{'only ' + counted(written[specialty], 'letter') if written[specialty] else 'no letters'} for "
                    f"{letters_named_heard(specialty, written_for)} among your documents; {who_advises(specialty)} {minimum_letters(specialty)}.",
                )
            # Enough letters, but not once those the US column says no to are
            # left out: the count the competitiveness check makes.  A letter
            # with no answer may be a US one, so it still counts, and the
            # sentence under the problems says it is not known (oldgrad audit s52, 11).
            elif (from_us := written[specialty] - not_us[specialty]) < minimum_letters(specialty):
                few = f"only {from_us}" if from_us else "none"
                are = "is from a US physician" if from_us < 2 else "are from US physicians"
                # The articles give the count, the check the "US": the page
                # read "is from a US physician; the articles advise at least
                # 2", as the read-out once did (diff review s52b, 9).
                because = f"the competitiveness check counts only those, and {who_advises(specialty)}"
                flag(
                    "warning",
                    "",
                    f"{capitalised(few)} of your letters written for {letters_named(specialty, written_for)} {are}; "
                    f"{because} at least {minimum_letters(specialty)} for each specialty you apply to.",
                    f"{few} of your {letters_named_heard(specialty, written_for)} letters {are}; {because} "
                    f"{minimum_letters(specialty)}.",
                )
    on_residencycas = int(bool(sent_by_residencycas))
    if on_residencycas:
        flag("note", "", _statement_sent_by_residencycas(list(sent_by_residencycas), sorted(residencycas_fields)))
    counts = Counter(p["severity"] for p in problems)
    error_count = counts["error"]
    on_supporting = len(supporting_to)
    on_first_year = len(first_year_to)
    on_reading = counts["note"] - on_supporting - on_first_year - on_unused - on_residencycas - on_columns
    if not programs:
        return {
            "problems": problems,
            "ok": error_count == 0,
            "programs": [],
            "summary": NO_PROGRAMS,
            "announced": NO_PROGRAMS,
            "letter_origin": "",
        }
    found = "No errors found." if error_count == 0 else f"{counted(error_count, 'error')} to fix before you submit."
    warned = f" {counted(counts['warning'], 'warning')}." if counts["warning"] else ""
    noted = (
        (f" {counted(on_supporting, 'note')} on supporting letters." if on_supporting else "")
        + (f" {counted(on_first_year, 'note')} on statements for a first year." if on_first_year else "")
        + (f" {counted(on_reading, 'note')} on how a specialty was read." if on_reading else "")
        + (" A note lists documents assigned to no program." if on_unused else "")
        + (" A note on statements ResidencyCAS sends for you." if on_residencycas else "")
        + (f" {counted(on_columns, 'note')} on columns left out." if on_columns else "")
    )
    summary = found + warned + noted
    # "No errors found. 1 warning." was all a screen reader heard of a packet
    # whose one problem was in the table (readout46 audit s46, 8): a lone
    # warning beside no error is named, as the status line names a lone input
    # error, unless a long program name takes it past the limit.
    tries = [summary]
    if error_count == 0 and counts["warning"] == 1:
        named = f" 1 warning: {warnings_heard[0]}"
        tries = [found + named + noted, found + named, summary]
    return {
        "problems": problems,
        "ok": error_count == 0,
        "programs": summary_rows,
        "summary": summary,
        "announced": first_within_read_out(tries),
        "letter_origin": letter_origin(letters_written, us_column, at_stake),
    }


def _download(name: str, text: str) -> Markup:
    return el("a", f"{name}.csv", href="data:text/csv;charset=utf-8," + quote(text), download=f"match-plan-b-{name}.csv")


def render(result: PacketCheckResult) -> Markup:
    problems = result["problems"]
    programs = result["programs"]
    # "All clear." was read as "my packet is complete", though only the
    # statements and letters are checked (rank-packet audit s38, 2).
    headline = result["summary"] if problems or not programs else "No problems found with the statements and letters."
    verdict = el("p", el("strong", headline), class_="mpb-headline")
    problems = sorted(problems, key=lambda p: SEVERITY_ORDER.index(p["severity"]))
    parts = [verdict]
    # A box filled to its limit made 6,940 rows and 2.9 MB of page that took
    # 1.5 s to build in the browser; the first rows are what gets fixed first
    # (packet-check audit s35, 9).
    hidden = len(problems) - MAX_PROBLEMS_SHOWN
    problems = problems[:MAX_PROBLEMS_SHOWN]
    if problems:
        parts.append(
            table(
                ("Severity", "Program", "Problem"),
                [
                    # An error must stand out from the notes beside it.
                    (
                        el("strong", "ERROR") if p["severity"] == "error" else p["severity"].upper(),
                        as_typed(p["program"]) if p["program"] else "(whole application)",
                        quoted_as_typed(p["message"]),
                    )
                    for p in problems
                ],
                caption="What to fix, then what to know",
            )
        )
    if hidden > 0:
        parts.append(
            el("p", f"The first {MAX_PROBLEMS_SHOWN:,} are shown, errors first; {hidden:,} more follow once these are fixed.")
        )
    if result["letter_origin"]:
        parts.append(el("p", quoted_as_typed(result["letter_origin"])))
    parts.append(el("p", NOT_CHECKED))
    if programs:
        parts.append(
            table(
                ("Program", "Specialty", "Letters", "of them supporting", "Statements"),
                [
                    (
                        as_typed(p["program"]),
                        as_typed(p["specialty"]),
                        str(p["letters"]),
                        str(p["supporting"]),
                        str(p["statements"]),
                    )
                    for p in programs[:MAX_PROGRAMS_SHOWN]
                ],
                caption="What each program will receive",
            )
        )
    if (unlisted := len(programs) - MAX_PROGRAMS_SHOWN) > 0:
        parts.append(
            el(
                "p",
                f"The first {MAX_PROGRAMS_SHOWN:,} of your {len(programs):,} programs are listed, in the order you "
                f"pasted them; the other {unlisted:,} were checked too, and the summary above counts their problems.",
            )
        )
    parts.append(
        el(
            "p",
            "Templates to fill in a spreadsheet: ",
            join(*[join(_download(name, text), " ") for name, text in TEMPLATES.items()]),
            # Links that download, which do nothing on paper (offline-phone-print audit s35, 4).
            class_="mpb-screen-only",
        )
    )
    return el("div", parts, class_="mpb-result-body")


def method() -> Markup:
    return join(
        el(
            "ul",
            [
                el(
                    "li",
                    "Error: a personal statement written for one specialty assigned to a program of another "
                    f"({ARTICLE_ORTHO.title}; {ARTICLE_RADIOLOGY.title}).",
                ),
                el(
                    "li",
                    "Note, not an error: a letter written in another clinical field is a supporting letter. The "
                    "radiology article suggests 1-2 letters from other US clinicians such as internists, surgeons "
                    "or neurologists next to 1-2 from radiologists, and one more from any US clinician for the "
                    f"backup ({ARTICLE_RADIOLOGY.title}); the no-match article one letter from your earlier field "
                    f"if it is supportive ({ARTICLE_UNMATCHED.title}); the orthopaedics article one surgeon or "
                    f"orthopaedic mentor letter for the backup ({ARTICLE_ORTHO.title}).",
                ),
                el(
                    "li",
                    "Error: a program with no letters, or with supporting letters but none from its own field, since "
                    f"the articles want most letters from the field you apply to ({ARTICLE_ORTHO.title}; "
                    f"{ARTICLE_IMG.title}).",
                ),
                el(
                    "li",
                    "Warning: more supporting letters than that (more than "
                    f"{SUPPORTING_LETTERS_BY_FIELD['diagnostic-radiology']} for a radiology program, more than "
                    f"{SUPPORTING_LETTERS_DEFAULT} elsewhere), not counting up to {FIRST_YEAR_SUPPORTING_LETTERS} "
                    "letters written in a preliminary or transitional year: after such a year the no-match article "
                    "asks for two strong letters from it next to one or two from the target field "
                    f"({ARTICLE_UNMATCHED.title}). A warning, not an error, since these counts are the articles' advice.",
                ),
                *[
                    el(
                        "li",
                        f"Counted as a {field} program's own letters: letters written for {and_list(list(rule.fields), 'or')}, as the "
                        f"{rule.source.short} allows ({rule.allows}; {rule.source.title}). Warning, not an error: a "
                        f"{field} program given such letters and none written for {field}, since the same article finds "
                        f"{rule.prefers}.",
                    )
                    for field, rule in STAND_IN_LETTERS.items()
                ],
                el(
                    "li",
                    "Counted as an internal medicine program's own letters: letters written in a preliminary internal "
                    "medicine year (preliminary-medicine), since internal medicine faculty write them; after such a "
                    "year the no-match article asks for “2 strong letters from your prelim year” "
                    f"({ARTICLE_UNMATCHED.title}). For family medicine they count as internal medicine letters do there; for any other field they are supporting letters, under the "
                    "allowance above. A statement written for a preliminary year is still not one for an internal "
                    "medicine program.",
                ),
                el(
                    "li",
                    f"Error: more than {MAX_LETTERS_PER_PROGRAM} letters to one program, the limit of both ERAS and "
                    f"ResidencyCAS, the service {data.RESIDENCYCAS_FIELDS_SAID} programs use instead of ERAS "
                    f"({ERAS_RULES.cite()}; {data.RESIDENCYCAS_EVALUATIONS.cite()}).",
                ),
                el(
                    "li",
                    "Error: a program with no personal statement, or more than one "
                    f"({ARTICLE_IMG.title}: one statement per specialty). An emergency medicine or OB/GYN program "
                    "with none assigned gets a note instead: ResidencyCAS, the service those programs use, sends the "
                    "statement in your application to every program and assigns only letters program by program "
                    f"({data.RESIDENCYCAS_EVALUATIONS.cite()}).",
                ),
                el(
                    "li",
                    "Warning: an emergency medicine program whose letters include no document of kind “SLOE” "
                    f"({data.EM_SLOE_CITED}).",
                ),
                el(
                    "li",
                    "Warning: too few letters written for a specialty you apply to; or, where you have written "
                    "enough, a program of that specialty given fewer than that. Enough means at least:",
                    el(
                        "ul",
                        el(
                            "li",
                            f"{data.LETTERS_PER_SPECIALTY} in most specialties ({ARTICLE_IMG.title}: 2-3 per specialty);",
                        ),
                        el(
                            "li",
                            f"{data.LETTERS_IN_ULTRA_FIELDS} in the ultra-competitive fields, as the competitiveness "
                            f"check counts them: the orthopaedics article asks 3-4 for orthopaedics "
                            f"({ARTICLE_ORTHO.title}), and the ultra-competitive article 3 for dermatology "
                            f"({ARTICLE_ULTRA.title}), which we apply to ENT, plastic surgery and neurosurgery as "
                            "well (our reading);",
                        ),
                        el(
                            "li",
                            f"{data.LETTERS_FROM_RADIOLOGISTS} in radiology, whose article asks for 1-2 letters from "
                            f"radiologists beside 1-2 from other US clinicians ({ARTICLE_RADIOLOGY.title}).",
                        ),
                    ),
                ),
                el(
                    "li",
                    US_LETTERS_METHOD,
                ),
                el(
                    "li",
                    "Error: names that do not match between the tables, unknown specialties or kinds, and duplicates. "
                    "Names and ids match whatever their case, spacing or accent encoding. A kind written PS, personal "
                    "statement, LoR, letter of recommendation, recommendation or SLOE is read as a statement or a "
                    "letter; a document of any other kind leaves the counts of the programs it goes to unchecked "
                    "until it is fixed. Common short forms of a specialty, such as IM, Peds, ENT, OB/GYN, PM&R or "
                    "Orthopedic Surgery, are read as its slug, with a note.",
                ),
            ],
        ),
        el(
            "p",
            "Tables may be separated by commas, by semicolons (as some spreadsheets save CSV files) or by tabs (what a "
            "spreadsheet copies); a line with a tab in it is split on its tabs only, so a comma inside a spreadsheet "
            "cell stays in the cell. Each table's first line names its columns, in any order; columns the checker "
            "does not read are left out, with a note. Malformed lines are reported with the table and line number. "
            "Nothing you paste leaves your browser.",
        ),
        el(
            "p",
            "A preliminary or transitional program (the first year before a field that starts at PGY-2, or a bridge "
            "year) may get letters and a statement written for any field: the radiology playbook asks for letters "
            "about your ward work and a short statement, and no article ties either to one field (our rule). Only "
            "the counts are checked for it: letters at all, at most four, and one statement. A statement written for "
            "a field gets a note suggesting one written for that year (our advice).",
        ),
        el(
            "p",
            "Specialty slugs: "
            + ", ".join(s.slug for s in data.SPECIALTIES)
            + "; for first-year programs "
            + ", ".join(FIRST_YEAR)
            + ".",
        ),
    )
