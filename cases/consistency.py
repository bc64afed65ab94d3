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


# --- Delivery: what a requester or the public receives follows the judgement -------------------
#
# Woo art. 4.4 and 5.1: what is made public is the information the besluit decides to disclose,
# nothing more. A redacted PDF is evidence of one set of decisions; once the decisions change it
# no longer matches the besluit and must be made again before anything is released.

RELEASABLE = ("openbaar", "deels_openbaar")


def redaction_fingerprint(
    *,
    pdf_sha256: str,
    judgement: str,
    grounds: Sequence[str],
    accepted: Sequence[tuple[int, Sequence[float], str]],
    open_ids: Sequence[int] = (),
) -> str:
    """What a redacted file is made from: the source PDF, every accepted box (page, rectangle,
    ground), the suggestions still open, the judgement and the grounds. Any change gives a
    different fingerprint, so a file made earlier is recognised as stale at release time."""
    import hashlib
    import json

    boxes = sorted(
        (int(page), [round(float(v), 2) for v in rect], str(ground))
        for page, rect, ground in accepted
    )
    payload = {
        "pdf": pdf_sha256 or "",
        "judgement": judgement or "",
        "grounds": sorted(str(g) for g in grounds),
        "boxes": boxes,
        "open": sorted(int(i) for i in open_ids),
    }
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()


@dataclass(frozen=True)
class DeliveryRef:
    """One document as far as delivery is concerned (built from the ORM by the services)."""

    number: str
    judgement: str
    grounds: tuple[str, ...] = ()
    has_file: bool = False  # an original or a PDF was uploaded
    processing: str = ""  # geen_bestand | in_behandeling | klaar | niet_verwerkbaar
    redaction_status: str = ""  # "" | bezig | klaar | mislukt
    has_redacted: bool = False  # a verified output of the lakstraat is stored
    fingerprint_applied: str = ""  # what the stored output was made from
    fingerprint_now: str = ""  # what it would be made from today
    accepted_now: int = 0  # accepted boxes today
    boxes_applied: int = 0  # boxes burnt into the stored output
    file_grounds: tuple[str, ...] = ()  # ground labels in the stored output
    withdrawn: bool = False


def delivery_document_problems(doc: DeliveryRef) -> list[Problem]:
    """Why this document cannot be released as the judgement says; empty when it can."""
    target = f"document:{doc.number}"
    name = f"Document {doc.number}"
    if doc.withdrawn or doc.judgement not in RELEASABLE:
        return []  # niet openbaar, reeds openbaar (vindplaats), dubbel: no file is released
    if not doc.has_file:
        return []  # a register-only document (e.g. on paper): nothing digital to deliver
    judgement = JUDGEMENTS[doc.judgement]
    problems: list[Problem] = []
    if doc.judgement == "openbaar" and doc.accepted_now:
        problems.append(
            Problem(
                "openbaar_with_redactions",
                f"{name} is openbaar, maar er zijn {doc.accepted_now} lakvlak(ken) geaccepteerd: "
                "beoordeel het als deels openbaar of wijs de vlakken af.",
                target,
            )
        )
    if doc.judgement == "deels_openbaar" and not doc.accepted_now:
        problems.append(
            Problem(
                "deels_openbaar_without_redactions",
                f"{name} is deels openbaar, maar er is geen enkel lakvlak geaccepteerd.",
                target,
            )
        )
    if doc.processing == "in_behandeling":
        problems.append(
            Problem(
                "document_processing", f"{name} wordt nog verwerkt; wacht tot dat klaar is.", target
            )
        )
        return problems
    if doc.processing == "niet_verwerkbaar":
        problems.append(
            Problem(
                "release_file_missing",
                f"{name} is {judgement}, maar het bestand kon niet worden verwerkt: er is geen "
                "gecontroleerde PDF om te verstrekken.",
                target,
            )
        )
        return problems
    if doc.redaction_status == "bezig":
        problems.append(
            Problem("redaction_running", f"{name} wordt nu gelakt; wacht tot dat klaar is.", target)
        )
        return problems
    if not doc.has_redacted or doc.redaction_status != "klaar":
        what = (
            "gecontroleerde PDF zonder metadata"
            if doc.judgement == "openbaar"
            else "gecontroleerde gelakte PDF"
        )
        problems.append(
            Problem(
                "release_file_missing",
                f"{name} is {judgement}, maar er is nog geen {what}; haal het door de lakstraat "
                "('Lakken toepassen').",
                target,
            )
        )
        return problems
    if not doc.fingerprint_applied or doc.fingerprint_applied != doc.fingerprint_now:
        problems.append(
            Problem(
                "redacted_stale",
                f"{name}: lakken opnieuw toepassen — gewijzigd na het toepassen.",
                target,
            )
        )
        return problems
    if doc.judgement == "openbaar" and doc.boxes_applied:
        problems.append(
            Problem(
                "openbaar_with_redacted_file",
                f"{name} is openbaar, maar de opgeslagen PDF is gelakt ({doc.boxes_applied} "
                "vlak(ken)): pas 'Lakken toepassen' opnieuw toe zonder vlakken.",
                target,
            )
        )
    if doc.judgement == "deels_openbaar" and not doc.boxes_applied:
        problems.append(
            Problem(
                "deels_openbaar_unredacted_file",
                f"{name} is deels openbaar, maar de opgeslagen PDF bevat geen lakvlakken.",
                target,
            )
        )
    missing = sorted(set(doc.file_grounds) - set(doc.grounds))
    if doc.judgement == "deels_openbaar" and missing:
        problems.append(
            Problem(
                "redaction_ground_not_judged",
                f"{name}: de gelakte PDF gebruikt grond {', '.join(missing)}, die niet bij de "
                "beoordeling van het document staat.",
                target,
            )
        )
    return problems


def check_delivery(documents: Sequence[DeliveryRef]) -> list[Problem]:
    """Every mismatch between a judgement and what would be delivered, by document number."""
    problems: list[Problem] = []
    for doc in sorted(documents, key=lambda d: document_sort_key(d.number)):
        problems.extend(delivery_document_problems(doc))
    return problems
