"""Detection: text spans with page and boxes in, redaction suggestions out (no ORM, no PDF).

Pattern detectors (redaction.detect.patterns) and context/lexicon name rules (redaction.detect.names)
find candidates; what must stay readable is removed (public offices and officials, article
references, ground codes, kenmerken, ECLI, Postbus addresses, functional mailboxes); a name found
once is then searched for everywhere in the case. spaCy: `spacy.blank("nl")` by default; when
WOBDESK_SPACY_MODEL names an installed model with an NER component, its PER entities are added.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from redaction.detect import lexicon, names, patterns
from redaction.detect.patterns import Span
from redaction.types import Box, PageText, Suggestion

DETECTOR_VERSION = "1.0"

CATEGORIES: dict[str, str] = {
    "person": "Naam",
    "email": "E-mailadres",
    "phone": "Telefoonnummer",
    "iban": "IBAN",
    "bsn": "BSN",
    "address": "Adres",
    "postcode": "Postcode",
    "licence_plate": "Kenteken",
    "date_of_birth": "Geboortedatum",
    "url": "Persoonlijke URL",
    "ip_address": "IP-adres",
    "hostname": "Hostnaam",
    "share_path": "Netwerkpad",
    "system_code": "Systeemcode",
    "custom": "Op verzoek",
}
TECHNICAL = {"ip_address", "hostname", "share_path", "system_code"}
PRIORITY = {
    "bsn": 9,
    "iban": 9,
    "email": 8,
    "url": 8,
    "phone": 7,
    "date_of_birth": 7,
    "licence_plate": 6,
    "share_path": 6,
    "hostname": 6,
    "ip_address": 6,
    "system_code": 5,
    "custom": 5,
    "person": 4,
    "address": 3,
    "postcode": 3,
}
DEFAULT_PUBLIC_OFFICES = names.PUBLIC_OFFICES


@dataclass(frozen=True)
class DetectionConfig:
    regime: str = "woo"
    public_officials: tuple[str, ...] = ()
    public_offices: tuple[str, ...] = DEFAULT_PUBLIC_OFFICES
    always_redact: tuple[str, ...] = ()
    never_redact: tuple[str, ...] = ()
    technical_ground: str | None = None
    functional_mailboxes: tuple[str, ...] = patterns.FUNCTIONAL_LOCAL_PARTS
    spacy_model: str | None = None
    public_numbers: tuple[str, ...] = ()  # the organisation's own general numbers stay readable
    system_code_patterns: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def ground_for(category: str, config: DetectionConfig) -> str:
    woo = config.regime == "woo"
    if category == "bsn":
        return "5.1.1e" if woo else "10.2.e"  # Woo 5.1.1e: statutory identification numbers
    if category in TECHNICAL:
        return config.technical_ground or ("5.1.2i" if woo else "10.2.g")
    return "5.1.2e" if woo else "10.2.e"  # persoonlijke levenssfeer


@lru_cache(maxsize=4)
def pipeline(model: str | None):
    """One spaCy pipeline per process: the named model when installed, else blank Dutch."""
    import spacy

    if model and spacy.util.is_package(model):
        return spacy.load(model)
    return spacy.blank("nl")


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


class _Officials:
    def __init__(self, officials: Sequence[str]):
        self.full = {_norm(o) for o in officials if o.strip()}
        self.surnames = set()
        for o in officials:
            variants = names.name_variants(o.strip())
            if len(variants) > 1:
                self.surnames.add(_norm(variants[-1]))
            words = [w for w in o.split() if not w.endswith(".")]
            if words:
                self.surnames.add(_norm(words[-1]))

    def match(self, candidate: str) -> bool:
        """Same person: the same full name, or the same surname (with tussenvoegsels)."""
        n = _norm(candidate)
        if not n or not self.full:
            return False
        if n in self.full:
            return True
        variants = names.name_variants(candidate)
        surname = _norm(variants[-1])
        last_word = _norm(candidate.split()[-1]) if candidate.split() else ""
        return surname in self.surnames or (len(variants) == 1 and last_word in self.surnames)


def spans_to_boxes(page: PageText, start: int, end: int) -> tuple[Box, ...]:
    """Merge the boxes of the characters start..end into one box per line."""
    boxes: list[list[float]] = []
    for box in page.char_boxes[start:end]:
        if box is None:
            continue
        x0, y0, x1, y1 = box
        if boxes:
            cur = boxes[-1]
            same_line = abs(y0 - cur[1]) < max(2.0, (y1 - y0) * 0.5) and x0 >= cur[0] - 1
            if same_line:
                cur[0], cur[1] = min(cur[0], x0), min(cur[1], y0)
                cur[2], cur[3] = max(cur[2], x1), max(cur[3], y1)
                continue
        boxes.append([x0, y0, x1, y1])
    return tuple(tuple(b) for b in boxes)


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in ranges)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _resolve(spans: list[Span]) -> list[Span]:
    """No overlapping output: the higher priority (then longer) span wins; same category merges."""
    result: list[Span] = []
    for s in sorted(
        spans, key=lambda s: (-PRIORITY.get(s.category, 0), -(s.end - s.start), s.start)
    ):
        clash = [r for r in result if _overlaps(r, s)]
        if not clash:
            result.append(s)
            continue
        if all(r.category == s.category for r in clash):
            start = min([s.start] + [r.start for r in clash])
            end = max([s.end] + [r.end for r in clash])
            keep = max([s, *clash], key=lambda x: x.score)
            for r in clash:
                result.remove(r)
            result.append(Span(start, end, s.category, keep.detector, keep.reason, keep.score))
    return sorted(result, key=lambda s: s.start)


def _page_spans(text: str, config: DetectionConfig, officials: _Officials) -> list[Span]:
    readable = patterns.readable_spans(text)
    never = [t for t in config.never_redact if t.strip()]
    spans: list[Span] = []
    spans += [
        s
        for s in patterns.find_emails(text)
        if text[s.start : s.end].split("@")[0].lower() not in config.functional_mailboxes
    ]
    public_numbers = frozenset(re.sub(r"\D", "", n) for n in config.public_numbers)
    spans += list(patterns.find_phones(text, public_numbers))
    spans += list(patterns.find_ibans(text))
    spans += list(patterns.find_bsns(text))
    spans += list(patterns.find_addresses(text))
    spans += list(patterns.find_plates(text))
    spans += list(patterns.find_birth_dates(text))
    spans += list(patterns.find_urls(text))
    spans += list(patterns.find_technical(text, config.system_code_patterns))
    for s in names.find_names(text):
        if officials.match(text[s.start : s.end]):
            continue
        spans.append(s)
    nlp = pipeline(config.spacy_model) if config.spacy_model else None
    if nlp is not None and "ner" in nlp.pipe_names:
        for ent in nlp(text).ents:
            if ent.label_ in ("PER", "PERSON") and not officials.match(ent.text):
                spans.append(
                    Span(
                        ent.start_char,
                        ent.end_char,
                        "person",
                        "spacy.ner",
                        f"Naam volgens taalmodel {config.spacy_model}",
                        0.7,
                    )
                )
    result = []
    for s in spans:
        if s.category not in ("email", "url", "share_path") and _inside(s, readable):
            continue
        value = text[s.start : s.end]
        if any(_norm(value) == _norm(n) or _norm(n) in _norm(value) for n in never):
            continue
        result.append(s)
    return result


def _variant_regex(variant: str) -> re.Pattern:
    tokens = [re.escape(t) for t in variant.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(tokens) + r"(?![\w])", re.IGNORECASE)


def detect_case(
    documents: Mapping[Hashable, Sequence[PageText]], config: DetectionConfig
) -> dict[Hashable, list[Suggestion]]:
    officials = _Officials(config.public_officials)
    found: dict[Hashable, dict[int, list[Span]]] = {}
    person_terms: set[str] = set()
    custom_terms = [t.strip() for t in config.always_redact if len(t.strip()) >= 3]
    for key, pages in documents.items():
        found[key] = {}
        for page in pages:
            spans = _page_spans(page.text, config, officials)
            found[key][page.page] = spans
            for s in spans:
                value = " ".join(page.text[s.start : s.end].split())
                if s.category == "person" and s.score >= 0.85:
                    person_terms.update(names.name_variants(value))
                if s.category == "email":
                    person_terms.update(_names_from_email(value, page.text))
    # consistency across the case: every occurrence of a found name, any case, across line breaks
    terms = []
    for t in person_terms:
        words = t.split()
        if not words or len(t) < 3 or officials.match(t):
            continue
        if len(words) == 1 and (
            lexicon.common_words().__contains__(t.lower())
            or t.lower() in lexicon.places()
            or len(t) < 3
        ):
            continue
        if any(_norm(t) == _norm(n) for n in config.never_redact):
            continue
        terms.append(("person", t))
    terms += [("custom", t) for t in custom_terms]
    compiled = [
        (cat, t, _variant_regex(t)) for cat, t in sorted(set(terms), key=lambda x: -len(x[1]))
    ]
    result: dict[Hashable, list[Suggestion]] = {}
    for key, pages in documents.items():
        suggestions: list[Suggestion] = []
        for page in pages:
            spans = list(found[key][page.page])
            readable = patterns.readable_spans(page.text)
            for cat, _term, rx in compiled:
                for m in rx.finditer(page.text):
                    candidate = Span(
                        m.start(),
                        m.end(),
                        cat,
                        "names.case_consistency" if cat == "person" else "custom.always_redact",
                        "Naam eerder in dit dossier gevonden"
                        if cat == "person"
                        else "Op verzoek altijd lakken",
                        0.8,
                    )
                    if _inside(candidate, readable):
                        continue
                    if cat == "person" and _overlaps_any(candidate, spans):
                        continue
                    spans.append(candidate)
            for s in _resolve(spans):
                suggestions.append(
                    Suggestion(
                        page=page.page,
                        start=s.start,
                        end=s.end,
                        text=page.text[s.start : s.end],
                        category=s.category,
                        ground=ground_for(s.category, config),
                        boxes=spans_to_boxes(page, s.start, s.end) if page.char_boxes else (),
                        detector=s.detector,
                        detector_version=DETECTOR_VERSION,
                        reason=s.reason,
                        score=s.score,
                    )
                )
        result[key] = sorted(suggestions, key=lambda s: (s.page, s.start))
    return result


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    return any(_overlaps(span, s) for s in spans)


def _names_from_email(address: str, text: str) -> list[str]:
    """'p.dekker@example.nl' -> ['Dekker'] when 'Dekker' is a known surname or occurs capitalised."""
    local = address.split("@")[0]
    parts = [p for p in re.split(r"[._-]+", local) if p]
    if len(parts) < 2:
        return []
    last = parts[-1]
    if len(last) < 3 or last.isdigit():
        return []
    cap = last.capitalize()
    if last.lower() in lexicon.surnames() or re.search(rf"\b{re.escape(cap)}\b", text):
        if last.lower() not in lexicon.common_words():
            return [cap]
    return []


def detect_pages(pages: Sequence[PageText], config: DetectionConfig) -> list[Suggestion]:
    return detect_case({0: pages}, config)[0]


def detect_text(text: str, config: DetectionConfig | None = None) -> list[Suggestion]:
    page = PageText(page=0, text=text, char_boxes=())
    return detect_pages([page], config or DetectionConfig())


__all__ = [
    "CATEGORIES",
    "DETECTOR_VERSION",
    "DetectionConfig",
    "detect_case",
    "detect_pages",
    "detect_text",
    "ground_for",
    "spans_to_boxes",
]
