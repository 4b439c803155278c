"""Match Plan B calculators: pure Python, standard library only.

Each calculator is one module that follows the contract in
``calculators.registry.Calculator``; ``REGISTRY`` maps its name to it.  The
same modules run under pytest, at site build time and in the browser.
"""

from __future__ import annotations

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
from .fields import InputError
from .registry import Calculator

REGISTRY: dict[str, Calculator] = {
    module.NAME: module  # type: ignore[misc]
    for module in (
        competitiveness,
        program_counts,
        signals,
        application_cost,
        match_odds,
        backup_finder,
        timeline,
        packet_check,
        rank_simulator,
    )
}

__all__ = ["REGISTRY", "Calculator", "InputError"]
