"""A small PDF content-stream rewriter: drop hidden optional content, drop replacement text.

Two things in a page's drawing instructions can hold text that the redaction of MuPDF does not
touch: marked content of a switched-off layer (``/OC /MC0 BDC ... EMC``: MuPDF copies it through
unfiltered) and the replacement text of tagged PDFs (``/Span <</ActualText (...)>> BDC``), which
other readers extract instead of the glyphs. Both are cut out of the stream here.
"""

from __future__ import annotations

import re

_WS = b" \t\r\n\f\x00"
_DELIM = b"()<>[]{}/%"
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REGULAR = re.compile(rb"[^ \t\r\n\f\x00()<>\[\]{}/%]+")
_EI = re.compile(rb"[ \t\r\n\f\x00]EI(?=[ \t\r\n\f\x00]|$)")
# replacement texts of marked content (ISO 32000-1, 14.9.3 and 14.9.4): alternate description,
# expansion of an abbreviation and ActualText
REPLACEMENT_KEYS = (b"/ActualText", b"/Alt", b"/E")


def _literal_end(data: bytes, i: int) -> int:
    """Index after the literal string whose "(" is at ``i``."""
    depth = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash escapes the next byte
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def tokens(data: bytes):
    """(kind, start, end) for every token: str, hex, name, num, op, dict_open, dict_close, ..."""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in _WS:
            i += 1
            continue
        if c == 0x25:  # % comment
            j = data.find(b"\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == 0x28:
            j = _literal_end(data, i)
            yield "str", i, j
            i = j
            continue
        if c == 0x3C:
            if data.startswith(b"<<", i):
                yield "dict_open", i, i + 2
                i += 2
                continue
            j = data.find(b">", i)
            j = n if j < 0 else j + 1
            yield "str", i, j
            i = j
            continue
        if data.startswith(b">>", i):
            yield "dict_close", i, i + 2
            i += 2
            continue
        if c in b"[]{}>)":
            yield "punct", i, i + 1
            i += 1
            continue
        if c == 0x2F:
            m = _REGULAR.match(data, i + 1)
            j = m.end() if m else i + 1
            yield "name", i, j
            i = j
            continue
        m = _REGULAR.match(data, i)
        j = m.end()
        word = data[i:j]
        if _NUMBER.fullmatch(word):
            yield "num", i, j
            i = j
            continue
        yield "op", i, j
        i = j
        if word == b"ID":  # inline image data: binary up to " EI"
            e = _EI.search(data, i + 1)
            i = n if e is None else e.start() + 1
            if e is not None:
                yield "op", e.start() + 1, e.end()
                i = e.end()


def filter_content(data: bytes, hidden: set[bytes]) -> tuple[bytes, set[str]]:
    """``data`` without marked content of the property names in ``hidden`` (off layers) and without
    replacement texts; plus what was removed: {"hidden_layer", "actual_text"}."""
    if b"BDC" not in data:
        return data, set()
    cuts: list[tuple[int, int]] = []
    removed: set[str] = set()
    operands: list[tuple[str, int, int]] = []
    stack: list[int | None] = []  # start offset of a hidden section, None for a visible one
    hidden_depth = 0
    for kind, start, end in tokens(data):
        if kind != "op":
            operands.append((kind, start, end))
            continue
        op = data[start:end]
        if op in (b"BDC", b"BMC"):
            hide = False
            if op == b"BDC" and len(operands) >= 2:
                tag = data[operands[0][1] : operands[0][2]]
                prop = operands[1]
                if tag == b"/OC" and prop[0] == "name" and data[prop[1] : prop[2]] in hidden:
                    hide = True
                if not hide_depth_active(hidden_depth):
                    for k, (kk, s, e) in enumerate(operands[:-1]):
                        if kk == "name" and data[s:e] in REPLACEMENT_KEYS:
                            nxt = operands[k + 1]
                            if nxt[0] == "str":
                                cuts.append((s, nxt[2]))
                                removed.add("actual_text")
            start_of_ops = operands[0][1] if operands else start
            stack.append(start_of_ops if hide else None)
            if hide:
                hidden_depth += 1
        elif op == b"EMC" and stack:
            opened = stack.pop()
            if opened is not None:
                hidden_depth -= 1
                if hidden_depth == 0:
                    cuts.append((opened, end))
                    removed.add("hidden_layer")
        operands = []
    if not cuts:
        return data, removed
    # cuts inside a removed hidden section are contained in it: merge overlapping ranges
    cuts.sort()
    merged: list[list[int]] = []
    for s, e in cuts:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = bytearray()
    pos = 0
    for s, e in merged:
        out += data[pos:s]
        out += b" "
        pos = e
    out += data[pos:]
    return bytes(out), removed


def hide_depth_active(depth: int) -> bool:
    return depth > 0
