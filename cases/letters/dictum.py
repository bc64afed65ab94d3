"""The dictum of a besluit, derived from the outcomes of the points and the documents' judgements.

Pure: the answers' structured outcomes (documenten | reeds_openbaar | niet_aanwezig |
doorgezonden | toelichting) and the documents' judgements decide which parts the dictum has, in a
fixed order; the wording of each part lives in templates/cases/letters/besluit.txt.

Seeds 000 and 002 are the model: everything reeds openbaar or niet berustend is no "afwijzing
omdat geen documenten zijn aangetroffen" but "ik volsta met de verwijzing naar de vindplaats" and
"voor zover documenten niet onder mij berusten, kan ik niet aan uw verzoek voldoen".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cases.letters.context import AnswerInfo, DocumentInfo

OUTCOMES = ("documenten", "reeds_openbaar", "niet_aanwezig", "doorgezonden", "toelichting")
JUDGEMENTS = ("openbaar", "deels_openbaar", "niet_openbaar", "reeds_openbaar")
# Order of the dictum's parts (as the seeds: first what is given, then what is referred to,
# then what does not exist, then what another organ decides).
ORDER = (
    "openbaar",
    "deels_openbaar",
    "niet_openbaar",
    "reeds_openbaar",
    "niet_aanwezig",
    "doorgezonden",
    "toelichting",
)


@dataclass(frozen=True)
class DictumPart:
    kind: str  # one of ORDER, or "geen_documenten"
    points: tuple[int, ...] = ()  # the points of the request this part answers
    documents: tuple[str, ...] = ()  # the documents it concerns
    locations: tuple[str, ...] = ()  # vindplaatsen (reeds openbaar)


def _points(answers: Sequence[AnswerInfo], outcome: str) -> tuple[int, ...]:
    return tuple(sorted({n for a in answers if a.outcome == outcome for n in a.points}))


def dictum_parts(
    answers: Sequence[AnswerInfo], documents: Sequence[DocumentInfo]
) -> list[DictumPart]:
    """The parts of the dictum, in ORDER; one part 'geen_documenten' when nothing at all was found
    and no answer says otherwise (the only case for 'afwijzen, geen documenten aangetroffen')."""
    by_judgement = {j: [d for d in documents if d.judgement == j] for j in JUDGEMENTS}
    parts: list[DictumPart] = []
    for kind in ORDER:
        docs = by_judgement.get(kind, [])
        points = _points(answers, kind) if kind in OUTCOMES else ()
        if kind == "reeds_openbaar":
            locations = [a.location.strip() for a in answers if a.outcome == kind]
            locations += [d.location.strip() for d in docs]
            if docs or points:
                parts.append(
                    DictumPart(
                        kind,
                        points=points,
                        documents=tuple(d.number for d in docs),
                        locations=tuple(dict.fromkeys(loc for loc in locations if loc)),
                    )
                )
        elif kind in JUDGEMENTS:
            if docs:
                parts.append(DictumPart(kind, documents=tuple(d.number for d in docs)))
        elif points:
            parts.append(DictumPart(kind, points=points))
    if not parts and not any(d.judgement for d in documents) and not documents:
        parts.append(DictumPart("geen_documenten"))
    return parts


def decision_type(parts: Sequence[DictumPart]) -> str:
    """The decision-level type (domain.md §5): openbaarmaking, gedeeltelijke openbaarmaking,
    geen openbaarmaking, reeds openbaar, geen documenten aangetroffen."""
    kinds = {p.kind for p in parts}
    if kinds & {"openbaar", "deels_openbaar"}:
        return (
            "openbaarmaking"
            if kinds <= {"openbaar", "toelichting"}
            else ("gedeeltelijke openbaarmaking")
        )
    if "niet_openbaar" in kinds:
        return "geen openbaarmaking"
    if "reeds_openbaar" in kinds:
        return "reeds openbaar"
    return "geen documenten aangetroffen"
