"""What every calculator module provides, so the renderer, the macros, the
command line and the browser bridge can treat them all alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .fields import Field
from .html import Markup


class Calculator(Protocol):
    NAME: str
    TITLE: str
    SUMMARY: str
    FIELDS: tuple[Field, ...]

    def compute(self, inputs: Mapping[str, object]) -> dict[str, object]:
        """Validate ``inputs`` and return a JSON-serialisable result."""
        ...

    def render(self, result: Mapping[str, object]) -> Markup:
        """The result as escaped HTML."""
        ...

    def method(self) -> Markup:
        """The formula, each rule and its source, for the calculator's page."""
        ...
