"""The questions several calculators ask: one definition each.

A reader's answer to one of these carries over to every calculator that asks
the same question (through the page address or remembered answers), so each
name must mean, and validate, the same everywhere.  A calculator may change
the wording, default or help with ``dataclasses.replace``, never the rule.
"""

from __future__ import annotations

from . import data
from .fields import BoolField, ChoiceField, IntField

SPECIALTY = ChoiceField(
    name="specialty",
    label="Target specialty",
    choices=data.SPECIALTY_CHOICES,
    initial="internal-medicine",
    help="The specialty you most want.",
)
APPLICANT_TYPE = ChoiceField(
    name="applicant_type",
    label="Applicant type",
    choices=data.APPLICANT_TYPES,
    initial="non-us-img",
    help="How the NRMP classifies you.",
)
STEP2_SCORE = IntField(
    name="step2_score",
    label="Step 2 CK score",
    minimum=1,
    maximum=300,
    initial=240,
    optional=True,
    help="Your USMLE Step 2 CK three-digit score. Leave empty if you have not taken it.",
)
NEEDS_VISA = BoolField(
    name="needs_visa",
    label="I need a visa (J-1 or H-1B) to train",
    initial=True,
    help="Many programs sponsor no visa, or only a J-1.",
)
