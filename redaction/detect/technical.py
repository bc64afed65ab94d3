"""Technical identifiers: IPv4/IPv6 addresses, internal host names, share paths, system codes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.detect.patterns import Span

IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:/\d{1,2})?(?![\w]|\.\d)"
)
IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::?[0-9a-fA-F]{1,4})(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*)?(?![\w:])"
)
HOSTNAME = re.compile(
    r"\b(?:[a-z0-9][a-z0-9-]*\.)+(?:local|intern|internal|corp|lan|localdomain|ad|int)\b"
    r"|\b(?:srv|svr|server|app|db|sql|web|dc|fs|vm|host|nas|prod|acc|tst|ora)[-_]?[a-z0-9]*[-_]?\d{1,3}[a-z]?\b"
    # "archief-tst-03", "zaak-prd-01": an environment part and a number (the name before it is
    # added by HOST_PREFIX; starting at the '-' keeps this alternative cheap)
    r"|(?<=[a-z0-9])-(?:tst|test|acc|accept|prd|prod|dev|ont|ota|stg|staging)"
    r"(?:-[a-z0-9]+)*-?\d{1,3}\b",
    re.IGNORECASE,
)
SHARE = re.compile(r"\\\\[\w.$-]+(?:\\[^\s\\/:*?\"<>|]+)+\\?|\b[A-Z]:\\(?:[^\s\\/:*?\"<>|]+\\?)+")
SYSTEM_CODES = (r"\b(?:INC|CHG|RITM|REQ|TASK|PRB)\d{6,}\b", r"\bPL\d{4}-\d{4,}\b")


# an account name in a log or form: "gebruiker a.vandenbroek", "user: jdevries01"
USERNAME = re.compile(
    r"\b(?i:gebruiker|gebruikersnaam|user|username|account|login|inlognaam|medewerker-id)\b[ \t]*[:=]?\s+"
    r"([a-z][a-z0-9]*(?:[._-][a-z0-9]+)+|[a-z]{2,}\d{1,4})\b(?![@.]\w)"
)


# A label naming a system object, then its code: "Werkplek: WPL-BGZ-0932", "asset tag NB-204871",
# "onder ticketnummer TCK-558120", "CI-nummer CI00048213". The code is one token holding a digit
# (or a lower-case account with a separator); case numbers and kenmerken have their own labels
# (zaaknummer, kenmerk) and are never in this list, so they stay readable.
SYSTEM_LABEL = (
    r"applicatie(?:code|nummer|-id)?|systeem(?:code|naam|nummer|-id)?|werkplek(?:nummer)?|"
    r"asset(?:[- ]?tag|nummer|-id)?|inventaris(?:nummer|code)|ci(?:-nummer|-id|-code)?|"
    r"configuratie-?item|serviceaccount|service-account|functioneel\s+account|beheeraccount|"
    r"admin-?account|accountnaam|account-id|ticket(?:nummer|-id)?|meldingnummer|"
    r"apparaat(?:nummer|code)?|device(?:-id|naam)?|laptop|pc-nummer|servicetag|serienummer"
)
LABELLED_CODE = re.compile(
    r"(?i:\b(?:" + SYSTEM_LABEL + r"))\b"
    # "Ticket bij de leverancier: TCK-771204": a few lower-case words may come before the colon
    r"(?:(?:[ \t]+[a-z]{2,12}){1,3}[ \t]*:[ \t]*|[ \t]*(?:[:=#][ \t]*|[ \t]+))(?:(?i:nr\.?|nummer)[ \t]+)?"
    r"((?=[\w.-]*\d)[A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)*(?:-[a-z0-9]+)?"
    r"|[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+)(?![\w@]|\.\w)"
)
# service and administrator accounts by their form: "svc_zaakexport", "adm-pkooistra"
SERVICE_ACCOUNT = re.compile(
    r"(?<![\w.@-])(?:svc|srv|adm|admin|sa|sys)[-_][a-z][a-z0-9]*(?:[._-][a-z0-9]+)*(?![\w@-]|\.\w)"
)
CASE_NUMBER_LIKE = re.compile(r"(?:Z|ZK|ZAAK|WOO|WOB)[-/]?\d|(?:19|20)\d{2}[-/]\d", re.IGNORECASE)


HOST_PREFIX = re.compile(r"(?<![\w.-])[a-z0-9]+(?:[-_][a-z0-9]+)*[-_]$")
SCHEME_BEFORE = re.compile(r"(?:https?|ftp|smb|file)://$")
PATH_AFTER = re.compile(r"(?::\d{1,5})?(?:/[^\s)\]>,;\"']*[^\s)\]>,;.\"'])?")


def find_technical(text: str, extra_codes: tuple[str, ...] = ()) -> Iterator[Span]:
    for m in USERNAME.finditer(text):
        yield Span(
            m.start(1), m.end(1), "system_code", "pattern.username", "Gebruikersnaam (account)"
        )
    for m in LABELLED_CODE.finditer(text):
        if CASE_NUMBER_LIKE.match(m.group(1)):
            continue  # "ticket Z-2025-00417": a case number stays readable
        yield Span(
            m.start(1), m.end(1), "system_code", "pattern.system_code", "Interne systeemcode"
        )
    for m in SERVICE_ACCOUNT.finditer(text):
        yield Span(
            m.start(), m.end(), "system_code", "pattern.username", "Service- of beheeraccount"
        )
    for m in IPV4.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if "art" in before or "versie" in before or "v." in before:
            continue
        yield Span(m.start(), m.end(), "ip_address", "pattern.ip", "IP-adres (intern systeem)")
    for m in IPV6.finditer(text) if text.count(":") >= 2 else ():
        if m.group(0).count(":") >= 3 or "::" in m.group(0):
            if re.search(r"[0-9a-f]", m.group(0), re.IGNORECASE) and not re.fullmatch(
                r"[\d:]+", m.group(0)
            ):
                yield Span(m.start(), m.end(), "ip_address", "pattern.ip", "IPv6-adres")
    for m in HOSTNAME.finditer(text):
        start, end = m.start(), m.end()
        prefix = HOST_PREFIX.search(text, max(0, start - 40), start + (text[start] == "-"))
        if prefix:  # "backup-srv-07": the whole name, not its "srv-07" tail
            start = prefix.start()
        scheme = SCHEME_BEFORE.search(text, max(0, start - 10), start)
        if scheme:  # "http://intranet.gemeente.local/hr": the whole internal address
            start = scheme.start()
        path = PATH_AFTER.match(text, end)
        if path:
            end = path.end()
        yield Span(start, end, "hostname", "pattern.hostname", "Interne hostnaam")
    for m in SHARE.finditer(text) if "\\" in text else ():
        value = m.group(0).rstrip(".,;:)")
        yield Span(
            m.start(),
            m.start() + len(value),
            "share_path",
            "pattern.share_path",
            "Netwerkpad (interne schijf)",
        )
    for pattern in (*SYSTEM_CODES, *extra_codes):
        for m in re.finditer(pattern, text):
            yield Span(
                m.start(), m.end(), "system_code", "pattern.system_code", "Interne systeemcode"
            )
