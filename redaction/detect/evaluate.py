"""Leak rate per category and kept rate of the must-stay-readable texts on an annotated corpus."""

# `python -m redaction.detect.evaluate tests/redaction/corpus` (folders are searched recursively).
# Each document is NAME.txt with NAME.json:
#   {"redact": [{"text", "category"}], "readable": [text | {"text", "category"}]}
# with readable categories official | org_contact | date | article | case_number (a plain string
# is category "other"). A txt file may hold several pages separated by "\f".
# Every occurrence of an annotated text must be covered (whitespace in the annotation matches any
# whitespace run, so a name broken over a line still counts); a readable text must never be
# touched. All documents of one folder form one case (consistency across documents counts). The
# organisation's settings (regime, public_officials, ...) come from the nearest config.json: the
# case folder, then its parents up to the corpus folder and the folder above it.
# The figures of a set evaluated blind carry no strings: format_report(details=False).

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from redaction.detect import TECHNICAL, DetectionConfig, detect_case
from redaction.types import PageText

READABLE_CATEGORIES = ("official", "org_contact", "date", "article", "case_number", "other")
READABLE_LABELS = {
    "official": "ambtsdragers (wethouder, minister, ...)",
    "org_contact": "algemene contactgegevens organisatie",
    "date": "overige datums",
    "article": "wetsartikelen en gronden",
    "case_number": "kenmerken en zaaknummers",
    "other": "overig leesbaar",
}
# spellings another annotator may use for the detector's categories
CATEGORY_ALIASES = {
    "name": "person",
    "naam": "person",
    "birth_date": "date_of_birth",
    "birthdate": "date_of_birth",
    "dob": "date_of_birth",
    "geboortedatum": "date_of_birth",
    "ip": "ip_address",
    "host": "hostname",
    "share": "share_path",
    "plate": "licence_plate",
    "license_plate": "licence_plate",
    "kenteken": "licence_plate",
    "telephone": "phone",
    "telefoon": "phone",
    "e-mail": "email",
    "adres": "address",
}
# the table: leak under accept-all for these groups of categories
LEAK_GROUPS = (
    ("persoonsgegevens totaal", None),
    ("namen", {"person"}),
    ("geboortedatums", {"date_of_birth"}),
    ("technisch (IP, host, pad, code)", set(TECHNICAL)),
)
TARGETS = {
    "persoonsgegevens totaal": 0.01,
    "namen": 0.01,
    "geboortedatums": 0.01,
    "technisch (IP, host, pad, code)": 0.02,
    "official": 0.97,
    "org_contact": 0.90,
    "date": 1.0,
    "article": 1.0,
    "case_number": 1.0,
}


@dataclass
class CategoryFigures:
    annotated_chars: int = 0
    leaked_chars: int = 0
    suggested: int = 0
    correct: int = 0
    annotated_spans: int = 0
    found_spans: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.suggested if self.suggested else None

    @property
    def recall(self) -> float | None:
        return self.found_spans / self.annotated_spans if self.annotated_spans else None

    @property
    def leak_rate(self) -> float | None:
        return self.leaked_chars / self.annotated_chars if self.annotated_chars else None

    def add(self, other: CategoryFigures) -> None:
        for name in (
            "annotated_chars",
            "leaked_chars",
            "suggested",
            "correct",
            "annotated_spans",
            "found_spans",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class KeptFigures:
    occurrences: int = 0
    kept: int = 0

    @property
    def kept_rate(self) -> float | None:
        return self.kept / self.occurrences if self.occurrences else None


@dataclass
class Report:
    documents: int = 0
    pages: int = 0
    by_category: dict[str, CategoryFigures] = field(
        default_factory=lambda: defaultdict(CategoryFigures)
    )
    overall: CategoryFigures = field(default_factory=CategoryFigures)
    kept: dict[str, KeptFigures] = field(default_factory=lambda: defaultdict(KeptFigures))
    readable_violations: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def group(self, categories: set[str] | None) -> CategoryFigures:
        if categories is None:
            return self.overall
        total = CategoryFigures()
        for cat, fig in self.by_category.items():
            if cat in categories:
                total.add(fig)
        return total

    def meets_targets(self) -> bool:
        for label, cats in LEAK_GROUPS:
            rate = self.group(cats).leak_rate
            if rate is not None and rate > TARGETS[label]:
                return False
        for cat, fig in self.kept.items():
            rate = fig.kept_rate
            if cat in TARGETS and rate is not None and rate < TARGETS[cat]:
                return False
        return True


def _needle_regex(needle: str) -> re.Pattern:
    words = needle.split()
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of needle (overlapping ones too); whitespace matches any whitespace run."""
    if not needle.strip():
        return []
    rx = _needle_regex(needle)
    out, pos = [], 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return out
        out.append((m.start(), m.end()))
        pos = m.start() + 1


def _load_config(path: Path) -> DetectionConfig:
    values = json.loads(path.read_text(encoding="utf-8"))
    known = set(DetectionConfig.__dataclass_fields__)
    return DetectionConfig(
        **{
            k: tuple(v) if isinstance(v, list) else v
            for k, v in values.items()
            if k in known and k != "extra"
        }
    )


def _config_for(folder: Path, root: Path) -> DetectionConfig:
    """The nearest config.json: the case folder, its parents up to root, then root's parent."""
    folder, root = folder.resolve(), root.resolve()
    candidates = [folder, *[p for p in folder.parents if p == root or root in p.parents]]
    candidates.append(root.parent)
    for candidate in candidates:
        path = candidate / "config.json"
        if path.exists():
            return _load_config(path)
    return DetectionConfig()


def corpus_config(corpus_dir: str | Path) -> DetectionConfig:
    """The organisation settings of a corpus: config.json in the corpus folder or its parent."""
    return _config_for(Path(corpus_dir), Path(corpus_dir))


def _readable_items(ann: dict) -> list[tuple[str, str]]:
    out = []
    for item in ann.get("readable", []):
        if isinstance(item, str):
            out.append((item, "other"))
        elif isinstance(item, dict) and item.get("text"):
            cat = item.get("category") or "other"
            out.append((item["text"], cat if cat in READABLE_CATEGORIES else "other"))
    return out


def evaluate(corpus_dir: str | Path, config: DetectionConfig | None = None) -> Report:
    root = Path(corpus_dir)
    report = Report()
    folders = sorted({p.parent for p in root.rglob("*.txt")})
    for folder in folders:
        case_config = config or _config_for(folder, root)
        docs = {}
        for txt in sorted(folder.glob("*.txt")):
            ann_path = txt.with_suffix(".json")
            ann = json.loads(ann_path.read_text(encoding="utf-8")) if ann_path.exists() else {}
            docs[txt.name] = (txt.read_text(encoding="utf-8").split("\f"), ann)
        pages = {
            name: [PageText(page=i, text=t, char_boxes=()) for i, t in enumerate(texts)]
            for name, (texts, _) in docs.items()
        }
        found = detect_case(pages, case_config)
        for name, (texts, ann) in docs.items():
            report.documents += 1
            report.pages += len(texts)
            by_page = defaultdict(list)
            for s in found[name]:
                by_page[s.page].append(s)
            for page_no, text in enumerate(texts):
                _score_page(report, name, text, by_page[page_no], ann)
    return report


def _score_page(report: Report, name: str, text: str, found: list, ann: dict) -> None:
    covered = bytearray(len(text))
    for s in found:
        covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    gold = bytearray(len(text))
    gold_spans = []
    for item in ann.get("redact", []):
        category = CATEGORY_ALIASES.get(item.get("category", ""), item.get("category") or "other")
        for s, e in _occurrences(text, item["text"]):
            gold_spans.append((s, e, category))
            gold[s:e] = b"\x01" * (e - s)
    for s, e, cat in gold_spans:
        fig = report.by_category[cat]
        leaked = sum(1 for i in range(s, e) if not covered[i] and not text[i].isspace())
        total = sum(1 for i in range(s, e) if not text[i].isspace())
        for f in (fig, report.overall):
            f.annotated_chars += total
            f.leaked_chars += leaked
            f.annotated_spans += 1
            f.found_spans += 1 if leaked == 0 else 0
        if leaked:
            report.leaks.append(f"{name}: {text[s:e]!r} ({cat})")
    for s in found:
        hit = any(gold[s.start : s.end])
        fig = report.by_category[s.category]
        for f in (fig, report.overall):
            f.suggested += 1
            f.correct += 1 if hit else 0
        if not hit:
            report.false_positives.append(f"{name}: {s.text!r} ({s.category}, {s.detector})")
    for readable, cat in _readable_items(ann):
        for s, e in _occurrences(text, readable):
            kept = not any(covered[s:e])
            report.kept[cat].occurrences += 1
            report.kept[cat].kept += 1 if kept else 0
            if not kept:
                report.readable_violations.append(f"{name}: {readable!r} ({cat})")


def _pct(v: float | None) -> str:
    return "   –  " if v is None else f"{v * 100:5.1f}%"


def format_table(report: Report, title: str = "") -> str:
    """The issue's table: leak by character under accept-all and kept rates. No strings."""
    lines = [f"{title}{report.documents} documenten, {report.pages} pagina's"]
    lines.append(f"  {'leesbaar na alles accepteren':<38} {'lek':>7} {'doel':>7}  (tekens)")
    for label, cats in LEAK_GROUPS:
        fig = report.group(cats)
        lines.append(
            f"  {label:<38} {_pct(fig.leak_rate):>7} {'≤' + _pct(TARGETS[label]).strip():>7}"
            f"  ({fig.annotated_chars})"
        )
    lines.append(f"  {'leesbaar gebleven':<38} {'bewaard':>7} {'doel':>7}  (voorkomens)")
    for cat in READABLE_CATEGORIES:
        fig = report.kept.get(cat)
        if fig is None or not fig.occurrences:
            continue
        target = "≥" + _pct(TARGETS[cat]).strip() if cat in TARGETS else ""
        lines.append(
            f"  {READABLE_LABELS[cat]:<38} {_pct(fig.kept_rate):>7} {target:>7}  ({fig.occurrences})"
        )
    lines.append(f"  doelen gehaald: {'ja' if report.meets_targets() else 'nee'}")
    return "\n".join(lines)


def format_report(report: Report, *, details: bool = True) -> str:
    lines = [
        format_table(report),
        f"{'categorie':<15} {'precisie':>9} {'recall':>8} {'lek':>8}  (tekens)",
    ]
    for cat in sorted(report.by_category):
        f = report.by_category[cat]
        lines.append(
            f"{cat:<15} {_pct(f.precision):>9} {_pct(f.recall):>8} {_pct(f.leak_rate):>8}  ({f.annotated_chars})"
        )
    o = report.overall
    lines.append(
        f"{'totaal':<15} {_pct(o.precision):>9} {_pct(o.recall):>8} {_pct(o.leak_rate):>8}  ({o.annotated_chars})"
    )
    lines.append(f"leesbaar te houden maar gelakt: {len(report.readable_violations)}")
    if details:
        for label, items in (
            ("gemist", report.leaks),
            ("onterecht", report.false_positives),
            ("leesbaar geschonden", report.readable_violations),
        ):
            for item in items:
                lines.append(f"  {label}: {item}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(format_report(evaluate(sys.argv[1] if len(sys.argv) > 1 else "tests/redaction/corpus")))
