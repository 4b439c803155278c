"""The bridge the browser's worker calls: JSON text in, JSON text out.

Everything the page shows is decided here, in Python: validation messages,
the rendered result and which remembered or bookmarked values to accept.  The
JavaScript side only moves these strings between the form and the worker.
"""

from __future__ import annotations

import json

from . import REGISTRY
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
            return json.dumps({"ok": True, "html": render_result(calc, result), "query": query, "announce": announce})
    return json.dumps({"ok": False, "errors": _errors(errors)})


def restore(name: str, saved_json: str) -> str:
    """Choose starting values from the page address and remembered answers.

    ``saved_json`` holds ``linked`` (the page address's parameters) and
    ``stored`` (the raw text from this browser's storage, or null).  Values
    from the address win.  Anything unreadable or invalid is dropped with a
    note, so a stale bookmark or corrupt storage can never break the page.
    """
    calc = REGISTRY[name]
    saved = json.loads(saved_json)
    notes: list[str] = []
    stored: object = {}
    if saved.get("stored"):
        try:
            stored = json.loads(saved["stored"]).get("values", {})
        except (ValueError, AttributeError):
            stored = None
        if not isinstance(stored, dict):
            notes.append("Your remembered answers could not be read, so they were ignored.")
            stored = {}
    candidates = {**stored, **saved.get("linked", {})}
    accepted: dict[str, str] = {}
    for field in calc.FIELDS:
        if field.name not in candidates:
            continue
        try:
            accepted[field.name] = field.to_text(field.parse(candidates[field.name]))
        except InputError as error:
            notes.append(f"Ignored a remembered or linked value. {error.message}")
    return json.dumps({"values": accepted, "notes": notes})
