"""The bridge the browser's worker calls: JSON text in, JSON text out.

Everything the page shows is decided here, in Python: validation messages,
the rendered result and which remembered or bookmarked values to accept.  The
JavaScript side moves these strings between the form and the worker, and
writes no sentence of its own; it only picks among words Python wrote where
the page alone knows which apply (why the engine failed, whether the result
shown has been replaced since the build).  The storage shape of remembered
answers, ``{"version": 1, "values": ...}``, is the script's too: it writes
them, and ``reader_state.read_stored`` reads them back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from . import REGISTRY, reader_state
from .fields import InputError, check_inputs
from .html import quoted_as_typed
from .render import TITLE_LEVEL, UNEXPECTED_STATUS, UNEXPECTED_STATUS_OVER_DEFAULTS, closed_choices, render_result


def _errors(errors: list[InputError]) -> list[dict[str, str]]:
    # The words, for the notes and the status line, and the markup the field's
    # own message is shown in: the page's words, beside the page's controls.
    return [{"field": e.field, "message": e.on_form, "html": quoted_as_typed(e.on_form)} for e in errors]


def compute(name: str, inputs_json: str, level: int = TITLE_LEVEL) -> str:
    """Compute and render, or list every field error; never raise.  ``level``
    is the widget's title level (its ``data-heading-level``), which the
    result's headings follow as they did in the build."""
    try:
        return _compute(name, inputs_json, level)
    except Exception as error:  # the page must get words, whatever went wrong
        # No field is named, so the page shows the message among its notes;
        # ``status`` is the line the page can say instead of "fix a field",
        # ``detail`` is for a developer: the page logs it to the console and never shows it.
        return json.dumps(
            {
                "ok": False,
                "errors": [{"field": "", "message": UNEXPECTED_ERROR}],
                "status": UNEXPECTED_STATUS,
                "status_over_defaults": UNEXPECTED_STATUS_OVER_DEFAULTS,
                "detail": f"{type(error).__name__}: {error}"[:500],
            }
        )


UNEXPECTED_ERROR = "Sorry, these inputs could not be calculated. Nothing you typed has left this browser; try changing a value."


def _compute(name: str, inputs_json: str, level: int) -> str:
    """A reply says what this tab keeps of the form (``tab_copy``: a good
    one the inputs it used, one with a field in error the inputs as typed; see
    ``reader_state.TabCopy``).  A good reply also says what to keep in storage
    if the reader chose to (``remember``) and the part after ``#`` of a link
    to these inputs (``link``)."""
    calc = REGISTRY[name]
    raw = json.loads(inputs_json)
    if not isinstance(raw, dict):
        raise TypeError("the inputs must be a JSON object")
    result: Mapping[str, object] | None = None
    try:
        # Asked even with a field in error: compute raises every field's
        # error with every rule's that the fields in error leave readable.
        result = calc.compute(raw)
    except InputError as error:
        errors = error.errors
    # The parsed values, for the link, remembered answers and the options to
    # disable; a compute that returned despite a field in error still gets
    # the field's message.
    values, checked = check_inputs(calc.FIELDS, raw)
    closed = closed_choices(calc, values)
    if result is not None:
        errors = checked
        if not errors:
            query = {f.name: f.to_text(values[f.name]) for f in calc.FIELDS}
            # A calculator whose summary runs long names a shorter one to say.
            announce = str(result.get("announced") or result.get("summary", "Result updated."))
            return json.dumps(
                {
                    "ok": True,
                    "html": render_result(calc, result, level),
                    "query": query,
                    "announce": announce,
                    "status_html": reader_state.status_html(announce),
                    "tab_copy": {"inputs": query, "in_error": False},
                    "link": reader_state.link_fragment(name, query),
                    "remember": reader_state.to_profile(query),
                    "remember_keys": reader_state.profile_keys(calc.FIELDS),
                    "closed": closed,
                }
            )
    tab_copy: dict[str, object] = {"inputs": reader_state.as_typed(calc.FIELDS, raw), "in_error": True}
    if dropped := reader_state.too_long_to_keep(calc.FIELDS, raw):
        tab_copy["dropped"] = dropped
    return json.dumps(
        {
            "ok": False,
            "errors": _errors(errors),
            "status": reader_state.fix_status(calc.FIELDS, errors),
            "status_over_defaults": reader_state.fix_status(calc.FIELDS, errors, over_defaults=True),
            "tab_copy": tab_copy,
            "closed": closed,
        }
    )


def _inputs_of(name: str, params: dict[str, str], page: list[str]) -> dict[str, str]:
    """This calculator's inputs among an address's parameters, by its fields'
    names only: a share button's ``?fbclid=...`` is no link to answers, and
    taken for one it put the tab's own answers aside for the defaults."""
    names = {field.name for field in REGISTRY[name].FIELDS}
    return {key: value for key, value in reader_state.linked_inputs(name, params, page).items() if key in names}


def restore(name: str, saved_json: str) -> str:
    """Choose starting values from a link, this tab's copy, remembered answers
    and the reader's date.

    ``saved_json`` holds ``address`` and ``search`` (the page address's
    fragment and query string, where a link carries inputs), ``page`` (the
    names of every calculator on the page), ``tab_copy`` (the raw text of
    this tab's copy for this calculator on this page, or null), ``stored``
    (the raw text from this browser's storage, or null), ``today`` (the
    device's date, YYYY-MM-DD), ``built`` (the form as the page was built
    with it, by field name, as text) and ``typed`` (what the reader typed into the
    form before these values came back, by field name: it wins over
    everything, and a note says so).  An already parsed ``linked`` mapping is
    read as address parameters too.  Anything unreadable or invalid is
    dropped with a note, so a stale link or corrupt storage can never break
    the page; see ``reader_state`` for who wins when they disagree.

    The reply's ``link`` is the link the form started from, for the page to
    keep with the tab's copy: the same link seen again (a reload, Back) is
    then the reader's own, and what they changed since stays.  Its
    ``remember_waits`` says the form shows a link's answers that the reader
    has not changed, which the page does not remember until they do, and
    ``last_valid`` the inputs whose result to show beside a field in error,
    and ``drop_search`` whether the address's query string held inputs, for
    the page to take out of its address.  ``announce`` is false when the
    answer to these values is no news to announce: the page already says it
    shows the defaults' result (``reader_state.first_answer_is_news``).
    ``own_copy`` (given) is the tab's copy of the reader's own answers that a
    link replaced, and ``set_aside`` (replied) asks the page to keep the copy
    it sent under that name before the link's answers replace it.
    """
    calc = REGISTRY[name]
    saved = json.loads(saved_json)
    page = saved.get("page") or [name]
    params = {
        **reader_state.address_params(saved.get("address") or "", saved.get("search") or ""),
        **(saved.get("linked") or {}),
    }
    linked = _inputs_of(name, params, page)
    kept = reader_state.read_tab_copy(saved.get("tab_copy"))
    # A link the tab has not started this form from is new, and wins; the
    # same link again (a reload, Back) gives back what the reader made of it.
    new_link = bool(linked) and (linked != kept.link or not kept.inputs)
    # The reader's own answers, set aside when a link replaced them in this
    # tab: back at the address without the link, with its answers unchanged,
    # they come back (audit s19, state 3: a mentor's link lost them for good).
    own = reader_state.read_tab_copy(saved.get("own_copy"))
    own_back = not linked and kept.link is not None and bool(own.inputs) and reader_state.unchanged_link(kept)
    if own_back:
        kept = own
    # Until the reader changes the form or chooses, it shows someone else's
    # answers, and none are remembered (the page then waits to save).
    waits = (new_link or kept.remember_waits or kept.offer_open) and not saved.get("typed")
    reply = reader_state.starting_values(
        calc.FIELDS,
        linked=linked if new_link else kept.inputs,
        stored=saved.get("stored"),
        device_date=saved.get("today"),
        origin="link" if new_link or kept.offer_open else "own",
        in_error=kept.in_error and not new_link,
        kept_unremembered=() if new_link else kept.unremembered,
        typed_first=saved.get("typed") or {},
        as_sent=kept.link if kept.offer_open and not new_link else None,
        waits=waits,
    )
    reply["link"] = linked if new_link else kept.link
    reply["fragment_without_link"] = reader_state.fragment_without_link(name, saved.get("address") or "", page)
    # The fields still to be remembered, for the page to write with its next valid answer.
    reply["unremembered"] = [] if new_link else list(kept.unremembered)
    # Keep the tab's copy of the reader's own answers before the link's replace it.
    reply["set_aside"] = new_link and bool(kept.inputs) and kept.link is None
    # The reply is reader_state's dict of JSON values, untyped by key, whose
    # "notes" is a list of text: hence the ignores where notes are added.
    if reply["set_aside"] and reader_state.given_answers(calc.FIELDS, kept.inputs):
        reply["notes"].append(reader_state.OWN_ANSWERS_ASIDE)  # type: ignore[attr-defined]
    if own_back:
        reply["notes"].append(reader_state.OWN_ANSWERS_BACK)  # type: ignore[attr-defined]
    # The page holds the result built for the defaults: it answers these first.
    reply["last_valid"] = kept.last_valid if kept.in_error and not new_link else None
    # An old bookmark's inputs in the query string went to the host with the
    # page; once read, the page takes them out of its address, so a reload
    # does not send them again and the history keeps the address without them.
    search = reader_state.address_params("", saved.get("search") or "")
    reply["drop_search"] = bool(_inputs_of(name, search, page))
    reply["remember_waits"] = waits
    if linked and not new_link and (note := reader_state.changed_since_link(calc.FIELDS, linked, kept.inputs)):
        reply["notes"].append(note)  # type: ignore[attr-defined]
    in_link = reader_state.prefixed_inputs(name, params)
    if (new_link or not linked) and reader_state.asks_no_longer(calc.FIELDS, in_link):
        reply["notes"].append(reader_state.EARLIER_VERSION_IN_LINK)  # type: ignore[attr-defined]
    elif not new_link and (
        reader_state.asks_no_longer(calc.FIELDS, kept.inputs) or reader_state.offered_no_longer(calc.FIELDS, kept.inputs)
    ):
        reply["notes"].append(reader_state.EARLIER_VERSION_IN_TAB)  # type: ignore[attr-defined]
    # A paste too long to keep would otherwise come back as the example, shown as the reader's own.
    if kept.in_error and kept.dropped and not new_link:
        reply["notes"].extend(reader_state.not_kept_notes(calc.FIELDS, kept.dropped))  # type: ignore[attr-defined]
    built = saved.get("built")
    reply["announce"] = reader_state.first_answer_is_news(calc.FIELDS, reply, built if isinstance(built, dict) else None)
    return json.dumps(reply)
