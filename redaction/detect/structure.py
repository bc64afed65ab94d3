"""Tables and key-value lines: a header cell decides the category of the values below or beside it.

Spreadsheets exported to PDF arrive as text in two shapes, both handled here:
- one row per line, the cells separated by tabs, '|' or runs of two or more spaces; the first
  line whose cells name categories ("Naam", "Geboortedatum", "BSN", ...) is the header, and the
  rows below it (up to a blank line or a line that is no row) give their cells the category of
  the header cell in the same column (by index, or by position for space-aligned columns);
- one cell per line in row order (what PDF extraction makes of many tables): a run of two or
  more label lines, at least one naming a category, followed by groups of as many value lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from redaction.detect.patterns import DATE, MONTHS, Span, elfproef

# header cell (lowercased, without ':' and trailing dots) -> category of the column
HEADER_CATEGORIES: dict[str, str] = {}
for _cat, _labels in {
    "person": "naam|namen|naam medewerker|naam aanvrager|naam verzoeker|naam klager|naam melder|"
    "naam bezwaarmaker|naam betrokkene|naam cliënt|naam client|naam bewoner|naam eigenaar|"
    "volledige naam|achternaam|voornaam|voornamen|voorletters|roepnaam|tussenvoegsel|eigenaar|aanvrager|bezwaarmaker|"
    "klager|melder|verzoeker|betrokkene|begunstigde|ontvanger|tenaamstelling|houder|"
    "contactpersoon|medewerker|behandelaar|cliënt|client|bewoner|huurder|deelnemer|leerling|"
    "patiënt|patient|getuige|verdachte|slachtoffer|kind|moeder|vader|partner|ouder",
    "date_of_birth": "geboortedatum|geb.datum|geb. datum|geb|geboren|geboren op|"
    "geboorte datum|dob|date of birth|d.o.b",
    "bsn": "bsn|burgerservicenummer|bsn-nummer|sofinummer|persoonsnummer",
    "address": "adres|woonadres|straat|straatnaam|straat en huisnummer|adres betrokkene|"
    "postadres betrokkene|huisadres|verblijfadres",
    "postcode": "postcode|postcode en woonplaats|pc",
    "licence_plate": "kenteken|kentekens|kenteken voertuig",
    "phone": "telefoon|telefoonnummer|tel|tel.nr|telnr|mobiel|mobiel nummer|gsm|"
    "telefoon melder|telefoonnr",
    "email": "e-mail|email|e-mailadres|emailadres|mail",
    "iban": "iban|rekeningnummer|rekening|bankrekening|bankrekeningnummer|iban-nummer",
    "system_code": "gebruiker|gebruikersnaam|account|accountnaam|user|username|login|inlognaam",
}.items():
    for _label in _labels.split("|"):
        HEADER_CATEGORIES[_label] = _cat

CELL_SPLIT = re.compile(r"\t+|[ \t]*[|;][ \t]*|[ ]{2,}")
DATE_RX = re.compile(DATE)
_DIGITS = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
REASONS = {
    "person": "Naam in een kolom of veld 'Naam'",
    "date_of_birth": "Datum in een kolom of veld 'Geboortedatum'",
    "bsn": "Nummer in een kolom of veld 'BSN'",
    "address": "Adres in een kolom of veld 'Adres'",
    "postcode": "Postcode in een kolom of veld 'Postcode'",
    "licence_plate": "Kenteken in een kolom of veld 'Kenteken'",
    "phone": "Nummer in een kolom of veld 'Telefoon'",
    "email": "E-mailadres in een kolom of veld 'E-mail'",
    "iban": "Rekeningnummer in een kolom of veld 'IBAN'",
    "system_code": "Gebruikersnaam in een kolom 'Gebruiker'",
}


ADDRESS_VALUE = re.compile(
    r"[^\W\d_][\w'’.\- ]*?[ \t]\d{1,5}(?:[ \t]?[a-zA-Z]{1,3}\b|-\d{1,4})?(?:\b|$)"
)
MONTH_RX = re.compile(r"(?i)\b(?:" + MONTHS + r")\b")
PLATE_VALUE = re.compile(r"[A-Z0-9]{1,3}-?[A-Z0-9]{2,3}-?[A-Z0-9]{1,3}")


def header_category(cell: str) -> str | None:
    key = " ".join(cell.strip().rstrip(":").lower().split()).rstrip(".")
    return HEADER_CATEGORIES.get(key) or HEADER_CATEGORIES.get(key + ".")


ACCOUNT_VALUE = re.compile(
    r"[\w.\\@-]*?(?:[a-z][\w.\\@-]*[\d._\\-]|[\d._\\-][\w.\\@-]*[a-z])[\w.\\@-]*"
)


def _plausible(category: str, value: str) -> bool:
    """A cell value that can hold the column's category (a header repeated, a total, or an empty
    marker such as '-' is no value)."""
    v = value.strip()
    if len(v) < 2 or header_category(v) or v.lower() in ("n.v.t.", "nvt", "onbekend", "geen"):
        return False
    if category == "date_of_birth":
        return bool(DATE_RX.search(v)) or bool(re.fullmatch(r"(?:19|20)\d{2}", v))
    if category == "bsn":  # a number failing the 11-test is never proposed as a BSN
        digits = "".join(_DIGITS.findall(v))
        return len(digits) in (8, 9) and elfproef(digits)
    if category in ("phone", "iban"):
        return len(_DIGITS.findall(v)) >= 6
    if category == "email":
        return "@" in v
    if category == "person":
        return bool(_LETTER.search(v)) and len(_DIGITS.findall(v)) == 0 and len(v) <= 60
    if category == "address":  # "Kolksloot 3", "Pieter de Hoochlaan 90 A", not a sentence or date
        return bool(ADDRESS_VALUE.match(v)) and not MONTH_RX.search(v) and len(v.split()) <= 8
    if category == "licence_plate":
        return bool(PLATE_VALUE.fullmatch(v))
    if category == "system_code":  # an account is one token ("adm-pkooistra"), never a label word
        return bool(ACCOUNT_VALUE.fullmatch(v)) and v.lower() not in COLUMN_LABELS
    return bool(_LETTER.search(v) or _DIGITS.search(v))


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of a line: (start, end, text) with the absolute offsets of the stripped text."""
    out = []
    pos = 0
    parts = CELL_SPLIT.split(line)
    seps = [m.group(0) for m in CELL_SPLIT.finditer(line)]
    for i, part in enumerate(parts):
        stripped = part.strip()
        if stripped:
            start = pos + part.index(stripped)
            out.append((offset + start, offset + start + len(stripped), stripped))
        pos += len(part) + (len(seps[i]) if i < len(seps) else 0)
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_LABEL_ALT = "|".join(sorted((re.escape(k) for k in HEADER_CATEGORIES), key=len, reverse=True))
# a cell that is exactly a category label, bounded by a cell separator or the line's ends: only
# the lines holding one can be a table header (one search instead of splitting every line)
HEADER_CELL = re.compile(
    rf"(?im)(?:^|\t|[|;]|[ ]{{2}})[ \t]*(?:{_LABEL_ALT})\.?[ \t]*:?[ \t]*(?=$|\t|[|;]|[ ]{{2}})"
)


def find_table_cells(text: str) -> Iterator[Span]:
    lines = _lines(text)
    starts = [offset for offset, _ in lines]
    header_lines = sorted(
        {bisect.bisect_right(starts, m.end() - 1) - 1 for m in HEADER_CELL.finditer(text)}
    )
    if not header_lines:
        return
    yield from _row_tables(lines, header_lines)
    yield from _cell_per_line_tables(lines, header_lines)


def _row_tables(lines: list[tuple[int, str]], header_lines: list[int]) -> Iterator[Span]:
    done = -1
    for i in header_lines:
        if i <= done:
            continue
        offset, line = lines[i]
        cells = _cells(line, offset)
        cats = [header_category(c[2]) for c in cells]
        if len(cells) < 2 or not any(cats) or len(line.strip()) > 200:
            continue
        header = [(c[0] - offset, cat) for c, cat in zip(cells, cats)]
        j = i + 1
        while j < len(lines):
            row_offset, row = lines[j]
            if not row.strip():
                break
            row_cells = _cells(row, row_offset)
            if len(row_cells) < 2:
                break
            for k, (start, end, value) in enumerate(row_cells):
                cat = _column(header, row_cells, k, start - row_offset)
                if cat and _plausible(cat, value):
                    yield Span(start, end, cat, "structure.table", REASONS[cat], 0.9)
            j += 1
        done = j - 1


def _column(
    header: list[tuple[int, str | None]], row_cells: list, index: int, col: int
) -> str | None:
    """The header cell over a row cell: same index when the row has as many cells as the header,
    else the header cell whose start is nearest to the left of the cell (space-aligned columns)."""
    if len(row_cells) == len(header):
        return header[index][1]
    best = None
    for start, cat in header:
        if start <= col + 2:
            best = cat
    return best


LABEL_LINE = re.compile(r"[^\W\d_][\w .\-/()]{0,30}")


def _is_label_line(line: str) -> bool:
    text = line.strip().rstrip(":")
    return bool(
        text
        and LABEL_LINE.fullmatch(text)
        and len(text.split()) <= 3
        and (header_category(text) or _is_column_label(text))
    )


def _cell_per_line_tables(lines: list[tuple[int, str]], header_lines: list[int]) -> Iterator[Span]:
    n = len(lines)
    done = -1
    for c in header_lines:
        if c <= done or not _is_label_line(lines[c][1]):
            continue
        i = c
        while i > done + 1 and _is_label_line(lines[i - 1][1]):
            i -= 1  # the run of label lines may start with labels naming no category ("Datum")
        run = []
        j = i
        while j < n:
            text = lines[j][1].strip().rstrip(":")
            if not text or not LABEL_LINE.fullmatch(text) or len(text.split()) > 3:
                break
            cat = header_category(text)
            if cat is None and not _is_column_label(text):
                break
            run.append(cat)
            j += 1
        if len(run) < 2 or not any(run):
            done = j - 1
            continue
        width = len(run)
        k = j
        rows = 0
        while k + width <= n:
            group = lines[k : k + width]
            values = [line.strip() for _, line in group]
            if any(not v or len(v) > 60 for v in values):
                break
            known = [(cat, v) for cat, v in zip(run, values) if cat]
            if not all(_plausible(cat, v) for cat, v in known if cat != "person"):
                break  # a date column without a date: the table has ended
            for (offset, line), cat in zip(group, run):
                value = line.strip()
                if cat and _plausible(cat, value):
                    start = offset + line.index(value)
                    yield Span(start, start + len(value), cat, "structure.table", REASONS[cat], 0.9)
            rows += 1
            k += width
        done = (k if rows else j) - 1


# column headers that name no category but do make a line a table header ("Datum", "Bedrag")
COLUMN_LABELS = frozenset(
    "nr nr. nummer datum bedrag status onderwerp omschrijving ontvangen besluit kenmerk zaak "
    "zaaknummer woonplaats plaats gemeente soort type categorie opmerking opmerkingen toelichting "
    "actie tijd periode termijn uitkomst resultaat product regeling afdeling functie rol team "
    "ingediend afgehandeld beslist totaal aantal uren".split()
)


def _is_column_label(text: str) -> bool:
    return text.lower().rstrip(".") in COLUMN_LABELS or text.lower() in COLUMN_LABELS


# "Geboortedatum: 14-03-1988", "BSN\t123456782", "Rekeningnummer   NL91 ...", and the label on
# its own line with the value on the next (Rijkshuisstijl colofon style). Names, phones and
# e-mail addresses beside a label are left to their own detectors (which know a colofon's
# general number and functional mailbox from a person's).
KEY_VALUE_CATEGORIES = {"date_of_birth", "bsn", "address", "licence_plate", "iban", "postcode"}
KEY_VALUE = re.compile(
    r"(?m)^[ \t]*([^\W\d_][\w .\-/()]{0,30}?)[ \t]*(?::[ \t]*|\t+[ \t]*|[ ]{2,}|[ \t]*\n[ \t]*)"
    r"([^\n]*?\S)[ \t]*$"
)


def _label_category(label: str) -> str | None:
    """'Geboortedatum', and 'Geboortedatum penningmeester' / 'BSN cliënt': the first word names
    the category when the whole label does not."""
    cat = header_category(label)
    if cat is None and " " in label.strip():
        cat = header_category(label.split()[0])
    return cat


def find_key_values(text: str) -> Iterator[Span]:
    for m in KEY_VALUE.finditer(text):
        cat = _label_category(m.group(1))
        if cat not in KEY_VALUE_CATEGORIES:
            continue
        value = m.group(2)
        if len(value) > 80 or not _plausible(cat, value) or header_category(value):
            continue
        if cat == "date_of_birth":
            date = DATE_RX.search(value)
            if date is None:
                continue
            start = m.start(2) + date.start()
            yield Span(start, start + len(date.group(0)), cat, "structure.field", REASONS[cat], 0.9)
            continue
        yield Span(m.start(2), m.end(2), cat, "structure.field", REASONS[cat], 0.85)
