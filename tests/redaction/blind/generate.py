"""Deterministic generator of the blind Woo evaluation set.

Writes tests/redaction/blind/cases/<case>/ with config.json and, per document, NAME.txt, NAME.json
and NAME.pdf. Written by a helper who never read the detector code. Run:

    .venv/bin/python tests/redaction/blind/generate.py
"""

import datetime as dt
import json
import random
import re
import shutil
import sys
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from carrier import GENERIC, THEMES  # noqa: E402
from layout import NBSP, Layout, write_scan_pdf, write_text_pdf  # noqa: E402
from people import (  # noqa: E402
    FIRST,
    LAST,
    MAILHOSTS,
    MONTHS,
    ORIGIN_WEIGHTS,
    STREETS,
    WEEKDAYS,
    Person,
    bsn,
    bsn_valid,
    iban,
    iban_valid,
    landline,
    mobile,
    plate,
    postcode,
)

SEED = 20261201
OUT = HERE / "cases"
REDACT_CATS = {
    "person",
    "email",
    "phone",
    "iban",
    "bsn",
    "address",
    "postcode",
    "licence_plate",
    "date_of_birth",
    "url",
    "ip_address",
    "hostname",
    "share_path",
    "system_code",
}
READ_CATS = {"official", "org_contact", "date", "article", "case_number"}

ARTICLES = [
    "artikel 5.1, tweede lid, onder e, van de Woo",
    "artikel 5.1, eerste lid, onder d, Woo",
    "artikel 5.2, eerste lid, van de Woo",
    "art. 10 Wob",
    "artikel 5.1, tweede lid, onder i, Woo",
    "artikel 4.1 van de Woo",
    "artikel 5.1, tweede lid, onder f, van de Woo",
    "artikel 4.4 van de Woo",
    "artikel 11, eerste lid, Wob",
]


def fmt_date(d, style=0):
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 2:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == 3:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


class Citizen:
    def __init__(self, p, rng, town):
        self.p = p
        self.street = (
            rng.choice(STREETS)
            + " "
            + str(rng.randrange(1, 180))
            + rng.choice(["", "", "", "a", "-2", " B"])
        )
        self.pc = postcode(rng)
        self.town = town
        self.phone = mobile(rng) if rng.random() < 0.7 else landline(rng)
        host = rng.choice(MAILHOSTS)
        base = rng.choice(
            [
                p.first.lower() + "." + p.last.lower().replace(" ", ""),
                p.initials.replace(".", "").lower() + p.last.lower().replace(" ", ""),
                p.first.lower() + str(rng.randrange(60, 99)),
                "fam." + p.last.lower().replace(" ", ""),
            ]
        )
        self.email = ascii_fold(base) + "@" + host
        self.dob = dt.date(rng.randrange(1938, 2006), rng.randrange(1, 13), rng.randrange(1, 29))
        self.bsn = bsn(rng)
        self.iban = iban(rng, spaced=rng.random() < 0.7)
        self.plate = plate(rng)


def ascii_fold(s):
    table = str.maketrans(
        "ıçğöşüłńśźżóąęéëïäáàèâîôûÇŞÖÜİŁŚ'’ ", "icgosulnszzoaeeeiaaaeaiouCSOUILS---"
    )
    s = s.translate(table)
    return re.sub(r"[^a-z0-9.\-]", "", s.lower()).strip("-")


class Employee:
    def __init__(self, p, rng, body, function):
        self.p = p
        self.function = function
        self.email = (
            ascii_fold(
                p.initials.replace(".", "")[:1].lower()
                + "."
                + (p.tv.replace(" ", "").replace("'", "") + p.last).replace(" ", "")
            )
            + "@"
            + body["domain"]
        )
        self.phone = mobile(rng) if rng.random() < 0.6 else landline(rng, body["area"])


class Case:
    def __init__(self, cid, body, theme, rng, officials_spec):
        self.cid, self.body, self.theme, self.rng = cid, body, theme, rng
        self.used_first, self.used_last, self.used_pairs = set(), set(), set()
        self.officials = []  # (office, Person)
        for office in officials_spec:
            self.officials.append((office, self.new_person(origin_bias="nl")))
        self.docs = []
        self.seq = 0
        self.base_date = dt.date(2023, 1, 9) + dt.timedelta(days=rng.randrange(0, 600))

    def new_person(self, origin_bias=None, gender=None, last=None):
        rng = self.rng
        offs = getattr(self, "officials", [])
        off_tokens = {o.first for _, o in offs} | {o.last for _, o in offs}
        for attempt in range(3000):
            strict = attempt < 150
            origin = (
                origin_bias if origin_bias and rng.random() < 0.6 else weighted(rng, ORIGIN_WEIGHTS)
            )
            g = gender or rng.choice("mf")
            first = rng.choice(FIRST[origin][g])
            tv, ln = last if last else rng.choice(LAST[origin if origin in LAST else "nl"])
            if first in off_tokens or (last is None and ln in off_tokens):
                continue
            if strict and (first in self.used_first or (last is None and ln in self.used_last)):
                continue
            if not strict and (first, ln) in self.used_pairs:
                continue
            self.used_first.add(first)
            self.used_last.add(ln)
            self.used_pairs.add((first, ln))
            n = rng.choice([1, 1, 2, 2, 3])
            extra = [c for c in "ABCDEFGHJKLMPRSTW" if c != first[0]]
            initials = first[0] + "." + "".join(rng.choice(extra) + "." for _ in range(n - 1))
            return Person(first, tv, ln, g, origin, initials)
        raise RuntimeError("name pool exhausted")

    def citizen(self, **kw):
        return Citizen(self.new_person(**kw), self.rng, self.body["town"])

    def employee(self, function):
        return Employee(self.new_person(), self.rng, self.body, function)

    def date(self, days_from=0, spread=40):
        return self.base_date + dt.timedelta(days=days_from + self.rng.randrange(0, spread))

    def kenmerk(self):
        self.seq += 1
        y = self.base_date.year
        return self.rng.choice(
            [
                f"Z-{y}-{self.rng.randrange(1000, 99999):05d}",
                f"WOO-{y}-{self.rng.randrange(10, 999):03d}",
                f"{self.body['code']}/{y % 100}/{self.rng.randrange(100000, 999999)}",
                f"{y}-{self.rng.randrange(100000, 999999)}",
            ]
        )


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for k, w in pairs:
        x -= w
        if x <= 0:
            return k
    return pairs[-1][0]


class Doc:
    def __init__(
        self, case, name, kind, scan=False, landscape=False, fkey="sans", size=10.0, margins=None
    ):
        self.case, self.name, self.kind, self.scan = case, name, kind, scan
        self.rng = case.rng
        kw = {"margins": margins} if margins else {}
        self.L = Layout(landscape=landscape, fkey=fkey, size=size, **kw)
        self.redact, self.readable = [], []
        case.docs.append(self)

    # annotations -------------------------------------------------------
    def r(self, text, cat):
        assert cat in REDACT_CATS, cat
        if {"text": text, "category": cat} not in self.redact:
            self.redact.append({"text": text, "category": cat})
        return text.replace(" ", NBSP)

    def k(self, text, cat):
        assert cat in READ_CATS, cat
        if {"text": text, "category": cat} not in self.readable:
            self.readable.append({"text": text, "category": cat})
        return text.replace(" ", NBSP)

    def P(self, p, form="full"):
        if (
            form == "aanhef"
        ):  # "mevrouw De Vries": only the name is personal data, not the salutation
            return ("mevrouw " if p.gender == "f" else "de heer ") + self.r(p.sur, "person")
        return self.r(getattr(p, form), "person")

    def split_name(self, p):
        """A name broken over a line: at a space or with a hyphen in a long surname."""
        if len(p.last) >= 7 and " " not in p.last and self.rng.random() < 0.6:
            cut = len(p.last) // 2
            s = p.last[:cut] + "-\n" + p.last[cut:]
            full = " ".join(x for x in (p.first, p.tv) if x) + " " + s
            return self.r(full, "person")
        parts = p.full.split(" ")
        s = " ".join(parts[:-1]) + "\n" + parts[-1]
        return self.r(s, "person")

    def split_phone(self, ph):
        if " " in ph:
            i = ph.rindex(" ")
            return self.r(ph[:i] + "\n" + ph[i + 1 :], "phone")
        if "-" in ph:
            return self.r(ph.replace("-", "-\n", 1), "phone")
        return self.r(ph, "phone")

    def split_email(self, em):
        local, host = em.split("@")
        return self.r(local + "@\n" + host, "email")

    def official(self, office, p, form="full"):
        return office + " " + self.k(p.full if form == "full" else p.sur, "official")

    def date(self, d, style=0):
        return self.k(fmt_date(d, style), "date")

    def dob(self, d, style=None):
        return self.r(
            fmt_date(d, self.rng.choice([0, 2, 2, 4]) if style is None else style), "date_of_birth"
        )

    def art(self):
        return self.k(self.rng.choice(ARTICLES), "article")

    def kn(self, s):
        return self.k(s, "case_number")

    # body contact (must stay readable)
    def bc(self, key):
        return self.k(self.case.body[key], "org_contact")

    # carrier -----------------------------------------------------------
    def carrier(self, n=None):
        rng = self.rng
        bank = THEMES[self.case.theme] + GENERIC
        n = n or rng.randrange(3, 6)
        return " ".join(rng.sample(bank, n))

    def flow(self, pd_paras, pages, fkey=None, size=None, indent=0):
        """Interleave personal-data paragraphs with carrier prose until `pages` pages are filled."""
        rng = self.rng
        per_page = 8 if (size or self.L.size) >= 10 else 10
        n_carrier = max(1, pages * per_page - len(pd_paras) - 2 * len(self.L.pages))
        items = [("pd", p) for p in pd_paras]
        for _ in range(n_carrier):
            items.insert(rng.randrange(len(items) + 1), ("c", None))
        # keep personal data spread: first item is a pd paragraph when there is one
        for typ, p in items:
            if len(self.L.pages) > pages and typ == "c":
                continue
            self.L.para(p if typ == "pd" else self.carrier(), fkey=fkey, size=size, indent=indent)
        while len(self.L.pages) < pages:
            self.L.para(self.carrier(), fkey=fkey, size=size, indent=indent)

    def footer_kenmerk(self, kenmerk, label="Kenmerk"):
        doc = self

        def f(L, n):
            L.at(L.left, L.h - 36, f"{label} {doc.kn(kenmerk)}", size=7.5)
            L.at(L.w - L.right - 40, L.h - 36, f"Pagina {n}", size=7.5)

        self.L.footer = f
        f(self.L, 1)

    # output ------------------------------------------------------------
    def pages_text(self):
        return "\f".join("\n".join(p.lines) for p in self.L.pages)

    def write(self, folder):
        txt = self.pages_text()
        for a in self.redact + self.readable:
            if a["text"] not in txt and "\n" in a["text"]:
                # a deliberate split that fell on a page break
                for i in [m.start() for m in re.finditer("\n", a["text"])]:
                    alt = a["text"][:i] + "\f" + a["text"][i + 1 :]
                    if alt in txt:
                        a["text"] = alt
                        break
            assert a["text"] in txt, (self.case.cid, self.name, a)
        check_unambiguous(self)
        (folder / f"{self.name}.txt").write_text(txt, encoding="utf-8")
        ann = {
            "kind": self.kind,
            "scan": self.scan,
            "redact": self.redact,
            "readable": self.readable,
        }
        (folder / f"{self.name}.json").write_text(
            json.dumps(ann, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        meta = {
            "title": "",
            "author": "",
            "creator": "Microsoft® Word voor Microsoft 365",
            "producer": "Microsoft® Word voor Microsoft 365",
            "creationDate": "D:20240301090000+01'00'",
            "modDate": "D:20240301090000+01'00'",
        }
        if self.kind == "table":
            meta["creator"] = meta["producer"] = "Microsoft® Excel® voor Microsoft 365"
        if self.kind in ("email",):
            meta["creator"] = meta["producer"] = "Microsoft® Outlook® voor Microsoft 365"
        if self.kind == "chat":
            meta["creator"] = meta["producer"] = "Chat export printer"
        if self.scan:
            write_scan_pdf(self.L, str(folder / f"{self.name}.pdf"), meta, self.rng)
        else:
            write_text_pdf(self.L, str(folder / f"{self.name}.pdf"), meta)
        return len(self.L.pages)


STOP = {"van", "der", "den", "ter", "ten", "het", "von", "del", "des", "dos"}


def name_tokens(text):
    return {t.lower() for t in re.findall(r"\w+", text.replace("-\n", "")) if len(t) >= 3} - STOP


def check_unambiguous(doc):
    red = set()
    for a in doc.redact:
        if a["category"] == "person":
            red |= name_tokens(a["text"])
    off = set()
    for a in doc.readable:
        if a["category"] == "official":
            off |= name_tokens(a["text"])
    assert not (red & off), (doc.case.cid, doc.name, red & off)
    texts_r = {a["text"] for a in doc.redact}
    texts_k = {a["text"] for a in doc.readable}
    assert not (texts_r & texts_k), (doc.case.cid, doc.name, texts_r & texts_k)


# ======================================================================
# document builders
# ======================================================================


def letterhead(d, emp, kenmerk, ddate, right_x=395):
    L, b = d.L, d.case.body
    L.at(L.left, 78, b["name"], fkey="serifb", size=15)
    L.at(L.left, 92, b["tagline"], fkey="serifi", size=8.5)
    lines = [
        ("Bezoekadres", "b"),
        (d.bc("visit_street"), ""),
        (d.bc("visit_pc"), ""),
        ("", ""),
        ("Postadres", "b"),
        (d.bc("postbus"), ""),
        (d.bc("postbus_pc"), ""),
        ("", ""),
        ("Telefoon " + d.bc("switchboard"), ""),
        (d.bc("info_mail"), ""),
        (d.bc("website"), ""),
        ("", ""),
    ]
    if emp is not None:
        lines += [
            ("Behandeld door", "b"),
            (d.P(emp.p), ""),
            ("Telefoon (direct)", "b"),
            (d.r(emp.phone, "phone"), ""),
            ("E-mail", "b"),
            (d.r(emp.email, "email"), ""),
            ("", ""),
        ]
    lines += [("Ons kenmerk", "b"), (d.kn(kenmerk), ""), ("Datum", "b"), (d.date(ddate), "")]
    y = 130
    for s, st in lines:
        if s:
            L.at(right_x, y, s, fkey="sansb" if st == "b" else "sans", size=7.5)
        y += 10.5


def addr_block(d, c, with_aan=False, y=160, x=None):
    L = d.L
    x = L.left if x is None else x
    lines = []
    if with_aan:
        lines.append("Aan")
    sal = d.rng.choice(["De heer ", "Mevrouw ", ""]) if True else ""
    if sal == "":
        lines.append(d.P(c.p, "full"))
    else:
        sal = "Mevrouw " if c.p.gender == "f" else "De heer "
        lines.append(sal + d.P(c.p, "init"))
    lines.append(d.r(c.street, "address"))
    lines.append(d.r(c.pc, "postcode") + "  " + c.town.upper())
    for i, s in enumerate(lines):
        L.at(x, y + i * 13, s, size=10)
    return y + len(lines) * 13


def decision_letter(case, name, scan=False, twin=None):
    d = Doc(case, name, "letter", scan=scan, fkey="serif", size=10.2)
    rng = d.rng
    c = Citizen(twin, rng, case.body["town"]) if twin else case.citizen()
    emp = case.employee(rng.choice(["adviseur Woo", "jurist", "medewerker informatiebeheer"]))
    third = case.citizen()
    kenmerk, ddate = case.kenmerk(), case.date(60)
    d.footer_kenmerk(kenmerk)
    letterhead(d, emp, kenmerk, ddate)
    addr_block(d, c, with_aan=rng.random() < 0.5)
    L = d.L
    L.y = 400
    L.line(
        "Onderwerp: "
        + rng.choice(
            [
                "Besluit op uw verzoek om informatie",
                "Besluit op uw Woo-verzoek",
                "Uw verzoek op grond van de Woo",
                "Beslissing op bezwaar",
            ]
        ),
        fkey="serifb",
    )
    L.space(10)
    sal = "Geachte mevrouw " if c.p.gender == "f" else "Geachte heer "
    L.para(sal + d.P(c.p, "sur") + ",")
    rq = case.date(0)
    officials = [(o, p) for o, p in case.officials if not twin or p.last != twin.last]
    off, op = rng.choice(officials)
    pd = [
        f"Op {d.date(rq)} hebben wij uw verzoek ontvangen om openbaarmaking van documenten over het onderwerp "
        f"van dit dossier. Wij hebben uw verzoek geregistreerd onder zaaknummer {d.kn(kenmerk)}. In deze brief "
        f"leest u ons besluit.",
        f"In de documenten komen namen en contactgegevens voor van medewerkers en van derden, onder wie "
        f"{d.P(third.p)}. Deze gegevens maken wij niet openbaar op grond van {d.art()}. Het belang van "
        f"bescherming van de persoonlijke levenssfeer weegt zwaarder dan het belang van openbaarheid.",
        f"Ook de gegevens die u zelf aan ons hebt verstrekt, zoals uw telefoonnummer {d.r(c.phone, 'phone')} en uw "
        f"e-mailadres {d.r(c.email, 'email')}, zijn in de openbare versie weggelakt.",
        f"U gaf aan bereikbaar te zijn op {d.split_phone(c.phone)} (overdag) of per e-mail via "
        f"{d.split_email(c.email)}; wij hebben u op die manier over de verlenging geïnformeerd.",
        f"De namen van bestuurders blijven leesbaar. Zo is het standpunt van {d.official(off, op)} over de planning "
        f"niet weggelakt, omdat het om een publieke functie gaat.",
        f"Bij de beoordeling is ook artikel 5.2 van de Woo betrokken: {d.art()}. Waar dat speelt, hebben wij "
        f"feitelijke informatie wel openbaar gemaakt.",
        f"Ook de reactie van {off} {d.k(op.sur, 'official')} in de raadsvergadering van {d.date(case.date(20))} is "
        f"openbaar; daarop is {d.art()} niet van toepassing.",
    ]
    if rng.random() < 0.5:
        pd.append(
            f"Voor de goede orde: in document 7 van de inventarislijst komt een melding voor van "
            f"{d.P(third.p, 'aanhef')}, wonende aan de {d.r(third.street, 'address')} te "
            f"{third.town}. Ook die gegevens zijn weggelakt."
        )
    d.flow(pd, pages=rng.choice([2, 3, 3, 4]))
    L.para("Bezwaar", fkey="serifb", after=2)
    L.para(
        f"Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken. Stuur uw "
        f"bezwaarschrift naar {d.bc('postbus')}, {d.bc('postbus_pc')}, of mail naar {d.bc('woo_mail')}. "
        f"Vermeld daarbij het kenmerk {d.kn(kenmerk)}."
    )
    L.para("Met vriendelijke groet,", after=2)
    L.para(f"namens het college van burgemeester en wethouders van {case.body['town']},", after=14)
    L.para(d.P(emp.p) + "\n" + emp.function.capitalize(), after=4)
    return d


def citizen_letter(case, name, scan=True):
    """Incoming letter (objection or complaint) from a private person, usually scanned."""
    d = Doc(case, name, "letter", scan=scan, fkey="serif", size=11)
    rng, L = d.rng, d.L
    c = case.citizen()
    L.at(L.left, 80, d.P(c.p), size=10)
    L.at(L.left, 93, d.r(c.street, "address"), size=10)
    L.at(L.left, 106, d.r(c.pc, "postcode") + " " + c.town, size=10)
    L.at(L.left, 119, "tel. " + d.r(c.phone, "phone"), size=10)
    L.at(L.left, 132, d.r(c.email, "email"), size=10)
    b = case.body
    L.at(
        L.left,
        175,
        "Aan het college van "
        + ("burgemeester en wethouders" if b["kind"] == "gemeente" else "bestuur"),
        size=10,
    )
    L.at(L.left, 188, b["name"], size=10)
    L.at(L.left, 201, d.bc("postbus"), size=10)
    L.at(L.left, 214, d.bc("postbus_pc"), size=10)
    ddate = case.date(20)
    L.y = 250
    L.line(f"{c.town}, {d.date(ddate)}")
    L.space(8)
    L.line(
        "Betreft: "
        + rng.choice(
            [
                "bezwaar tegen uw besluit",
                "klacht over de behandeling van mijn melding",
                "verzoek om informatie",
                "zienswijze",
            ]
        )
    )
    kn = case.kenmerk()
    L.line("Uw kenmerk: " + d.kn(kn))
    L.space(10)
    L.para("Geacht college,")
    partner = case.new_person(last=(c.p.tv, c.p.last)) if rng.random() < 0.5 else case.new_person()
    pd = [
        f"Hierbij maak ik, {d.P(c.p)}, geboren op {d.dob(c.dob, 0)}, bezwaar tegen het besluit van "
        f"{d.date(case.date(0))} met kenmerk {d.kn(kn)}.",
        f"Mijn burgerservicenummer is {d.r(c.bsn, 'bsn')}. Ik verzoek u het teveel betaalde bedrag terug te storten "
        f"op rekeningnummer {d.r(c.iban, 'iban')} ten name van {d.P(c.p, 'init')}.",
        f"Mijn partner, {d.P(partner)}, heeft hierover al eerder gebeld met uw medewerker. "
        f"{d.P(partner, 'first')} kreeg toen te horen dat de zaak binnen een maand zou zijn afgehandeld.",
        f"Onze auto met kenteken {d.r(c.plate, 'licence_plate')} staat sindsdien op straat omdat de oprit niet "
        f"bruikbaar is.",
    ]
    d.flow(pd, pages=rng.choice([2, 3]), size=11)
    L.para("Met vriendelijke groet,", after=18)
    L.para(d.P(c.p))
    return d


def email_thread(case, name, twin=None):
    d = Doc(case, name, "email", fkey="sans", size=9.8)
    rng, L, b = d.rng, d.L, case.body
    emps = [
        case.employee(f) for f in ("beleidsmedewerker", "projectleider", "communicatieadviseur")
    ]
    c = case.citizen()
    subject = rng.choice(
        [
            "Voortgang dossier",
            "Vragen bewoners",
            "Afstemming planning",
            "Reactie op melding",
            "Stukken voor het overleg",
        ]
    )
    t = dt.datetime.combine(case.date(10), dt.time(9, 0))
    msgs = []
    n = rng.randrange(3, 6)
    for i in range(n):
        t += dt.timedelta(hours=rng.randrange(1, 30), minutes=rng.randrange(60))
        frm = rng.choice(emps + [c]) if i else c
        to = [e for e in emps if e is not frm][: rng.randrange(1, 3)]
        msgs.append((t, frm, to))
    msgs.reverse()
    for idx, (t, frm, to) in enumerate(msgs):
        quoted = idx > 0

        def hdr(s, quoted=quoted):
            if quoted:
                for ln in L.wrap(s, "sans", 9.2, L.w - L.left - L.right - 14):
                    L.line("> " + ln, size=9.2)
            else:
                L.para(s, after=0)

        fe = frm.email
        if idx == 0:
            hdr(f"Van: {d.P(frm.p)} <{d.r(fe, 'email')}>")
            hdr(f"Verzonden: {d.date(t.date(), 1)} {t:%H:%M}")
            hdr("Aan: " + "; ".join(f"{d.P(e.p)} <{d.r(e.email, 'email')}>" for e in to))
            cc = rng.choice(emps)
            hdr(f"CC: {d.P(cc.p)}; {d.bc('woo_mail')}")
            hdr(f"Onderwerp: RE: {subject} {d.kn(case.kenmerk())}")
            L.space(6)
        else:
            L.space(4)
            L.para(
                f"Op {d.date(t.date(), 1)} om {t:%H:%M} schreef {d.P(frm.p)} <{d.r(fe, 'email')}>:",
                size=9.2,
                after=2,
            )
        pd = []
        if frm is c:
            if rng.random() < 0.5:
                handle = ascii_fold(c.p.first + c.p.last)
                url = rng.choice(
                    ["https://www.instagram.com/", "https://www.linkedin.com/in/", "https://x.com/"]
                )
                pd.append(f"Foto's van de situatie staan op {d.r(url + handle, 'url')}.")
            pd.append(
                f"Goedemiddag {d.P(to[0].p, 'first')}, ik woon op {d.r(c.street, 'address')} en de overlast "
                f"is opnieuw toegenomen. U kunt mij bellen op {d.r(c.phone, 'phone')}."
            )
            if not quoted and rng.random() < 0.6:
                nb = case.citizen()
                pd.append(
                    f"Mijn buurman {d.split_name(nb.p)} heeft hetzelfde ervaren en wil graag worden "
                    f"uitgenodigd voor de bewonersavond. Zijn nummer is {d.split_phone(nb.phone)}, mailen kan "
                    f"naar {d.split_email(nb.email)}."
                )
        else:
            other = rng.choice([e for e in emps if e is not frm])
            pd.append(
                f"Hoi {d.P(to[0].p, 'first')}, dank voor je bericht. Ik heb {d.P(c.p, 'aanhef')} "
                f"teruggebeld. {d.P(other.p, 'first')} pakt de inhoudelijke vragen op."
            )
            off, op = rng.choice([(o, p) for o, p in case.officials if not twin or p.last != twin])
            pd.append(
                f"In het portefeuilleoverleg van {d.date(case.date(30))} heeft {d.official(off, op)} gevraagd om "
                f"een korte notitie. Graag jouw input voor vrijdag."
            )
        for p in pd:
            if quoted:
                lines = L.wrap(p, "sans", 9.2, L.w - L.left - L.right - 14)
                for ln in lines:
                    L.line("> " + ln, size=9.2)
                L.space(3)
            else:
                L.para(p)
        if not quoted:
            for _ in range(rng.randrange(2, 5)):
                L.para(d.carrier())
        else:
            for _ in range(rng.randrange(1, 3)):
                for ln in L.wrap(d.carrier(3), "sans", 9.2, L.w - L.left - L.right - 14):
                    L.line("> " + ln, size=9.2)
        # signature
        if frm is not c:
            sig = [
                d.P(frm.p),
                frm.function.capitalize(),
                b["name"],
                "T " + d.r(frm.phone, "phone"),
                "E " + d.r(frm.email, "email"),
                "Algemeen: " + d.bc("switchboard") + " | " + d.bc("info_mail"),
            ]
            for s in sig:
                if quoted:
                    L.line("> " + s, size=9.2)
                else:
                    L.line(s, size=9)
        L.space(10)
    want = rng.choice([2, 3, 4])
    while len(L.pages) < want:
        L.para(d.carrier())
    return d


def minutes(case, name, scan=False):
    d = Doc(case, name, "minutes", scan=scan, fkey="sans", size=10)
    rng, L = d.rng, d.L
    chair = case.new_person()
    secr = case.new_person()
    members = [case.new_person() for _ in range(rng.randrange(3, 6))]
    absent = case.new_person()
    (off, op), (off2, op2) = rng.sample(case.officials, 2)
    mdate = case.date(15)
    kn = case.kenmerk()
    d.footer_kenmerk(kn, "Verslag")
    L.line(
        "Verslag "
        + rng.choice(["projectgroepoverleg", "stuurgroep", "bewonersoverleg", "teamoverleg"]),
        fkey="sansb",
        size=14,
    )
    L.line("Datum: " + d.date(mdate, rng.choice([0, 1])))
    L.line("Locatie: " + d.bc("visit_street") + ", vergaderzaal 2")
    att = [f"{chair.title} {d.P(chair, 'init')} (voorzitter)", f"{d.official(off, op)}"]
    att += [f"{m.title} {d.P(m, 'init')}" if rng.random() < 0.6 else d.P(m) for m in members]
    att.append(f"{d.P(secr)} (notulist)")
    L.para("Aanwezig: " + ", ".join(att))
    L.para("Afwezig met bericht: " + f"{absent.title} {d.P(absent, 'init')}")
    pd = [
        f"1. Opening. {d.P(chair, 'sur')} opent de vergadering en heet iedereen welkom, in het bijzonder "
        f"{off} {d.k(op.sur, 'official')}.",
        f"2. Verslag vorige vergadering. {d.P(members[0], 'title') if False else members[0].title} "
        f"{d.P(members[0], 'sur')} merkt op dat de actie over de bewonersbrief nog openstaat.",
        f"{d.P(members[1], 'sur')} licht toe dat de brief is vertraagd door de zomervakantie.",
        f"3. Stand van zaken. dhr. {d.P(secr, 'sur')} (secretaris) merkt op dat er sinds de vorige keer "
        f"{rng.randrange(4, 30)} nieuwe meldingen zijn binnengekomen.",
        f"{d.P(members[-1], 'sur')} vraagt of de melders zijn teruggebeld. {d.P(chair, 'sur')} zegt toe dit "
        f"na te gaan.",
        f"4. Woo-verzoek. Het verzoek is geregistreerd onder {d.kn(case.kenmerk())}. Persoonsgegevens worden "
        f"gelakt op grond van {d.art()}.",
        f"{off.capitalize()} {d.k(op.sur, 'official')} zegt toe de raad voor {d.date(mdate + dt.timedelta(days=40))} "
        f"schriftelijk te informeren. De toezegging van {d.k(op.full, 'official')} wordt als actiepunt genoteerd.",
        f"Het standpunt van {d.official(off2, op2)} is bekend; {off2} {d.k(op2.sur, 'official')} wil eerst het "
        f"advies afwachten (zie {d.art()}).",
        f"5. Rondvraag. {d.P(members[2 % len(members)], 'first')} meldt dat de volgende bijeenkomst op "
        f"{d.date(mdate + dt.timedelta(days=28))} plaatsvindt.",
    ]
    if rng.random() < 0.6:
        c = case.citizen()
        pd.insert(
            3,
            f"Er is een klacht binnengekomen van {d.P(c.p, 'aanhef')} ({d.r(c.street, 'address')}), "
            f"geboren {d.dob(c.dob, 0)}. {d.P(c.p, 'sur')} wil graag persoonlijk worden gesproken.",
        )
    d.flow(pd, pages=rng.choice([3, 4]) if scan else rng.choice([4, 5, 6]))
    L.para("Actiepunten", fkey="sansb")
    for m in members[:3]:
        L.para(
            f"- {d.P(m, 'first')}: terugkoppeling aan {d.P(chair, 'first')} voor {d.date(mdate + dt.timedelta(days=14))}",
            after=2,
        )
    return d


def chat_export(case, name):
    d = Doc(case, name, "chat", fkey="mono", size=8.6)
    rng, L = d.rng, d.L
    people = [case.new_person() for _ in range(rng.randrange(3, 6))]
    c = case.citizen()
    style = rng.choice(["wa", "teams"])
    group = rng.choice(
        ["Team Handhaving", "Projectgroep", "Wijkteam Noord", "Crisisteam", "Beheer & Onderhoud"]
    )
    L.line(
        ("WhatsApp-chat met " if style == "wa" else "Teams-chat ") + group, fkey="sansb", size=11
    )
    t = dt.datetime.combine(case.date(5), dt.time(8, rng.randrange(60)))
    L.line("Geëxporteerd op " + d.date(t.date() + dt.timedelta(days=60), 2), size=8)
    L.space(6)
    msgs = [
        lambda s: f"Wie belt {d.P(c.p, 'first')} terug? Nummer is {d.r(c.phone, 'phone')}",
        lambda s: f"Ik ga vanmiddag langs bij {d.r(c.street, 'address')}",
        lambda s: f"Auto van {d.P(c.p, 'first')} staat er weer, {d.r(c.plate, 'licence_plate')}",
        lambda s: f"{d.P(s, 'first')} neemt het over, ik ben vrij vanaf 14u",
        lambda s: f"Graag contact opnemen met {d.P(s, 'first')} over de sleutel",
        lambda s: (
            f"{d.P(c.p, 'full')} heeft gemaild naar {d.bc('info_mail')}, komt bij ons terecht"
        ),
        lambda s: f"Zijn geboortedatum staat in het dossier: {d.dob(c.dob, 2)}",
        lambda s: f"Mail staat in CC: {d.r(c.email, 'email')}",
        lambda s: (
            f"Overleg met {d.official(*rng.choice(case.officials))} is verzet naar {d.date(case.date(20))}"
        ),
        lambda s: (
            f"Link naar zijn profiel: {d.r('https://www.facebook.com/' + ascii_fold(c.p.first + '.' + c.p.last) + str(rng.randrange(10, 99)), 'url')}"
        ),
    ]
    smalltalk = [
        "Top, dank!",
        "Ok 👍".replace("👍", ""),
        "Ben onderweg",
        "Staat genoteerd",
        "Ik kijk even in het systeem",
        "Klopt, heb ik ook gezien",
        "Kan iemand de notitie nog nalezen?",
        "Bijna klaar hier",
        "Morgen verder",
        "Gebeld maar geen gehoor",
    ]
    count = 0
    day = None
    pages = rng.choice([3, 4])
    while len(L.pages) < pages or count < len(msgs) + 5:
        t += dt.timedelta(minutes=rng.randrange(2, 140))
        who = rng.choice(people)
        other = rng.choice([p for p in people if p is not who])
        if count < len(msgs) * 2 and count % 2 == 0:
            text = msgs[(count // 2) % len(msgs)](other)
        else:
            text = rng.choice(smalltalk + [d.carrier(1)])
        count += 1
        if style == "wa":
            L.para(
                f"[{d.date(t.date(), 2)}, {t:%H:%M:%S}] {d.P(who, 'first')}: {text}",
                after=1,
                lead=1.3,
            )
        else:
            if t.date() != day:
                day = t.date()
                L.para(d.date(day, 1), fkey="sansb", size=8.6, after=2)
            L.para(f"{d.P(who)}  {t:%H:%M}", fkey="sansb", size=8.2, after=0)
            L.para(text, after=3)
        if count > 400:
            break
    return d


def task_list(case, name):
    d = Doc(case, name, "tasks", fkey="sans", size=10)
    rng, L = d.rng, d.L
    owners = [case.new_person() for _ in range(4)]
    contacts = [case.citizen() for _ in range(3)]
    kn = case.kenmerk()
    d.footer_kenmerk(kn, "Actielijst")
    L.line(
        "Actielijst " + rng.choice(["projectteam", "Woo-coördinatie", "wijkaanpak"]),
        fkey="sansb",
        size=14,
    )
    L.line("Bijgewerkt: " + d.date(case.date(30)))
    L.space(6)
    rows = []
    verbs = [
        "contact opnemen met {c}",
        "terugbellen: {c}",
        "brief sturen aan {c}",
        "afspraak plannen met {c}",
        "{c} informeren over de uitkomst",
        "huisbezoek bij {c}",
        "gegevens van {c} controleren",
    ]
    i = 1
    for _ in range(rng.randrange(14, 22)):
        o = rng.choice(owners)
        cc = rng.choice(contacts)
        form = rng.choice(["first", "full", "aanhef"])
        task = rng.choice(verbs).format(c=d.P(cc.p, form))
        if rng.random() < 0.25:
            task += ", tel. " + d.r(cc.phone, "phone")
        rows.append(
            [
                str(i),
                task,
                d.P(o, "first"),
                d.date(case.date(40), 2),
                rng.choice(["open", "loopt", "gereed"]),
            ]
        )
        i += 1
    L.table(
        ["Nr", "Actie", "Wie", "Gereed voor", "Status"], rows, [5, 60, 12, 14, 9], size=8.2, rowh=15
    )
    L.para("Toelichting", fkey="sansb")
    pd = [
        f"Let op: {d.P(contacts[0].p, 'first')} wil liever niet gebeld worden na 17.00 uur. "
        f"{d.P(owners[1], 'first')} heeft het e-mailadres {d.r(contacts[0].email, 'email')} bevestigd.",
        f"Vragen over de actielijst kunnen naar {d.bc('info_mail')} of via {d.bc('switchboard')}.",
    ]
    d.flow(pd, pages=max(3, len(L.pages)))
    return d


TABLE_COLS = {
    "Naam": ("person", lambda d, c: d.P(c.p, d.rng.choice(["full", "init", "comma"]))),
    "Geboortedatum": ("date_of_birth", lambda d, c: d.dob(c.dob, d.rng.choice([2, 2, 3, 4]))),
    "geb.": ("date_of_birth", lambda d, c: d.dob(c.dob, 2)),
    "Geboren": ("date_of_birth", lambda d, c: d.dob(c.dob, d.rng.choice([2, 4]))),
    "BSN": ("bsn", lambda d, c: d.r(c.bsn, "bsn")),
    "Adres": ("address", lambda d, c: d.r(c.street, "address")),
    "Postcode": ("postcode", lambda d, c: d.r(c.pc, "postcode")),
    "Kenteken": ("licence_plate", lambda d, c: d.r(c.plate, "licence_plate")),
    "Telefoon": ("phone", lambda d, c: d.r(c.phone, "phone")),
    "E-mail": ("email", lambda d, c: d.r(c.email, "email")),
    "IBAN": ("iban", lambda d, c: d.r(c.iban, "iban")),
    "Rekeningnummer": ("iban", lambda d, c: d.r(c.iban, "iban")),
}
COL_W = {
    "Naam": 22,
    "Geboortedatum": 12,
    "geb.": 10,
    "Geboren": 11,
    "BSN": 11,
    "Adres": 20,
    "Postcode": 9,
    "Kenteken": 10,
    "Telefoon": 15,
    "E-mail": 26,
    "IBAN": 23,
    "Rekeningnummer": 23,
}


def table_report(case, name, variant):
    d = Doc(case, name, "table", landscape=True, fkey="cond", size=8, margins=(36, 40, 36, 40))
    rng, L = d.rng, d.L
    kn = case.kenmerk()
    gen = dt.datetime.combine(case.date(40), dt.time(rng.randrange(8, 17), rng.randrange(60)))

    def hdr(L2, n):
        L2.at(L2.left, 26, f"{case.body['name']} - export {d.kn(kn)}", fkey="cond", size=7)
        L2.at(
            L2.w - 200, 26, f"Gegenereerd {d.date(gen.date(), 2)} {gen:%H:%M}", fkey="cond", size=7
        )
        L2.at(L2.w - 80, L2.h - 20, f"Blad1 - pagina {n}", fkey="cond", size=7)

    L.header = hdr
    hdr(L, 1)
    nrows = rng.randrange(60, 130)
    if variant == "register":
        cols = (
            ["Naam"]
            + rng.sample(["Geboortedatum", "geb.", "Geboren"], 1)
            + rng.sample(
                [
                    "BSN",
                    "Adres",
                    "Postcode",
                    "Kenteken",
                    "Telefoon",
                    "E-mail",
                    "IBAN",
                    "Rekeningnummer",
                ],
                rng.randrange(4, 6),
            )
        )
        title = rng.choice(
            [
                "Overzicht meldingen",
                "Registratie deelnemers",
                "Lijst aanvragers",
                "Overzicht vergunninghouders",
            ]
        )
        L.line(title, fkey="condb", size=12)
        L.space(4)
        rows = []
        for i in range(nrows):
            c = case.citizen()
            row = (
                [str(i + 1)]
                + [TABLE_COLS[col][1](d, c) for col in cols]
                + [d.date(case.date(0, 200), 2)]
            )
            rows.append(row)
        L.table(
            ["Nr"] + cols + ["Datum melding"], rows, [4] + [COL_W[c] for c in cols] + [11], size=7.4
        )
    elif variant == "payments":
        L.line("Overzicht betalingen subsidieregeling", fkey="condb", size=12)
        L.space(4)
        rows = []
        for i in range(nrows):
            c = case.citizen()
            nm = d.P(c.p, rng.choice(["comma", "comma", "init"]))
            rows.append(
                [
                    d.kn(f"BET-{gen.year}-{1000 + i:05d}"),
                    nm,
                    d.r(c.iban, "iban"),
                    f"€ {rng.randrange(150, 25000):,}".replace(",", ".") + ",00",
                    d.date(case.date(0, 150), 2),
                    rng.choice(["voorschot", "vaststelling", "terugvordering"]),
                ]
            )
        L.table(
            ["Betaalkenmerk", "Ontvanger", "Rekeningnummer", "Bedrag", "Datum betaling", "Soort"],
            rows,
            [14, 24, 24, 12, 12, 14],
            size=7.6,
        )
    else:  # objections
        L.line("Register bezwaarschriften", fkey="condb", size=12)
        L.space(4)
        rows = []
        for i in range(nrows):
            c = case.citizen()
            nm = d.P(c.p, rng.choice(["init", "comma", "full"]))
            rows.append(
                [
                    d.kn(f"BZW-{gen.year}-{i + 1:04d}"),
                    nm,
                    d.r(c.street, "address"),
                    d.date(case.date(0, 120), 2),
                    rng.choice(
                        [
                            "ongegrond",
                            "gegrond",
                            "niet-ontvankelijk",
                            "in behandeling",
                            "ingetrokken",
                        ]
                    ),
                    rng.choice(
                        ["hoorzitting gepland", "", "advies commissie", "besluit verzonden"]
                    ),
                ]
            )
        L.table(
            ["Zaaknummer", "Indiener", "Adres", "Ontvangen", "Status", "Opmerking"],
            rows,
            [12, 24, 20, 11, 14, 19],
            size=7.6,
        )
    return d


def kamervragen(case, name):
    d = Doc(case, name, "kamervragen", fkey="serif", size=10.2)
    rng, L = d.rng, d.L
    ministers = [(o, p) for o, p in case.officials if o in ("minister", "staatssecretaris")]
    mps = [(o, p) for o, p in case.officials if o == "Kamerlid"]
    mo, mp = rng.choice(ministers)
    q1, q2 = rng.sample(mps, 2)
    zk = f"{case.base_date.year}Z{rng.randrange(1000, 99999):05d}"
    d.footer_kenmerk(zk, "Kamervragen")
    L.line(case.body["name"], fkey="serifb", size=13)
    L.space(10)
    L.para(
        f"Antwoord van de {mo} {d.k(mp.full, 'official')} op vragen van de leden {d.k(q1[1].sur, 'official')} "
        f"en {d.k(q2[1].sur, 'official')} over {rng.choice(THEMES[case.theme])[:-1].lower()} (ingezonden "
        f"{d.date(case.date(0))}, {d.kn(zk)}).",
        fkey="serifb",
    )
    emp = case.employee("beleidsmedewerker")
    emp2 = case.employee("senior beleidsadviseur")
    c = case.citizen()
    pd = []
    nq = rng.randrange(6, 10)
    for i in range(1, nq + 1):
        pd.append(f"Vraag {i}\n" + d.carrier(2).replace(". ", "? ", 1))
        ans = f"Antwoord {i}\n" + d.carrier(3)
        if i == 2:
            ans += f" Ik heb hierover op {d.date(case.date(5))} gesproken met {d.official('Kamerlid', q1[1])}."
        if i == 3:
            ans += (
                f" In de casus die het lid {d.k(q2[1].sur, 'official')} noemt, gaat het om één inwoner; "
                f"gegevens over die persoon verstrek ik niet, gelet op {d.art()}."
            )
        if i == 4:
            ans += f" Zie ook mijn brief van {d.date(case.date(-30))} ({d.kn(case.kenmerk())})."
        pd.append(ans)
    d.flow(pd, pages=rng.choice([4, 5, 6]))
    L.para("Interne aantekeningen (niet voor publicatie)", fkey="serifb")
    L.para(
        f"Opgesteld door {d.P(emp.p)} ({d.r(emp.phone, 'phone')}), meegelezen door {d.P(emp2.p, 'init')}. "
        f"Opmerking {d.P(emp2.p, 'first')}: de burger uit vraag 3 is {d.P(c.p)}, die ons eerder mailde vanaf "
        f"{d.r(c.email, 'email')}. Graag check door {d.P(emp.p, 'first')} voor verzending."
    )
    L.para(f"Algemene vragen: {d.bc('info_mail')}, {d.bc('switchboard')}.")
    return d


def memo(case, name, scan=False, twin=None):
    d = Doc(case, name, "memo", scan=scan, fkey="sans", size=10)
    rng, L = d.rng, d.L
    off, op = rng.choice([(o, p) for o, p in case.officials if not twin or p.last != twin.last])
    frm = case.employee("adviseur")
    kn = case.kenmerk()
    d.footer_kenmerk(kn)
    L.line("MEMO", fkey="sansb", size=16)
    L.space(4)
    for k_, v in [
        ("Aan", d.official(off, op)),
        ("Van", d.P(frm.p) + ", " + frm.function),
        ("Datum", d.date(case.date(25))),
        ("Kenmerk", d.kn(kn)),
        (
            "Onderwerp",
            rng.choice(["Stand van zaken", "Advies over vervolg", "Reactie op vragen uit de raad"]),
        ),
    ]:
        L.line(f"{k_}:\t".replace("\t", " ") + v)
    L.space(8)
    c = Citizen(twin, rng, case.body["town"]) if twin else case.citizen()
    c2 = case.citizen()
    pd = [
        f"Aanleiding. Op {d.date(case.date(0))} ontvingen wij een melding van {d.P(c.p, 'aanhef')}, wonende "
        f"{d.r(c.street, 'address')}, {d.r(c.pc, 'postcode')} {c.town}.",
        f"{d.P(c.p, 'sur')} is bekend bij het wijkteam. Het BSN ({d.r(c.bsn, 'bsn')}) is gecontroleerd in de BRP.",
        f"Daarnaast heeft {d.split_name(c2.p)} (geboren {d.dob(c2.dob)}) gereageerd. Bereikbaar via {d.r(c2.phone, 'phone')}.",
        f"Advies. Wij adviseren u in te stemmen met de voorgestelde aanpak. Bij openbaarmaking worden "
        f"persoonsgegevens gelakt ({d.art()}).",
    ]
    others = [
        (o, p) for o, p in case.officials if p is not op and (not twin or p.last != twin.last)
    ]
    if others:
        o2, p2 = rng.choice(others)
        pd.append(
            f"Afstemming. Op {d.date(case.date(10))} is het concept besproken met {d.official(o2, p2)}. "
            f"{o2.capitalize()} {d.k(p2.sur, 'official')} vraagt de passage over {d.art()} aan te vullen."
        )
    if twin:
        pd.append(f"{d.P(c.p, 'sur')} is niet verwant aan een bestuurder met dezelfde achternaam.")
    d.flow(pd, pages=rng.choice([2, 3, 4]))
    return d


def it_report(case, name, scan=False):
    d = Doc(case, name, "it_report", scan=scan, fkey="sans", size=9.8)
    rng, L, b = d.rng, d.L, case.body
    dom = b["short"].lower() + ".local"
    inc = f"INC{case.base_date.year}-{rng.randrange(1000, 9999)}"
    d.footer_kenmerk(inc, "Incident")
    hosts = [
        f"{rng.choice(['srv', 'vm', 'app', 'dc', 'sql', 'fs'])}-{rng.choice(['prd', 'acc', 'tst'])}{rng.randrange(1, 40):02d}.{dom}"
        for _ in range(4)
    ]
    short_hosts = [
        f"{rng.choice(['SRV', 'APP', 'DB'])}-{b['code']}-{rng.randrange(1, 99):02d}"
        for _ in range(3)
    ]
    ips = [
        f"10.{rng.randrange(1, 250)}.{rng.randrange(0, 250)}.{rng.randrange(2, 250)}"
        for _ in range(4)
    ]
    ips.append(f"192.168.{rng.randrange(0, 250)}.{rng.randrange(2, 250)}")
    shares = [
        f"\\\\fs{rng.randrange(1, 9):02d}\\{rng.choice(['Jeugd$', 'Burgerzaken', 'Projecten', 'HR-dossiers', 'Scans'])}\\{rng.choice(['Archief', '2024', 'Vertrouwelijk', 'Import'])}"
        for _ in range(3)
    ]
    codes = [
        f"{rng.choice(['ZKS', 'BRP', 'DMS', 'KCC', 'WMO'])}-{rng.choice(['PRD', 'KOP', 'INT'])}-{rng.randrange(1, 99):02d}"
        for _ in range(3)
    ]
    tech = case.employee("functioneel beheerder")
    lead = case.employee("CISO")
    users = [case.new_person() for _ in range(2)]
    L.line(f"Incidentrapport {d.kn(inc)}", fkey="sansb", size=14)
    L.line("Melddatum: " + d.date(case.date(0)) + "    Prioriteit: " + rng.choice(["P1", "P2"]))
    L.line("Behandelaar: " + d.P(tech.p) + " (" + d.r(tech.phone, "phone") + ")")
    L.space(6)
    pd = [
        f"Samenvatting. Rond 07:40 uur meldde {d.P(users[0])} dat de zaakapplicatie op {d.r(hosts[0], 'hostname')} "
        f"niet reageerde. De server met IP-adres {d.r(ips[0], 'ip_address')} bleek een volle schijf te hebben.",
        f"Oorzaak. Een geplande taak kopieerde bestanden van {d.r(shares[0], 'share_path')} naar "
        f"{d.r(shares[1], 'share_path')} zonder opschoning. Systeem {d.r(codes[0], 'system_code')} schreef "
        f"daardoor geen logregels meer.",
        f"Tijdlijn. 08:10 {d.P(tech.p, 'first')} start analyse op {d.r(short_hosts[0], 'hostname')}; 08:45 failover "
        f"naar {d.r(hosts[1], 'hostname')} ({d.r(ips[1], 'ip_address')}); 09:30 koppeling "
        f"{d.r(codes[1], 'system_code')} hersteld.",
        f"Betrokken gebruikers: {d.P(users[0], 'init')}, {d.P(users[1], 'init')}. {d.P(users[1], 'sur')} werkte "
        f"vanaf thuis via VPN-gateway {d.r(ips[4], 'ip_address')}.",
        f"Maatregelen. {d.P(lead.p)} ({d.r(lead.email, 'email')}) besluit de map {d.r(shares[2], 'share_path')} "
        f"alleen-lezen te maken. Monitoring op {d.r(hosts[2], 'hostname')} en {d.r(ips[2], 'ip_address')} "
        f"wordt uitgebreid; {d.r(short_hosts[1], 'hostname')} gaat uit beheer.",
        f"Melding aan de AP was niet nodig volgens de toets van {d.date(case.date(3))}. Vragen aan de servicedesk: "
        f"{d.bc('switchboard')}.",
    ]
    d.flow(pd, pages=rng.choice([3, 4, 5]))
    L.para("Getroffen systemen", fkey="sansb")
    rows = []
    for _ in range(rng.randrange(6, 13)):
        h = f"{rng.choice(['srv', 'vm', 'app', 'web', 'sql', 'fs'])}-{rng.choice(['prd', 'acc', 'tst', 'ont'])}{rng.randrange(1, 60):02d}.{dom}"
        ip = f"10.{rng.randrange(1, 250)}.{rng.randrange(0, 250)}.{rng.randrange(2, 250)}"
        sc = f"{rng.choice(['ZKS', 'BRP', 'DMS', 'KCC', 'WMO', 'GEO', 'FIN'])}-{rng.choice(['PRD', 'KOP', 'INT', 'API'])}-{rng.randrange(1, 99):02d}"
        sh = f"\\\\{h.split('.')[0]}\\{rng.choice(['Data', 'Export', 'Archief', 'Scans'])}$"
        rows.append(
            [
                d.r(h, "hostname"),
                d.r(ip, "ip_address"),
                d.r(sc, "system_code"),
                d.r(sh, "share_path"),
                rng.choice(["hersteld", "monitoring", "uitgefaseerd", "in onderzoek"]),
            ]
        )
    L.table(
        ["Hostnaam", "IP-adres", "Systeemcode", "Share", "Status"],
        rows,
        [30, 16, 16, 28, 12],
        fkey="sans",
        hkey="sansb",
        size=8,
        rowh=14,
    )
    L.para("Bijlage: configuratie-uittreksel", fkey="sansb")
    for ln in [
        f"host={hosts[3]} ip={ips[3]}",
        f"mount {shares[0]} -> /mnt/import",
        f"service {codes[2]} on {short_hosts[2]}",
    ]:
        L.line(ln, fkey="mono", size=8.5)
    for s, cat in [
        (hosts[3], "hostname"),
        (ips[3], "ip_address"),
        (codes[2], "system_code"),
        (short_hosts[2], "hostname"),
    ]:
        d.r(s, cat)
    return d


# ======================================================================
# cases
# ======================================================================


def body(kind, short, code, area, rng, name=None):
    street = rng.choice(
        [
            "Raadhuisplein 1",
            "Stationsweg 50",
            "Markt 2",
            "Provinciehuisweg 9",
            "Kanaalkade 100",
            "Stadhuisplein 4",
            "Herenweg 21",
        ]
    )
    pc1 = postcode(rng)
    pc2 = postcode(rng)
    pb = rng.randrange(10, 9999)
    domains = {
        "gemeente": f"{short.lower()}.nl",
        "provincie": f"{short.lower()}.nl",
        "ministerie": f"min{code.lower()}.nl",
        "waterschap": f"ws{short.lower()}.nl",
        "veiligheidsregio": f"vr{short.lower()}.nl",
    }
    domain = domains[kind]
    sw = {
        "gemeente": f"14 {area}",
        "provincie": f"{area}-{rng.randrange(200, 999)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
        "ministerie": f"070 {rng.randrange(300, 499)} {rng.randrange(1000, 9999)}",
        "waterschap": f"088-{rng.randrange(1000000, 9999999)}",
        "veiligheidsregio": f"088 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
    }[kind]
    return {
        "kind": kind,
        "short": short,
        "code": code,
        "area": area,
        "town": short if kind != "ministerie" else "Den Haag",
        "name": name or f"{kind.capitalize()} {short}",
        "tagline": "Samen werken aan een leefbare regio",
        "visit_street": street,
        "visit_pc": f"{pc1} {short if kind != 'ministerie' else 'Den Haag'}",
        "postbus": f"Postbus {pb}",
        "postbus_pc": f"{pc2} {short if kind != 'ministerie' else 'Den Haag'}",
        "switchboard": sw,
        "info_mail": f"info@{domain}",
        "woo_mail": f"woo@{domain}",
        "website": f"www.{domain}",
        "domain": domain,
    }


def build_case(cid, spec, rng):
    b = body(spec["kind"], spec["short"], spec["code"], spec["area"], rng, spec.get("name"))
    case = Case(cid, b, spec["theme"], rng, spec["officials"])
    twin_official = case.officials[spec.get("twin_idx", 1) % len(case.officials)][1]
    twin = case.new_person(last=(twin_official.tv, twin_official.last))
    made = []
    for i, (kind, opts) in enumerate(spec["docs"]):
        nm = f"{i + 1:02d}_{kind}"
        opts = dict(opts)
        if opts.pop("twin", False):
            opts["twin"] = twin if kind != "email" else twin.last
        made.append(BUILDERS[kind](case, nm, **opts))
    return case


BUILDERS = {
    "decision": decision_letter,
    "incoming": citizen_letter,
    "email": email_thread,
    "minutes": minutes,
    "chat": chat_export,
    "tasks": task_list,
    "kamervragen": kamervragen,
    "memo": memo,
    "it": it_report,
    "register": lambda c, n, **o: table_report(c, n, "register"),
    "payments": lambda c, n, **o: table_report(c, n, "payments"),
    "objections": lambda c, n, **o: table_report(c, n, "objections"),
}

G_OFF = ["burgemeester", "wethouder", "wethouder", "wethouder"]
CASES = [
    (
        "c01_lindewaard_windpark",
        dict(
            kind="gemeente",
            short="Lindewaard",
            code="LW",
            area="0578",
            theme="windturbine",
            officials=G_OFF,
            docs=[
                ("decision", {}),
                ("email", {}),
                ("minutes", {}),
                ("memo", {"twin": True}),
                ("register", {}),
                ("incoming", {"scan": True}),
            ],
        ),
    ),
    (
        "c02_brakeloo_jeugd",
        dict(
            kind="gemeente",
            short="Brakeloo",
            code="BK",
            area="0481",
            theme="jeugdzorg",
            officials=G_OFF,
            docs=[
                ("memo", {}),
                ("chat", {}),
                ("tasks", {}),
                ("decision", {"twin": True}),
                ("minutes", {}),
                ("payments", {}),
                ("it", {}),
            ],
        ),
    ),
    (
        "c03_veluwerand_stikstof",
        dict(
            kind="provincie",
            short="Veluwerand",
            code="PV",
            area="026",
            theme="stikstof",
            name="Provincie Veluwerand",
            officials=["gedeputeerde", "gedeputeerde", "Commissaris van de Koning"],
            twin_idx=0,
            docs=[
                ("decision", {}),
                ("email", {"twin": True}),
                ("minutes", {"scan": True}),
                ("objections", {}),
                ("memo", {}),
            ],
        ),
    ),
    (
        "c04_bzk_datalek",
        dict(
            kind="ministerie",
            short="BZK",
            code="BZK",
            area="070",
            theme="datalek",
            name="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
            officials=["minister", "staatssecretaris", "Kamerlid", "Kamerlid", "Kamerlid"],
            twin_idx=2,
            docs=[
                ("kamervragen", {}),
                ("email", {}),
                ("kamervragen", {}),
                ("memo", {}),
                ("it", {}),
                ("decision", {"twin": True}),
            ],
        ),
    ),
    (
        "c05_oudervaart_festival",
        dict(
            kind="gemeente",
            short="Oudervaart",
            code="OV",
            area="0229",
            theme="festival",
            officials=G_OFF,
            docs=[
                ("decision", {}),
                ("chat", {}),
                ("minutes", {}),
                ("register", {}),
                ("email", {"twin": True}),
                ("incoming", {"scan": False}),
                ("tasks", {}),
            ],
        ),
    ),
    (
        "c06_hunzedelta_dijk",
        dict(
            kind="waterschap",
            short="HunzeDelta",
            code="HD",
            area="088",
            theme="dijk",
            name="Waterschap Hunze en Delta",
            officials=["dijkgraaf", "heemraad", "heemraad"],
            twin_idx=0,
            docs=[
                ("objections", {}),
                ("decision", {}),
                ("minutes", {}),
                ("memo", {"twin": True, "scan": True}),
                ("email", {}),
            ],
        ),
    ),
    (
        "c07_marrewijk_opvang",
        dict(
            kind="gemeente",
            short="Marrewijk",
            code="MW",
            area="0115",
            theme="opvang",
            officials=G_OFF,
            docs=[
                ("minutes", {}),
                ("email", {}),
                ("chat", {}),
                ("decision", {}),
                ("memo", {"twin": True}),
                ("incoming", {"scan": True}),
                ("tasks", {}),
                ("it", {}),
            ],
        ),
    ),
    (
        "c08_zuidrand_brand",
        dict(
            kind="veiligheidsregio",
            short="Zuidrand",
            code="VZ",
            area="088",
            theme="brand",
            name="Veiligheidsregio Zuidrand",
            officials=["voorzitter", "burgemeester", "burgemeester"],
            docs=[
                ("it", {}),
                ("minutes", {"scan": True}),
                ("chat", {}),
                ("email", {}),
                ("decision", {"twin": True}),
            ],
        ),
    ),
    (
        "c09_wervershoven_parkeren",
        dict(
            kind="gemeente",
            short="Wervershoven",
            code="WH",
            area="076",
            theme="parkeren",
            officials=G_OFF,
            docs=[
                ("register", {}),
                ("objections", {}),
                ("decision", {}),
                ("incoming", {"scan": False}),
                ("email", {"twin": True}),
                ("tasks", {}),
                ("it", {}),
            ],
        ),
    ),
    (
        "c10_ienw_spoor",
        dict(
            kind="ministerie",
            short="IenW",
            code="IENW",
            area="070",
            theme="spoor",
            name="Ministerie van Infrastructuur en Waterstaat",
            officials=[
                "minister",
                "staatssecretaris",
                "Kamerlid",
                "Kamerlid",
                "Kamerlid",
                "Kamerlid",
            ],
            twin_idx=3,
            docs=[
                ("kamervragen", {}),
                ("kamervragen", {}),
                ("memo", {"twin": True}),
                ("email", {}),
                ("minutes", {}),
            ],
        ),
    ),
    (
        "c11_tolsum_ransomware",
        dict(
            kind="gemeente",
            short="Tolsum",
            code="TS",
            area="0512",
            theme="ransomware",
            officials=G_OFF,
            docs=[
                ("it", {}),
                ("it", {"scan": True}),
                ("email", {}),
                ("chat", {}),
                ("memo", {"twin": True}),
                ("decision", {}),
            ],
        ),
    ),
    (
        "c12_zeeveen_subsidie",
        dict(
            kind="provincie",
            short="Zeeveen",
            code="PZ",
            area="0118",
            theme="subsidie",
            name="Provincie Zeeveen",
            officials=["gedeputeerde", "gedeputeerde", "Commissaris van de Koning"],
            docs=[
                ("payments", {}),
                ("decision", {"twin": True}),
                ("memo", {}),
                ("email", {}),
                ("objections", {}),
                ("incoming", {"scan": True}),
            ],
        ),
    ),
]


def normalise(s):
    s = s.replace(NBSP, " ")
    s = re.sub(r"-[ \t]*[\n\f]\s*", "", s)
    return re.sub(r"\s+", " ", s).strip()


def check_extraction(folder):
    """pymupdf extracts every annotated string from the text PDFs (scans have no text layer)."""
    bad = 0
    for jf in sorted(folder.glob("*.json")):
        if jf.name == "config.json":
            continue
        ann = json.loads(jf.read_text(encoding="utf-8"))
        pdf = jf.with_suffix(".pdf")
        doc = pymupdf.open(pdf)
        if ann["scan"]:
            assert all(not p.get_text().strip() for p in doc), f"scan with text layer: {pdf}"
            continue
        text = normalise("\n".join(p.get_text() for p in doc))
        for a in ann["redact"] + ann["readable"]:
            if normalise(a["text"]) not in text:
                bad += 1
                print("NOT EXTRACTED", pdf.name, a, file=sys.stderr)
    return bad


def main():
    global OUT
    if len(sys.argv) > 2 and sys.argv[1] == "--out":
        OUT = Path(sys.argv[2]).resolve()
    rng = random.Random(SEED)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    stats = {"docs": 0, "pages": 0, "scan_pages": 0, "kinds": {}}
    bad = 0
    for cid, spec in CASES:
        case = build_case(cid, spec, rng)
        folder = OUT / cid
        folder.mkdir()
        offs = [{"office": o, "name": p.full} for o, p in case.officials]
        (folder / "config.json").write_text(
            json.dumps(
                {
                    "regime": "woo",
                    "public_officials": [o["name"] for o in offs],
                    "offices": offs,
                    "body": case.body["name"],
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        for d in case.docs:
            n = d.write(folder)
            stats["docs"] += 1
            stats["pages"] += n
            stats["scan_pages"] += n if d.scan else 0
            stats["kinds"][d.kind] = stats["kinds"].get(d.kind, 0) + 1
            for a in d.redact:
                if a["category"] == "bsn":
                    assert bsn_valid(a["text"]), a
                if a["category"] == "iban":
                    assert iban_valid(a["text"]), a
        bad += check_extraction(folder)
    print(json.dumps(stats))
    if bad:
        sys.exit(f"{bad} annotated strings not extractable")


if __name__ == "__main__":
    main()
