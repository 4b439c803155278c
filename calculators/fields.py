"""Input fields: the one description of a calculator's inputs.

A calculator's ``FIELDS`` tuple drives three things, so they can never drift
apart: the HTML form (``calculators.render``), validation (``parse_inputs``)
and the command line (``calculators.__main__``).

Raw values arrive in three shapes: Python objects from tests, strings from a
terminal, and strings or booleans from the browser's form.  Every field accepts
all three and turns them into one clean Python value, or raises ``InputError``
naming the field and saying what is allowed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from .html import long_date

EMPTY_VALUES = (None, "")
TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})
# \d is any Unicode decimal digit: Arabic-Indic, Persian, Devanagari and
# full-width digits are what many readers' keyboards and phones type.  Digits
# may be grouped in threes, as the limits in the messages are written
# ("1,000,000"): by commas, by spaces (plain, no-break or narrow, as French
# and other locales write them) or by the Arabic thousands separator, one kind
# throughout.  A dot is never read as a separator: "1.000" is one in English.
THOUSANDS_SEPARATORS = ", \u00a0\u202f\u066c"
WHOLE_NUMBER = re.compile(rf"[+-]?(?:\d+|\d{{1,3}}(?P<sep>[{THOUSANDS_SEPARATORS}])\d{{3}}(?:(?P=sep)\d{{3}})*)")
# Python refuses to turn more than 4,300 digits into an int (ValueError, a
# guard against slow conversions).  Every bound the calculators set is far
# below 10**15, so longer numbers are never converted: they are read as
# +-10**15, which is beyond every bound and so fails the caller's range check.
MAX_WHOLE_NUMBER_DIGITS = 15
BEYOND_ANY_BOUND: int = 10**MAX_WHOLE_NUMBER_DIGITS


def parse_whole_number(text: str) -> int | None:
    """The whole number written in ``text`` (digits of any script, optional
    sign, optional thousands separators), or None.

    The one reader of typed whole numbers, so no input can reach ``int()``
    with more digits than Python converts.  Numbers too long to matter come
    back as ``BEYOND_ANY_BOUND`` with their sign, for the caller to reject in
    its own words.
    """
    text = text.strip()
    if not WHOLE_NUMBER.fullmatch(text):
        return None
    sign = -1 if text.startswith("-") else 1
    # Written as 0-9 first, so "٠٠١" loses its leading zeros as "001" does.
    digits = "".join(str(unicodedata.decimal(c)) for c in text.lstrip("+-") if c not in THOUSANDS_SEPARATORS)
    digits = digits.lstrip("0") or "0"
    if len(digits) > MAX_WHOLE_NUMBER_DIGITS:
        return sign * BEYOND_ANY_BOUND
    return sign * int(digits)


class InputError(ValueError):
    """One input is not allowed; ``field`` names it, the message says why.

    ``on_form`` is the message as the page shows it, where the page's control
    calls for other words (a date picker takes no typed text); ``rule`` is the
    page's phrase completing "<label> must be …" when the message says no more
    than that, and ``may_be_empty`` whether "or left empty" follows it, so a
    status line can say a rule that several fields break once."""

    def __init__(
        self, field: str, message: str, *, on_form: str | None = None, rule: str | None = None, may_be_empty: bool = False
    ) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.on_form = on_form or message
        self.rule = rule
        self.may_be_empty = may_be_empty

    @property
    def errors(self) -> list[InputError]:
        """Every error this one stands for, so callers need not tell one from several."""
        return [self]


class InputErrors(InputError):
    """Several inputs are not allowed at once.  ``field`` and ``message`` are
    the first one's, for a caller that shows only one; ``errors`` holds each."""

    def __init__(self, errors: Sequence[InputError]) -> None:
        # A form shows one message per field, so two for the same field are joined.
        # A field's one error is kept whole: its page words and rule go with it.
        by_field: dict[str, list[InputError]] = {}
        for each in (each for error in errors for each in error.errors):
            by_field.setdefault(each.field, []).append(each)
        flat = [
            group[0]
            if len(group) == 1
            else InputError(field, " ".join(e.message for e in group), on_form=" ".join(e.on_form for e in group))
            for field, group in by_field.items()
        ]
        super().__init__(flat[0].field, flat[0].message)
        self._errors = flat

    @property
    def errors(self) -> list[InputError]:
        return list(self._errors)


def raise_all(errors: Sequence[InputError]) -> None:
    """Raise every error found, together (one alone as itself), or nothing."""
    if len(errors) == 1 and len(errors[0].errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)


@dataclass(frozen=True, kw_only=True)
class Field:
    """What every input has: a key, a label for people, a default and help."""

    name: str
    label: str
    # What the reader must type exactly (a header line, a keyword, a syntax)
    # goes between backticks: the page shows it as code, which a browser's
    # translation leaves alone (help_words, the words alone, is what the
    # tests look for on a page).
    help: str = ""
    optional: bool = False
    # Changes only what the screen offers (a download), so paper leaves it
    # out: printed, it read as an input to the result.
    screen_only: bool = False

    kind = "text"

    @property
    def help_words(self) -> str:
        return self.help.replace("`", "")

    @property
    def default(self) -> object:
        raise NotImplementedError

    def allowed(self) -> str:
        """The phrase that completes "<label> must be …"."""
        raise NotImplementedError

    def allowed_on_form(self) -> str:
        """``allowed`` as the page says it, beside the field's own control."""
        return self.allowed()

    def parse(self, raw: object) -> object:
        if raw in EMPTY_VALUES or (isinstance(raw, str) and not raw.strip()):
            if self.optional:
                return None
            raise self.missing()
        return self.parse_present(raw)

    def parse_present(self, raw: object) -> object:
        raise NotImplementedError

    def missing(self) -> InputError:
        """The error for a required input left empty."""
        return self.error()

    def error(self) -> InputError:
        suffix = ", or left empty" if self.optional else ""
        rule = self.allowed_on_form()
        return InputError(
            self.name,
            f"{self.label} must be {self.allowed()}{suffix}.",
            on_form=f"{self.label} must be {rule}{suffix}.",
            rule=rule,
            may_be_empty=self.optional,
        )

    def to_text(self, value: object) -> str:
        """The value as a form or URL would carry it; inverse of ``parse``."""
        return "" if value is None else str(value)


@dataclass(frozen=True, kw_only=True)
class IntField(Field):
    """A whole number within bounds."""

    minimum: int = 0
    maximum: int | None = None
    initial: int | None = 0
    unit: str = ""
    # Said after the range when a number is too large to be what the field
    # asks, and likely to be something else a reader holds: only up to
    # ``above_maximum_up_to``, past which the number is no such thing (a
    # million is no COMLEX score), and the hint only hid the typo.
    above_maximum: str = ""
    above_maximum_up_to: int | None = None

    kind = "int"

    @property
    def default(self) -> int | None:
        return self.initial

    def allowed(self) -> str:
        # Separators as in the text limits ("20,000 characters"): 1000000 is hard to read.
        if self.maximum is None:
            return f"a whole number, {self.minimum:,} or more"
        return f"a whole number from {self.minimum:,} to {self.maximum:,}"

    def parse_present(self, raw: object) -> int:
        # bool is an int subclass; True must not pass as 1.
        if isinstance(raw, bool):
            raise self.error()
        if isinstance(raw, int):
            number = raw
        elif isinstance(raw, float) and raw.is_integer():
            number = int(raw)
        elif isinstance(raw, str) and (parsed := parse_whole_number(raw)) is not None:
            number = parsed
        else:
            raise self.error()
        above = self.maximum is not None and number > self.maximum
        if number < self.minimum or above:
            error = self.error()
            hinted = above and self.above_maximum and (self.above_maximum_up_to is None or number <= self.above_maximum_up_to)
            raise InputError(self.name, f"{error.message} {self.above_maximum}") if hinted else error
        if abs(number) >= BEYOND_ANY_BOUND:
            raise InputError(self.name, f"{self.label} is too large a number.")
        return number


@dataclass(frozen=True, kw_only=True)
class BoolField(Field):
    """Yes or no; a form sends it as a checkbox."""

    initial: bool = False

    kind = "bool"

    @property
    def default(self) -> bool:
        return self.initial

    def allowed(self) -> str:
        return "true or false"

    def parse(self, raw: object) -> bool:
        # An unticked checkbox is simply absent, so empty means "no" here.
        if raw in EMPTY_VALUES:
            return False
        return self.parse_present(raw)

    def parse_present(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in TRUE_WORDS:
            return True
        if isinstance(raw, str) and raw.strip().lower() in FALSE_WORDS:
            return False
        raise self.error()

    def to_text(self, value: object) -> str:
        return "true" if value else "false"


def choice_key(text: str) -> str:
    """A choice as it is compared: case folded, hyphens read as spaces, runs of spaces as one."""
    return " ".join(text.replace("-", " ").split()).casefold()


# What a message quotes of a refused value: enough to recognise it.
TYPED_SHOWN = 60


def typed_excerpt(raw: object) -> str:
    """``raw`` as a message quotes it: without control or direction-changing
    characters (a right-to-left override would reverse the rest of the
    message), its runs of spaces as one, and long text cut short."""
    text = "".join(c for c in str(raw) if unicodedata.category(c) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    return text if len(text) <= TYPED_SHOWN else text[: TYPED_SHOWN - 1] + "…"


# The length past which a choice that ends in its short form in brackets is
# offered in its drop-down without them, as "Physical Medicine and
# Rehabilitation": whole, it showed as "... Rehabilitation (PM" on a 360 px
# phone (phone audit s40, 2).  Only in the drop-down: results and messages
# keep the name with its short form, and the words shown are read back as
# the choice (diff review s40, 8).
PHONE_CHOICE = 36
_SHORT_FORM = re.compile(r" \([^a-z()]+\)$")


def option_text(label: str) -> str:
    """A choice's words in its drop-down."""
    return _SHORT_FORM.sub("", label) if len(label) > PHONE_CHOICE else label


@dataclass(frozen=True, kw_only=True)
class ChoiceField(Field):
    """One of a fixed list of slugs, each with a label for people."""

    choices: tuple[tuple[str, str], ...]
    initial: str | None = None

    kind = "choice"

    @property
    def default(self) -> str | None:
        if self.initial is None and not self.optional:
            return self.choices[0][0]
        return self.initial

    def allowed(self) -> str:
        # Names, not slugs: this message reaches readers through the form and
        # bookmarked links.  A label with a comma in it needs a stronger
        # separator for the list to stay readable.
        labels = [label for _, label in self.choices]
        separator = "; " if any("," in label for label in labels) else ", "
        return "one of: " + separator.join(labels)

    def allowed_codes(self) -> str:
        """What a terminal user types: each slug with its name."""
        return "one of: " + ", ".join(f"{value} ({label})" for value, label in self.choices)

    def slug_for(self, text: str) -> str | None:
        """The slug ``text`` names, or None.  A link typed or retyped by hand
        carries "Orthopaedic Surgery" or "ORTHOPAEDIC-SURGERY" as often as the
        slug, and was refused with a message listing that very name (fuzz
        audit s40, 1): any case of a slug or a label is read, with spaces and
        hyphens alike.  A slug wins over a label that reads the same."""
        return self._slug_by_key.get(choice_key(text))

    @cached_property
    def _slug_by_key(self) -> dict[str, str]:
        # Built once per field, not at every parse: every answer passes here.
        # Slugs last, so one wins over a label (or its drop-down words) that
        # reads the same; an exact slug reads as itself.
        keys = {choice_key(shown): slug for slug, label in self.choices for shown in (option_text(label), label)}
        keys.update({choice_key(slug): slug for slug, _ in self.choices})
        return keys

    def parse_present(self, raw: object) -> str:
        if isinstance(raw, str) and (slug := self.slug_for(raw)) is not None:
            return slug
        # What was sent, quoted: the list alone read as though the value sent
        # were on it.
        error = self.error()
        raise InputError(self.name, f"{error.message} “{typed_excerpt(raw)}” is not one of them.")

    def label_of(self, value: str | None) -> str:
        return dict(self.choices).get(value or "", "none")


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    """A calendar date: a date control in the form, YYYY-MM-DD as text."""

    initial: dt.date | None  # None for an optional date that starts empty
    earliest: dt.date = dt.date(2000, 1, 1)
    latest: dt.date = dt.date(2100, 12, 31)

    kind = "date"

    @property
    def default(self) -> dt.date | None:
        return self.initial

    def allowed(self) -> str:
        # The form's date control shows the reader's own format, so the message
        # names the days; the written form is for addresses and the terminal,
        # given by example: a screen reader spelled "Y Y Y Y dash M M" out
        # (keyboard-sr audit s37, 6).
        example = min(max(dt.date(2027, 9, 15), self.earliest), self.latest)
        return f"{self.allowed_on_form()} (typed as text, year first: {example.isoformat()})"

    def allowed_on_form(self) -> str:
        # The page's date picker takes no typed text: told to type "2027-09-15",
        # a reader was asked for what the control refuses (a11y-phone audit s42, 2).
        return f"a real, complete date from {long_date(self.earliest)} to {long_date(self.latest)}"

    def parse_present(self, raw: object) -> dt.date:
        # A datetime is a date too, but cannot be compared with one; its day is what counts.
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        else:
            try:
                value = dt.date.fromisoformat(str(raw).strip())
            except ValueError:
                raise self.error() from None
        if not self.earliest <= value <= self.latest:
            raise self.error()
        return value

    def to_text(self, value: object) -> str:
        return value.isoformat() if isinstance(value, dt.date) else ""


@dataclass(frozen=True, kw_only=True)
class TextField(Field):
    """Free text, such as pasted CSV; bounded so a paste cannot run away."""

    initial: str | None = ""
    max_chars: int = 20_000
    rows: int = 6

    kind = "textarea"

    @property
    def default(self) -> str | None:
        return self.initial

    def allowed(self) -> str:
        return f"text of at most {self.max_chars:,} characters"

    def missing(self) -> InputError:
        # The length limit is no help to someone who left the box empty.
        return InputError(self.name, f"{self.label} is required.")

    def parse_present(self, raw: object) -> str:
        if not isinstance(raw, str):
            raise self.error()
        if len(raw) > self.max_chars:
            # The length says how much to cut, which the limit alone does not;
            # "or left empty" is no fix for a long paste, and where a box may be
            # empty only with another answer (the market, without a seed) it is wrong.
            raise InputError(self.name, f"{self.label} must be {self.allowed()} (yours: {len(raw):,}).")
        return raw


def defaults(fields: tuple[Field, ...]) -> dict[str, object]:
    return {field.name: field.default for field in fields}


def check_inputs(fields: tuple[Field, ...], raw: Mapping[str, object]) -> tuple[dict[str, object], list[InputError]]:
    """Parse every input, collecting all errors so a form can show each one."""
    by_name = {field.name: field for field in fields}
    errors = [
        InputError(key, f"“{key}” is not an input of this calculator; allowed: {', '.join(by_name)}.")
        for key in raw
        if key not in by_name
    ]
    values: dict[str, object] = {}
    for field in fields:
        try:
            values[field.name] = field.parse(raw[field.name]) if field.name in raw else field.default
        except InputError as error:
            errors.append(error)
    return values, errors


class _Unparsed(KeyError):
    """A rule read an input that did not parse."""


class _Parsed(dict[str, object]):
    """The inputs that parsed; reading one that did not stops only that rule."""

    def __missing__(self, key: str) -> object:
        raise _Unparsed(key)


Rule = Callable[[Mapping[str, object]], None]
# The options of choice fields, by field name, that a form offers disabled
# given its other values: the ones a rule would refuse.  A calculator lists
# its own in CLOSED_CHOICES (render.closed_choices).
ClosedChoices = Callable[[Mapping[str, object]], Mapping[str, frozenset[str]]]


def parse_inputs(fields: tuple[Field, ...], raw: Mapping[str, object], rules: Sequence[Rule] = ()) -> dict[str, object]:
    """Parse inputs, filling defaults, and apply the ``rules`` that span
    several fields (each raises an ``InputError``); raise every error found.

    A rule still runs when some other input is in error, so a reader sees every
    problem at once; a rule that reads an input in error is skipped, because
    that input's own message already says what to fix."""
    values, errors = check_inputs(fields, raw)
    parsed = _Parsed(values)
    for rule in rules:
        try:
            rule(parsed)
        except InputError as error:
            errors.extend(error.errors)
        except _Unparsed:
            pass
    raise_all(errors)
    return values


# --- Reading parsed inputs by kind ---------------------------------------------------
# The parsed inputs share one dict across fields of every kind, so a type
# checker sees each value as ``object``.  A rule reads its inputs through
# these, which name the kind it expects; a wrong kind is a bug in the rules,
# not a reader's mistake, so it raises TypeError rather than InputError.
Kind = TypeVar("Kind")


def _of_kind(values: Mapping[str, object], name: str, kind: type[Kind]) -> Kind:
    value = values[name]
    # bool is an int to isinstance, but never a whole number to a rule.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"input {name!r} is {value!r}, not {kind.__name__}")
    return value


def whole(values: Mapping[str, object], name: str) -> int:
    """An ``IntField`` that cannot be left empty."""
    return _of_kind(values, name, int)


def whole_or_none(values: Mapping[str, object], name: str) -> int | None:
    """An optional ``IntField``: None when left empty."""
    return None if values[name] is None else whole(values, name)


def flag(values: Mapping[str, object], name: str) -> bool:
    """A ``BoolField``."""
    return _of_kind(values, name, bool)


def word(values: Mapping[str, object], name: str) -> str:
    """A ``ChoiceField`` (its code) or a ``TextField``, not left empty."""
    return _of_kind(values, name, str)


def word_or_none(values: Mapping[str, object], name: str) -> str | None:
    """An optional ``ChoiceField`` or ``TextField``: None when left empty."""
    return None if values[name] is None else word(values, name)


def day(values: Mapping[str, object], name: str) -> dt.date:
    """A ``DateField`` that cannot be left empty."""
    return _of_kind(values, name, dt.date)


def day_or_none(values: Mapping[str, object], name: str) -> dt.date | None:
    """An optional ``DateField``: None when left empty."""
    return None if values[name] is None else day(values, name)
