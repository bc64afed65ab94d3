"""The check before a besluit can be finalised: points answered, documents judged and grounded."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cases.grounds import (
    AANVULLEND,
    GROUNDS,
    UnknownGround,
    WrongRegime,
    normalise_code,
    parse_ground,
)

JUDGEMENTS = {
    "openbaar": "openbaar",
    "deels_openbaar": "deels openbaar",
    "niet_openbaar": "niet openbaar",
    "reeds_openbaar": "reeds openbaar",
    "dubbel": "dubbel",
}
REFUSING = ("deels_openbaar", "niet_openbaar")


@dataclass(frozen=True)
class Problem:
    rule: str  # stable id, e.g. "point_unanswered"
    message: str  # Dutch, specific: "Punt 4 heeft nog geen antwoord."
    target: str  # "point:4", "document:12", "ground:5.1.2e"


@dataclass(frozen=True)
class PointRef:
    number: int


@dataclass(frozen=True)
class AnswerRef:
    points: tuple[int, ...]


@dataclass(frozen=True)
class DocumentRef:
    number: str
    judgement: str | None  # openbaar | deels_openbaar | niet_openbaar | reeds_openbaar | dubbel
    grounds: tuple[str, ...]
    location: str = ""
    duplicate_of: str | None = None


def document_sort_key(number: str) -> tuple:
    """Natural order for document numbers: '2' < '10', '1.2' < '1.10', 'A3' < 'A12'."""
    pieces = re.findall(r"\d+|\D+", number.strip().lower())
    key = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pieces)
    return (key, number)


def _points(points: Sequence[PointRef], answers: Sequence[AnswerRef]) -> list[Problem]:
    existing = {p.number for p in points}
    answered = {n for a in answers for n in a.points}
    problems = []
    for n in sorted(existing | answered):
        if n not in answered:
            problems.append(
                Problem("point_unanswered", f"Punt {n} heeft nog geen antwoord.", f"point:{n}")
            )
        elif n not in existing:
            problems.append(
                Problem(
                    "answer_unknown_point",
                    f"Een antwoord noemt punt {n}, maar dat punt staat niet in het verzoek.",
                    f"point:{n}",
                )
            )
    return problems


def _document(
    doc: DocumentRef, *, regime: str, numbers: set[str], used: dict[str, None]
) -> list[Problem]:
    target = f"document:{doc.number}"
    name = f"Document {doc.number}"
    problems: list[Problem] = []

    if not doc.judgement:
        problems.append(Problem("document_unjudged", f"{name} is nog niet beoordeeld.", target))
    elif doc.judgement not in JUDGEMENTS:
        problems.append(
            Problem(
                "document_unjudged",
                f"{name} heeft een onbekende beoordeling '{doc.judgement}'.",
                target,
            )
        )

    codes: list[str] = []
    for raw in doc.grounds:
        try:
            code = parse_ground(raw, regime=regime).code
        except WrongRegime as exc:
            problems.append(Problem("ground_wrong_regime", f"{name}: {exc}", target))
            continue
        except UnknownGround as exc:
            problems.append(Problem("ground_unknown", f"{name}: {exc}", target))
            continue
        if code not in codes:
            codes.append(code)
            used[code] = None

    judgement = JUDGEMENTS.get(doc.judgement or "", "")
    refusing_codes = [c for c in codes if GROUNDS[c].kind != AANVULLEND]
    # Inventarislijst (domain.md §5): every refused or partly refused item needs a ground; 5.3
    # is extra motivation only and is no ground by itself (Woo art. 5.3).
    if doc.judgement in REFUSING and not doc.grounds:
        problems.append(
            Problem(
                "ground_missing", f"{name} is {judgement}, maar er is geen grond opgegeven.", target
            )
        )
    elif doc.judgement in REFUSING and codes and not refusing_codes:
        problems.append(
            Problem(
                "ground_missing",
                f"{name} is {judgement}, maar heeft alleen een aanvullende motivering "
                f"({', '.join(codes)}) en geen weigeringsgrond.",
                target,
            )
        )
    # Inventarislijst (domain.md §5): an "Openbaar" item carries no ground.
    if doc.judgement == "openbaar" and doc.grounds:
        problems.append(
            Problem(
                "openbaar_with_ground",
                f"{name} is openbaar, maar heeft toch een grond ({', '.join(doc.grounds)}).",
                target,
            )
        )
    # Woo art. 5.1 lid 5: a residual ground for interests no other ground protects, so never
    # beside another ground of art. 5.1 on the same document (domain.md §2).
    others = [c for c in codes if c != "5.1.5" and GROUNDS[c].article == "5.1"]
    if "5.1.5" in codes and others:
        problems.append(
            Problem(
                "combined_5_1_5",
                f"{name}: grond 5.1.5 mag niet samen met een andere grond van artikel 5.1 "
                f"({', '.join(others)}).",
                target,
            )
        )
    if doc.judgement == "reeds_openbaar" and not doc.location.strip():
        problems.append(
            Problem(
                "reeds_openbaar_without_location",
                f"{name} is reeds openbaar, maar de vindplaats ontbreekt.",
                target,
            )
        )
    if doc.judgement == "dubbel":
        original = (doc.duplicate_of or "").strip()
        if not original:
            message = f"{name} is dubbel, maar het origineel is niet aangegeven."
        elif original == doc.number:
            message = f"{name} is dubbel, maar verwijst naar zichzelf als origineel."
        elif original not in numbers:
            message = (
                f"{name} is dubbel van document {original}, "
                "maar dat document staat niet in de lijst."
            )
        else:
            message = ""
        if message:
            problems.append(Problem("duplicate_without_original", message, target))
    return problems


def check_decision(
    *,
    regime: str,
    points: Sequence[PointRef],
    answers: Sequence[AnswerRef],
    documents: Sequence[DocumentRef],
    motivations: Mapping[str, str],
) -> list[Problem]:
    """Every problem that blocks finalising the besluit: points first, then documents by number,
    then grounds in statute order. An empty list means the besluit may be finalised."""
    problems = _points(points, answers)

    numbers = {d.number for d in documents}
    used: dict[str, None] = {}
    for doc in sorted(documents, key=lambda d: document_sort_key(d.number)):
        problems.extend(_document(doc, regime=regime, numbers=numbers, used=used))

    # Woo art. 5.1 lid 3 (Wob: Awb art. 3:46): every ground applied needs its own motivation.
    motivated = set()
    for key, text in motivations.items():
        if (text or "").strip():
            try:
                motivated.add(normalise_code(key))
            except UnknownGround:
                continue  # a motivation for no known ground motivates nothing
    order = list(GROUNDS)
    for code in sorted(used, key=order.index):
        if code not in motivated:
            problems.append(
                Problem(
                    "ground_unmotivated",
                    f"Grond {code} ({GROUNDS[code].label}) wordt toegepast, maar er is geen "
                    "motivering voor opgenomen.",
                    f"ground:{code}",
                )
            )
    return problems
