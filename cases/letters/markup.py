"""The small line markup of letter templates (templates/cases/letters/README.md): text -> blocks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    kind: str  # heading | subheading | paragraph | quote | bullet | lines | directive
    text: str = ""
    lines: list[str] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None

    def close():
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            close()
            continue
        if stripped.startswith("[[") and stripped.endswith("]]"):
            close()
            blocks.append(Block("directive", stripped[2:-2].strip()))
        elif stripped.startswith("## "):
            close()
            blocks.append(Block("subheading", stripped[3:].strip()))
        elif stripped.startswith("# "):
            close()
            blocks.append(Block("heading", stripped[2:].strip()))
        elif stripped.startswith("- "):
            close()
            current = Block("bullet", stripped[2:].strip())
        elif stripped.startswith("> "):
            if current is None or current.kind != "quote":
                close()
                current = Block("quote", stripped[2:].strip())
            else:
                current.text += " " + stripped[2:].strip()
        elif stripped.startswith("|"):
            if current is None or current.kind != "lines":
                close()
                current = Block("lines")
            current.lines.append(stripped[1:].strip())
        else:
            if current is None or current.kind not in ("paragraph", "bullet"):
                close()
                current = Block("paragraph", stripped)
            else:
                current.text += " " + stripped
    close()
    return blocks
