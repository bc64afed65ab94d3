"""The line markup of letter templates (see templates/cases/letters/README.md): text -> blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMBERED = re.compile(r"^(\d{1,3}[.)])\s+(.*)$")
_MARKUP_START = re.compile(r"^(#|>|-\s|\||\[\[|\d{1,3}[.)]\s|\\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Block:
    kind: str  # heading | subheading | paragraph | quote | bullet | numbered | lines | directive
    text: str = ""
    lines: list[str] = field(default_factory=list)
    label: str = ""  # the number of a numbered item ("3.")


def clean(text: str) -> str:
    """Drop characters Word's XML cannot hold (OCR and e-mail text brings vertical tabs etc.)."""
    return _CONTROL.sub("", text)


def escape(text: str) -> str:
    """Make free text (a motivation, an answer) safe inside a template: a line that would read as
    markup gets a leading backslash, which the parser removes again."""
    return "\n".join(
        "\\" + line if _MARKUP_START.match(line.lstrip()) else line
        for line in clean(text).splitlines()
    )


def parse(text: str) -> list[Block]:
    """Blank lines separate paragraphs; a line's first characters choose its block (README)."""
    blocks: list[Block] = []
    current: Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    def extend(kind: str, text: str, **kw) -> None:
        """Continue the current block of this kind, or start one."""
        nonlocal current
        if current is None or current.kind != kind:
            close()
            current = Block(kind, text, **kw)
        else:
            current.text = f"{current.text} {text}".strip()

    for raw in clean(text).splitlines():
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("\\"):  # escaped free text: never markup
            extend_text = line[1:].strip()
            if current is not None and current.kind in ("paragraph", "bullet", "numbered"):
                current.text = f"{current.text} {extend_text}".strip()
            else:
                extend("paragraph", extend_text)
        elif line.startswith("[[") and line.endswith("]]"):
            close()
            blocks.append(Block("directive", line[2:-2].strip().lower()))
        elif line.startswith("## "):
            close()
            blocks.append(Block("subheading", line[3:].strip()))
        elif line.startswith("# "):
            close()
            blocks.append(Block("heading", line[2:].strip()))
        elif line.startswith("> ") or line == ">":
            extend("quote", line[1:].strip())
        elif line.startswith("- "):
            close()
            current = Block("bullet", line[2:].strip())
        elif line.startswith("|"):
            if current is None or current.kind != "lines":
                close()
                current = Block("lines")
            current.lines.append(line[1:].strip())
        elif m := _NUMBERED.match(line):
            close()
            current = Block("numbered", m.group(2).strip(), label=m.group(1))
        elif current is not None and current.kind in ("paragraph", "bullet", "numbered"):
            current.text = f"{current.text} {line}"
        else:
            close()
            current = Block("paragraph", line)
    close()
    return [b for b in blocks if b.kind in ("lines", "directive") or b.text]
