"""Black-box scorer for the blind Woo set.

Runs `manage.py redact` over every case folder (one call per folder, or one per file with
--one-call-per-file), reads every written PDF with pymupdf, pdftotext and, for scanned documents,
Tesseract OCR (200 dpi, `tesseract - - -l nld`), and prints:

- documents refused (n of N) with the line the command printed for each;
- personal-data characters still readable after accept-all, as a share of all annotated
  characters, overall and per category, over the documents that were WRITTEN (refused documents
  are reported separately, not counted as leaks);
- kept rates per must-stay-readable category.

Token model: an annotated occurrence counts its tokens of >= 3 characters (case-insensitive,
whitespace collapsed, a hyphen at a line end joined). E-mail addresses, URLs, network paths,
host names and chunks with digits and inner separators (dates, phone numbers with a dash, case
numbers, IP addresses, plates) are one token each. A token is "still readable" as often as it
occurs in the output (maximum over the readers), minus the occurrences expected to stay (outside
every annotation and inside readable annotations), and never more often than it was annotated.

Strings are only printed with --details (the figures alone are safe to show the engineer who
tunes). Imports nothing from the product: it only runs the command and reads PDFs.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
NBSP = "\u00a0"
STOP = {"van", "der", "den", "ter", "ten", "het", "von", "del", "des", "dos"}
REDACT_CATS = [
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
]
READ_CATS = ["official", "org_contact", "date", "article", "case_number"]


# ----------------------------------------------------------------------------------------------
# tokens
def normalise(s):
    s = s.replace(NBSP, " ").replace("\u00ad", "")
    s = re.sub(r"(\w)-[ \t]*[\n\f]\s*(\w)", r"\1\2", s)
    return re.sub(r"\s+", " ", s).strip()


_COMPOUND_DIGIT = re.compile(r"\w+(?:[./\-:]\w+)+")
_HOST = re.compile(r"(?:[a-z0-9\-]+\.){2,}[a-z]{2,}", re.I)


def _compound(c):
    if "@" in c or "://" in c or c.startswith("\\\\") or c.lower().startswith("www."):
        return True
    if re.search(r"\d", c) and _COMPOUND_DIGIT.fullmatch(c):
        return True
    return bool(_HOST.fullmatch(c))


def tokens(s):
    out = []
    for chunk in re.split(r"[\s=;,]+", normalise(s)):
        prev = None
        while chunk != prev:
            prev = chunk
            chunk = chunk.lstrip("([<\"'“‘*|").rstrip(")]>\"'”’!?*|.:")
        if not chunk:
            continue
        if _compound(chunk):
            out.append(chunk.lower())
        else:
            out.extend(t.lower() for t in re.findall(r"\w+", chunk))
    return [t for t in out if len(t) >= 3 and t not in STOP]


# ----------------------------------------------------------------------------------------------
# annotations
def occurrences(txt, entries):
    """Exact, word-bounded occurrences of each entry's text, longest first, non-overlapping."""
    claimed = []
    occ = []
    for e in sorted(entries, key=lambda e: -len(e["text"])):
        pat = re.compile(r"(?<!\w)" + re.escape(e["text"]) + r"(?!\w)")
        for m in pat.finditer(txt):
            a, b = m.span()
            if any(a < y and x < b for x, y in claimed):
                continue
            claimed.append((a, b))
            occ.append(
                {
                    "text": e["text"],
                    "category": e["category"],
                    "start": a,
                    "tokens": tokens(e["text"]),
                }
            )
    occ.sort(key=lambda o: o["start"])
    return occ, claimed


def extract_pymupdf(pdf):
    with pymupdf.open(pdf) as doc:
        return "\n".join(p.get_text() for p in doc)


def extract_pdftotext(pdf):
    r = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=300
    )
    return r.stdout.decode("utf-8", "replace")


def extract_ocr(pdf):
    parts = []
    with pymupdf.open(pdf) as doc:
        for p in doc:
            png = p.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
            r = subprocess.run(
                ["tesseract", "-", "-", "-l", "nld"],
                input=png,
                capture_output=True,
                timeout=300,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
            parts.append(r.stdout.decode("utf-8", "replace"))
    return "\n".join(parts)


def score_document(txt, ann, outputs):
    red_occ, red_spans = occurrences(txt, ann["redact"])
    read_occ_all, _ = occurrences(txt, ann["readable"])
    read_occ = [
        o
        for o in read_occ_all
        if not any(o["start"] < y and x < o["start"] + len(o["text"]) for x, y in red_spans)
    ]
    src = Counter(tokens(txt))
    D, R = Counter(), Counter()
    for o in red_occ:
        D.update(o["tokens"])
    for o in read_occ:
        R.update(o["tokens"])
    U = {t: max(0, src[t] - D[t] - R[t]) for t in set(src) | set(D) | set(R)}
    seen = Counter()
    for text in outputs.values():
        c = Counter(tokens(text))
        for t in set(D) | set(R):
            seen[t] = max(seen[t], c[t])
    kept_budget = {t: min(R[t], max(0, seen[t] - U[t])) for t in R}
    leak_budget = {t: min(D[t], max(0, seen[t] - U[t] - R[t])) for t in D}
    res = {
        "red": defaultdict(lambda: [0, 0]),
        "read": defaultdict(lambda: [0, 0]),
        "leaked": [],
        "lost": [],
    }
    for o in red_occ:
        leaked_tokens = []
        for t in o["tokens"]:
            res["red"][o["category"]][1] += len(t)
            if leak_budget.get(t, 0) > 0:
                leak_budget[t] -= 1
                res["red"][o["category"]][0] += len(t)
                leaked_tokens.append(t)
        if leaked_tokens:
            res["leaked"].append(
                {"text": o["text"], "category": o["category"], "readable_tokens": leaked_tokens}
            )
    for o in read_occ:
        if not o["tokens"]:
            continue
        need = Counter(o["tokens"])
        ok = all(kept_budget.get(t, 0) >= n for t, n in need.items())
        if ok:
            for t, n in need.items():
                kept_budget[t] -= n
        res["read"][o["category"]][1] += 1
        res["read"][o["category"]][0] += int(ok)
        if not ok:
            res["lost"].append({"text": o["text"], "category": o["category"]})
    return res


# ----------------------------------------------------------------------------------------------
# running the product
def product_env(out_root):
    """A fresh, migrated SQLite database and media folder outside the repository (a new user's state)."""
    env = dict(os.environ)
    env["DATABASE_URL"] = "sqlite:///" + str(out_root / "_db.sqlite3")
    env["MEDIA_ROOT"] = str(out_root / "_media")
    env.pop("REDIS_URL", None)
    cmd = [
        str(REPO / ".venv" / "bin" / "python"),
        str(REPO / "manage.py"),
        "migrate",
        "--noinput",
        "-v",
        "0",
    ]
    r = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=900)
    if r.returncode:
        sys.exit("migrate failed: " + r.stderr.decode("utf-8", "replace")[-2000:])
    return env


def run_redact(pdfs, outdir, env):
    cmd = [
        str(REPO / ".venv" / "bin" / "python"),
        str(REPO / "manage.py"),
        "redact",
        *map(str, pdfs),
        "--out",
        str(outdir),
        "--regime",
        "woo",
    ]
    t0 = time.time()
    r = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=3600)
    out = r.stdout.decode("utf-8", "replace") + "\n" + r.stderr.decode("utf-8", "replace")
    return r.returncode, out, time.time() - t0


def refusal_lines(log, pdf):
    """The command's line for a refused file plus its indented reasons ("- ..." lines)."""
    lines = log.splitlines()
    for i, ln in enumerate(lines):
        if pdf.name in ln:
            out = [
                ln.strip().replace(str(pdf), pdf.name).replace(str(pdf.relative_to(REPO)), pdf.name)
            ]
            for nxt in lines[i + 1 :]:
                if not nxt.lstrip().startswith("- "):
                    break
                out.append(nxt.strip())
            return out
    return ["(no line printed for this file)"]


def read_and_score(pdf, outpdf, ann, txt, ocr):
    t0 = time.time()
    outputs = {"pymupdf": extract_pymupdf(outpdf), "pdftotext": extract_pdftotext(outpdf)}
    if ann["scan"] and ocr:
        outputs["ocr"] = extract_ocr(outpdf)
    res = score_document(txt, ann, outputs)
    res["seconds"] = time.time() - t0
    return res


def mask(line, ann):
    line = re.sub(r"'[^']*'", "'■'", line)
    texts = sorted({a["text"] for a in ann["redact"] + ann["readable"]}, key=len, reverse=True)
    for t in texts:
        line = line.replace(t, "■")
    toks = {t for a in ann["redact"] + ann["readable"] for t in tokens(a["text"])}
    return re.sub(
        r"[\w@.\\\-]+", lambda m: "■" if m.group(0).lower().strip(".") in toks else m.group(0), line
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default=str(HERE / "cases"))
    ap.add_argument("--out", default="/tmp/blind_redacted")
    ap.add_argument("--one-call-per-file", action="store_true")
    ap.add_argument("--details", action="store_true", help="list leaked and over-redacted strings")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-ocr", action="store_true", help="skip Tesseract on scanned documents")
    args = ap.parse_args(argv)

    t_start = time.time()
    cases = sorted(p for p in Path(args.cases).iterdir() if p.is_dir())
    out_root = Path(args.out)
    if out_root.exists():
        shutil.rmtree(out_root)
    out_root.mkdir(parents=True)
    env = product_env(out_root)

    red_tot = defaultdict(lambda: [0, 0])
    read_tot = defaultdict(lambda: [0, 0])
    red_tot_text = defaultdict(lambda: [0, 0])
    red_tot_scan = defaultdict(lambda: [0, 0])
    refused, details, tracebacks, exit_mismatch = [], [], 0, 0
    n_docs = n_written = 0
    t_redact = t_read = 0.0
    pool = ThreadPoolExecutor(max_workers=2)
    jobs = []
    logdir = out_root / "_logs"
    logdir.mkdir()
    for case in cases:
        pdfs = sorted(case.glob("*.pdf"))
        outdir = out_root / case.name
        outdir.mkdir()
        print(f"  {case.name}: {len(pdfs)} files", file=sys.stderr, flush=True)
        runs = [[p] for p in pdfs] if args.one_call_per_file else [pdfs]
        logs = []
        for batch in runs:
            rc, log, dt_ = run_redact(batch, outdir, env)
            t_redact += dt_
            tracebacks += log.count("Traceback (most recent call last)")
            missing = [p for p in batch if not (outdir / p.name).exists()]
            if bool(missing) != (rc != 0):
                exit_mismatch += 1
            logs.append(log)
        log = "\n".join(logs)
        (logdir / f"{case.name}.log").write_text(log, encoding="utf-8")
        for pdf in pdfs:
            n_docs += 1
            ann = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
            txt = pdf.with_suffix(".txt").read_text(encoding="utf-8")
            outpdf = outdir / pdf.name
            if not outpdf.exists():
                lines = refusal_lines(log, pdf)
                if not args.details:
                    lines = [mask(ln, ann) for ln in lines]
                refused.append(
                    {
                        "case": case.name,
                        "file": pdf.name,
                        "kind": ann["kind"],
                        "scan": ann["scan"],
                        "line": lines,
                    }
                )
                continue
            n_written += 1
            # reading and OCR of this folder's output overlap with redacting the next folder
            fut = pool.submit(read_and_score, pdf, outpdf, ann, txt, not args.no_ocr)
            jobs.append((case, pdf, ann, fut))
    for case, pdf, ann, fut in jobs:
        res = fut.result()
        t_read += res["seconds"]
        for cat, (a, b) in res["red"].items():
            red_tot[cat][0] += a
            red_tot[cat][1] += b
            tgt = red_tot_scan if ann["scan"] else red_tot_text
            tgt[cat][0] += a
            tgt[cat][1] += b
        for cat, (a, b) in res["read"].items():
            read_tot[cat][0] += a
            read_tot[cat][1] += b
        if args.details and (res["leaked"] or res["lost"]):
            details.append(
                {
                    "case": case.name,
                    "file": pdf.name,
                    "leaked": res["leaked"],
                    "over_redacted": res["lost"],
                }
            )
    pool.shutdown()
    t_total = time.time() - t_start

    def share(d, cats):
        a = sum(d[c][0] for c in cats)
        b = sum(d[c][1] for c in cats)
        return a, b, (100.0 * a / b if b else 0.0)

    groups = {
        "names (person)": ["person"],
        "birth dates": ["date_of_birth"],
        "technical (ip, host, share, system code)": [
            "ip_address",
            "hostname",
            "share_path",
            "system_code",
        ],
        "contact (email, phone, url)": ["email", "phone", "url"],
        "address and postcode": ["address", "postcode"],
        "numbers (bsn, iban, plate)": ["bsn", "iban", "licence_plate"],
    }
    result = {
        "mode": "one call per file" if args.one_call_per_file else "one call per case folder",
        "documents": n_docs,
        "written": n_written,
        "refused": len(refused),
        "refused_list": refused,
        "tracebacks": tracebacks,
        "exit_code_mismatches": exit_mismatch,
        "leak_overall": share(red_tot, REDACT_CATS),
        "leak_text_documents": share(red_tot_text, REDACT_CATS),
        "leak_scan_documents": share(red_tot_scan, REDACT_CATS),
        "leak_per_category": {c: share(red_tot, [c]) for c in REDACT_CATS if red_tot[c][1]},
        "leak_per_group": {g: share(red_tot, cs) for g, cs in groups.items()},
        "kept_per_category": {
            c: (
                read_tot[c][0],
                read_tot[c][1],
                100.0 * read_tot[c][0] / read_tot[c][1] if read_tot[c][1] else 0.0,
            )
            for c in READ_CATS
        },
        "seconds_redact": round(t_redact, 1),
        "seconds_read": round(t_read, 1),
        "seconds_total": round(t_total, 1),
    }
    if args.details:
        result["details"] = details
    (out_root / "score.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"Blind set: {n_docs} documents in {len(cases)} case folders, {result['mode']}")
    print(
        f"total {t_total:.0f} s (redact {t_redact:.0f} s, reading output {t_read:.0f} s, overlapping); "
        f"tracebacks printed: {tracebacks}, "
        f"exit code inconsistent with refusals: {exit_mismatch}"
    )
    print(f"\nRefused: {len(refused)} of {n_docs}")
    for r in refused:
        print(f"  {r['case']}/{r['file']} ({r['kind']}{', scan' if r['scan'] else ''}):")
        for ln in r["line"]:
            print(f"      {ln}")
    print(
        f"\nPersonal data still readable after accept-all, over the {n_written} documents written "
        f"(refused documents are not counted here):"
    )
    a, b, p = result["leak_overall"]
    print(f"  overall            {p:6.2f}%   ({a} of {b} token characters)")
    a, b, p = result["leak_text_documents"]
    print(f"  text documents     {p:6.2f}%   ({a} of {b})")
    a, b, p = result["leak_scan_documents"]
    print(f"  scanned documents  {p:6.2f}%   ({a} of {b}; OCR-read, so a lower bound)")
    print("  per group:")
    for g, (a, b, p) in result["leak_per_group"].items():
        print(f"    {g:42s} {p:6.2f}%   ({a} of {b})")
    print("  per category:")
    for c, (a, b, p) in result["leak_per_category"].items():
        print(f"    {c:42s} {p:6.2f}%   ({a} of {b})")
    print("\nMust stay readable, kept (occurrences whose every token is still readable):")
    for c, (a, b, p) in result["kept_per_category"].items():
        print(f"    {c:42s} {p:6.2f}%   ({a} of {b})")
    if args.details:
        print("\nDetails (strings; do not show to the engineer who tunes):")
        for d in details:
            print(f"  {d['case']}/{d['file']}")
            for x in d["leaked"]:
                print(f"    LEAK  [{x['category']}] {x['text']!r} -> {x['readable_tokens']}")
            for x in d["over_redacted"]:
                print(f"    LOST  [{x['category']}] {x['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
