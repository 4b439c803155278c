"""The bridge the browser's worker calls: JSON text in, JSON text out.

Everything the page shows is decided here, in Python: validation messages,
the rendered result and which remembered or bookmarked values to accept.  The
JavaScript side only moves these strings between the form and the worker.
"""

from __future__ import annotations

import json

from . import REGISTRY, reader_state
from .fields import InputError, check_inputs
from .render import render_result


def _errors(errors: list[InputError]) -> list[dict[str, str]]:
    return [{"field": e.field, "message": e.message} for e in errors]


def compute(name: str, inputs_json: str) -> str:
    """Compute and render, or list every field error; never raise."""
    try:
        return _compute(name, inputs_json)
    except Exception as error:  # the page must get words, whatever went wrong
        # No field is named, so the page shows the message among its notes;
        # ``status`` is the line the page can say instead of "fix a field",
        # ``detail`` is for a developer and is never shown to the reader.
        return json.dumps(
            {
                "ok": False,
                "errors": [{"field": "", "message": UNEXPECTED_ERROR}],
                "status": UNEXPECTED_STATUS,
                "detail": f"{type(error).__name__}: {error}"[:500],
            }
        )


UNEXPECTED_ERROR = "Sorry, these inputs could not be calculated. Nothing you typed has left this browser; try changing a value."
UNEXPECTED_STATUS = "This calculator could not update. The result shown is still for your last inputs that worked."


def _compute(name: str, inputs_json: str) -> str:
    """A reply says what to write into the page address (``address``,
    replacing any old unprefixed ``address_drop`` keys): a good one the
    inputs it used, one with a field in error the inputs as typed.  A good
    reply also says what to keep in storage if the reader chose to
    (``remember``)."""
    calc = REGISTRY[name]
    raw = json.loads(inputs_json)
    if not isinstance(raw, dict):
        raise TypeError("the inputs must be a JSON object")
    values, errors = check_inputs(calc.FIELDS, raw)
    if not errors:
        try:
            result = calc.compute(raw)
        except InputError as error:  # rules that span several fields
            errors = [error]
        else:
            query = {f.name: f.to_text(values[f.name]) for f in calc.FIELDS}
            announce = str(result.get("summary", "Result updated."))
            address = reader_state.to_address(name, query)
            return json.dumps(
                {
                    "ok": True,
                    "html": render_result(calc, result),
                    "query": query,
                    "announce": announce,
                    "status_html": reader_state.status_html(announce),
                    "address": address,
                    "address_drop": list(query),
                    "written": address,
                    "remember": reader_state.to_profile(query),
                }
            )
    typed = reader_state.to_address(name, reader_state.as_typed(calc.FIELDS, raw))
    every_key = reader_state.to_address(name, {f.name: "" for f in calc.FIELDS})
    return json.dumps(
        {
            "ok": False,
            "errors": _errors(errors),
            "status": reader_state.fix_status(calc.FIELDS, errors),
            "address": typed,
            # A field left out as typed (unreadable, or far too long) leaves
            # the address too, so the address is exactly what was written.
            "address_drop": [f.name for f in calc.FIELDS] + [key for key in every_key if key not in typed],
            "written": {**typed, reader_state.TYPED_MARK: "true"},
        }
    )


def restore(name: str, saved_json: str) -> str:
    """Choose starting values from the page address, remembered answers and
    the reader's date.

    ``saved_json`` holds ``address`` and ``search`` (the page address's
    fragment and query string), ``page`` (the names of every calculator on
    the page), ``stored`` (the raw text from this browser's storage, or null),
    ``today`` (the device's date, YYYY-MM-DD), ``visited`` (the fragment this
    page's calculators last asked for in this visit, if any) and ``written``
    (what each reply of this calculator said it wrote, its ``written``: the
    address's parameters, marked when a field was in error; an address
    holding exactly one of them is the reader's own, come back to by reload,
    Back or Forward, rather than a link) and ``typed`` (what the reader typed
    into the form before these values came back, by field name: it wins over
    everything, and a note says so).  An already parsed
    ``linked`` mapping is read as address parameters too.  Anything
    unreadable or invalid is dropped with a note, so a stale bookmark or
    corrupt storage can never break the page; see ``reader_state`` for who
    wins when the address and remembered answers disagree.
    """
    calc = REGISTRY[name]
    saved = json.loads(saved_json)
    page = saved.get("page") or [name]
    params = {
        **reader_state.address_params(saved.get("address") or "", saved.get("search") or ""),
        **(saved.get("linked") or {}),
    }
    linked = reader_state.linked_inputs(name, params, page)
    # What this calculator last answered on this page in this visit: an
    # address that has lost its inputs (a jump to a heading re-inserts the
    # page) or that a late answer never reached (the reader left mid-edit,
    # then came Back) must not start the form from defaults.
    visited = reader_state.linked_inputs(name, reader_state.address_params(saved.get("visited") or ""), page)
    # The address is the reader's own when it holds exactly what this
    # calculator itself wrote (Back, Forward, reload), not a link.
    matches = [
        bool(written.get(reader_state.TYPED_MARK))
        for written in saved.get("written") or []
        if isinstance(written, dict)
        and reader_state.linked_inputs(name, {str(k): str(v) for k, v in written.items() if k != reader_state.TYPED_MARK}, page)
        == linked
    ]
    own_address = bool(linked) and bool(matches)
    use_visited = bool(visited) and (not linked or own_address)
    reply = reader_state.starting_values(
        calc.FIELDS,
        linked=visited if use_visited else linked,
        stored=saved.get("stored"),
        device_date=saved.get("today"),
        origin="visit" if use_visited else "own" if own_address else "link",
        typed_address=any(matches),
        typed_first=saved.get("typed") or {},
    )
    return json.dumps(reply)
