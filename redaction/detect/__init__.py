"""Detection: page texts in, redaction suggestions out (patterns, names, case consistency); no ORM."""

# Flow per case: pattern detectors (patterns, technical) and name rules (names, namewords) find
# candidates; what must stay readable is dropped (readable spans such as articles, ground codes,
# kenmerken and ECLI; Postbus address blocks; functional mailboxes; public offices, parties and
# configured officials; never_redact); then every name found once is searched for in every page of
# every document of the case (any case, across line breaks), and always_redact terms are added.
# spaCy: the rules work on the raw text and need no tokenizer (spacy.blank("nl") alone costs as
# much time as all rules together); when WOBDESK_SPACY_MODEL names an installed package, ONE
# pipeline per process is loaded and its PER entities are added as candidates ("spacy.ner").

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from redaction.detect import (
    lexicon,
    names,
    namewords,
    officials,
    patterns,
    structure,
    technical,
)
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
NUMERIC = {"phone", "bsn", "iban", "licence_plate", "postcode", "date_of_birth", "ip_address"}
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
DEFAULT_PUBLIC_OFFICES = lexicon.PUBLIC_OFFICES


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
    """No overlapping output: the higher priority (then longer) span wins; same category merges.
    The kept spans never overlap, so they stay sorted by start and by end: the clashes of a new
    span are one slice found by bisection (no scan of every kept span per span)."""
    starts: list[int] = []
    kept: list[Span] = []
    for s in sorted(
        spans, key=lambda s: (-PRIORITY.get(s.category, 0), -(s.end - s.start), s.start)
    ):
        i = bisect.bisect_right(starts, s.start) - 1
        lo = i if i >= 0 and kept[i].end > s.start else i + 1
        hi = bisect.bisect_left(starts, s.end)
        clash = kept[lo:hi]
        if not clash:
            starts.insert(lo, s.start)
            kept.insert(lo, s)
            continue
        if all(r.category == s.category for r in clash):
            start = min(s.start, clash[0].start)
            end = max(s.end, clash[-1].end)
            keep = max([s, *clash], key=lambda x: x.score)
            merged = Span(start, end, s.category, keep.detector, keep.reason, keep.score)
            del kept[lo:hi]
            del starts[lo:hi]
            starts.insert(lo, start)
            kept.insert(lo, merged)
    return kept


STREET_NAME = re.compile(rf"(?:{patterns.STREET_SUFFIX})$", re.IGNORECASE)
HOUSE_NUMBER = re.compile(r"[ \t]+\d{1,5}(?![\d.,:-]\d)")


def _page_spans(
    text: str,
    config: DetectionConfig,
    people: officials.Officials,
    readable: list[tuple[int, int]],
    doc=None,
) -> list[Span]:
    never = [t for t in config.never_redact if t.strip()]
    organisation_blocks = patterns.postbus_blocks(text) if "ostbus" in text else []
    if "adres" in text:
        organisation_blocks += patterns.organisation_address_lines(text)
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
    spans += list(technical.find_technical(text, config.system_code_patterns))
    spans += list(structure.find_table_cells(text))
    spans += list(structure.find_key_values(text))
    office_on_page = officials.mentions_office(text, config.public_offices)
    for s in names.find_names(text):
        if people.match(text[s.start : s.end], doc):
            continue
        if STREET_NAME.search(text, s.start, s.end) and HOUSE_NUMBER.match(text, s.end):
            continue  # "Karel Doormanstraat 31", "Pieter de Hoochlaan 90": a street, not a person
        if office_on_page and officials.introduced_by_office(
            text, s.start, s.end, config.public_offices
        ):
            continue
        spans.append(s)
    nlp = pipeline(config.spacy_model) if config.spacy_model else None
    if nlp is not None and "ner" in nlp.pipe_names:
        for ent in nlp(text).ents:
            if ent.label_ in ("PER", "PERSON") and not people.match(ent.text, doc):
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
    person_starts = [s.start for s in spans if s.category == "person"]
    for s in spans:
        if s.category == "phone" and s.detector == "pattern.phone":
            if patterns.organisation_phone(text, s.start, s.end, person_starts):
                continue  # the switchboard in a colofon or letterhead stays readable
        if s.category in NUMERIC and any(a < s.end and s.start < b for a, b in readable):
            continue  # a number touching a kenmerk or article ("2021-0088197 8724") is part of it
        if s.category not in ("email", "url", "share_path") and _inside(s, readable):
            continue
        if s.category in ("address", "postcode") and _inside(s, organisation_blocks):
            continue  # a street address in the same block as a Postbus is the organisation's
        value = text[s.start : s.end]
        if any(_norm(value) == _norm(n) or _norm(n) in _norm(value) for n in never):
            continue
        result.append(s)
    return result


def _term_key(term: str) -> str:
    return " ".join(term.lower().split())


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern | None:
    """One alternation for all case terms (longest first), any case, any whitespace between words."""
    alternatives = sorted({_term_key(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in alternatives)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


def detect_case(
    documents: Mapping[Hashable, Sequence[PageText]], config: DetectionConfig
) -> dict[Hashable, list[Suggestion]]:
    readable_people = officials.Officials(config.public_officials)
    for doc_key, pages in documents.items():
        for page in pages:  # a full name introduced by a public office is readable everywhere
            readable_people.add(
                officials.office_holders(page.text, config.public_offices), doc=doc_key
            )
    found: dict[Hashable, dict[int, list[Span]]] = {}
    readable: dict[tuple[Hashable, int], list[tuple[int, int]]] = {}
    joined: dict[tuple[Hashable, int], tuple[str, list[int] | None, list[int]]] = {}
    person_terms: set[str] = set()
    word_surnames: set[str] = set()  # "Kok" of "Lisa Kok": searched capitalised only
    custom_terms = [t.strip() for t in config.always_redact if len(t.strip()) >= 3]
    for key, pages in documents.items():
        found[key] = {}
        for page in pages:
            readable[key, page.page] = patterns.readable_spans(page.text)
            spans = _page_spans(page.text, config, readable_people, readable[key, page.page], key)
            joined[key, page.page] = _join(page.text)
            joined_text, index, joints = joined[key, page.page]
            if index is not None:  # a name, address or number broken over a line or a hyphen
                crossing = []
                for w_start, w_end in _joint_windows(joined_text, joints):
                    window = joined_text[w_start:w_end]
                    found_here = _page_spans(
                        window, config, readable_people, patterns.readable_spans(window), key
                    )
                    crossing += [_shift(s, w_start) for s in found_here]
                for s in crossing:
                    if not any(s.start < j < s.end for j in joints):
                        continue
                    value = " ".join(joined_text[s.start : s.end].split())
                    if s.category == "person" and s.score >= 0.85:
                        person_terms.update(namewords.name_variants(value))
                    spans.append(_unjoin(s, index))
                spans = _resolve(spans)
            found[key][page.page] = spans
            for s in spans:
                value = " ".join(page.text[s.start : s.end].split())
                if s.category == "person" and s.score >= 0.85:
                    person_terms.update(namewords.name_variants(value))
                    surname = _word_surname(value)
                    if surname:
                        word_surnames.add(surname)
                if s.category == "email":
                    person_terms.update(_names_from_email(value, page.text))
    # consistency across the case: every occurrence of a found name, any case, across line breaks
    terms = []
    place_terms = set()
    for t in person_terms | word_surnames:
        words = t.split()
        if not words or len(t) < 3 or readable_people.match(t):
            continue
        if len(words) == 1 and t.lower() in lexicon.common_words() and t not in word_surnames:
            continue
        if (
            len(words) == 1
            and t.lower() in lexicon.places()
            and t.lower() not in lexicon.surnames()
        ):
            place_terms.add(_term_key(t))  # "Thijmen Oudewater", later "Oudewater licht toe"

        if any(_norm(t) == _norm(n) for n in config.never_redact):
            continue
        terms.append(("person", t))
    terms += [("custom", t) for t in custom_terms]
    # an always_redact term that is also a found name stays "custom" (the explicit choice wins)
    term_category = {
        _term_key(t): cat for cat, t in sorted(set(terms), key=lambda x: x[0] == "custom")
    }
    # index the terms by their first word: each page compiles only the terms it can contain
    by_first_word: dict[str, set[str]] = {}
    for _, t in terms:
        first = re.search(r"\w+", t.lower())
        if first:
            by_first_word.setdefault(first.group(0), set()).add(_term_key(t))
    # "de Jong", "de Wit": the surname is also a word, so only a capitalised mention counts
    # and a one-word first name or surname that is also a Dutch word ("Tolk", "Floor", "Roos")
    needs_capital = {
        _term_key(t)
        for cat, t in terms
        if cat == "person"
        and (
            t.split()[-1].lower() in lexicon.common_words()
            or len(t.split()) == 1
            and (lexicon.is_dutch_word(t) or lexicon.is_plain_word(t))
        )
    }
    result: dict[Hashable, list[Suggestion]] = {}
    for key, pages in documents.items():
        suggestions: list[Suggestion] = []
        for page in pages:
            spans = list(found[key][page.page])
            joined_text, index, _ = joined[key, page.page]
            office_on_page = officials.mentions_office(page.text, config.public_offices)
            own_spans = sorted(spans, key=lambda x: x.start)
            own_starts = [x.start for x in own_spans]
            own_max_end = list(itertools.accumulate((x.end for x in own_spans), max))
            present = by_first_word.keys() & set(_WORDS.findall(joined_text.lower()))
            case_terms = _terms_regex(tuple(sorted({t for w in present for t in by_first_word[w]})))
            for m in case_terms.finditer(joined_text) if case_terms else ():
                key_term = _term_key(m.group(0))
                cat = term_category.get(key_term, "person")
                if key_term in needs_capital and not m.group(0).split()[-1][:1].isupper():
                    continue
                if key_term in place_terms and (
                    not m.group(0)[:1].isupper()
                    or PLACE_CONTEXT.search(joined_text, max(0, m.start() - 20), m.start())
                ):
                    continue  # "in Oudewater", "gemeente Oudewater": the place, not the person
                m_start, m_end = (
                    (m.start(), m.end())
                    if index is None
                    else (index[m.start()], index[m.end() - 1] + 1)
                )
                if cat == "person":  # "R. Stamhuis", "R.J. Stamhuis": the initials with it
                    initials = INITIALS_BEFORE.search(page.text, max(0, m_start - 16), m_start)
                    if initials:
                        m_start = initials.start()
                candidate = Span(
                    m_start,
                    m_end,
                    cat,
                    "names.case_consistency" if cat == "person" else "custom.always_redact",
                    "Naam eerder in dit dossier gevonden"
                    if cat == "person"
                    else "Op verzoek altijd lakken",
                    0.8,
                )
                if _inside(candidate, readable[key, page.page]):
                    continue
                if cat == "person" and (
                    readable_people.match(m.group(0), key)
                    or office_on_page
                    and officials.introduced_by_office(
                        page.text, m_start, m_end, config.public_offices
                    )
                ):
                    continue  # "wethouder Smit" stays readable here, "mevrouw Smit" elsewhere not
                if cat == "person" and _overlaps_sorted(candidate, own_starts, own_max_end):
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


INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,4}[ \t]?$")
PLACE_CONTEXT = re.compile(
    r"(?i:\b(?:in|te|uit|naar|bij|nabij|rond|richting|gemeente|provincie|regio|omgeving|"
    r"station|centrum|vanuit)\s+)$"
)
# Line breaks that split one item: "Oude-\nLuttikhuis", "hyphen-\nated", "name@\ndomain.nl",
# "06 - 4418\n2203". The joined text has them removed; a span found across a joint is mapped
# back onto the page text.
HYPHENATED = re.compile(r"(?<=[a-zß-ÿ])-[ \t]*\n[ \t]*(?=[a-zß-ÿ])(?![\w.-]*@)")
KEEP_HYPHEN = re.compile(
    r"(?<=\w-)[ \t]*\n[ \t]*(?=[A-Z])|(?<=\w@)[ \t]*\n[ \t]*(?=\w)"
    r"|(?<=\w-)[ \t]*\n[ \t]*(?=[\w.-]*@)"
)
SPLIT_NUMBER = re.compile(r"(?:\+31|\b0)\d[\d \t().-]{1,12}\d([ \t]*\n[ \t]*)(?=\d[\d \t-]{1,10})")


def _word_surname(name: str) -> str | None:
    """The surname of a listed first name + surname that is also a word ("Lisa Kok" -> "Kok"):
    searched for in the case, capitalised only."""
    words = name.split()
    if len(words) != 2 or "." in name:
        return None
    first, last = words
    if first.lower() not in lexicon.first_names() or len(last) < 3 or not last[0].isupper():
        return None
    if last.lower() in lexicon.common_words() and last.lower() in lexicon.surnames():
        return last
    return None


def _join(text: str) -> tuple[str, list[int] | None, list[int]]:
    """(joined text, joined index -> page index, joint positions in the joined text); index is
    None when nothing is split."""
    if "\n" not in text:
        return text, None, []
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement) in the page text
    if "-" in text:
        cuts += [(m.start(), m.end(), "") for m in HYPHENATED.finditer(text)]
    cuts += [(m.start(), m.end(), "") for m in KEEP_HYPHEN.finditer(text)]
    cuts += [(m.start(1), m.end(1), " ") for m in SPLIT_NUMBER.finditer(text)]
    if not cuts:
        return text, None, []
    cuts.sort()
    out, index, joints, pos = [], [], [], 0
    for start, end, repl in cuts:
        if start < pos:
            continue
        out.append(text[pos:start])
        index.extend(range(pos, start))
        joints.append(len(index))
        out.append(repl)
        index.extend([start] * len(repl))
        pos = end
    out.append(text[pos:])
    index.extend(range(pos, len(text)))
    return "".join(out), index, joints


def _joint_windows(text: str, joints: list[int]) -> list[tuple[int, int]]:
    """The text around each joint (two lines before, one after): the context a detector needs
    to read the joined item, without running every detector over the whole page twice."""
    windows: list[tuple[int, int]] = []
    for j in joints:
        start = j
        for _ in range(3):
            start = text.rfind("\n", 0, max(0, start - 1)) + 1
            if start == 0:
                break
        end = text.find("\n", j)
        end = len(text) if end < 0 else end
        nxt = text.find("\n", end + 1)
        end = len(text) if nxt < 0 else nxt
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _shift(span: Span, offset: int) -> Span:
    return Span(
        span.start + offset,
        span.end + offset,
        span.category,
        span.detector,
        span.reason,
        span.score,
    )


def _unjoin(span: Span, index: list[int]) -> Span:
    start = index[span.start]
    end = index[span.end - 1] + 1
    return Span(start, end, span.category, span.detector, span.reason, span.score)


def _overlaps_sorted(span: Span, starts: list[int], max_end: list[int]) -> bool:
    """Overlap with any span of a list sorted by start, given the running maximum of its ends:
    one bisection instead of a scan of every span."""
    i = bisect.bisect_left(starts, span.end)  # the spans before i start before span ends
    return i > 0 and max_end[i - 1] > span.start


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    return any(_overlaps(span, s) for s in spans)


def _names_from_email(address: str, text: str) -> list[str]:
    """'p.dekker@example.nl' -> ['Dekker'] when 'Dekker' is a known surname or occurs capitalised."""
    local = address.split("@")[0]
    parts = [p for p in re.split(r"[._-]+", local) if p]
    if not 2 <= len(parts) <= 4 or not local[0].isalnum():
        return []  # "wobcoordinatiedesk.juridische-zaken.korpsstaf@": a department, not a person
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
