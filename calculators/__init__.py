"""Match Plan B calculators: pure Python, standard library only.

Each calculator is one module that follows the contract in
``calculators.registry.Calculator``; ``REGISTRY`` maps its name to it.  The
same modules run under pytest, at site build time and in the browser.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from .fields import InputError
from .registry import Calculator

# In page order.  Each name is also its module's name and its NAME.
CALCULATOR_NAMES = (
    "competitiveness",
    "program_counts",
    "signals",
    "application_cost",
    "match_odds",
    "backup_finder",
    "timeline",
    "packet_check",
    "rank_simulator",
)


class Registry(Mapping[str, Calculator]):
    """Imports a calculator when it is first asked for.

    A page in the browser uses one or two calculators; importing all nine
    under Pyodide was a measurable part of a first visit's start."""

    def __getitem__(self, name: str) -> Calculator:
        if name not in CALCULATOR_NAMES:
            raise KeyError(name)
        return importlib.import_module(f"{__name__}.{name}")

    def __iter__(self) -> Iterator[str]:
        return iter(CALCULATOR_NAMES)

    def __len__(self) -> int:
        return len(CALCULATOR_NAMES)


REGISTRY: Mapping[str, Calculator] = Registry()

__all__ = ["CALCULATOR_NAMES", "REGISTRY", "Calculator", "InputError"]
