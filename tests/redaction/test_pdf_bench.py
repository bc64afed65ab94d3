"""The benchmark runs end to end and redacts every planted string."""

from redaction.pdf.bench import build_letter_pdf, format_benchmark, run_benchmark


def test_letter_pdf_has_forty_lines_per_page_and_planted_strings():
    pdf, planted = build_letter_pdf(2)
    import pymupdf

    doc = pymupdf.open(stream=pdf, filetype="pdf")
    assert doc.page_count == 2
    assert len(doc[0].get_text().strip().split("\n")) == 40
    assert any("@gemeente.example.nl" in s for s in planted)
    assert any(s.startswith("06-") for s in planted)


def test_run_benchmark_small():
    result = run_benchmark(pages=3)
    assert result["pages"] == 3
    assert result["boxes"] >= 3 * 8 * 3  # 8 contact lines per page, 3 strings each
    assert result["violations"] == 0
    for key in ("extract_pages_per_s", "apply_pages_per_s", "verify_pages_per_s"):
        assert result[key] > 0
    text = format_benchmark(result)
    assert "apply:" in text and "pagina's/s" in text
