"""PDF intake, extraction, applying redactions and fail-closed verification: bytes in, bytes out."""

from .apply import apply_redactions, redact_and_verify
from .errors import RedactionVerificationError, UnprocessableDocument
from .extract import extract_pages, page_count, render_page_png
from .intake import MAX_UPLOAD_BYTES, to_pdf
from .verify import verify_redacted

__all__ = [
    "MAX_UPLOAD_BYTES",
    "RedactionVerificationError",
    "UnprocessableDocument",
    "apply_redactions",
    "extract_pages",
    "page_count",
    "redact_and_verify",
    "render_page_png",
    "to_pdf",
    "verify_redacted",
]
