"""The case models: organisation, request, points/answers, timeline, documents, letters, audit."""

from .audit import AuditRecord
from .document import Document, StoredFile
from .holiday import Holiday
from .letter import Letter
from .motivation import GroundMotivation
from .organisation import Organisation, StaffProfile
from .point import Answer, Point
from .reminder import Reminder
from .request import Request
from .third_party import ThirdParty
from .timeline import Event

__all__ = [
    "Answer",
    "AuditRecord",
    "Document",
    "Event",
    "GroundMotivation",
    "Holiday",
    "Letter",
    "Organisation",
    "Point",
    "Reminder",
    "Request",
    "StaffProfile",
    "StoredFile",
    "ThirdParty",
]
