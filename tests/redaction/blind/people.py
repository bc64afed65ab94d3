"""Names, bodies and identifiers for the blind set, written for this set only."""

from dataclasses import dataclass

FIRST = {
    "nl": {
        "m": [
            "Jeroen",
            "Bas",
            "Maarten",
            "Thijs",
            "Ruud",
            "Gerrit",
            "Wouter",
            "Sjoerd",
            "Niels",
            "Koen",
            "Hendrik",
            "Arjen",
            "Lucas",
            "Pim",
            "Roel",
            "Teun",
            "Joost",
            "Evert",
        ],
        "f": [
            "Sanne",
            "Marieke",
            "Annelies",
            "Ilse",
            "Femke",
            "Wilma",
            "Joke",
            "Esther",
            "Lotte",
            "Inge",
            "Geertje",
            "Hanneke",
            "Mirjam",
            "Roos",
            "Tessa",
            "Anouk",
            "Lisa",
            "Wendy",
        ],
    },
    "ma": {
        "m": ["Youssef", "Mohamed", "Khalid", "Nordin", "Hamza", "Bilal"],
        "f": ["Fatima", "Samira", "Naima", "Loubna", "Khadija", "Imane"],
    },
    "tr": {
        "m": ["Mehmet", "Emre", "Kemal", "Burak", "Hakan"],
        "f": ["Ayşe", "Elif", "Zeynep", "Hatice", "Büşra"],
    },
    "sr": {
        "m": ["Rajesh", "Ravi", "Errol", "Glenn", "Sunil"],
        "f": ["Shanti", "Dewika", "Marcia", "Sharon", "Radha"],
    },
    "id": {"m": ["Budi", "Agus", "Rahmat", "Hendra"], "f": ["Siti", "Dewi", "Putri", "Wulan"]},
    "pl": {
        "m": ["Paweł", "Tomasz", "Krzysztof", "Marek"],
        "f": ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna"],
    },
    "cn": {"m": ["Wei", "Jun", "Hao", "Jian"], "f": ["Xiaoling", "Mei", "Lin", "Yan"]},
    "gh": {"m": ["Kwame", "Kofi", "Yaw", "Kwabena"], "f": ["Akosua", "Abena", "Efua", "Ama"]},
    "sy": {"m": ["Ahmad", "Omar", "Tarek"], "f": ["Rana", "Lina", "Nour"]},
    "er": {"m": ["Tesfay", "Dawit", "Yonas"], "f": ["Selam", "Mehret", "Helen"]},
    "vn": {"m": ["Minh", "Tuan"], "f": ["Lan", "Thu"]},
    "inv": {
        "m": ["Tormelin", "Velquin", "Draesko", "Merodin", "Quennith", "Baltrevo"],
        "f": ["Elvoja", "Nimrana", "Zulvana", "Quelmira", "Orsabel", "Tiwenna"],
    },
}

# (tussenvoegsel, surname)
LAST = {
    "nl": [
        ("", "Brink"),
        ("", "Voskuilen"),
        ("", "Hofstra"),
        ("", "Dekker"),
        ("", "Kok"),
        ("", "Postma"),
        ("", "Wijnberg"),
        ("", "Kramer"),
        ("", "Huisman"),
        ("", "Veenstra"),
        ("", "Schouten"),
        ("", "Timmermans"),
        ("", "Bosman"),
        ("", "Rietveld"),
        ("", "Hoekstra"),
        ("", "Kuipers"),
        ("", "Brouwer"),
        ("", "Dijkman"),
        ("", "Westerhuis"),
        ("", "Oosterbaan"),
        ("", "Lammertsma"),
        ("", "Verhoeven"),
        ("", "Gerritsen"),
        ("", "Smulders"),
        ("", "Koopmans"),
        ("", "Wiersma"),
        ("van der", "Linden"),
        ("de", "Wit"),
        ("van", "Dijk"),
        ("ter", "Horst"),
        ("van den", "Berg"),
        ("in 't", "Veld"),
        ("de", "Jong"),
        ("van", "Leeuwen"),
        ("van 't", "Hof"),
        ("de", "Graaf"),
        ("van", "Wageningen"),
        ("van der", "Meulen"),
        ("de", "Haan"),
        ("van", "Rooij"),
        ("ten", "Cate"),
        ("van", "Beek"),
        ("de", "Boer"),
        ("van der", "Zee"),
        ("van", "Dam"),
    ],
    "ma": [
        ("", "El Amrani"),
        ("", "Bouzid"),
        ("", "Azzouzi"),
        ("", "El Khattabi"),
        ("", "Benali"),
        ("", "Ouali"),
        ("", "Aït Taleb"),
        ("", "Boukhari"),
    ],
    "tr": [
        ("", "Yılmaz"),
        ("", "Demir"),
        ("", "Kaya"),
        ("", "Çelik"),
        ("", "Öztürk"),
        ("", "Arslan"),
        ("", "Doğan"),
    ],
    "sr": [
        ("", "Ramdin"),
        ("", "Bhagwandin"),
        ("", "Doelwijt"),
        ("", "Pinas"),
        ("", "Wijngaarde"),
        ("", "Kromodimedjo"),
        ("", "Sewnath"),
    ],
    "id": [("", "Wibowo"), ("", "Sutanto"), ("", "Hartono"), ("", "Kusuma"), ("", "Rahmawati")],
    "pl": [
        ("", "Kowalczyk"),
        ("", "Nowak"),
        ("", "Wiśniewski"),
        ("", "Zielińska"),
        ("", "Grabowski"),
        ("", "Wójcik"),
    ],
    "cn": [("", "Chen"), ("", "Zhang"), ("", "Wang"), ("", "Liu"), ("", "Huang")],
    "gh": [
        ("", "Mensah"),
        ("", "Boateng"),
        ("", "Owusu"),
        ("", "Asante"),
        ("", "Osei"),
        ("", "Appiah"),
    ],
    "sy": [("", "Al-Khatib"), ("", "Haddad"), ("", "Darwish")],
    "er": [("", "Tesfamariam"), ("", "Haile"), ("", "Gebremedhin")],
    "vn": [("", "Nguyen"), ("", "Tran")],
    "inv": [
        ("", "Klupstoel"),
        ("", "Vriemerink"),
        ("", "Snorrewaerd"),
        ("", "Trepdijker"),
        ("", "Golvanck"),
        ("", "Brammelstede"),
        ("", "Quaadvliet"),
        ("", "Zimmerdonk"),
        ("", "Oxelaar"),
        ("", "Prinkelhout"),
        ("van", "Ruischenwerf"),
        ("", "Duivenvrocht"),
    ],
}
ORIGIN_WEIGHTS = [
    ("nl", 40),
    ("ma", 8),
    ("tr", 7),
    ("sr", 6),
    ("id", 4),
    ("pl", 5),
    ("cn", 4),
    ("gh", 4),
    ("sy", 3),
    ("er", 2),
    ("vn", 2),
    ("inv", 10),
]

STREETS = [
    "Kerkstraat",
    "Molenweg",
    "Dorpsstraat",
    "Beukenlaan",
    "Populierenhof",
    "Vlasakker",
    "Sluisdijk",
    "Meidoornpad",
    "Ganzeweide",
    "Korte Bleekstraat",
    "Reigerstraat",
    "Esdoornlaan",
    "Paardenwei",
    "Boterbloemstraat",
    "Havenkade",
    "Zwanenveld",
    "Oude Trambaan",
    "Weverstraat",
    "Klaverhof",
    "Lijsterbeslaan",
    "Brederode-erf",
    "Veenakkers",
    "Scheldezoom",
    "Ketelboeterij",
]
PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]
MAILHOSTS = [
    "gmail.com",
    "hotmail.com",
    "ziggo.nl",
    "kpnmail.nl",
    "outlook.com",
    "live.nl",
    "xs4all.nl",
    "planet.nl",
    "icloud.com",
]


@dataclass
class Person:
    first: str
    tv: str
    last: str
    gender: str
    origin: str
    initials: str

    @property
    def full(self):
        return " ".join(x for x in (self.first, self.tv, self.last) if x)

    @property
    def sur(self):  # surname alone, sentence form: "De Vries", "Visser"
        if self.tv:
            return self.tv[0].upper() + self.tv[1:] + " " + self.last
        return self.last

    @property
    def sur_tv(self):  # "de Vries" (after initials or first name)
        return " ".join(x for x in (self.tv, self.last) if x)

    @property
    def init(self):  # "A.J.M. Voskuilen"
        return self.initials + " " + self.sur_tv

    @property
    def comma(self):  # "Dekker, R." / "Linden, H. van der"
        s = self.last + ", " + self.initials
        return s + (" " + self.tv if self.tv else "")

    @property
    def aanhef(self):
        return ("mevrouw " if self.gender == "f" else "de heer ") + self.sur

    @property
    def title(self):
        return "mw." if self.gender == "f" else "dhr."


def bsn(rng):
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        if d[0] == 0 and d[1] == 0:
            continue
        s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        last = s % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)


def iban(rng, spaced=True):
    bank = rng.choice(BANKS)
    acct = "".join(str(rng.randrange(10)) for _ in range(10))
    conv = "".join(str(ord(c) - 55) if c.isalpha() else c for c in bank + acct + "NL00")
    check = 98 - int(conv) % 97
    s = f"NL{check:02d}{bank}{acct}"
    if spaced:
        return " ".join(s[i : i + 4] for i in range(0, len(s), 4))
    return s


def iban_valid(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in r)) % 97 == 1


def bsn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    return len(d) == 9 and (sum(x * w for x, w in zip(d[:8], range(9, 1, -1))) - d[8]) % 11 == 0


def plate(rng):
    L = lambda n: "".join(rng.choice(PLATE_LETTERS) for _ in range(n))  # noqa: E731
    D = lambda n: "".join(str(rng.randrange(1, 10)) for _ in range(n))  # noqa: E731
    form = rng.choice(
        ["XX-99-99", "99-XXX-9", "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "99-XX-XX"]
    )
    out = []
    for part in form.split("-"):
        out.append(L(len(part)) if part[0] == "X" else D(len(part)))
    return "-".join(out)


def mobile(rng):
    n = "6" + "".join(str(rng.randrange(10)) for _ in range(8))
    f = rng.randrange(5)
    if f == 0:
        return "0" + n[:1] + "-" + n[1:]
    if f == 1:
        return "0" + n[:1] + " " + n[1:5] + " " + n[5:]
    if f == 2:
        return "+31 " + n[:1] + " " + n[1:]
    if f == 3:
        return "+31 (0)" + n[:1] + " " + n[1:5] + " " + n[5:]
    return "0" + n


def landline(rng, area=None):
    area = area or rng.choice(
        ["020", "010", "030", "050", "0570", "0512", "0115", "0481", "0229", "076"]
    )
    rest_len = 10 - len(area)
    rest = str(rng.randrange(2, 10)) + "".join(str(rng.randrange(10)) for _ in range(rest_len - 1))
    f = rng.randrange(3)
    if f == 0:
        return area + "-" + rest
    if f == 1:
        return area + " " + rest
    return "(" + area + ") " + rest[:-4] + " " + rest[-4:]


def postcode(rng):
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    return f"{rng.randrange(1000, 9999)} {rng.choice(letters)}{rng.choice(letters)}"


MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
