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
    # documenten | reeds_openbaar | niet_aanwezig | doorgezonden | toelichting | "" (not chosen)
    outcome: str = ""
    location: str = ""  # vindplaats when reeds_openbaar


@dataclass(frozen=True)
class PartyInfo:
    """A derde-belanghebbende, or the bestuursorgaan a request is forwarded to."""

    name: str
    salutation: str = ""  # "heer" | "mevrouw" | ""
    contact_person: str = ""
    address: str = ""  # multi-line
    email: str = ""
    documents: tuple[str, ...] = ()  # numbers of the documents concerning this party


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
    kind: str = ""  # absoluut | relatief | tijdelijk | aanvullend | beleidsopvattingen
    documents: tuple[str, ...] = ()  # document numbers the ground is applied to
    disclose_on: date | None = None  # Woo art. 5.1 lid 4: made public after all on this date


@dataclass(frozen=True)
class KamerInfo:
    """A set of Kamervragen (issue 14): who asked whom what, and when."""

    member: str  # "El Abassi"
    party: str = ""  # "DENK"
    addressee: str = ""  # "de minister van Justitie en Veiligheid"
    kamer_reference: str = ""  # "2026Z03786": uw referentie
    submitted_on: date | None = None  # ingezonden
    signatory: str = ""  # the name under the aanbiedingsbrief / uitstelbericht
    uitstel_reason: str = (
        ""  # uitstelbericht: the reasons (RvO TK art. 12.2: "met opgave van redenen")
    )
    answer_due_on: date | None = None  # the date by which the answers now are due


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
    # The legal reasons of a verdaging, chosen (Woo art. 4.4 lid 2: "omvang" / "gecompliceerdheid"
    # van de informatie), and an optional sentence of the adviser; never a raw timeline note.
    adjournment_reasons: tuple[str, ...] = ()
    adjournment_sentence: str = ""
    adjourned_due_on: date | None = None  # the new date after verdaging
    third_parties: tuple[PartyInfo, ...] = ()  # derde-belanghebbenden on the case
    addressee: PartyInfo | None = None  # a letter to a third party or to another organ
    reply_due_on: date | None = None  # precisering / zienswijze: the reply term set
    precisering_question: str = ""  # what is unclear (verzoek om precisering)
    precisering_suspends: bool = False  # Awb 4:15 lid 1 onder a applies (Wob; Woo per setting)
    forwarded_points: tuple[int, ...] = ()  # doorzending: the points forwarded (empty = all)
    forwarded_to: PartyInfo | None = None  # the organ a request is forwarded to
    decision_sent_on: date | None = None  # bekendmaking of the besluit (kennisgeving aan derde)
    zienswijze_received_on: date | None = None  # end of the zienswijze suspension
    attachments: tuple[str, ...] = ()
    copy_to: tuple[str, ...] = ()  # in afschrift aan
    publication_url: str = ""  # where the decision and documents are published
    kamer: KamerInfo | None = (
        None  # Kamervragen letters (aanbiedingsbrief, uitstelbericht, antwoorden)
    )
    extra: dict = field(default_factory=dict)
