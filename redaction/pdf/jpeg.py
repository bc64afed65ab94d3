"""JPEG metadata (EXIF, XMP, IPTC, comments) split off the image data: a JPEG in a PDF keeps it."""

from __future__ import annotations

_KEEP_APP = {0xE0, 0xEE}  # APP0 (JFIF) and APP14 (Adobe colour transform) affect decoding
_STANDALONE = {0x01, *range(0xD0, 0xD9)}  # TEM, RSTn, SOI: no length field


def split_jpeg_metadata(data: bytes) -> tuple[bytes, bytes]:
    """(JPEG without metadata segments, the removed payloads joined); unchanged if not a JPEG."""
    if not data.startswith(b"\xff\xd8"):
        return data, b""
    kept = bytearray(b"\xff\xd8")
    removed = bytearray()
    i, n = 2, len(data)
    while i + 1 < n:
        if data[i] != 0xFF:
            return data, b""  # not a marker where one must be: leave the image alone
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in _STANDALONE:
            kept += data[i : i + 2]
            i += 2
            continue
        if marker == 0xDA:  # start of scan: entropy-coded data follows, copy the rest verbatim
            kept += data[i:]
            return bytes(kept), bytes(removed)
        if i + 4 > n:
            return data, b""
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment = data[i : i + 2 + length]
        payload = segment[4:]
        is_icc = marker == 0xE2 and payload.startswith(b"ICC_PROFILE")
        if (0xE0 <= marker <= 0xEF and marker not in _KEEP_APP and not is_icc) or marker == 0xFE:
            removed += payload + b"\n"
        else:
            kept += segment
        i += 2 + length
    return bytes(kept), bytes(removed)
