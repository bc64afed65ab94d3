"""Build tests/redaction/corpus/cases from the marked-up sources beside this file.

`python tests/redaction/corpus/_src/build.py tests/redaction/corpus/cases`
Markup: [[text|category]] is personal data to redact, {{text|category}} must stay readable
(official, org_contact, date, article, case_number; no category: "other"). "=== CASE name"
starts a case folder (the lines below it, if any, are its config.json), "=== doc" a document;
a line "<FF>" is a page break (form feed).
"""

import json
import re
import sys
from pathlib import Path

SRC = Path(__file__).parent
MARK = re.compile(r"\[\[(.+?)\|(\w+)\]\]|\{\{(.+?)(?:\|(\w+))?\}\}", re.S)


def convert(body: str) -> tuple[str, list, list]:
    redact: list = []
    readable: list = []

    def sub(m: re.Match) -> str:
        if m.group(1) is not None:
            item = {"text": m.group(1), "category": m.group(2)}
            if item not in redact:
                redact.append(item)
            return m.group(1)
        text, cat = m.group(3), m.group(4) or "other"
        item = text if cat == "other" else {"text": text, "category": cat}
        if item not in readable:
            readable.append(item)
        return text

    text = MARK.sub(sub, body)
    assert "[[" not in text and "{{" not in text
    return text, redact, readable


def main(out: Path) -> None:
    for src in sorted(SRC.glob("*.src")):
        case = None
        for block in re.split(r"(?m)^=== ", src.read_text(encoding="utf-8"))[1:]:
            header, body = block.split("\n", 1)
            header = header.strip()
            if header.startswith("CASE "):
                case = out / header[5:].strip()
                case.mkdir(parents=True, exist_ok=True)
                if body.strip():
                    (case / "config.json").write_text(body.strip() + "\n", encoding="utf-8")
                continue
            body = (body.rstrip("\n") + "\n").replace("<FF>\n", "\f")
            text, redact, readable = convert(body)
            (case / f"{header}.txt").write_text(text, encoding="utf-8")
            ann = {"redact": redact, "readable": readable}
            (case / f"{header}.json").write_text(
                json.dumps(ann, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
