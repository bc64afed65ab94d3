"""names-dataset as one more vote: a compact cache keyed by the package version, built once."""

import gzip

from redaction.detect import worldnames


def test_cache_is_read_once_and_keyed_by_version(tmp_path, monkeypatch):
    monkeypatch.setenv("WOBDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("WOBDESK_NAMES_DATASET", "1")
    path = worldnames.cache_path()
    assert path.parent == tmp_path
    assert worldnames._version() in path.name
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("F\tsvetlana\nS\tpetrova\n")
    worldnames._load.cache_clear()
    try:
        assert "svetlana" in worldnames.first_names()
        assert "petrova" in worldnames.surnames()
        assert "petrova" not in worldnames.first_names()
    finally:
        worldnames._load.cache_clear()


def test_no_vote_while_another_process_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("WOBDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("WOBDESK_NAMES_DATASET", "1")
    path = worldnames.cache_path()
    path.with_suffix(".lock").write_text("")
    monkeypatch.setattr(worldnames, "build", lambda p: (_ for _ in ()).throw(AssertionError))
    worldnames._load.cache_clear()
    try:
        assert worldnames.first_names() == frozenset()  # not built twice, no crash
    finally:
        worldnames._load.cache_clear()


def _clear_votes():
    from redaction.detect import namewords

    worldnames._load.cache_clear()
    namewords._word_votes.cache_clear()


def test_vote_finds_sentence_initial_multi_origin_name(tmp_path, monkeypatch):
    from redaction.detect import detect_text

    monkeypatch.setenv("WOBDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("WOBDESK_NAMES_DATASET", "1")
    with gzip.open(worldnames.cache_path(), "wt", encoding="utf-8") as f:
        f.write("F\tngozi\nS\tokafor\n")
    text = "Ngozi Okafor belde gisteren."
    _clear_votes()
    try:
        with_vote = [s.text for s in detect_text(text)]
        monkeypatch.setenv("WOBDESK_NAMES_DATASET", "0")
        _clear_votes()
        without = [s.text for s in detect_text(text)]
    finally:
        _clear_votes()
    assert with_vote == ["Ngozi Okafor"]
    assert without == []


def test_detection_works_without_hunspell_and_wordfreq(monkeypatch):
    """A missing resource removes one vote, never the detection."""
    from pathlib import Path

    from redaction.detect import detect_text, lexicon, names, namewords

    CACHES = (
        lexicon.dutch_words,
        lexicon.is_dutch_word,
        lexicon.is_plain_word,
        lexicon.is_english_word,
        namewords._word_votes,
        namewords.looks_like_name,
        names.label_word,
    )
    monkeypatch.setattr(lexicon, "HUNSPELL_DIC", Path("/nonexistent/nl.dic"))
    monkeypatch.setattr(lexicon, "_zipf", lambda: None)
    for cached in CACHES:
        cached.cache_clear()
    try:
        assert lexicon.dutch_words() == frozenset()
        found = {s.text for s in detect_text("Geachte mevrouw Abdoellaeva,\nBSN: 123456782\n")}
        assert found == {"Abdoellaeva", "123456782"}
    finally:
        for cached in CACHES:
            cached.cache_clear()
