"""The shared renderer: a calculator's form, its result and its method as HTML.

The build (through the macros) and the browser (through ``calculators.browser``)
both call these functions, so what a reader sees before any script runs and
after every live recalculation comes from the same code.  JavaScript only
swaps the returned markup in.
"""

from __future__ import annotations

from collections.abc import Mapping

from .fields import BoolField, ChoiceField, ClosedChoices, DateField, Field, IntField, TextField, option_text
from .html import Markup, capitalised, el, join, shift_headings
from .registry import Calculator, Result

LOADING_STATUS = "Loading the calculator engine. Until it is ready, the result shown is for the default inputs."
# Said once an engine that had failed runs again: "Showing the result for the
# default inputs" alone sounded like the failure (announce audit s34, 6).
RUNNING_AGAIN_STATUS = (
    "Live recalculation is on again. The result still shows the default inputs; change any value and it updates."
)
# After an edit while the engine loads: where the reader looks (the note
# above the result, and the headline a phone keeps in view under the form),
# the default inputs' answer must not pass for theirs.
LOADING_EDITED_HEADLINE = "Not updated yet: the calculator engine is still loading, and the result is for the default inputs."
LOADING_STALE_WHY = ": the calculator engine is still loading, and answers your changes once it is ready"
# The same places, when a running engine has not answered an edit within a
# moment or two (its worker may have ended): the result beside the form is
# for earlier inputs, the default ones or the reader's (jsread audit s44, 2).
SLOW_REPLY_HEADLINE = "Not updated yet: the answer to your last change has not come back, so this result is for earlier inputs."
SLOW_REPLY_STALE_WHY = ": the answer to your last change has not come back yet"
# When a request could not be answered: the last good result stays, and which
# of these is true only the page knows (whether a valid answer has replaced
# the result the page was built with).
# What to do is said too: the advice beside the form is not read aloud
# (announce audit s34, 8).
UNEXPECTED_STATUS = (
    "This calculator could not update. The result shown is still for your last inputs that worked; try changing a value."
)
UNEXPECTED_STATUS_OVER_DEFAULTS = (
    "This calculator could not update. The result shown is for the default inputs; try changing a value."
)
# A running engine that went silent a second time, after the fresh one
# started for the first: another edit would wait as long again (announce
# audit s34, 5).
UNANSWERED_STATUS = "This calculator has stopped answering: reload the page to start it again."

# How a reader serves a downloaded copy when their browser will not start the
# calculators from a folder.  Bound to loopback: Python's default, every
# address, shows the folder to the whole network and prints
# http://0.0.0.0:8000/, which browsers do not count as a secure context (no
# service worker, and before README audit s20, 1, no calculator either).
SERVE_FOLDER = "python3 -m http.server -b 127.0.0.1 -d <folder>"

DISCLAIMER_LEAD = "General guidance, not a guarantee: programs weigh things no calculator sees."
DISCLAIMER = f"{DISCLAIMER_LEAD} Use this to plan, and check the latest data and each program's own requirements."


# Material's search index leaves out elements marked so.  The form's option
# lists and the default inputs' answer would otherwise match most queries, and
# they were 40% of the index that every page downloads (0.52 MB).  The
# summary and the method (formula, rules, sources) stay searchable.  Material
# ends an exclusion at the first closing tag of the same name, so only
# elements that hold no element of their own kind are marked.
NOT_SEARCHED: dict[str, object] = {"data_search_exclude": True}


def field_id(calc: Calculator[Result], field: Field, suffix: str = "") -> str:
    return f"mpb-{calc.NAME}-{field.name}{'-' + suffix if suffix else ''}"


def closed_choices(calc: Calculator[Result], values: Mapping[str, object]) -> dict[str, list[str]]:
    """The options ``calc`` offers disabled with these values, sorted by field (JSON for the page)."""
    rule: ClosedChoices | None = getattr(calc, "CLOSED_CHOICES", None)
    return {} if rule is None else {name: sorted(slugs) for name, slugs in rule(values).items()}


def _control(calc: Calculator[Result], field: Field, value: object, closed: frozenset[str] = frozenset()) -> Markup:
    # The error first: after a long help text, a screen reader reached what
    # was wrong only at the end (announce audit s34, 7).  Empty and hidden
    # while the field is valid, it then adds nothing.
    described = f"{field_id(calc, field, 'error')} {field_id(calc, field, 'help')}"
    common: dict[str, object] = {
        "id": field_id(calc, field),
        "name": field.name,
        "aria_describedby": described,
        # The page decides what the form shows (restore in calculators.js):
        # a browser that put back a box's, a choice's or a pasted list's
        # state on Back brought back answers the reader had just told this
        # device to forget, and saved them again (audit s19, state 4).
        "autocomplete": "off",
    }
    if isinstance(field, BoolField):
        return el("input", type="checkbox", value="true", checked=bool(value), **common)
    if isinstance(field, ChoiceField):
        options = [el("option", "(none)", value="", selected=value in (None, ""))] if field.optional else []
        options += [
            el("option", option_text(label), value=slug, selected=slug == value, disabled=slug in closed)
            for slug, label in field.choices
        ]
        return el("select", options, **common)
    if isinstance(field, TextField):
        return el("textarea", field.to_text(value), rows=field.rows, spellcheck="false", **common)
    if isinstance(field, DateField):
        # The bounds let the date picker offer only the days Python accepts.
        return el(
            "input",
            type="date",
            value=field.to_text(value),
            min=field.earliest.isoformat(),
            max=field.latest.isoformat(),
            **common,
        )
    if isinstance(field, IntField):
        # Text, not type=number: a number input hides what was typed when it
        # is not a number, and Python must see it to say what is wrong.
        return el("input", type="text", inputmode="numeric", value=field.to_text(value), size=6, **common)
    return el("input", type="text", value=field.to_text(value), **common)


# A choice longer than this takes a whole row of the form: in a column of a
# two-column form at a tablet's width, "Physical Medicine and Rehabilitation
# (PM&R)" showed as "... Rehabilitation (PM" (tablet audit s32, 5).
LONG_CHOICE = 30


def _has_long_choice(field: Field) -> bool:
    return isinstance(field, ChoiceField) and any(len(option_text(label)) > LONG_CHOICE for _, label in field.choices)


def render_field(calc: Calculator[Result], field: Field, value: object, closed: frozenset[str] = frozenset()) -> Markup:
    label = el("label", field.label, for_=field_id(calc, field))
    control = _control(calc, field, value, closed)
    # Between backticks: typed exactly as shown, so not translated either.
    help_text: list[Markup | str] = [
        el("code", part, translate="no") if index % 2 else part for index, part in enumerate(field.help.split("`")) if part
    ]
    # The limits up front, in the field's description: a reader should not
    # have to type a wrong value, or paste a whole packet, to learn them (a
    # screen reader hears this with the label; the error message words them
    # the same way).  A text box's help says itself when it may be left empty.
    if isinstance(field, IntField):
        help_text.append(f" {'Optional: ' + field.allowed() if field.optional else capitalised(field.allowed())}.")
    elif isinstance(field, TextField) and field.rows > 1:
        help_text.append(f" {capitalised(field.allowed())}.")
    parts = [control, label] if isinstance(field, BoolField) else [label, control]
    return el(
        "div",
        *parts,
        # The error straight under the control, above the help: below a
        # long help text, a phone's keyboard hid the reason a box was red
        # while the reader edited it (phone audit s40, 3).
        el("p", id=field_id(calc, field, "error"), class_="mpb-error", hidden=True),
        el("p", *help_text, id=field_id(calc, field, "help"), class_="mpb-help"),
        class_=f"mpb-field mpb-field--{field.kind}"
        + (" mpb-field--wide" if _has_long_choice(field) else "")
        + (" mpb-screen-only" if field.screen_only else ""),
        data_field=field.name,
    )


# Where a reader tries to type: the reason the form is off sits under it, a
# phone's screen or more away from its first field (restricted-browser audit
# s29, 4).  Shown by calculators.css once the widget's engine has failed, and
# by a page whose stylesheet and scripts never came, where nothing shows below
# the form: so it says what to do then too (recovery audit s33, 5).
FORM_OFF = (
    "Live recalculation is off in this browser, so this form changes nothing: the result is for the default "
    "inputs. The reason is given below the form; if nothing is there, the page did not load completely: reload "
    "it while online, or, in a downloaded copy, unzip the whole download again."
)
FORM_OFF_NO_SCRIPT = "Live recalculation needs JavaScript, which is off in this browser, so this form changes nothing: the result is for the default inputs."


def render_form(calc: Calculator[Result], values: Mapping[str, object] | None = None) -> Markup:
    shown = {f.name: (values or {}).get(f.name, f.default) for f in calc.FIELDS}
    closed = closed_choices(calc, shown)
    fields = [render_field(calc, f, shown[f.name], frozenset(closed.get(f.name, ()))) for f in calc.FIELDS]
    return el(
        "form",
        el("p", FORM_OFF, class_="mpb-form-off"),
        el("noscript", el("p", FORM_OFF_NO_SCRIPT, class_="mpb-form-off-no-script")),
        el("fieldset", el("legend", "Your inputs", id=f"mpb-{calc.NAME}-inputs"), fields),
        class_="mpb-form",
        novalidate=True,
        # Named by words on the page, not an aria-label: a browser's page
        # translation translates the one and leaves the other in English.
        aria_labelledby=f"mpb-{calc.NAME}-title mpb-{calc.NAME}-inputs",
        **NOT_SEARCHED,
    )


# A calculator's title is an h2 unless the page embeds it deeper (a guide
# section under ``###``); its Result heading and the headings inside follow.
TITLE_LEVEL = 2
TITLE_LEVELS = range(TITLE_LEVEL, 5)  # its own headings go three levels down, and h6 is the last


def heading_level(level: object) -> int:
    """The title's heading level, checked: the page's script hands it back
    from the widget for every live result, which must match the build's."""
    if not isinstance(level, int) or isinstance(level, bool) or level not in TITLE_LEVELS:
        raise ValueError(f"a calculator's title level must be one of {list(TITLE_LEVELS)}, not {level!r}")
    return level


def render_result(calc: Calculator[Result], result: Result, level: int = TITLE_LEVEL) -> Markup:
    # The one-sentence summary, never shown here: a phone keeps it on screen
    # under the form while the reader edits (calculators.js, mirrorHeadline),
    # where a headline of several sentences, cut to fit, lost its number.
    # A result whose summary puts its caution past three lines gives a
    # shorter ``gist`` for it.
    shown = result.get("gist") or result.get("summary")
    gist = el("p", str(shown), class_="mpb-gist", hidden=True) if shown else ""
    body = shift_headings(calc.render(result), heading_level(level) - TITLE_LEVEL)
    # Paper gets the caution above the answer too: the closing line came on
    # sheet 3 to 6, past the sheets a reader prints to save paper (print
    # audit s34, 2).  On screen it stays beside the answer's end.
    caution = el("p", DISCLAIMER_LEAD, class_="mpb-paper-note mpb-paper-caution")
    return join(gist, caution, body, el("p", DISCLAIMER, class_="mpb-disclaimer"))


def render_method(calc: Calculator[Result], level: int = TITLE_LEVEL, searched: bool = True) -> Markup:
    return el(
        "details",
        el("summary", "How this calculator works: formula, rules and sources"),
        shift_headings(calc.method(), heading_level(level) - TITLE_LEVEL),
        class_="mpb-method",
        **({} if searched else NOT_SEARCHED),
    )


def render_calculator(calc: Calculator[Result], level: int = TITLE_LEVEL, method_searched: bool = True) -> Markup:
    """The whole widget with the default result already in it, its title a
    heading at ``level``.  ``method_searched`` is false where a guide embeds
    it: indexed on five guides as well as its own page, its formula came up as
    a guide's best match for a specialty's name (search audit s26, 6)."""
    level = heading_level(level)
    defaults = {f.name: f.default for f in calc.FIELDS}
    result = calc.compute(defaults)
    name = calc.NAME
    return el(
        "section",
        el(f"h{level}", calc.TITLE, id=f"mpb-{name}-title", class_="mpb-title"),
        el("p", calc.SUMMARY, class_="mpb-summary"),
        render_form(calc, defaults),
        # The result's summary, copied in by the page script and kept on
        # screen under the form on small screens (see calculators.css).
        # Screen readers hear the status line and the real headline instead.
        el("div", class_="mpb-live-headline", aria_hidden="true", hidden=True),
        el(
            "div",
            el("p", "Showing the result for the default inputs.", class_="mpb-status-text", id=f"mpb-{name}-status-text"),
            # Named by the status line, which says what is loading in words
            # a browser's translation reaches.
            el("progress", class_="mpb-progress", hidden=True, aria_labelledby=f"mpb-{name}-status-text"),
            class_="mpb-status",
            role="status",
            aria_live="polite",
            **NOT_SEARCHED,
            # Written now; the page script says whichever applies, at moments
            # only it knows (the engine loading, a running engine that failed
            # to answer).
            data_loading=LOADING_STATUS,
            data_running_again=RUNNING_AGAIN_STATUS,
            data_loading_edited=LOADING_EDITED_HEADLINE,
            data_slow_reply=SLOW_REPLY_HEADLINE,
            data_failed=UNEXPECTED_STATUS,
            data_failed_over_defaults=UNEXPECTED_STATUS_OVER_DEFAULTS,
            data_unanswered=UNANSWERED_STATUS,
        ),
        render_engine_off(calc),
        render_without_javascript(calc),
        el("div", class_="mpb-notes", role="note", hidden=True),
        # Filled by the page script when a link disagrees with remembered
        # answers; present and empty from the start so the offer is announced.
        # The page switches it off for the confirmation it then focuses, which
        # focus alone reads out.
        el("div", class_="mpb-offer", aria_live="polite"),
        # Not a live region: the status line announces a one-sentence summary
        # instead of reading the whole table out on every keystroke.
        # The id on its words, not on the heading: Material's search starts a
        # section at every heading with an id, and the method's would move
        # out of the calculator's own section.
        el(f"h{level + 1}", el("span", "Result", id=f"mpb-{name}-result-title"), class_="mpb-result-title", **NOT_SEARCHED),
        # Shown by the page while the inputs cannot be answered: the status line
        # above says so once, but a reader who reaches the result later, by
        # scrolling or by its heading, would take it for their latest inputs'.
        # Printed too when the answer to an edit is still on its way; on paper
        # the pointer goes unless a field's error prints above (calculators.css).
        el(
            "p",
            "Not updated to the form as it is now",
            el("span", ": see the messages above", class_="mpb-stale-why"),
            ".",
            class_="mpb-stale-note",
            hidden=True,
            data_loading=LOADING_STALE_WHY,
            data_slow_reply=SLOW_REPLY_STALE_WHY,
            **NOT_SEARCHED,
        ),
        # A section, not a div: results nest divs (see NOT_SEARCHED).
        el(
            "section",
            render_result(calc, result, level),
            class_="mpb-result",
            aria_labelledby=f"mpb-{name}-title mpb-{name}-result-title",
            **NOT_SEARCHED,
        ),
        render_profile_controls(calc),
        render_method(calc, level, method_searched),
        class_="mpb-calculator",
        data_calculator=name,
        # Handed back with every live recalculation, so its result's headings
        # sit at the same levels as the build's.
        data_heading_level=level,
        aria_labelledby=f"mpb-{name}-title",
    )


def in_a_terminal(calc: Calculator[Result]) -> tuple[Markup, str]:
    """The way to a result that needs no browser, ending each way the page
    says the live calculator cannot run."""
    return el("code", f"python -m calculators {calc.NAME} --help"), " (from a copy of the project's source)."


def render_without_javascript(calc: Calculator[Result]) -> Markup:
    """What the page says where scripts are off: the form still takes typing
    but nothing answers it, and a reader could take the default result beside
    their own inputs for theirs."""
    return el(
        "noscript",
        el(
            "p",
            "Live recalculation needs JavaScript, which is off in this browser: the result shown is for the default "
            "inputs, and changing the form does not change it. Turn JavaScript on for this site, or run this "
            "calculator in a terminal: ",
            *in_a_terminal(calc),
            class_="mpb-engine-off",
        ),
        **NOT_SEARCHED,
    )


def render_engine_off(calc: Calculator[Result]) -> Markup:
    """What the page says when the calculator engine cannot start here.

    Written now, while Python runs, because it cannot run in a browser whose
    engine failed; the page's script only un-hides it."""
    return el(
        "div",
        el(
            "p",
            "Live recalculation is off: the calculator engine could not start in this browser, "
            # The words that are read aloud, or focused, are this paragraph's
            # alone: they pointed nowhere (announce audit s34, 4).
            "so the result shown is for the default inputs. What you can do is listed below.",
            class_="mpb-engine-off-why",
        ),
        # Shown instead when the browser says it is offline: the usual cause is
        # that no calculator has run here with a connection yet, so the engine
        # was never saved, and reloading does not help.
        el(
            "p",
            "Live recalculation is off: you are offline, and this browser has not saved the calculator engine yet, "
            "so the result shown is for the default inputs. The engine is saved once a calculator has run with a "
            "connection, or when you press “Save for offline use” on the home page. Once you reconnect, this page "
            "tries again by itself.",
            class_="mpb-engine-off-offline",
            hidden=True,
        ),
        # Shown when the engine's files did not arrive although the browser
        # thinks it is online: a network that reaches nothing (a captive
        # portal, Wi-Fi without internet) is no fault of the browser.
        el(
            "p",
            "Live recalculation is off: this page could not reach the site to download the calculator engine, so the "
            "result shown is for the default inputs. Check your connection, then press ",
            # Not "reload": a reload starts the download again from nothing,
            # where this goes on from the last byte that arrived.  Inside the
            # sentence, so the words read aloud say what to press.
            el("button", "Try again", type="button", class_="mpb-engine-retry md-button"),
            "; what you typed stays in the form.",
            class_="mpb-engine-off-unreachable",
            hidden=True,
        ),
        # Shown when the site no longer has the engine files a kept page asks
        # for: the browser kept this page from before the site's last update.
        el(
            "p",
            "Live recalculation is off: the site has been updated since this browser kept this page, and the page "
            "asked for calculator files the site no longer has, so the result shown is for the default inputs. "
            "Reload the page to get the new version; what you typed comes back.",
            class_="mpb-engine-off-updated",
            hidden=True,
        ),
        # Shown when this page, the script driving it and the engine's worker
        # are not all of one build: the site was deployed while the tab was
        # open, and instant navigation brought a page of the new build, or a
        # cache paired one deploy's script with the other's worker.  A reload
        # loads them anew.
        el(
            "p",
            "Live recalculation is off on this page: the site was updated while this tab was open, and this page "
            "and the calculator engine in the tab are from different versions of it, so the result shown is this "
            "page's own, for the default inputs. ",
            el("button", "Reload the page", type="button", class_="mpb-engine-reload md-button"),
            # The form here shows the defaults: said, or a reader takes their
            # answers for lost (recovery audit s33, 4).
            " to use the new version; what you typed comes back. If this note comes back, the browser is still "
            "holding the earlier version: reload again in a few minutes.",
            class_="mpb-engine-off-newer",
            hidden=True,
        ),
        # Shown when a downloaded copy opened from its folder cannot read a
        # file of its engine (unzipped in part, or a file held back by an
        # antivirus): it was told to reload with a connection, which a
        # folder on disk cannot do (recovery audit s33, 6).
        el(
            "p",
            "Live recalculation is off: this downloaded copy is missing part of the calculator engine (a file in "
            "its assets folder could not be read), so the result shown is for the default inputs. Unzip the whole "
            "download again into an empty folder and open it from there; if an antivirus or security program "
            "blocked a file, allow that file.",
            class_="mpb-engine-off-incomplete",
            hidden=True,
        ),
        # Shown when the browser lacks what the engine needs, in place of the
        # remedies below: a reload, a connection or the downloaded copy would
        # all end the same way in it.
        el(
            "p",
            "Live recalculation is off: this browser cannot run the calculator engine, so the result shown is for "
            "the default inputs, and reloading does not change that. The engine needs Safari 16.4 or later, "
            "Firefox 114 or later, or Chrome or Edge 96 or later, with WebAssembly on (an iPhone's Lockdown Mode "
            "turns it off unless this site is excluded, and a work or school computer's security settings may "
            "turn it off too). On an iPhone or iPad every browser, Chrome included, "
            "runs on Safari's engine, so there it needs iOS or iPadOS 16.4 or later. To get results for your own "
            "inputs, open this page in such a browser, or run this calculator in a terminal: ",
            *in_a_terminal(calc),
            class_="mpb-engine-off-old-browser",
            hidden=True,
        ),
        el(
            "div",
            el("p", "To get results for your own inputs:"),
            el(
                "ul",
                el(
                    "li",
                    "reload the page with a connection, or open the site from its web address; once a calculator has "
                    "run with a connection, this browser keeps the engine for offline use;",
                ),
                el(
                    "li",
                    "or, with a downloaded copy of the site, serve its folder with ",
                    el("code", SERVE_FOLDER),
                    " and open the address it prints;",
                ),
                el(
                    "li",
                    "or run this calculator in a terminal: ",
                    *in_a_terminal(calc),
                ),
            ),
            class_="mpb-engine-off-remedies",
        ),
        class_="mpb-engine-off",
        role="note",
        hidden=True,
        **NOT_SEARCHED,
    )


def render_profile_controls(calc: Calculator[Result]) -> Markup:
    # The same words on every calculator, so kept out of the search, element
    # by element: the block holds the link panel's div (see NOT_SEARCHED).
    box_id = f"mpb-{calc.NAME}-remember"
    link_id = f"mpb-{calc.NAME}-link"
    return el(
        "div",
        el("input", type="checkbox", id=box_id, class_="mpb-remember", autocomplete="off", aria_describedby=f"{box_id}-help"),
        el("label", "Remember my answers on this device", for_=box_id, **NOT_SEARCHED),
        el("button", "Forget my answers", type="button", class_="mpb-forget md-button", **NOT_SEARCHED),
        el(
            "button",
            "Link to these answers",
            type="button",
            class_="mpb-make-link md-button",
            aria_expanded="false",
            aria_controls=link_id,
            **NOT_SEARCHED,
        ),
        el(
            "p",
            "Off unless you tick it. The answers you change are then kept in this browser's storage "
            "and fill in the other calculators (one left as the form set it is not kept); they are never sent anywhere. "
            "Without it, this tab alone keeps them, for a reload or Back; "
            "on a shared computer, press Forget my answers and close the tab before you leave. "
            "The page address holds them only if you make a link. "
            "A link never replaces your remembered answers unless you choose to. "
            # One profile per browser: a couple on one laptop overwrote each
            # other's answers (couplesvisa audit s46, 8).
            "This browser remembers one set of answers, so two people sharing it should each keep theirs with "
            "Link to these answers.",
            id=f"{box_id}-help",
            class_="mpb-help",
            **NOT_SEARCHED,
        ),
        # Shown by the page when the browser refuses the tab its storage (all
        # site data blocked, as on many work computers): the line above
        # promised a reload keeps the answers, and it lost them without a
        # word (recovery audit s33, 3).
        el(
            "p",
            "This browser does not let the page keep your answers, so a reload or closing the tab loses them.",
            class_="mpb-help mpb-tab-copy-refused",
            hidden=True,
            **NOT_SEARCHED,
        ),
        # What became of the reader's answers ("removed from this device"),
        # said here, beside the controls, and announced.
        el("p", class_="mpb-profile-status", role="status"),
        render_link_panel(calc, link_id),
        class_="mpb-profile",
        hidden=True,
        # What became of the answers, for the page script to say: only the
        # page knows when storage refuses, or another tab changes it.
        data_storage_refused="This browser does not allow saving answers, so nothing was remembered.",
        data_forgotten="Your remembered answers were removed from this device.",
        # The forms still show them, and the reader leaving a shared computer
        # must know to close the tab (shared-computer audit s35, 3).
        data_forgotten_with_tab=(
            "Your answers were removed from this device: the remembered ones, and those kept by this site's open "
            "tabs. The forms still show them, so close this site's tabs before you leave."
        ),
        # A change after Forget keeps the form in the tab again; the words
        # above would then be untrue (a11y-phone audit s36, 2).
        data_kept_again=(
            "You changed an answer after removing them, so this tab keeps your answers again. Forget removes them once more."
        ),
        # Not "in another tab" alone: the Forget may have been pressed on
        # another page of this tab, which Back then brought back from the
        # browser's memory (jsread audit s44, 4); nor "another page" alone,
        # as it is more often this page in another tab (jsreview audit s44, 6).
        data_forgotten_elsewhere=(
            "Your remembered answers were removed elsewhere on this site (in another tab or on another page), so this "
            "page no longer remembers them either."
        ),
        data_ticked_elsewhere="Remember was ticked in another tab, so your changes here are remembered from now on too.",
    )


def render_link_panel(calc: Calculator[Result], link_id: str) -> Markup:
    """Where "Link to these answers" puts its link: in a field to copy, never
    into the page address, which the browser's history and its sync keep."""
    text_id = f"{link_id}-text"
    return el(
        "div",
        el("label", "Your link", for_=text_id, **NOT_SEARCHED),
        el("input", type="text", id=text_id, class_="mpb-link-text", readonly=True, aria_describedby=f"{link_id}-help"),
        el("button", "Copy link", type="button", class_="mpb-copy-link md-button", **NOT_SEARCHED),
        el(
            "p",
            "It opens this page with these answers filled in, and follows your changes while this box is open. "
            "The answers are in the link after its #, the part of an address that browsers never send to a server. "
            "Anyone you give it to sees them, and any browser that opens it keeps it in its history.",
            id=f"{link_id}-help",
            class_="mpb-help",
            **NOT_SEARCHED,
        ),
        el("p", class_="mpb-link-status", role="status"),
        id=link_id,
        class_="mpb-link",
        hidden=True,
        # Written now, while Python runs; the page script shows whichever applies.
        data_not_ready="The link can be made once the calculator engine has started.",
        data_stale="While a field is in error, the link holds your last valid answers.",
        data_no_web_address=(
            "This copy was opened from a folder and does not know the site's web address, so it cannot make a link "
            "that others could open."
        ),
        data_copied="Copied.",
        data_copy_refused="This browser did not let the page copy it. The link is selected: press Ctrl+C (⌘C on a Mac), or on a phone touch and hold it, then choose Copy.",
    )
