"""Letters and inventory lists rendered from a LetterContext (wording in templates/cases/letters/)."""

from cases.letters.render import (
    LETTER_KINDS,
    LetterError,
    render_inventory,
    render_letter,
    salutation,
    surname,
)

__all__ = [
    "LETTER_KINDS",
    "LetterError",
    "render_inventory",
    "render_letter",
    "salutation",
    "surname",
]
