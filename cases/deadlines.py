"""Compatibility facade: the deadline engine now lives in the case clock (cases/clock.py).

Every term, threshold and verdaging rule is defined there once; this module only re-exports the
names older callers and the letters import.
"""

from __future__ import annotations

from cases.calendar_nl import format_date_nl
from cases.clock import (
    TERM_RULES,
    WOB,
    WOO,
    WOO_IN_FORCE,
    Deadline,
    Suspension,
    TermRule,
    beroep_niet_tijdig_from,
    bezwaar_term_ends,
    days_late,
    decision_due,
    precisering_deadline,
    regime_for,
    release_after_objection_term,
    term_rule,
)

__all__ = [
    "WOB",
    "WOO",
    "WOO_IN_FORCE",
    "TERM_RULES",
    "TermRule",
    "Suspension",
    "Deadline",
    "term_rule",
    "regime_for",
    "decision_due",
    "days_late",
    "bezwaar_term_ends",
    "beroep_niet_tijdig_from",
    "precisering_deadline",
    "release_after_objection_term",
    "format_date_nl",
]
