"""Plain data a letter is rendered from: built from the case by cases.letters.build, no ORM inside."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class OrganisationInfo:
    name: str  # "Politie" / "Gemeente Utrecht"
    department: str = ""  # organisatieonderdeel: "Korpsstaf, Juridische Zaken"
    postal_address: str = ""  # multi-line
    bezwaar_addressee: str = ""  # "de korpschef van politie"
    bezwaar_address: str = ""  # multi-line
    signature_lines: tuple[
        str, ...
    ] = ()  # ("de korpschef van politie,", "namens deze,", "", "mr. A. Jansen", "hoofd Juridische Zaken")
    contact_line: str = (
        ""  # "Heeft u vragen? Neem contact op met ... onder vermelding van het kenmerk."
    )
    website: str = ""


@dataclass(frozen=True)
class HandlerInfo:
    name: str = ""
    function: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class RequesterInfo:
    name: str
    salutation: str = ""  # "heer" | "mevrouw" | ""
    organisation: str = ""
    address: str = ""  # multi-line
    email: str = ""
    reference: str = ""  # uw kenmerk


@dataclass(frozen=True)
class PointInfo:
    number: int
    text: str


@dataclass(frozen=True)
class AnswerInfo:
    points: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class DocumentInfo:
    number: str
    title: str
    date: date | None
    judgement: (
        str  # "openbaar" | "deels_openbaar" | "niet_openbaar" | "reeds_openbaar" | "dubbel" | ""
    )
    grounds: tuple[str, ...] = ()
    location: str = ""  # vindplaats for reeds openbaar
    note: str = ""
    duplicate_of: str = ""
    family: str = ""  # thread/family id (mail + attachments)


@dataclass(frozen=True)
class EventInfo:
    type: str  # timeline event type (cases.lifecycle.EVENT_TYPES)
    on: date
    until: date | None = None
    note: str = ""


@dataclass(frozen=True)
class GroundUse:
    code: str  # "5.1.2e"
    words: str  # "artikel 5.1, tweede lid, aanhef en onder e, van de Woo"
    label: str
    motivation: str  # the adviser's (or the catalogue's standard) motivation
    kind: str = ""  # absoluut | relatief | tijdelijk | aanvullend
    documents: tuple[str, ...] = ()  # document numbers the ground is applied to


@dataclass(frozen=True)
class LetterContext:
    kind: str  # ontvangstbevestiging | verdagingsbrief | besluit | inventarislijst
    regime: str  # "wob" | "woo"
    reference: str  # ons kenmerk
    letter_date: date
    organisation: OrganisationInfo
    requester: RequesterInfo
    handler: HandlerInfo
    subject: str  # kort samengevat
    received_on: date
    request_text: str = ""
    channel: str = ""  # "e-mail", "post", "webformulier"
    points: tuple[PointInfo, ...] = ()
    answers: tuple[AnswerInfo, ...] = ()
    documents: tuple[DocumentInfo, ...] = ()
    events: tuple[EventInfo, ...] = ()
    grounds_used: tuple[GroundUse, ...] = ()
    first_term_ends_on: date | None = None  # received + 28 days
    due_on: date | None = None  # current legal deadline
    adjourned: bool = False  # ontvangstbevestiging: announce the verdaging in the same letter
    adjournment_reason: str = ""
    adjourned_due_on: date | None = None  # the new date after verdaging
    attachments: tuple[str, ...] = ()
    copy_to: tuple[str, ...] = ()  # in afschrift aan
    publication_url: str = ""  # where the decision and documents are published
    extra: dict = field(default_factory=dict)
