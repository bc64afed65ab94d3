"""Inventarislijst rows from the documents register (domain.md §5): pure, no ORM."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cases.letters imports this module; the dataclass is only a type here
    from cases.letters.context import DocumentInfo

# Per-document judgement as the list shows it (domain.md §5).
JUDGEMENT_LABELS = {
    "openbaar": "Openbaar",
    "deels_openbaar": "Deels openbaar",
    "niet_openbaar": "Niet openbaar",
    "reeds_openbaar": "Reeds openbaar",
    "dubbel": "Dubbel",
}
UNJUDGED_LABEL = "Nog niet beoordeeld"
TOTAL_LABEL = "Totaal"

INVENTORY_COLUMNS = (
    "Nr.",
    "Datum",
    "Documentnaam",
    "Beoordeling",
    "Grond(en)",
    "Toelichting",
    "Vindplaats",
)
FAMILY_COLUMN = "Familie"
RELATED_COLUMN = "Gerelateerd document"


@dataclass(frozen=True)
class InventoryRow:
    number: str
    date: date | None
    title: str
    judgement_label: (
        str  # "Openbaar" / "Deels openbaar" / "Niet openbaar" / "Reeds openbaar" / "Dubbel"
    )
    grounds: str  # "5.1.2e; 5.1.2i"
    note: str
    location: str
    family: str = ""
    related: str = ""

    def cells(self, extra: Sequence[str] = ()) -> list:
        """The row's values in column order: INVENTORY_COLUMNS plus the extra columns asked."""
        values = [
            self.number,
            self.date,
            self.title,
            self.judgement_label,
            self.grounds,
            self.note,
            self.location,
        ]
        if FAMILY_COLUMN in extra:
            values.append(self.family)
        if RELATED_COLUMN in extra:
            values.append(self.related)
        return values


_CHUNK = re.compile(r"\d+|\D+")


def natural_key(number: str) -> tuple:
    """Natural order of document numbers: '2' < '10' < '10a' < '10b' < 'B1' < 'B2' < 'B10'.

    Digit runs compare as numbers, other runs case-insensitively; a number-first id sorts before
    a letter-first one; the raw string breaks remaining ties ('01' vs '1')."""
    chunks = tuple(
        (0, int(c), "") if c.isdigit() else (1, 0, c.strip().lower())
        for c in _CHUNK.findall(number.strip())
    )
    return (chunks, number)


def judgement_label(judgement: str) -> str:
    return JUDGEMENT_LABELS.get(judgement, UNJUDGED_LABEL if not judgement else judgement)


def inventory_rows(documents: Sequence[DocumentInfo]) -> list[InventoryRow]:
    """One row per document, in natural order of document number."""
    rows = []
    for d in sorted(documents, key=lambda d: natural_key(d.number)):
        note = d.note
        if d.judgement == "dubbel" and d.duplicate_of and not note:
            note = f"Dubbel van document {d.duplicate_of}"
        rows.append(
            InventoryRow(
                number=d.number,
                date=d.date,
                title=d.title,
                judgement_label=judgement_label(d.judgement),
                grounds="; ".join(g.strip() for g in d.grounds if g.strip()),
                note=note,
                location=d.location,
                family=d.family,
                related=d.duplicate_of,
            )
        )
    return rows


def extra_columns(rows: Sequence[InventoryRow]) -> tuple[str, ...]:
    """The optional columns (Familie, Gerelateerd document), only when a row uses them."""
    extra = []
    if any(r.family for r in rows):
        extra.append(FAMILY_COLUMN)
    if any(r.related for r in rows):
        extra.append(RELATED_COLUMN)
    return tuple(extra)


def inventory_columns(rows: Sequence[InventoryRow]) -> tuple[str, ...]:
    return INVENTORY_COLUMNS + extra_columns(rows)


def inventory_summary(rows: Sequence[InventoryRow]) -> dict[str, int]:
    """Counts per judgement plus the total: the five labels always (0 when absent), 'Nog niet
    beoordeeld' only when it occurs, then 'Totaal'. Insertion order is the display order."""
    counts = Counter(r.judgement_label for r in rows)
    result = {label: counts.pop(label, 0) for label in JUDGEMENT_LABELS.values()}
    for label, n in sorted(counts.items()):  # unjudged or unknown judgements: shown, never lost
        result[label] = n
    result[TOTAL_LABEL] = len(rows)
    return result


def summary_line(summary: dict[str, int]) -> str:
    """'Openbaar 2 · Deels openbaar 1 · Niet openbaar 1 · Totaal 4' (zero counts left out)."""
    parts = [f"{label} {n}" for label, n in summary.items() if n and label != TOTAL_LABEL]
    parts.append(f"{TOTAL_LABEL} {summary.get(TOTAL_LABEL, 0)}")
    return " · ".join(parts)
