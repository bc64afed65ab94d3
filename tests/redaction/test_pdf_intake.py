"""Intake: uploads are sniffed by content, validated, converted or refused with a Dutch reason."""

import os
import stat

import pymupdf
import pytest

from redaction.pdf import MAX_UPLOAD_BYTES, UnprocessableDocument, page_count, to_pdf
from redaction.pdf.intake import find_soffice, html_to_text, sniff
from tests.redaction import pdf_factory as f


def _reason(data: bytes, filename: str, **kw) -> UnprocessableDocument:
    with pytest.raises(UnprocessableDocument) as exc:
        to_pdf(data, filename, **kw)
    assert str(exc.value), "a Dutch message is always given"
    return exc.value


REFUSED = [
    ("encrypted", f.encrypted_pdf, "brief.pdf", "encrypted"),
    ("truncated", lambda: f.text_pdf()[: len(f.text_pdf()) // 2], "brief.pdf", "corrupt"),
    ("garbage", lambda: b"%PDF-1.7\n" + os.urandom(2000), "brief.pdf", "corrupt"),
    ("empty bytes", lambda: b"", "brief.pdf", "empty"),
    ("whitespace", lambda: b"  \n ", "brief.pdf", "empty"),
    ("png named pdf", lambda: f.image_file("png"), "brief.pdf", "not_pdf"),
    ("text named pdf", lambda: b"Dit is gewoon tekst.", "brief.pdf", "not_pdf"),
    ("unknown", lambda: b"\x00\x01\x02 binary", "data.bin", "unsupported_type"),
]


@pytest.mark.parametrize("name,build,filename,reason", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_reason(name, build, filename, reason):
    assert _reason(build(), filename).reason == reason


def test_zero_page_pdf_is_empty():
    assert _reason(f.zero_page_pdf(), "leeg.pdf").reason == "empty"


def test_too_large_names_the_limit_in_mb():
    exc = _reason(f.text_pdf(), "brief.pdf", max_bytes=256)
    assert exc.reason == "too_large"
    exc = _reason(b"x" * (3 * 1024 * 1024), "groot.pdf", max_bytes=2 * 1024 * 1024)
    assert exc.reason == "too_large" and "2 MB" in str(exc)
    assert MAX_UPLOAD_BYTES == 100 * 1024 * 1024


def test_valid_pdf_comes_back_unchanged():
    source = f.text_pdf(pages=2)
    assert to_pdf(source, "brief.pdf") == source
    assert to_pdf(source, "zonder-extensie") == source  # sniffed by content


def test_owner_password_only_pdf_is_accepted_decrypted():
    out = to_pdf(f.owner_only_encrypted_pdf(), "beveiligd.pdf")
    doc = pymupdf.open(stream=out, filetype="pdf")
    assert not doc.is_encrypted and f.SECRET in doc[0].get_text()


@pytest.mark.parametrize(
    "kind,filename,frames,pages",
    [("png", "scan.png", 1, 1), ("jpeg", "foto.jpg", 1, 1), ("tiff", "fax.tif", 3, 3)],
)
def test_images_become_one_page_each(kind, filename, frames, pages):
    out = to_pdf(f.image_file(kind, frames=frames), filename)
    assert page_count(out) == pages
    assert pymupdf.open(stream=out, filetype="pdf")[0].get_images()


def test_eml_is_rendered_with_headers_and_body():
    out = to_pdf(f.eml(), "verzoek.eml")
    text = " ".join(pymupdf.open(stream=out, filetype="pdf")[0].get_text().split())
    for expected in (
        "Van: Pieter Aanvrager <pieter@example.nl>",
        "Aan: woo@gemeente.example.nl",
        "CC: secretariaat@gemeente.example.nl",
        "Onderwerp: Woo-verzoek windturbines",
        "Datum:",
        "Hierbij mijn Woo-verzoek over de windturbines.",
    ):
        assert expected in text


def test_eml_sniffed_without_extension_and_long_mail_paginates():
    out = to_pdf(f.eml(long_body=True), "bericht")
    doc = pymupdf.open(stream=out, filetype="pdf")
    assert doc.page_count > 3
    assert "Alinea 299" in doc[-1].get_text()


def test_html_only_mail_is_stripped_to_text():
    out = to_pdf(f.eml(html_only=True), "verzoek.eml")
    text = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "Hierbij mijn Woo-verzoek" in text
    assert "<p>" not in text and "color:red" not in text


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>Een</p><p>Twee &amp; drie</p><script>x()</script>") == (
        "Een\n\nTwee & drie"
    )


def test_sniff_by_content():
    assert sniff(f.text_pdf(), "x.png") == "pdf"
    assert sniff(f.image_file("png"), "x.pdf") == "png"
    assert sniff(f.docx(), "brief.zip") == "docx"
    assert sniff(f.eml(), "x") == "eml"


def test_docx_without_libreoffice_is_conversion_unavailable(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no soffice to be found
    exc = _reason(f.docx(), "besluit.docx")
    assert exc.reason == "conversion_unavailable"
    assert "LibreOffice" in str(exc)


def test_failing_converter_is_conversion_failed(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho kapot >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert _reason(f.docx(), "besluit.docx").reason == "conversion_failed"


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_docx_converted_by_libreoffice():
    out = to_pdf(f.docx(), "besluit.docx")
    assert "Besluit op uw Woo-verzoek" in pymupdf.open(stream=out, filetype="pdf")[0].get_text()


def test_jpeg_metadata_is_not_carried_into_the_pdf():
    out = to_pdf(f.jpeg_with_comment(), "foto.jpg")
    assert f.SECRET.encode() not in out
    doc = pymupdf.open(stream=out, filetype="pdf")
    image = pymupdf.Pixmap(doc, doc[0].get_images()[0][0])
    assert (image.width, image.height) == (120, 80)
