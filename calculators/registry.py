"""What every calculator module provides, so the renderer, the macros, the
command line and the browser bridge can treat them all alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from .fields import Field
from .html import Markup

# What every calculator's read-out (its result's "announced", else its
# "summary", said after each edit) keeps to: about 15 s of speech.
READ_OUT_WORDS = 40


def first_within_read_out(tries: Sequence[str]) -> str:
    """The first of ``tries``, longest first, that keeps to READ_OUT_WORDS,
    else the last, the one that gives up most."""
    return next((said for said in tries if len(said.split()) <= READ_OUT_WORDS), tries[-1])


# What the phone's pinned line holds: three lines at 320 px, about 100
# characters as words wrap at best, but a 94-character line of long field
# names already took a fourth (diffreview47 audit s47, 6).  Lines of 90 fit.
PINNED_LINE_CHARS = 90


def first_within_pinned_line(tries: Sequence[str]) -> str:
    """The first of ``tries`` that keeps to PINNED_LINE_CHARS, else the last,
    the one whose cut loses least: the pinned line's ``first_within_read_out``."""
    return next((line for line in tries if len(line) <= PINNED_LINE_CHARS), tries[-1])


# A calculator's own result type (a TypedDict in its module): render() reads
# exactly what compute() returned, so the two share it.  Invariant, since
# compute() gives it and render() takes it.
Result = TypeVar("Result", bound=Mapping[str, object])


class Calculator(Protocol[Result]):
    # Read-only, as a module's constants are read: a module's FIELDS, a tuple
    # of its own field kinds, is then a tuple[Field, ...] too.
    @property
    def NAME(self) -> str: ...
    @property
    def TITLE(self) -> str: ...
    @property
    def SUMMARY(self) -> str: ...
    @property
    def FIELDS(self) -> tuple[Field, ...]: ...

    def compute(self, inputs: Mapping[str, object]) -> Result:
        """Validate ``inputs`` and return a JSON-serialisable result."""
        ...

    def render(self, result: Result) -> Markup:
        """The result as escaped HTML."""
        ...

    def method(self) -> Markup:
        """The formula, each rule and its source, for the calculator's page."""
        ...
