"""Checks before a besluit can be finalised: every point answered, every document judged and
grounded, every ground motivated and of the right regime (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cases.grounds import GROUNDS, UnknownGround, normalise_code


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    target: str


@dataclass(frozen=True)
class PointRef:
    number: int


@dataclass(frozen=True)
class AnswerRef:
    points: tuple[int, ...]


@dataclass(frozen=True)
class DocumentRef:
    number: str
    judgement: str | None
    grounds: tuple[str, ...]
    location: str = ""
    duplicate_of: str | None = None


def _natural(number: str) -> tuple:
    head = ""
    for ch in number:
        if ch.isdigit():
            head += ch
        else:
            break
    return (int(head) if head else 10**9, number)


def check_decision(
    *,
    regime: str,
    points: Sequence[PointRef],
    answers: Sequence[AnswerRef],
    documents: Sequence[DocumentRef],
    motivations: Mapping[str, str],
) -> list[Problem]:
    problems: list[Problem] = []
    numbers = {p.number for p in points}
    answered = {n for a in answers for n in a.points}
    for n in sorted(numbers - answered):
        problems.append(Problem("point_unanswered", f"Punt {n} heeft nog geen antwoord.", f"point:{n}"))
    for n in sorted(answered - numbers):
        problems.append(
            Problem("answer_unknown_point", f"Een antwoord verwijst naar punt {n}, dat niet bestaat.", f"point:{n}")
        )

    doc_numbers = {d.number for d in documents}
    used: dict[str, list[str]] = {}
    for d in sorted(documents, key=lambda d: _natural(d.number)):
        target = f"document:{d.number}"
        if not d.judgement:
            problems.append(Problem("document_unjudged", f"Document {d.number} is nog niet beoordeeld.", target))
        codes = []
        for raw in d.grounds:
            try:
                code = normalise_code(raw)
            except UnknownGround:
                problems.append(
                    Problem("ground_unknown", f"Document {d.number}: '{raw}' is geen bekende grond.", target)
                )
                continue
            if GROUNDS[code].regime != regime:
                law = "de Woo" if regime == "woo" else "de Wob"
                problems.append(
                    Problem(
                        "ground_wrong_regime",
                        f"Document {d.number}: grond {code} hoort niet bij {law}.",
                        target,
                    )
                )
                continue
            codes.append(code)
            used.setdefault(code, []).append(d.number)
        if d.judgement in ("deels_openbaar", "niet_openbaar") and not d.grounds:
            problems.append(
                Problem("ground_missing", f"Document {d.number} is {d.judgement.replace('_', ' ')} maar heeft geen grond.", target)
            )
        if d.judgement == "openbaar" and d.grounds:
            problems.append(
                Problem("openbaar_with_ground", f"Document {d.number} is openbaar maar heeft toch een grond.", target)
            )
        # Woo art. 5.1 lid 5 is a residual ground: never together with another 5.1 ground.
        if "5.1.5" in codes and any(c.startswith("5.1.") and c != "5.1.5" for c in codes):
            problems.append(
                Problem(
                    "combined_5_1_5",
                    f"Document {d.number}: grond 5.1.5 mag niet samen met een andere grond van artikel 5.1.",
                    target,
                )
            )
        if d.judgement == "reeds_openbaar" and not d.location.strip():
            problems.append(
                Problem("reeds_openbaar_without_location", f"Document {d.number} is reeds openbaar maar de vindplaats ontbreekt.", target)
            )
        if d.judgement == "dubbel" and (not d.duplicate_of or d.duplicate_of not in doc_numbers):
            problems.append(
                Problem("duplicate_without_original", f"Document {d.number} is dubbel, maar het origineel is niet aangegeven.", target)
            )

    for code in sorted(used, key=lambda c: list(GROUNDS).index(c)):
        if not (motivations.get(code) or "").strip():
            problems.append(
                Problem("ground_unmotivated", f"Grond {code} wordt gebruikt maar is niet gemotiveerd.", f"ground:{code}")
            )
    return problems
