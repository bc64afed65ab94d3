"""Precision, recall and leak rate of detection per category on an annotated corpus."""

# `python -m redaction.detect.evaluate tests/redaction/corpus` (folders are searched recursively).
# Each document is NAME.txt with NAME.json: {"redact": [{"text", "category"}], "readable": [text]}.
# Every occurrence of an annotated text must be covered; a readable text must never be touched.
# All documents of one folder form one case (consistency across documents counts). The
# organisation's settings (regime, public_officials, ...) come from config.json beside the folders.

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from redaction.detect import DetectionConfig, detect_case
from redaction.types import PageText


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


@dataclass
class Report:
    documents: int = 0
    by_category: dict[str, CategoryFigures] = field(
        default_factory=lambda: defaultdict(CategoryFigures)
    )
    overall: CategoryFigures = field(default_factory=CategoryFigures)
    readable_violations: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return out
        out.append((i, i + len(needle)))
        start = i + 1


def corpus_config(corpus_dir: str | Path) -> DetectionConfig:
    """The organisation settings of a corpus: config.json in the corpus folder or its parent."""
    for folder in (Path(corpus_dir), Path(corpus_dir).parent):
        path = folder / "config.json"
        if path.exists():
            values = json.loads(path.read_text(encoding="utf-8"))
            return DetectionConfig(
                **{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
            )
    return DetectionConfig()


def evaluate(corpus_dir: str | Path, config: DetectionConfig | None = None) -> Report:
    config = config or corpus_config(corpus_dir)
    report = Report()
    folders = sorted({p.parent for p in Path(corpus_dir).rglob("*.txt")})
    for folder in folders:
        docs = {}
        for txt in sorted(folder.glob("*.txt")):
            ann = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            text = txt.read_text(encoding="utf-8")
            docs[txt.name] = (text, ann)
        pages = {
            name: [PageText(page=0, text=text, char_boxes=())] for name, (text, _) in docs.items()
        }
        found = detect_case(pages, config)
        for name, (text, ann) in docs.items():
            report.documents += 1
            covered = [False] * len(text)
            for s in found[name]:
                for i in range(s.start, s.end):
                    covered[i] = True
            gold = [False] * len(text)
            gold_spans = []
            for item in ann.get("redact", []):
                for s, e in _occurrences(text, item["text"]):
                    gold_spans.append((s, e, item["category"]))
                    for i in range(s, e):
                        gold[i] = True
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
            for s in found[name]:
                hit = any(gold[i] for i in range(s.start, s.end))
                fig = report.by_category[s.category]
                for f in (fig, report.overall):
                    f.suggested += 1
                    f.correct += 1 if hit else 0
                if not hit:
                    report.false_positives.append(
                        f"{name}: {s.text!r} ({s.category}, {s.detector})"
                    )
            for readable in ann.get("readable", []):
                for s, e in _occurrences(text, readable):
                    if any(covered[i] for i in range(s, e)):
                        report.readable_violations.append(f"{name}: {readable!r}")
    return report


def _pct(v: float | None) -> str:
    return "   –  " if v is None else f"{v * 100:5.1f}%"


def format_report(report: Report) -> str:
    lines = [
        f"{report.documents} documenten",
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
