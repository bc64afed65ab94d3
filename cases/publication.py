"""DiWoo metadata (0.9.8 sitemap extension, domain.md §6) for a published decision: pure builders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.etree import ElementTree as ET

from django.utils.translation import gettext as _

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
CATEGORY_WOO_VERZOEKEN = (TOOI_KERN + "c_3baef532", "Woo-verzoeken en -besluiten")
HANDELING = {
    "ontvangst": (TOOI_KERN + "c_dfcee535", "ontvangst"),
    "ondertekening": (TOOI_KERN + "c_e1ec050e", "ondertekening"),
    "vaststelling": (TOOI_KERN + "c_641ecd76", "vaststelling"),
}

ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("diwoo", DIWOO_NS)


@dataclass(frozen=True)
class Item:
    """One published file: the besluit, the inventarislijst or a (redacted) document."""

    key: str  # "besluit", "inventarislijst", "document-3"
    url: str
    title: str
    kind: str  # documentsoort label, e.g. "besluit", "inventaris", "document"
    created_on: date | None
    actions: tuple[tuple[str, date], ...]  # (handeling key, date)
    identifiers: tuple[str, ...] = ()
    file_format: str = "application/pdf"
    part_of: str | None = None  # key of the besluit for documents
    parts: tuple[str, ...] = ()  # keys for the besluit
    withdrawn_reason: str = ""


@dataclass(frozen=True)
class Publication:
    publisher_uri: str
    publisher_name: str
    items: tuple[Item, ...] = field(default_factory=tuple)
    lastmod: date | None = None


def _d(tag: str) -> str:
    return f"{{{DIWOO_NS}}}{tag}"


def validate(pub: Publication) -> list[str]:
    """Required DiWoo fields (domain.md §6); Dutch messages, empty when valid."""
    problems = []
    if not pub.publisher_uri.startswith("https://identifier.overheid.nl/tooi/id/"):
        problems.append(
            _("De TOOI-URI van de organisatie ontbreekt of is ongeldig (beheer: organisatie).")
        )
    if not pub.publisher_name.strip():
        problems.append(_("De naam van de publicerende organisatie ontbreekt."))
    if not pub.items:
        problems.append(_("Er is niets om te publiceren."))
    keys = {i.key for i in pub.items}
    for item in pub.items:
        if not item.title.strip():
            problems.append(_("%(key)s: de officiële titel ontbreekt.") % {"key": item.key})
        if not item.url.startswith(("http://", "https://")):
            problems.append(_("%(key)s: geen geldige vindplaats (URL).") % {"key": item.key})
        if not item.actions:
            problems.append(
                _("%(key)s: er is geen documenthandeling met datum.") % {"key": item.key}
            )
        for action, _on in item.actions:
            if action not in HANDELING:
                problems.append(
                    _("%(key)s: onbekende documenthandeling '%(action)s'.")
                    % {"key": item.key, "action": action}
                )
        if item.part_of and item.part_of not in keys:
            problems.append(
                _("%(key)s: hoort bij '%(part)s', dat niet in de publicatie zit.")
                % {"key": item.key, "part": item.part_of}
            )
    return problems


def build_sitemap(pub: Publication) -> bytes:
    by_key = {i.key: i for i in pub.items}
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for item in pub.items:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = item.url
        if pub.lastmod:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = pub.lastmod.isoformat()
        doc = ET.SubElement(ET.SubElement(url, _d("Document")), _d("DiWoo"))
        if item.identifiers:
            ids = ET.SubElement(doc, _d("identifiers"))
            for ident in item.identifiers:
                ET.SubElement(ids, _d("identifier")).text = ident
        ET.SubElement(doc, _d("publisher"), resource=pub.publisher_uri).text = pub.publisher_name
        titles = ET.SubElement(doc, _d("titelcollectie"))
        ET.SubElement(titles, _d("officieleTitel")).text = item.title
        if item.created_on:
            ET.SubElement(doc, _d("creatiedatum")).text = item.created_on.isoformat()
        ET.SubElement(
            doc,
            _d("language"),
            resource="http://publications.europa.eu/resource/authority/language/NLD",
        ).text = "Nederlands"
        ET.SubElement(
            doc,
            _d("format"),
            resource=f"http://publications.europa.eu/resource/authority/file-type/{'PDF' if 'pdf' in item.file_format else 'XLSX' if 'sheet' in item.file_format else 'DOCX'}",
        ).text = item.file_format
        cls = ET.SubElement(doc, _d("classificatiecollectie"))
        cats = ET.SubElement(cls, _d("informatiecategorieen"))
        uri, label = CATEGORY_WOO_VERZOEKEN
        ET.SubElement(cats, _d("informatiecategorie"), resource=uri).text = label
        soorten = ET.SubElement(cls, _d("documentsoorten"))
        ET.SubElement(soorten, _d("documentsoort")).text = item.kind
        actions = ET.SubElement(doc, _d("documenthandelingen"))
        for action, on in item.actions:
            h = ET.SubElement(actions, _d("documenthandeling"))
            uri, label = HANDELING[action]
            ET.SubElement(h, _d("soortHandeling"), resource=uri).text = label
            ET.SubElement(h, _d("atTime")).text = f"{on.isoformat()}T00:00:00"
        if item.part_of:
            ET.SubElement(doc, _d("isPartOf"), resource=by_key[item.part_of].url)
        if item.parts:
            parts = ET.SubElement(doc, _d("hasParts"))
            for key in item.parts:
                ET.SubElement(parts, _d("hasPart"), resource=by_key[key].url)
        if item.withdrawn_reason:
            ET.SubElement(doc, _d("redenVerwijderingVervanging")).text = item.withdrawn_reason
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
