"""Exceptions raised by the PDF layer; messages are Dutch and shown to the user as they are."""

from __future__ import annotations

REASONS = (
    "encrypted",
    "corrupt",
    "empty",
    "not_pdf",
    "too_large",
    "needs_ocr",
    "unsupported_type",
    "conversion_unavailable",
    "conversion_failed",
)


class UnprocessableDocument(Exception):
    """A document that cannot be taken in; ``str(exc)`` is a Dutch message, ``reason`` a stable code."""

    def __init__(self, reason: str, message: str):
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        super().__init__(message)
        self.reason = reason


class RedactionVerificationError(Exception):
    """The redacted output still leaks: ``violations`` lists the Dutch findings."""

    def __init__(self, violations: list[str]):
        self.violations = list(violations)
        lines = "\n".join(f"- {v}" for v in self.violations)
        super().__init__(f"De gelakte PDF is niet veilig en is niet opgeslagen:\n{lines}")
