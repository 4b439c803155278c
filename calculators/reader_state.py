"""Where a reader's inputs live outside the form, and how they come back.

Three places keep them, and each has its own rule:

- This browser tab's own copy (``sessionStorage``, one entry for each
  calculator on each page), written by the page after every answer.  It
  brings the form back on a reload, on Back and Forward and after a jump to a
  heading, and it usually ends with the tab (a browser may reopen a closed
  tab with it; "Forget my answers" removes it).  It is never sent anywhere, and it is
  not the page address: the address would put what the reader typed into the
  browser's history, its sync and any link they copy from the address bar.
- A link, only when the reader asks for one ("Link to these answers"): the
  inputs go after the address's ``#``, which browsers never send to a server.
  Each calculator writes its inputs under its own prefix
  (``program-counts.backup_specialty=psychiatry``), so a page with two
  calculators reads each one exactly its own.  Older links without
  prefixes, and bookmarks from when the address carried the inputs, are
  still read, but unprefixed ones only on a page with one calculator.
- This browser's storage, only when the reader ticks Remember.  There a
  question asked by several calculators is one answer under one name
  (``profile.SAME_QUESTION_AS``), and a link never changes remembered
  answers until the reader chooses to: ``restore`` returns an offer where
  the two disagree, and nothing is remembered while the form shows a link's
  answers the reader has neither changed nor chosen (``remember_waits``).

The reader's own date is none of these: it is read from their device on each
visit, because a remembered or linked "today" would be stale by tomorrow.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple
from urllib.parse import parse_qsl, urlencode

from .fields import BoolField, ChoiceField, Field, InputError, TextField
from .html import Markup, and_list, el, join
from .profile import BACKUP_SPECIALTY, REMEMBERED_FOR, RETIRED_QUESTIONS, SAME_QUESTION_AS, SPECIALTY
from .registry import READ_OUT_WORDS

# Filled from the reader's device unless a link carries a value for it,
# and never remembered.
DEVICE_DATE_FIELD = "today"
USE_LINKED = "Use these linked values"
KEEP_MINE = "Keep mine"


# --- Links in the page address ----------------------------------------------------------------------------


def address_prefix(name: str) -> str:
    """``program_counts`` -> ``program-counts.``; field names never hold a dot."""
    return name.replace("_", "-") + "."


def address_params(fragment: str, search: str = "") -> dict[str, str]:
    """The parameters an address carries: an older link's query string, then
    the fragment, which wins.  A plain ``#heading`` anchor carries none."""
    params: dict[str, str] = {}
    for part in (search, fragment):
        text = part.lstrip("?#")
        if "=" in text:
            params.update(parse_qsl(text, keep_blank_values=True))
    return params


def prefixed_inputs(name: str, params: Mapping[str, str]) -> dict[str, str]:
    """The parameters written under this calculator's prefix, without it."""
    prefix = address_prefix(name)
    return {key[len(prefix) :]: value for key, value in params.items() if key.startswith(prefix)}


def linked_inputs(name: str, params: Mapping[str, str], calculators_on_page: Sequence[str]) -> dict[str, str]:
    """This calculator's inputs among the address's parameters."""
    own = prefixed_inputs(name, params)
    if len(set(calculators_on_page)) > 1:
        return own
    unprefixed = {key: value for key, value in params.items() if "." not in key}
    return {**unprefixed, **own}


def fragment_without_link(name: str, fragment: str, calculators_on_page: Sequence[str]) -> str:
    """The address's fragment without this calculator's inputs, for the page
    to keep once the reader has chosen their own answers over a link's ("Keep
    mine"): a reload then shows their answers, not the link's offer again,
    nor "the changes you made" to a link they set aside."""
    text = fragment.lstrip("#")
    if "=" not in text:
        return text  # a heading anchor, or nothing
    params = dict(parse_qsl(text, keep_blank_values=True))
    prefix = address_prefix(name)
    alone = len(set(calculators_on_page)) <= 1
    return urlencode({key: value for key, value in params.items() if not (key.startswith(prefix) or (alone and "." not in key))})


def to_address(name: str, query: Mapping[str, str]) -> dict[str, str]:
    """The parameters a link carries for these inputs."""
    prefix = address_prefix(name)
    return {prefix + key: value for key, value in query.items()}


def link_fragment(name: str, query: Mapping[str, str]) -> str:
    """The part after ``#`` of a link to these inputs ("Link to these answers")."""
    return urlencode(to_address(name, query))


# What the page sends for a value its control cannot read (``UNREADABLE_DATE``
# in calculators.js): there is nothing to show again, so such a field is left
# out of the tab's copy.
UNREADABLE_BY_CONTROL = "unreadable"
# A paste over a text field's limit is kept as typed, so the reader can cut
# it down instead of pasting again; the longest limit is the packet
# checker's 200,000 characters.  Only a value longer than this is left out,
# to stay well within what a tab may store for the whole site (a few million
# characters), and ``too_long_to_keep`` records it so a note can say so.
TYPED_MAX_CHARS = 300_000


def as_typed(fields: Sequence[Field], raw: Mapping[str, object]) -> dict[str, str]:
    """The inputs as the reader typed them, kept while a field is in error: a
    reload, Back or a jump to a heading then shows the typed value again with
    its message, instead of quietly putting back an older one."""
    typed: dict[str, str] = {}
    for field in fields:
        value = raw.get(field.name)
        if isinstance(value, bool):
            typed[field.name] = field.to_text(value)
        elif isinstance(value, str) and value != UNREADABLE_BY_CONTROL and len(value) <= TYPED_MAX_CHARS:
            typed[field.name] = value
    return typed


def too_long_to_keep(fields: Sequence[Field], raw: Mapping[str, object]) -> dict[str, int]:
    """The length of each value ``as_typed`` leaves out for being too long to
    store, by field name: the tab's copy keeps it, so that the form coming
    back without the paste says why rather than showing its example as the
    reader's inputs."""
    return {
        field.name: len(value)
        for field in fields
        if isinstance(value := raw.get(field.name), str) and len(value) > TYPED_MAX_CHARS
    }


def not_kept_notes(fields: Sequence[Field], dropped: Mapping[str, int]) -> list[str]:
    """What to say of each value left out of the tab's copy for its length."""
    notes = []
    for field in fields:
        if field.name in dropped:
            limit = f", cut to at most {field.max_chars:,} characters" if isinstance(field, TextField) else ""
            notes.append(
                f"What you last put in {field.label} ({dropped[field.name]:,} characters) was too long for this tab "
                f"to keep, so the box no longer shows it. Paste it again{limit}."
            )
    return notes


class TabCopy(NamedTuple):
    """What this tab kept for one calculator on one page (see the module's
    docstring).  The page writes it as ``compute`` said (``inputs`` and
    ``in_error``), with the link the form started from (``link``), so a
    reload of that same link is known for the reader's own and not a new
    link, whether that link's offer still waits for an answer
    (``offer_open``), so a reload asks again, and whether the form still
    shows the link's answers, unchanged by the reader (``remember_waits``),
    so a reload remembers none of them either.  A copy kept in error also
    holds the last valid inputs (``last_valid``): the page comes back with
    the result built for the default inputs, and answers those first so
    that the result beside the message is the reader's.  ``dropped`` holds
    the length of each value in error too long to keep (``too_long_to_keep``).
    ``unremembered`` names the fields the reader changed in this form that
    are not in the remembered answers yet (Remember was off, a field was in
    error, or Remember was ticked in another form since): they win over the
    remembered answers, and the page writes them with its next valid answer
    while remembering."""

    inputs: dict[str, str]
    in_error: bool
    link: dict[str, str] | None
    offer_open: bool
    remember_waits: bool = False
    last_valid: dict[str, str] | None = None
    dropped: dict[str, int] | None = None
    unremembered: tuple[str, ...] = ()


def read_tab_copy(text: object) -> TabCopy:
    """The tab's copy from its raw text; an unreadable one counts as none:
    only this site's page writes it, so there is nothing to tell the reader."""
    try:
        kept = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        kept = None
    if not isinstance(kept, dict):
        return TabCopy({}, False, None, False)

    def texts(value: object) -> dict[str, str]:
        return {str(k): v for k, v in value.items() if isinstance(v, str)} if isinstance(value, dict) else {}

    link = kept.get("link")
    return TabCopy(
        inputs=texts(kept.get("inputs")),
        in_error=kept.get("in_error") is True,
        link=texts(link) if isinstance(link, dict) else None,
        offer_open=kept.get("offer_open") is True,
        remember_waits=kept.get("remember_waits") is True,
        last_valid=texts(last_valid) if isinstance(last_valid := kept.get("last_valid"), dict) else None,
        dropped={str(k): n for k, n in dropped.items() if isinstance(n, int) and not isinstance(n, bool)}
        if isinstance(dropped := kept.get("dropped"), dict)
        else None,
        unremembered=tuple(n for n in names if isinstance(n, str)) if isinstance(names := kept.get("unremembered"), list) else (),
    )


# --- Remembered answers --------------------------------------------------------------------------------


def remembered_as(field_name: str) -> str:
    return SAME_QUESTION_AS.get(field_name, field_name)


# Stored beside a count: the specialty it was typed for (REMEMBERED_FOR).
TYPED_FOR = ".for"


def to_profile(query: Mapping[str, str]) -> dict[str, str]:
    """These inputs as remembered answers, each under its shared name."""
    profile = {remembered_as(key): value for key, value in query.items() if key != DEVICE_DATE_FIELD}
    for key, anchor in REMEMBERED_FOR.items():
        if key in query and anchor in query:
            profile[remembered_as(key) + TYPED_FOR] = query[anchor]
    return profile


def profile_keys(fields: Sequence[Field]) -> dict[str, list[str]]:
    """The remembered answers each field writes, by field name: a form
    remembers only the fields the reader changed in it, so its older copy of
    an answer changed elsewhere since never goes back over the newer one
    (audit s19, state 1).  A count goes with the specialty it was typed for,
    and a specialty with the counts beside it, which are now the reader's
    for that specialty (else a count left beside a new specialty stayed
    remembered for the old one)."""
    names = {field.name for field in fields}
    beside = {
        anchor: [key for count, a in REMEMBERED_FOR.items() if a == anchor and count in names for key in _count_keys(count)]
        for anchor in set(REMEMBERED_FOR.values())
    }
    return {
        field.name: (_count_keys(field.name) if field.name in REMEMBERED_FOR else [remembered_as(field.name)])
        + beside.get(field.name, [])
        for field in fields
        if field.name != DEVICE_DATE_FIELD
    }


def _count_keys(count: str) -> list[str]:
    return [remembered_as(count), remembered_as(count) + TYPED_FOR]


# The shape calculators.js writes remembered answers in: ``{"version": 1,
# "values": ...}``.  A shape of any other version is one this code does not
# know (a later deploy's, written by a tab open across it): read as version 1,
# its values were taken at face value, and the page's next write stamped them
# version 1 (jsread audit s44, 6).
STORED_VERSION = 1
STORED_UNREADABLE = "Your remembered answers could not be read, so they were ignored."
# A tab open across a deploy meets answers a later version saved: they are
# not damaged, and the page keeps them for the reload (jsreview audit s44, 5).
STORED_BY_A_NEWER_VERSION = "Your remembered answers were saved by a newer version of this site: reload the page to use them."


def read_stored(stored: str | None) -> tuple[dict[str, object], list[str]]:
    """The remembered answers in storage's raw text, or none with a note."""
    if not stored:
        return {}, []
    try:
        kept = json.loads(stored)
    except ValueError:
        kept = None
    version = kept.get("version") if isinstance(kept, dict) else None
    values = kept.get("values", {}) if isinstance(kept, dict) else None
    # JSON's true is Python's 1 too: only the number counts.
    number = version if isinstance(version, int) and not isinstance(version, bool) else None
    if number is not None and number > STORED_VERSION and isinstance(values, dict):
        return {}, [STORED_BY_A_NEWER_VERSION]
    if number != STORED_VERSION or not isinstance(values, dict):
        return {}, [STORED_UNREADABLE]
    return values, []


def _stored_under(field_name: str, remembered: Mapping[str, object]) -> str | None:
    """The key a field's remembered answer is kept under, if any: its shared
    name, or its own name as an older version of the site saved it."""
    return next((key for key in (remembered_as(field_name), field_name) if key in remembered), None)


def from_profile(fields: Sequence[Field], remembered: Mapping[str, object]) -> dict[str, object]:
    """The remembered answers this calculator asks about, under its field names.

    An answer saved under the field's own name by an older version of the
    site still counts when the shared name holds none."""
    found: dict[str, object] = {}
    for field in fields:
        if field.name == DEVICE_DATE_FIELD:
            continue
        if (key := _stored_under(field.name, remembered)) is not None:
            found[field.name] = remembered[key]
        anchor = REMEMBERED_FOR.get(field.name)
        if anchor is not None and field.name in found:
            typed_for = remembered.get(remembered_as(field.name) + TYPED_FOR)
            if typed_for is None or typed_for != remembered.get(remembered_as(anchor)):
                del found[field.name]
    return found


# --- Choosing the starting values ----------------------------------------------------------------------


def _accept(fields: Sequence[Field], raw: Mapping[str, object], source: str, notes: list[str]) -> dict[str, str]:
    accepted: dict[str, str] = {}
    for field in fields:
        if field.name not in raw:
            continue
        try:
            accepted[field.name] = field.to_text(field.parse(raw[field.name]))
        except InputError as error:
            notes.append(f"Ignored {source}. {error.message}")
    return accepted


def _from_device(fields: Sequence[Field], device_date: str | None) -> dict[str, str]:
    """The device's date, for a form that asks for today's."""
    if not device_date or not any(field.name == DEVICE_DATE_FIELD for field in fields):
        return {}
    return _accept(fields, {DEVICE_DATE_FIELD: device_date}, "your device's date", [])


def shown(field: Field, text: str) -> str:
    """A form value as a reader would name it."""
    if isinstance(field, ChoiceField):
        return field.label_of(text) if text else "none"
    if isinstance(field, BoolField):
        return "yes" if text == "true" else "no"
    return text or "empty"


def offer_text(fields: Sequence[Field], linked: Mapping[str, str], mine: Mapping[str, str]) -> Markup:
    differences = [
        el("li", f"{field.label}: {shown(field, linked[field.name])} in the link, {shown(field, mine[field.name])} remembered")
        for field in fields
        if field.name in linked and field.name in mine and linked[field.name] != mine[field.name]
    ]
    return join(
        el(
            "p",
            "This link carries answers that differ from the ones you asked this device to remember. "
            "The result shows the link's answers; your remembered answers stay as they are until you choose.",
        ),
        el("ul", differences),
    )


def _drop_counts_for_another_specialty(
    fields: Sequence[Field], kept: Mapping[str, str], mine: Mapping[str, str], values: dict[str, str], notes: list[str]
) -> set[str]:
    """A count the tab kept for one specialty, now beside another (a
    remembered answer changed it): back to its default, said.  9 signals
    typed for neurology came back for psychiatry as "the number you
    entered" (audit s19, state 5), as remembered counts once did.  Returns
    the names of the counts it put back."""
    by_name = {field.name: field for field in fields}
    dropped = set()
    for name, anchor in REMEMBERED_FOR.items():
        if name not in by_name or anchor not in by_name or name not in kept or anchor not in kept:
            continue
        # A count the remembered answers gave was typed for its specialty (from_profile).
        if name in mine or values.get(anchor) == kept[anchor] or values.get(name) != kept[name]:
            continue
        count, specialty = by_name[name], by_name[anchor]
        # A count left at its default has nothing to put back: an empty rank
        # count read "was emptied: the  you entered" (browser audit s55, 1).
        if kept[name] == count.to_text(count.default):
            continue
        dropped.add(name)
        values[name] = count.to_text(count.default)
        now = "was emptied" if not values[name] else f"went back to {values[name]}"
        notes.append(
            f"{count.label} {now}: the {kept[name]} you entered was for {shown(specialty, kept[anchor])}, and "
            f"{specialty.label} is now {shown(specialty, values[anchor])}."
        )
    return dropped


# Program counts' and signals' box for a change of field
# (program_counts.CHANGING_FIELD), by name, as the device's date is.  Ticked,
# it says the backup is the field the reader is leaving: that backup is
# theirs to change, and emptying it only traded the backup's message for the
# box's ("needs the field you are leaving named as the backup specialty").
LEAVING_FIELD = "changing_field"


def _backup_and_first_choice(fields: Sequence[Field]) -> tuple[ChoiceField, Field] | None:
    """The backup field and the first choice it must differ from, in a form
    that asks both (application cost names its first choice its own way)."""
    by_name = {field.name: field for field in fields}
    backup = by_name.get(BACKUP_SPECIALTY.name)
    first = next((f for f in fields if f.name != BACKUP_SPECIALTY.name and remembered_as(f.name) == SPECIALTY.name), None)
    return (backup, first) if isinstance(backup, ChoiceField) and first is not None else None


def _empty_backup_equal_to_first_choice(fields: Sequence[Field], values: dict[str, str]) -> list[str]:
    """A backup the same as the first choice in ``values``, emptied there,
    with the counts kept beside it (REMEMBERED_FOR), which no form takes
    without a backup; returns what to say, or nothing where none was."""
    pair = _backup_and_first_choice(fields)
    if pair is None:
        return []
    backup, first = pair
    chosen = values.get(backup.name)
    if not chosen or chosen != values.get(first.name) or values.get(LEAVING_FIELD) == "true":
        return []
    values[backup.name] = backup.to_text(backup.default)
    said = [
        f"{backup.label} was emptied: {shown(backup, chosen)} is now your first choice, and a backup must be another specialty."
    ]
    for count in fields:
        if REMEMBERED_FOR.get(count.name) != backup.name or count.name not in values:
            continue
        default, entered = count.to_text(count.default), values[count.name]
        if entered != default:
            values[count.name] = default
            now = "was emptied" if not default else f"went back to {default}"
            said.append(f"{count.label} {now} too: the {entered} you entered was for {shown(backup, chosen)} as your backup.")
    return said


def starting_values(
    fields: Sequence[Field],
    *,
    linked: Mapping[str, object],
    stored: str | None,
    device_date: str | None = None,
    origin: Literal["link", "own"] = "link",
    in_error: bool = False,
    kept_unremembered: Sequence[str] = (),
    typed_first: Mapping[str, object] | None = None,
    as_sent: Mapping[str, object] | None = None,
    waits: bool = False,
) -> dict[str, object]:
    """The form's starting values, notes on what was dropped, and, when a link
    disagrees with remembered answers, an offer to choose between them.

    ``origin`` says where ``linked`` came from.  A ``link`` wins and brings
    the offer, and its invalid values are dropped with a note.  ``own`` is
    this tab's copy of what the calculator last answered (a reload, Back,
    Forward, a jump to a heading): remembered answers are saved on every
    change while no offer is open, and another calculator may have changed a
    shared one since, so they are the newer and win, without an offer.  But a
    value still in error (``as_typed``) is what the reader last typed, and
    never remembered, so it comes back as typed; the form then shows its
    message again.  A copy kept while a field was in error (``in_error``)
    wins over remembered answers in every field, since nothing was
    remembered after it; so do the fields the reader changed here that are
    not remembered yet (``kept_unremembered``), which a remembered answer,
    older or given elsewhere, must not replace.  ``typed_first`` is what the reader typed while the
    engine was starting: it wins over all of these, as typed (the form then
    shows any message), and a note names the fields kept.  ``as_sent`` is the
    link as it was sent when ``linked`` holds the reader's edits of it (a
    reload while its offer waits): the offer lists what the link said, not
    the reader's edits as if the link had said them.  ``waits``: the form
    still shows a link's answers the reader has not changed (a reload of
    it), which are not remembered, and a note says so as on the first visit.

    The device's date wins over a date kept in the tab, which would be stale
    a day later; a link's own date stands, with a note when it is not the
    device's."""
    remembered, notes = read_stored(stored)
    names = {field.name for field in fields}
    notes += [
        note
        for old, (new, note) in RETIRED_QUESTIONS.items()
        if old in remembered and new in names and _stored_under(new, remembered) is None
    ]
    found = from_profile(fields, remembered)
    unsure = [
        field
        for field in fields
        if field.name in REMEMBERED_FOR and field.name not in found and _stored_under(field.name, remembered) is not None
    ]
    # Said first, once the counts emptied below are known: one sentence for
    # a field, not this vague one beside the exact one (a11y audit s20, 7).
    unsure_at = len(notes)
    emptied: set[str] = set()
    mine = _accept(fields, found, "a remembered answer", notes)
    from_link = _accept(fields, linked, "a value from the link", notes if origin == "link" else [])
    typed: dict[str, str] = {}
    if origin != "link":
        unshowable = offered_no_longer(fields, linked)
        typed = {
            f.name: text
            for f in fields
            if f.name not in from_link and f.name not in unshowable and isinstance(text := linked.get(f.name), str)
        }
    device = _from_device(fields, device_date)
    if origin == "own":
        kept = {name: text for name, text in from_link.items() if not (device and name == DEVICE_DATE_FIELD)}
        # A plan is for today, so the device's date wins over the tab's.  A
        # later date than the device's was the reader's own (an earlier one is
        # most often the day the tab was last used), and is not replaced
        # without a word.  ISO dates compare as text.
        theirs = from_link.get(DEVICE_DATE_FIELD)
        if device and theirs is not None and theirs > device[DEVICE_DATE_FIELD]:
            label = next(field.label for field in fields if field.name == DEVICE_DATE_FIELD)
            notes.append(f"{label} is your device's date again; you had set {theirs} here.")
        values = {**device, **mine, **kept} if in_error else {**device, **kept, **mine}
        values.update({name: kept[name] for name in kept_unremembered if name in kept})
        emptied = _drop_counts_for_another_specialty(fields, kept, mine, values, notes)
    else:
        values = {**mine, **device, **from_link}
    values.update(typed)
    # Which values the remembered answers gave, over the link, the tab's
    # copy and the device: only those are changed below without the reader.
    if origin == "own":
        remembered_here = set(mine) - (set(from_link) if in_error else set(kept_unremembered) & set(from_link))
    else:
        remembered_here = set(mine) - set(device) - set(from_link)
    remembered_here -= set(typed)
    labels = {field.name: field.label for field in fields}
    early = {name: str(text) for name, text in (typed_first or {}).items() if name in labels}
    replaced = [labels[name] for name, text in early.items() if name in values and values[name] != text]
    values.update(early)
    # A remembered backup that is now the first choice, chosen on another
    # calculator since: three calculators and the Apply guide opened on
    # "Please fix Backup specialty" and the defaults' result, for nothing the
    # reader did there (browser audit s55, 3).  A link's or the reader's own
    # backup here stays, with the form's message.
    pair = _backup_and_first_choice(fields)
    if pair is not None and pair[0].name in remembered_here - set(early):
        cleared = _empty_backup_equal_to_first_choice(fields, values)
        notes.extend(cleared)
        if cleared:
            emptied.update(name for name, anchor in REMEMBERED_FOR.items() if anchor == pair[0].name)
    if unsure_labels := [field.label for field in unsure if field.name not in emptied]:
        notes.insert(
            unsure_at,
            "Not filled in from your remembered answers, because it may have been typed for another specialty: "
            f"{and_list(unsure_labels)}.",
        )
    # Said, so that a form filled in on its own is never taken for the
    # defaults or for what the reader last typed here.
    defaults = default_texts(fields)
    otherwise = {**defaults, **device, **from_link, **typed, **early}
    filled = [labels[name] for name, text in mine.items() if values.get(name) == text != otherwise.get(name)]
    if filled:
        notes.append(f"Filled in from the answers you asked this device to remember: {and_list(filled)}.")
    if replaced:
        notes.append(f"Kept what you typed while the calculator engine was starting: {and_list(replaced)}.")
    linked_date = from_link.get(DEVICE_DATE_FIELD)
    if origin == "link" and device and linked_date and values.get(DEVICE_DATE_FIELD) == linked_date != device[DEVICE_DATE_FIELD]:
        notes.append(
            f"This link plans from {linked_date}, the date it was made; your device says {device[DEVICE_DATE_FIELD]}. "
            "Change “Today's date” to plan from now."
        )
    reply: dict[str, object] = {"values": values, "notes": notes, "offer": None}
    sent = from_link if as_sent is None else _accept(fields, as_sent, "a value from the link", [])
    if origin == "link" and any(key in mine and mine[key] != value for key, value in sent.items()):
        keep_values = {**defaults, **device, **mine, **early}
        # "Keep mine" would bring back the remembered backup equal to the
        # remembered first choice, and its error (browser audit s55, 3).
        if pair is not None and pair[0].name not in early:
            _empty_backup_equal_to_first_choice(fields, keep_values)
        reply["offer"] = {
            "html": offer_text(fields, sent, mine),
            "use": USE_LINKED,
            "keep": KEEP_MINE,
            # Every field the reader did not give: "Keep mine" leaves none of
            # the link's answers in the form, where the next edit would
            # remember them as the reader's own.
            "keep_values": keep_values,
            "used": "Done: your remembered answers now hold the linked values.",
            "kept": "Done: your remembered answers are unchanged, and the form now shows them.",
        }
    elif (
        (origin == "link" or waits)
        and stored is not None
        and any(mine.get(key) != value for key, value in sent.items() if key != DEVICE_DATE_FIELD)
    ):
        notes.append(LINK_NOT_REMEMBERED)
    return reply


# Said when a link replaces answers the reader gave in this tab: the status
# then calls the link's answers "your inputs", and a screen-reader user was
# not told that their own still exist (a11y audit s20, 6).
OWN_ANSWERS_ASIDE = (
    "This form shows the link's answers. The answers you had given here are kept in this tab: open this page's "
    "address without the link to get them back."
)

OWN_ANSWERS_BACK = (
    "Your own answers are back in this form. The link you opened in this tab is still at its own address, with its "
    "answers as they were sent."
)


# Said when kept answers name a question the calculator no longer asks (a
# field renamed or replaced by a new version of the site): dropped without a
# word, a reader's typed number became the default (upgrade audit s30, 3).
EARLIER_VERSION_IN_TAB = (
    "An answer kept in this tab from an earlier version of this calculator no longer matches its questions and was "
    "left out: check the form before you rely on the result."
)
EARLIER_VERSION_IN_LINK = (
    "This link was made by an earlier version of this calculator: an answer in it no longer matches the questions "
    "and was left out. Check the form before you rely on the result."
)


def asks_no_longer(fields: Sequence[Field], answers: Mapping[str, object]) -> bool:
    """Whether ``answers`` name a question these fields do not ask."""
    names = {field.name for field in fields}
    return any(key not in names for key in answers)


def offered_no_longer(fields: Sequence[Field], answers: Mapping[str, object]) -> set[str]:
    """The menus whose kept answer is none of their choices: a choice a new
    version renamed or removed.  A menu cannot show it as typed, as a box
    shows a number in error, so it would come back blank without a word
    (bridge audit s31, 2).  A choice's name in place of its slug is read as
    the menu reads it."""
    return {
        field.name
        for field in fields
        if isinstance(field, ChoiceField)
        and isinstance(answer := answers.get(field.name), str)
        and answer.strip()
        and field.slug_for(answer) is None
    }


def default_texts(fields: Sequence[Field]) -> dict[str, str]:
    """Each field's default as the form writes it."""
    return {field.name: field.to_text(field.default) for field in fields}


def given_answers(fields: Sequence[Field], inputs: Mapping[str, str]) -> bool:
    """Whether a tab's copy holds answers of the reader's, not the defaults
    alone (the date a plan starts from is the device's, not an answer)."""
    defaults = default_texts(fields)
    return any(inputs.get(name, text) != text for name, text in defaults.items() if name != DEVICE_DATE_FIELD)


def unchanged_link(kept: TabCopy) -> bool:
    """Whether the tab's copy still shows a link's answers as they were sent."""
    return kept.link is not None and all(kept.inputs.get(name) == value for name, value in kept.link.items())


# A link's answers never become the reader's remembered ones unasked: an
# answer they had not remembered yet (a mentor's backup specialty, say)
# would otherwise fill other calculators as "remembered".
LINK_NOT_REMEMBERED = (
    "This link's answers are not added to the answers you asked this device to remember. "
    "Change any answer here to remember the form as yours."
)


def changed_since_link(fields: Sequence[Field], linked: Mapping[str, object], kept: Mapping[str, str]) -> str | None:
    """A note when the tab shows the reader's own changes to the link still in
    the address (a reload, or the same link opened again): without it, a
    reader who opened a mentor's link a second time took their own edits for
    the link's answers."""
    sent = _accept(fields, linked, "a value from the link", [])
    changed = [
        field.label for field in fields if field.name in sent and field.name in kept and kept[field.name] != sent[field.name]
    ]
    if not changed:
        return None
    return (
        f"This form shows the changes you made in this tab to the link you opened: {and_list(changed)}. "
        "Open the link in a new tab to see its answers as they were sent."
    )


# --- What the status line says -------------------------------------------------------------------------


def first_answer_is_news(
    fields: Sequence[Field], restored: Mapping[str, object], built: Mapping[str, object] | None = None
) -> bool:
    """Whether the page announces its answer to the form as ``restore`` set it.

    The page is built with the defaults' result and a status line saying so,
    which stays true while the form starts as ``built`` (the page's form as
    the build wrote it; by default this Python's own defaults).  Announcing
    "Updated for your inputs" then broke into the guide a reader had just
    arrived at, for inputs they never gave.  Remembered or linked values, a
    note, an offer or a value in error are news, said once with that answer;
    so is the device's date where it is not the build's, since a plan
    counted from another day is not the one the page shows.  The build's
    date comes from the page: in the browser, the defaults' "today" is the
    date Python started on (or the memory snapshot's, made at build time)."""
    if restored.get("notes") or restored.get("offer") or restored.get("last_valid"):
        return True
    defaults = default_texts(fields)
    names = set(defaults)
    baseline = {**defaults, **{k: str(v) for k, v in (built or {}).items() if k in names}}
    values = restored.get("values")
    return {**baseline, **(values if isinstance(values, Mapping) else {})} != baseline


def status_html(announce: str) -> Markup:
    """On screen a short word that the result changed, so the line never
    repeats the headline below it; screen readers, which hear this line but
    not the result, get the one-sentence summary instead.  They hear the
    summary alone: its rewriting says it is new, and the four words before
    it took read-outs that keep to ``READ_OUT_WORDS`` past it, to 44
    (a11y-new audit s43, 9)."""
    return join(
        el("span", "Updated for your inputs.", aria_hidden="true"),
        " ",
        el("span", announce, class_="mpb-visually-hidden"),
    )


# More than this and the status would take longer to hear than the fields
# take to visit; each field's description still carries its rule.
MOST_RULES_IN_STATUS = 3
# What the status says of a form in error keeps to the result read-outs'
# limit (registry.READ_OUT_WORDS): a date error said twice ran to 66 words,
# some 20 s of speech while the reader was fixing the field (a11y-phone audit
# s42, 3).  Past it, the fields are named and their rules left to each
# field's message, which a screen reader hears with the field.
_STILL_SHOWN = "is still for your last valid inputs"
_DEFAULTS_SHOWN = "is for the default inputs"


def _rules_said(labels: Mapping[str, str], errors: Sequence[InputError], named: Sequence[str]) -> list[str]:
    """A sentence for each rule broken, in the page's words: a rule that
    several fields break is said once, for all of them."""
    groups: dict[tuple[bool, str], list[InputError]] = {}
    for error in errors:
        key = (True, error.rule) if error.rule is not None else (False, error.on_form.rstrip("."))
        groups.setdefault(key, []).append(error)
    sentences: list[str] = []
    for (shared, words), group in groups.items():
        if not shared or len(group) == 1:
            sentences.append(f"{group[0].on_form.rstrip('.')}.")
            continue
        # Just after "Please fix A and B", "each" needs no names again.
        fields = [labels[error.field] for error in group]
        who = "Each must be" if len(fields) == len(named) else f"{and_list(fields)} must each be"
        empty = [labels[error.field] for error in group if error.may_be_empty]
        if len(empty) == len(group):
            words += ", or left empty"
        elif empty:
            words += f"; {and_list(empty)} may be left empty"
        sentences.append(f"{who} {words}.")
    return sentences


def fix_status(fields: Sequence[Field], errors: Sequence[InputError], *, over_defaults: bool = False) -> str:
    """What the status line says of a form in error.  While the rules broken
    are few, and the whole keeps to ``READ_OUT_WORDS``, it carries each one
    (a rule several fields break, once): a screen reader reads the status out, but
    not the rules that join the descriptions of fields it has not reached (a
    rule that spans fields names fields some Tab stops away).  ``over_defaults``:
    no valid answer has replaced the result the page was built with (the
    page knows, and picks), so the result shown is the default inputs'."""
    labels = {field.name: field.label for field in fields}
    named = list(dict.fromkeys(labels.get(error.field, error.field) for error in errors))
    said = _rules_said(labels, [error for error in errors if error.field in labels], named)
    opening = f"Please fix {and_list(named)}."
    # Measured with the longer ending, so both replies say the same rules.
    longest = " ".join([opening, *said, f"The result shown {_STILL_SHOWN}."])
    if len(said) > MOST_RULES_IN_STATUS or len(longest.split()) > READ_OUT_WORDS:
        said = []
    shown = _DEFAULTS_SHOWN if over_defaults else _STILL_SHOWN
    return " ".join([opening, *said, f"The result shown {shown}."])
