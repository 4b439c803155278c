"""Match Plan B calculators: pure Python, standard library only.

Each calculator is one module that follows the contract in
``calculators.registry.Calculator``; ``REGISTRY`` maps its name to it.  The
same modules run under pytest, at site build time and in the browser.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

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


class Registry(Mapping[str, Calculator[Any]]):
    """Imports a calculator when it is first asked for.

    A page in the browser uses one or two calculators; importing all nine
    under Pyodide was a measurable part of a first visit's start.

    Each calculator has its own result type, which only the name decides, so
    a value here is a calculator of some result (``Any``); the renderer and
    the bridge take it as a ``Calculator[Result]``, whose result they read
    only as a mapping of names to values."""

    def __getitem__(self, name: str) -> Calculator[Any]:
        if name not in CALCULATOR_NAMES:
            raise KeyError(name)
        return importlib.import_module(f"{__name__}.{name}")

    def __iter__(self) -> Iterator[str]:
        return iter(CALCULATOR_NAMES)

    def __len__(self) -> int:
        return len(CALCULATOR_NAMES)


REGISTRY: Mapping[str, Calculator[Any]] = Registry()

if TYPE_CHECKING:
    # Checked by mypy only: each module fits the contract, its render()
    # taking what its compute() returns.  Never run, so no import is eager.
    from . import (
        application_cost,
        backup_finder,
        competitiveness,
        match_odds,
        packet_check,
        program_counts,
        rank_simulator,
        signals,
        timeline,
    )

    _competitiveness: Calculator[competitiveness.CompetitivenessResult] = competitiveness
    _program_counts: Calculator[program_counts.ProgramCountsResult] = program_counts
    _signals: Calculator[signals.SignalsResult] = signals
    _application_cost: Calculator[application_cost.ApplicationCostResult] = application_cost
    _match_odds: Calculator[match_odds.MatchOddsResult] = match_odds
    _backup_finder: Calculator[backup_finder.BackupFinderResult] = backup_finder
    _timeline: Calculator[timeline.TimelineResult] = timeline
    _packet_check: Calculator[packet_check.PacketCheckResult] = packet_check
    _rank_simulator: Calculator[rank_simulator.RankSimulatorResult] = rank_simulator

__all__ = ["CALCULATOR_NAMES", "REGISTRY", "Calculator", "InputError"]
