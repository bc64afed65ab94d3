"""Inventarislijst rows from the documents register (domain.md §5): pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cases.letters imports this module
    from cases.letters.context import DocumentInfo

JUDGEMENT_LABELS = {
    "openbaar": "Openbaar",
    "deels_openbaar": "Deels openbaar",
    "niet_openbaar": "Niet openbaar",
    "reeds_openbaar": "Reeds openbaar",
    "dubbel": "Dubbel",
    "": "Nog niet beoordeeld",
}
INVENTORY_COLUMNS = (
    "Nr.",
    "Datum",
    "Documentnaam",
    "Beoordeling",
    "Grond(en)",
    "Toelichting",
    "Vindplaats",
)


@dataclass(frozen=True)
class InventoryRow:
    number: str
    date: date | None
    title: str
    judgement_label: str
    grounds: str  # "5.1.2e; 5.1.2i"
    note: str
    location: str
    family: str = ""
    related: str = ""

    def cells(self, extra: Sequence[str] = ()) -> list:
        values = [
            self.number,
            self.date,
            self.title,
            self.judgement_label,
            self.grounds,
            self.note,
            self.location,
        ]
        if "Familie" in extra:
            values.append(self.family)
        if "Gerelateerd document" in extra:
            values.append(self.related)
        return values


def natural_key(number: str) -> tuple:
    """'2' < '10' < '10a' < 'B1'."""
    head = ""
    for ch in number:
        if ch.isdigit():
            head += ch
        else:
            break
    return (0, int(head), number[len(head) :]) if head else (1, 0, number)


def inventory_rows(documents: Sequence[DocumentInfo]) -> list[InventoryRow]:
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
                judgement_label=JUDGEMENT_LABELS.get(d.judgement, d.judgement),
                grounds="; ".join(d.grounds),
                note=note,
                location=d.location,
                family=d.family,
                related=d.duplicate_of,
            )
        )
    return rows


def extra_columns(rows: Sequence[InventoryRow]) -> tuple[str, ...]:
    extra = []
    if any(r.family for r in rows):
        extra.append("Familie")
    if any(r.related for r in rows):
        extra.append("Gerelateerd document")
    return tuple(extra)


def inventory_summary(rows: Sequence[InventoryRow]) -> dict[str, int]:
    counts = Counter(r.judgement_label for r in rows)
    result = {
        label: counts.get(label, 0) for label in JUDGEMENT_LABELS.values() if counts.get(label)
    }
    result["Totaal"] = len(rows)
    return result
