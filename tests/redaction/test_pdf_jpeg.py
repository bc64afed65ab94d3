"""JPEG metadata segments are split off without touching the image data."""

import pymupdf
import pytest

from redaction.pdf.jpeg import split_jpeg_metadata
from tests.redaction import pdf_factory as f


@pytest.mark.parametrize(
    "data,removed",
    [
        (f.image_file("jpeg"), b""),
        (f.jpeg_with_comment("Jan"), b"Fotograaf Jan\n"),
        (b"geen jpeg", b""),
    ],
)
def test_split(data, removed):
    stripped, got = split_jpeg_metadata(data)
    assert got == removed
    if data.startswith(b"\xff\xd8"):
        assert pymupdf.Pixmap(stripped).width == 120
        assert stripped == f.image_file("jpeg")


def test_truncated_marker_leaves_data_alone():
    data = b"\xff\xd8\xff\xe1\x00"
    assert split_jpeg_metadata(data) == (data, b"")
