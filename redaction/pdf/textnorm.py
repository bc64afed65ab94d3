"""Text normalisation and PDF string decoding shared by applying and verifying."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

_WS = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"-?\s*\n\s*")
MIN_SECRET_LEN = 3  # shorter secrets are checked inside the boxes only (too many chance matches)


def normalise(text: str) -> str:
    """Compatibility-fold, case-fold and collapse every whitespace run to one space."""
    if not text.isascii():  # ASCII is already NFKC and has no soft hyphen
        text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return _WS.sub(" ", text).casefold().strip()


def secret_set(secrets, boxes=()) -> list[str]:
    """The normalised, de-duplicated secrets plus the text of every box, longest first."""
    out = {normalise(s) for s in secrets if s and s.strip()}
    out |= {normalise(b.text) for b in boxes if b.text and b.text.strip()}
    out.discard("")
    return sorted(out, key=lambda s: (-len(s), s))


_HYPHEN_BREAK = re.compile(r"-[ \t]*\n\s*")
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-Z\u00c0-\u00de])(?<![A-Z\u00c0-\u00de])")


def variants(text: str, *, camel: bool = True) -> tuple[str, ...]:
    """Forms of ``text`` to search in: as is; lines joined without space (hyphenation undone);
    lines joined keeping a hyphen ("Vries-\\nBakker"); words glued by lost spaces split again
    at a lower-to-upper case step ("JanJansen" is also read as "Jan Jansen")."""
    forms = [normalise(text)]
    if "\n" in text:
        forms.append(normalise(_LINE_BREAK.sub("", text)))
        if "-" in text:
            forms.append(normalise(_HYPHEN_BREAK.sub("-", text)))
    if camel and _CAMEL.search(text):
        forms.append(normalise(_CAMEL.sub(" ", text)))
    return tuple(dict.fromkeys(forms))


def _bounded(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words: no letter or digit glued to either end
    (Unicode-aware), so "wijk" is not found in "wijkagent" nor "post" in "postcode"."""
    check_start = needle[:1].isalnum()
    check_end = needle[-1:].isalnum()
    n, size = len(needle), len(haystack)
    i = haystack.find(needle)
    while i >= 0:
        # a hyphen between letters joins a compound: "adres" is not a word of "IP-adres"
        glued_before = (
            check_start
            and i > 0
            and (
                haystack[i - 1].isalnum()
                or (haystack[i - 1] == "-" and i > 1 and haystack[i - 2].isalnum())
            )
        )
        j = i + n
        glued_after = (
            check_end
            and j < size
            and (
                haystack[j].isalnum()
                or (haystack[j] == "-" and j + 1 < size and haystack[j + 1].isalnum())
            )
        )
        if not glued_before and not glued_after:
            return True
        i = haystack.find(needle, i + 1)
    return False


def compact(secret: str) -> str | None:
    """A multi-word secret with its spaces removed ("jan jansen" -> "janjansen"), or None."""
    if " " not in secret:
        return None
    glued = secret.replace(" ", "")
    return glued if len(glued) >= 6 else None


def occurs(haystack: str, secret: str) -> bool:
    """Whether the normalised ``secret`` is in the prepared ``haystack`` (forms joined by NUL)."""
    if _bounded(haystack, secret):
        return True
    glued = compact(secret)
    return glued is not None and _bounded(haystack, glued)


def find_secrets(haystack: str, secrets, *, min_len: int = MIN_SECRET_LEN) -> list[str]:
    """The secrets (already normalised) that occur in ``haystack`` (normalised here) as words."""
    joined = "\x00".join(variants(haystack))  # one scan per secret over all forms
    return [s for s in secrets if len(s) >= min_len and occurs(joined, s)]


_NON_WORD = re.compile(r"[\W_]+")


def loose(text: str) -> str:
    """Only the letters and digits, one space between runs: "j.de-vries@x.nl" ~ "j de vries x nl"."""
    return " " + _NON_WORD.sub(" ", normalise(text)).strip() + " "


def find_secrets_loose(target: str, secrets, *, min_len: int = MIN_SECRET_LEN) -> list[str]:
    """Secrets in an address (URI, file name) where spaces may be dots, dashes or "%20"."""
    hay = loose(unquote(target))
    return [s for s in secrets if len(s) >= min_len and loose(s).strip() and loose(s) in hay]


PREFILTER_PREFIX = 64  # characters of each secret put in the prefilter (bounds its nesting)


def _trie_pattern(words) -> str:
    """A regex matching wherever one of ``words`` starts: a trie, so each position costs a few
    character comparisons however many words there are (a flat alternation tries them all)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


class SecretMatcher:
    """``find_secrets``/``find_secrets_loose`` for one fixed set of secrets, fast on clean text.

    A compiled trie of the secrets' prefixes first tells whether any secret *can* occur; only then
    is every secret tested exactly. A prefix of a present secret is always present, so the
    prefilter never hides a match: the answers are exactly those of the plain functions.
    """

    def __init__(self, secrets, *, min_len: int = MIN_SECRET_LEN):
        self.secrets = list(secrets)  # already normalised (secret_set), order kept in answers
        self._searchable = [s for s in self.secrets if len(s) >= min_len]
        self._loose = [(s, loose(s)) for s in self._searchable if loose(s).strip()]
        self._prefilter: re.Pattern | None = None
        self._loose_prefilter: re.Pattern | None = None

    def find(self, haystack: str) -> list[str]:
        """The secrets in ``haystack``, as ``find_secrets(haystack, secrets)``."""
        if not self._searchable or not haystack:
            return []
        if self._prefilter is None:
            forms = self._searchable + [c for c in map(compact, self._searchable) if c]
            prefixes = {s[:PREFILTER_PREFIX] for s in forms}
            self._prefilter = re.compile(_trie_pattern(prefixes))
        # The case-step form ("JanJansen" -> "jan jansen") is built only when the prefilter hits:
        # a secret's prefix is in the folded text whichever way its words are glued.
        joined = "\x00".join(variants(haystack, camel=False))
        if self._prefilter.search(joined) is None:
            return []
        if _CAMEL.search(haystack):
            joined += "\x00" + normalise(_CAMEL.sub(" ", haystack))
        return [s for s in self._searchable if occurs(joined, s)]

    def find_loose(self, target: str) -> list[str]:
        """The secrets in an address, as ``find_secrets_loose(target, secrets)``."""
        if not self._loose or not target:
            return []
        if self._loose_prefilter is None:
            prefixes = {form[:PREFILTER_PREFIX] for _, form in self._loose}
            self._loose_prefilter = re.compile(_trie_pattern(prefixes))
        hay = loose(unquote(target))
        if self._loose_prefilter.search(hay) is None:
            return []
        return [s for s, form in self._loose if form in hay]


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "(": "(", ")": ")", "\\": "\\"}


def _decode_bytes(raw: bytes) -> str:
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw.decode("utf-16", errors="replace")
    if raw[:3] == b"\xef\xbb\xbf":
        return raw[3:].decode("utf-8", errors="replace")
    return raw.decode("latin-1")


_LITERAL_TOKEN = re.compile(r"[^\\()]+|[\\()]")


def _read_literal(src: str, i: int) -> tuple[bytes, int]:
    """Decode the literal string starting after the '(' at ``i``; return bytes and next index."""
    out = bytearray()
    depth = 1
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n:
            nxt = src[i + 1]
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt].encode("latin-1")
                i += 2
            elif nxt in "01234567":
                j = i + 1
                while j < n and j < i + 4 and src[j] in "01234567":
                    j += 1
                out.append(int(src[i + 1 : j], 8) & 0xFF)
                i = j
            elif nxt in "\r\n":
                i += 2 + (nxt == "\r" and i + 2 < n and src[i + 2] == "\n")
            else:
                out += nxt.encode("latin-1", errors="replace")
                i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        elif c != "\\":  # a run of ordinary characters, copied in one step
            run = _LITERAL_TOKEN.match(src, i)
            out += run.group().encode("latin-1", errors="replace")
            i = run.end()
            continue
        out += c.encode("latin-1", errors="replace")
        i += 1
    return bytes(out), i


_HEX = re.compile(r"<([0-9A-Fa-f\s]*)>")
_STRING_SYNTAX = re.compile(r"[(<\[\]]")


def pdf_strings(src: str) -> list[str]:
    """Every literal ``(...)`` and hex ``<...>`` string in PDF source text, decoded.

    The strings inside one ``[...]`` text array (TJ) are also returned joined, so that a word split
    by kerning ("[(Jan) -20 (sen)] TJ") is found whole.
    """
    found: list[str] = []
    array: list[str] | None = None
    i, n = 0, len(src)
    while i < n:
        jump = _STRING_SYNTAX.search(src, i)  # skip operators and numbers in one step
        if jump is None:
            break
        i = jump.start()
        c = src[i]
        if c == "(":
            raw, i = _read_literal(src, i + 1)
            text = _decode_bytes(raw)
            found.append(text)
            if array is not None:
                array.append(text)
            continue
        if c == "<" and not src.startswith("<<", i):
            m = _HEX.match(src, i)
            if m:
                digits = re.sub(r"\s", "", m.group(1))
                if len(digits) % 2:
                    digits += "0"
                text = _decode_bytes(bytes.fromhex(digits))
                found.append(text)
                if array is not None:
                    array.append(text)
                i = m.end()
                continue
        if c == "<" and src.startswith("<<", i):
            i += 2
            continue
        if c == "[":
            array = []
        elif c == "]" and array is not None:
            if len(array) > 1:
                found.append("".join(array))
            array = None
        i += 1
    return found
