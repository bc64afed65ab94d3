"""Checks of the blind set itself (no product involved): the scorer's token model gives 100%
leak / 100% kept when the "redacted" output is the source text, and 0% / 0% when it is empty;
pymupdf extracts every annotated string from the text PDFs."""

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import check_extraction  # noqa: E402
from score import score_document  # noqa: E402


def totals(res_list):
    red, read = [0, 0], [0, 0]
    for res in res_list:
        for a, b in res["red"].values():
            red[0] += a
            red[1] += b
        for a, b in res["read"].values():
            read[0] += a
            read[1] += b
    return red, read


def main():
    full, empty = [], []
    bad = 0
    per_cat = defaultdict(int)
    for case in sorted((HERE / "cases").iterdir()):
        bad += check_extraction(case)
        for js in sorted(case.glob("*.json")):
            if js.name == "config.json":
                continue
            ann = json.loads(js.read_text(encoding="utf-8"))
            txt = js.with_suffix(".txt").read_text(encoding="utf-8")
            full.append(score_document(txt, ann, {"src": txt}))
            empty.append(score_document(txt, ann, {"src": ""}))
            for cat, (_, b) in full[-1]["red"].items():
                per_cat[cat] += b
    red, read = totals(full)
    assert red[0] == red[1] and read[0] == read[1], (red, read)
    red, read = totals(empty)
    assert red[0] == 0 and read[0] == 0, (red, read)
    assert bad == 0, bad
    print("selfcheck ok:", red[1], "annotated token characters;", read[1], "readable occurrences")
    print(json.dumps(dict(sorted(per_cat.items())), indent=0))


if __name__ == "__main__":
    main()
