"""Turn an upload into a PDF the rest of the pipeline can trust: sniff, validate, convert."""

from __future__ import annotations

import email
import html
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser

import pymupdf

from .errors import UnprocessableDocument
from .jpeg import split_jpeg_metadata

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
CONVERSION_TIMEOUT_S = 180

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_OFFICE_EXTENSIONS = {".docx": "docx", ".odt": "odt", ".doc": "doc", ".rtf": "rtf"}
_EML_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to)\s*:",
    re.IGNORECASE | re.MULTILINE,
)

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def sniff(data: bytes, filename: str) -> str:
    """The kind of document by content first: pdf, png, jpeg, tiff, docx, odt, doc, rtf, eml."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, kind in _IMAGE_MAGIC:
        if data.startswith(magic):
            return kind
    ext = os.path.splitext(filename.lower())[1]
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data) or "unknown"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc" if ext == ".doc" else "unknown"  # OLE: .doc, but also .msg/.xls
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if ext == ".eml" or len(set(m.lower() for m in _EML_HEADER.findall(data[:8192]))) >= 3:
        return "eml"
    return "unknown"


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mime = zf.read("mimetype").decode("ascii", errors="replace").strip()
                if mime == "application/vnd.oasis.opendocument.text":
                    return "odt"
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return None


def to_pdf(data: bytes, filename: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    """The upload as PDF bytes, or ``UnprocessableDocument`` with a Dutch reason.

    A valid PDF comes back unchanged, except that a PDF which only had an owner password (opens
    without one) is returned decrypted and a PDF that needed repair is returned repaired.
    """
    if len(data) > max_bytes:
        raise UnprocessableDocument(
            "too_large",
            f"Het bestand is te groot ({len(data) / 1048576:.1f} MB); "
            f"de grens is {max_bytes / 1048576:.0f} MB.",
        )
    if not data or not data.strip():
        raise UnprocessableDocument("empty", "Het bestand is leeg.")
    kind = sniff(data, filename)
    if filename.lower().endswith(".pdf") and kind != "pdf":
        raise UnprocessableDocument(
            "not_pdf", f"'{filename}' heet een PDF, maar de inhoud is geen PDF-bestand."
        )
    if kind == "pdf":
        return _validated_pdf(data)
    if kind in ("png", "jpeg", "tiff"):
        return _image_to_pdf(data, kind)
    if kind == "eml":
        return eml_to_pdf(data)
    if kind in ("docx", "odt", "doc", "rtf"):
        return office_to_pdf(data, kind)
    raise UnprocessableDocument(
        "unsupported_type",
        f"Het bestandstype van '{filename}' wordt niet ondersteund. Lever een PDF, afbeelding "
        "(PNG, JPEG, TIFF), e-mail (.eml) of tekstdocument (.docx, .odt) aan.",
    )


def _validated_pdf(data: bytes) -> bytes:
    corrupt = UnprocessableDocument(
        "corrupt", "De PDF is beschadigd of onvolledig en kan niet worden gelezen."
    )
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise corrupt
    with doc:
        if doc.needs_pass:
            raise UnprocessableDocument(
                "encrypted",
                "De PDF is met een wachtwoord beveiligd. Lever een onbeveiligde versie aan.",
            )
        if doc.page_count < 1:
            if doc.is_repaired:
                raise corrupt
            raise UnprocessableDocument("empty", "De PDF bevat geen pagina's.")
        if doc.is_repaired and not _all_pages_load(doc):
            raise corrupt
        if doc.is_repaired or doc.is_encrypted:
            try:
                return doc.tobytes(garbage=1, encryption=pymupdf.PDF_ENCRYPT_NONE)
            except Exception:
                raise corrupt
    return data


def _all_pages_load(doc: pymupdf.Document) -> bool:
    """After a repair: every page and its content loads without a MuPDF error."""
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        for page in doc:
            page.get_text("text")
            page.get_pixmap(matrix=pymupdf.Matrix(0.1, 0.1))
    except Exception:
        return False
    messages = pymupdf.TOOLS.mupdf_warnings(reset=True).lower()
    return not any(word in messages for word in ("cannot", "error", "syntax", "expected"))


def _image_to_pdf(data: bytes, kind: str) -> bytes:
    if kind == "jpeg":
        data, _ = split_jpeg_metadata(data)  # EXIF (camera owner, GPS) would travel into the PDF
    try:
        with pymupdf.open(stream=data, filetype=kind) as img:
            if img.page_count < 1:
                raise UnprocessableDocument("empty", "De afbeelding bevat geen pagina's.")
            return img.convert_to_pdf()
    except UnprocessableDocument:
        raise
    except Exception:
        raise UnprocessableDocument(
            "corrupt", "De afbeelding is beschadigd en kan niet worden gelezen."
        )


# --- e-mail ---------------------------------------------------------------------------------


class _HtmlText(HTMLParser):
    """Plain text out of an HTML mail part: block elements become line breaks."""

    _BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Readable text from HTML, one paragraph per line."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _mail_body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is not None:
        return part.get_content()
    part = msg.get_body(preferencelist=("html",))
    if part is not None:
        return html_to_text(part.get_content())
    return ""


_MAIL_CSS = """
body { font-family: sans-serif; font-size: 10pt; }
table { margin-bottom: 10pt; }
td { vertical-align: top; padding-right: 8pt; }
td.k { font-weight: bold; }
p { margin: 0 0 4pt 0; }
"""


def eml_to_pdf(data: bytes) -> bytes:
    """A PDF of a mail: the headers Van, Aan, CC, Datum, Onderwerp, then the plain-text body."""
    try:
        msg = email.message_from_bytes(data, policy=policy.default)
        rows = [
            (label, str(msg.get(key, "") or ""))
            for label, key in (
                ("Van", "From"),
                ("Aan", "To"),
                ("CC", "Cc"),
                ("Datum", "Date"),
                ("Onderwerp", "Subject"),
            )
        ]
        body = _mail_body(msg)
        attachments = [p.get_filename() or "(naamloos)" for p in msg.iter_attachments()]
    except Exception:
        raise UnprocessableDocument(
            "corrupt", "De e-mail is beschadigd en kan niet worden gelezen."
        )
    if not any(v for _, v in rows) and not body.strip():
        raise UnprocessableDocument("empty", "De e-mail bevat geen kopregels en geen tekst.")
    if attachments:
        rows.append(("Bijlagen", ", ".join(attachments)))
    head = "".join(
        f'<tr><td class="k">{html.escape(k)}:</td><td>{html.escape(v)}</td></tr>' for k, v in rows
    )
    paragraphs = "".join(
        f"<p>{html.escape(line) if line.strip() else '&#160;'}</p>"
        for line in body.replace("\r\n", "\n").split("\n")
    )
    return story_pdf(f"<table>{head}</table><hr/>{paragraphs}", _MAIL_CSS)


def story_pdf(markup: str, css: str) -> bytes:
    page = pymupdf.paper_rect("a4")
    where = page + (56, 56, -56, -56)
    story = pymupdf.Story(html=markup, user_css=css)
    out = io.BytesIO()
    writer = pymupdf.DocumentWriter(out)
    more = True
    while more:
        device = writer.begin_page(page)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    return out.getvalue()


# --- office documents -----------------------------------------------------------------------


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_to_pdf(data: bytes, kind: str) -> bytes:
    """Convert a text document with LibreOffice headless; Dutch error when it is missing or fails."""
    soffice = find_soffice()
    if soffice is None:
        raise UnprocessableDocument(
            "conversion_unavailable",
            f"Dit {kind}-document kan niet naar PDF worden omgezet: LibreOffice (soffice) is niet "
            "geïnstalleerd op de server. Lever het document als PDF aan of vraag de beheerder "
            "LibreOffice te installeren.",
        )
    failed = UnprocessableDocument(
        "conversion_failed", f"Het omzetten van dit {kind}-document naar PDF is mislukt."
    )
    with tempfile.TemporaryDirectory(prefix="wobdesk-convert-") as tmp:
        source = os.path.join(tmp, f"document.{kind}")
        with open(source, "wb") as fh:
            fh.write(data)
        profile = _file_uri(os.path.join(tmp, "profile"))
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    tmp,
                    source,
                ],
                capture_output=True,
                timeout=CONVERSION_TIMEOUT_S,
                check=True,
            )
        except (subprocess.SubprocessError, OSError):
            raise failed
        target = os.path.join(tmp, "document.pdf")
        if not os.path.exists(target):
            raise failed
        with open(target, "rb") as fh:
            pdf = fh.read()
    try:
        return _validated_pdf(pdf)
    except UnprocessableDocument:
        raise failed


def _file_uri(path: str) -> str:
    """A file:// URI for a local path (LibreOffice wants its profile directory as a URI)."""
    return "file://" + os.path.abspath(path).replace(os.sep, "/")
