"""Letters and inventory lists rendered from a LetterContext (wording in templates/cases/letters/)."""

from cases.letters.render import (
    ALL_LETTER_KINDS,
    KAMER_KINDS,
    LETTER_KINDS,
    LetterError,
    render_inventory,
    render_letter,
    salutation,
    surname,
)

__all__ = [
    "ALL_LETTER_KINDS",
    "KAMER_KINDS",
    "LETTER_KINDS",
    "LetterError",
    "render_inventory",
    "render_letter",
    "salutation",
    "surname",
]
