"""Common OCR confusions undone before detection: "NLO2" is "NL02", "O6-1234567l" is a number.

Only characters inside number-like tokens change, one for one (so character boxes stay aligned);
the spaces OCR puts inside the account number of a Dutch IBAN are removed with their boxes.
"""

from __future__ import annotations

import re

from redaction.types import Box

_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
_TOKEN = re.compile(r"[0-9OoDlI|S][0-9OoDlI|S\-./]{3,}")
_IBAN_CHECK = re.compile(r"\b([A-Z]{2})([0-9OolI]{2})(?= ?[A-Z]{4})")
_NL_IBAN = re.compile(r"\bNL\d{2} ?[A-Z]{4} ?((?:\d ?){9}\d)\b")


def _digits_fix(m: re.Match) -> str:
    token = m.group()
    digits = sum(c.isdigit() for c in token)
    if digits < 3 or digits < 0.6 * sum(c.isalnum() for c in token):
        return token
    return token.translate(_TO_DIGIT)


def fix_ocr_text(text: str, boxes: tuple[Box | None, ...]) -> tuple[str, tuple[Box | None, ...]]:
    """``text`` with OCR confusions in number-like tokens fixed; boxes follow the characters."""
    fixed = _TOKEN.sub(_digits_fix, text)
    fixed = _IBAN_CHECK.sub(lambda m: m.group(1) + m.group(2).translate(_TO_DIGIT), fixed)
    if " " not in fixed or "NL" not in fixed:
        return fixed, boxes
    drop: set[int] = set()
    for m in _NL_IBAN.finditer(fixed):
        drop.update(i for i in range(m.start(1), m.end(1)) if fixed[i] == " ")
    if not drop:
        return fixed, boxes
    keep = [i for i in range(len(fixed)) if i not in drop]
    return "".join(fixed[i] for i in keep), tuple(boxes[i] for i in keep)
