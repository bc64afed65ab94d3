"""Multi-origin first names and surnames from the `names-dataset` package, as one more vote.

NameDataset() takes ~15 s and more than 1 GB to load, so the names that matter here are derived
ONCE into a compact file in the cache folder (WOBDESK_CACHE_DIR, else ~/.cache/wobdesk), keyed
by the package version, and read from there lazily once per process (~0.1 s). The countries are
those whose names are common among people living in the Netherlands; a name counts when it
ranks in the top RANK_LIMIT of one of them. Without the package or the cache (and when it
cannot be built) the vote is simply absent: detection works with the other votes.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path

COUNTRIES = (
    "NL BE DE FR GB IE ES PT IT PL RO BG HU CZ SK HR RS BA SI GR TR MA DZ TN EG SY IQ IR AF "
    "ID IN PK BD CN HK TW VN PH NG GH ET SO KE ZA CM AO US CA BR AR CL CO PE MX RU UA LT LV EE "
    "AL AZ GE JO LB PS SA AE YE SE NO DK FI AT CH LU"
).split()
RANK_LIMIT = 3000


def cache_dir() -> Path:
    return Path(os.environ.get("WOBDESK_CACHE_DIR") or Path.home() / ".cache" / "wobdesk")


def _version() -> str | None:
    try:
        return importlib.metadata.version("names-dataset")
    except importlib.metadata.PackageNotFoundError:
        return None


def cache_path() -> Path | None:
    version = _version()
    return cache_dir() / f"names-dataset-{version}-r{RANK_LIMIT}.txt.gz" if version else None


def build(path: Path) -> None:
    """Derive the compact list from the full dataset (slow: run once, e.g. `manage.py
    evaluate_detection --build-name-cache`, or lazily on first use)."""
    from names_dataset import NameDataset

    nd = NameDataset()
    lines = []
    for kind, table in (("F", nd.first_names), ("S", nd.last_names)):
        for name, attrs in table.items():
            ranks = attrs.get("rank") or {}
            if any(ranks.get(c) is not None and ranks[c] <= RANK_LIMIT for c in COUNTRIES):
                if len(name) >= 2 and name.replace("-", "").replace("'", "").isalpha():
                    lines.append(f"{kind}\t{name.lower()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
        out.write("\n".join(sorted(set(lines))) + "\n")
    os.replace(tmp, path)


@lru_cache(maxsize=1)
def _load() -> tuple[frozenset[str], frozenset[str]]:
    if os.environ.get("WOBDESK_NAMES_DATASET", "1") == "0":
        return frozenset(), frozenset()
    path = cache_path()
    if path is None:
        return frozenset(), frozenset()
    if not path.exists():
        lock = path.with_suffix(".lock")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if time.time() - lock.stat().st_mtime < 600:
                return frozenset(), frozenset()  # another process is building it: no vote now
            lock.unlink(missing_ok=True)
            return _build_and_read(path)
        except OSError:
            return frozenset(), frozenset()
        os.close(fd)
        try:
            build(path)
        except Exception:  # noqa: BLE001 - no package data, no memory, read-only cache: no vote
            return frozenset(), frozenset()
        finally:
            lock.unlink(missing_ok=True)
    return _read(path)


def _build_and_read(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    try:
        build(path)
    except Exception:  # noqa: BLE001
        return frozenset(), frozenset()
    return _read(path)


def _read(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    first, last = set(), set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            kind, _, name = line.rstrip("\n").partition("\t")
            (first if kind == "F" else last).add(name)
    return frozenset(first), frozenset(last)


def first_names() -> frozenset[str]:
    return _load()[0]


def surnames() -> frozenset[str]:
    return _load()[1]
