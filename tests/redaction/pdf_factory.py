"""Builders of real test PDFs (and images, mails, documents) made with PyMuPDF; no mocks."""

from __future__ import annotations

import io

import pymupdf

from redaction.types import RedactionBox

SECRET = "Johanna de Vries-Bakker"
SENTENCE = f"Het verzoek van {SECRET} is op 3 maart ontvangen door de afdeling."
GROUND = "5.1.2e"


def text_pdf(lines=(SENTENCE,), *, pages: int = 1, fontsize: float = 11) -> bytes:
    """A plain text PDF: the same lines on every page."""
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        for i, line in enumerate(lines):
            page.insert_text((72, 100 + i * 16), line, fontsize=fontsize)
    return doc.tobytes()


def boxes_for(pdf: bytes, needle: str, *, ground: str = GROUND) -> list[RedactionBox]:
    """One box per hit of ``needle`` on every page (as the review screen would send them)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [
            RedactionBox(page=page.number, rect=tuple(rect), ground=ground, text=needle)
            for page in doc
            for rect in page.search_for(needle)
        ]


def _with(builder) -> bytes:
    doc = pymupdf.open(stream=text_pdf(), filetype="pdf")
    builder(doc, doc[0])
    return doc.tobytes()


def with_metadata(secret: str = SECRET) -> bytes:
    return _with(
        lambda doc, page: doc.set_metadata(
            {"title": f"Brief {secret}", "author": secret, "subject": secret, "keywords": secret}
        )
    )


def with_xmp(secret: str = SECRET) -> bytes:
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator><rdf:Seq><rdf:li>{secret}</rdf:li></rdf:Seq></dc:creator>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    return _with(lambda doc, page: doc.set_xml_metadata(xmp))


def with_comment(secret: str = SECRET) -> bytes:
    def build(doc, page):
        annot = page.add_text_annot((400, 300), f"Let op: {secret} wil anoniem blijven")
        annot.set_info(title=secret)
        annot.update()

    return _with(build)


def with_bookmark(secret: str = SECRET) -> bytes:
    return _with(lambda doc, page: doc.set_toc([[1, "Inleiding", 1], [2, f"Brief {secret}", 1]]))


def with_form_field(secret: str = SECRET) -> bytes:
    def build(doc, page):
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
        widget.field_name = "aanvrager"
        widget.field_value = secret
        widget.rect = pymupdf.Rect(72, 300, 300, 320)
        page.add_widget(widget)

    return _with(build)


def with_link(secret: str = SECRET) -> bytes:
    uri = "mailto:" + secret.replace(" ", ".").lower() + "@example.nl"

    def build(doc, page):
        page.insert_link(
            {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 400, 200, 412), "uri": uri}
        )
        page.insert_link(
            {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 420, 200, 432), "uri": PUBLIC_URI}
        )

    return _with(build)


PUBLIC_URI = "https://www.rijksoverheid.nl/woo"


def with_embedded_file(secret: str = SECRET) -> bytes:
    payload = f"Aanvrager: {secret}\nBSN onbekend".encode()
    return _with(lambda doc, page: doc.embfile_add("bijlage.txt", payload, filename="bijlage.txt"))


def with_javascript(secret: str = SECRET) -> bytes:
    def build(doc, page):
        js = doc.get_new_xref()
        doc.update_object(js, f"<</S/JavaScript/JS(app.alert\\('{secret}'\\);)>>")
        names = doc.get_new_xref()
        doc.update_object(names, f"<</Names[(init) {js} 0 R]>>")
        cat = doc.pdf_catalog()
        doc.xref_set_key(cat, "Names", f"<</JavaScript {names} 0 R>>")
        doc.xref_set_key(cat, "OpenAction", f"{js} 0 R")

    return _with(build)


def text_png(text: str = SECRET, *, width: int = 400, height: int = 60) -> bytes:
    """A PNG showing ``text`` in black on white (rendered from a PDF page)."""
    doc = pymupdf.open()
    page = doc.new_page(width=width / 2, height=height / 2)
    page.insert_text((5, height / 4 + 4), text, fontsize=12)
    return page.get_pixmap(matrix=pymupdf.Matrix(2, 2), alpha=False).tobytes("png")


IMAGE_RECT = pymupdf.Rect(72, 500, 272, 530)


def with_image(secret: str = SECRET) -> bytes:
    return _with(lambda doc, page: page.insert_image(IMAGE_RECT, stream=text_png(secret)))


VECTOR_RECT = pymupdf.Rect(80, 600, 180, 640)


def with_vector_graphic() -> bytes:
    """A red filled shape (e.g. a signature drawn as paths) in an area that will be redacted."""

    def build(doc, page):
        page.draw_rect(VECTOR_RECT, color=(1, 0, 0), fill=(1, 0, 0))
        page.draw_line((300, 620), (500, 620), color=(0, 0, 1), width=2)  # stays: not under a box

    return _with(build)


def encrypted_pdf() -> bytes:
    doc = pymupdf.open(stream=text_pdf(), filetype="pdf")
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="geheim", owner_pw="eigen")


def owner_only_encrypted_pdf() -> bytes:
    doc = pymupdf.open(stream=text_pdf(), filetype="pdf")
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="eigen", user_pw="")


def zero_page_pdf() -> bytes:
    """A well-formed PDF (correct xref table) whose page tree is empty."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def black_box_over_text(needle: str = SECRET) -> bytes:
    """The classic leak: a black rectangle drawn over the text, which is still in the file."""
    doc = pymupdf.open(stream=text_pdf(), filetype="pdf")
    for rect in doc[0].search_for(needle):
        doc[0].draw_rect(rect, color=(0, 0, 0), fill=(0, 0, 0))
    return doc.tobytes()


def image_file(kind: str, *, frames: int = 1) -> bytes:
    """PNG/JPEG bytes, or a TIFF with ``frames`` pages (written by PyMuPDF's own writer)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 80), False)
    pix.set_rect(pix.irect, (255, 255, 255))
    if kind == "png":
        return pix.tobytes("png")
    if kind == "jpeg":
        return pix.tobytes("jpg")
    if kind == "tiff":
        return multipage_tiff(frames)
    raise ValueError(kind)


def multipage_tiff(frames: int) -> bytes:
    """A real multi-page TIFF; PIL is not available, so the pages are written by hand."""
    width, height = 16, 8
    pixels = bytes([255]) * (width * height)  # 8-bit greyscale, white
    entries_per_ifd = 8
    out = io.BytesIO()
    out.write(b"II*\x00")
    offset = 8
    out.write(offset.to_bytes(4, "little"))
    for frame in range(frames):
        ifd_size = 2 + entries_per_ifd * 12 + 4
        data_offset = offset + ifd_size
        next_ifd = data_offset + len(pixels) if frame < frames - 1 else 0
        tags = [
            (256, 3, 1, width),  # ImageWidth
            (257, 3, 1, height),  # ImageLength
            (258, 3, 1, 8),  # BitsPerSample
            (259, 3, 1, 1),  # Compression: none
            (262, 3, 1, 1),  # Photometric: black is zero
            (273, 4, 1, data_offset),  # StripOffsets
            (278, 3, 1, height),  # RowsPerStrip
            (279, 4, 1, len(pixels)),  # StripByteCounts
        ]
        out.write(len(tags).to_bytes(2, "little"))
        for tag, typ, count, value in tags:
            out.write(tag.to_bytes(2, "little") + typ.to_bytes(2, "little"))
            out.write(count.to_bytes(4, "little") + value.to_bytes(4, "little"))
        out.write(next_ifd.to_bytes(4, "little"))
        out.write(pixels)
        offset = next_ifd
    return out.getvalue()


def jpeg_with_comment(secret: str = SECRET) -> bytes:
    """A JPEG carrying a COM segment (as EXIF/XMP would): metadata, not pixels."""
    plain = image_file("jpeg")
    comment = f"Fotograaf {secret}".encode()
    return plain[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + plain[2:]


def with_jpeg_metadata(secret: str = SECRET) -> bytes:
    return _with(lambda doc, page: page.insert_image(IMAGE_RECT, stream=jpeg_with_comment(secret)))


def eml(*, html_only: bool = False, long_body: bool = False) -> bytes:
    body = "Geachte heer, mevrouw,\n\nHierbij mijn Woo-verzoek over de windturbines.\n"
    if long_body:
        body += "".join(
            f"Alinea {i}: aanvullende toelichting bij het verzoek.\n" for i in range(300)
        )
    body += "\nMet vriendelijke groet,\nPieter Aanvrager"
    if html_only:
        part = (
            "Content-Type: text/html; charset=utf-8\n\n"
            "<html><head><style>p{color:red}</style></head><body>"
            + "".join(f"<p>{line}</p>" for line in body.split("\n"))
            + "</body></html>"
        )
    else:
        part = f"Content-Type: text/plain; charset=utf-8\n\n{body}"
    return (
        "From: Pieter Aanvrager <pieter@example.nl>\n"
        "To: woo@gemeente.example.nl\n"
        "Cc: secretariaat@gemeente.example.nl\n"
        "Date: Mon, 3 Mar 2025 10:15:00 +0100\n"
        "Subject: Woo-verzoek windturbines\n"
        "MIME-Version: 1.0\n" + part
    ).encode()


def docx() -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Besluit op uw Woo-verzoek")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def image_only_page(
    text: str = "Gemeenteraad vergadert over windturbines", dpi: int = 200
) -> bytes:
    """A scan: a text page rendered to pixels at ``dpi`` and placed as the only content of a page."""
    src = pymupdf.open()
    page = src.new_page()
    page.insert_text((72, 120), text, fontsize=16)
    pix = page.get_pixmap(dpi=dpi, alpha=False)
    doc = pymupdf.open()
    scan = doc.new_page(width=page.rect.width, height=page.rect.height)
    scan.insert_image(scan.rect, pixmap=pix)
    return doc.tobytes()


def independent_leaks(pdf: bytes, secret: str) -> list[str]:
    """Where ``secret`` still occurs, found without the code under test: page text, every object's
    source and decompressed stream, metadata, XMP, TOC, embedded files."""
    needle = secret.lower()
    where = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            if needle in " ".join(page.get_text().split()).lower():
                where.append(f"text p{page.number}")
            for annot in page.annots():
                if needle in str(annot.info).lower():
                    where.append("annot")
            for widget in page.widgets():
                if needle in str(widget.field_value).lower():
                    where.append("widget")
            for link in page.get_links():
                if needle.replace(" ", ".") in str(link.get("uri", "")).lower():
                    where.append("link")
        for xref in range(1, doc.xref_length()):
            if needle in doc.xref_object(xref).lower():
                where.append(f"object {xref}")
            if doc.xref_is_stream(xref):
                data = doc.xref_stream(xref) or b""
                if needle.encode() in data.lower():
                    where.append(f"stream {xref}")
        if needle in str(doc.metadata).lower():
            where.append("metadata")
        if needle in (doc.get_xml_metadata() or "").lower():
            where.append("xmp")
        if needle in str(doc.get_toc()).lower():
            where.append("toc")
        if doc.embfile_count():
            where.append("embedded")
    if needle.encode() in pdf.lower():
        where.append("raw bytes")
    return where


# --- crafted PDFs for the fail-closed suite (issue 10, classes 7-11) ---------------------------

TTF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PLAIN = "Het college heeft het verzoek op 3 maart ontvangen en in behandeling genomen."


def _page_with_plain(doc: pymupdf.Document, **kwargs) -> pymupdf.Page:
    page = doc.new_page(**kwargs)
    page.insert_text((72, 100), PLAIN, fontsize=10)
    return page


def hidden_layer_text(secret: str = SECRET) -> bytes:
    """Class 7: the secret in an optional-content layer that is switched off (and on a visible
    line, so that detection has seen it), plus a layer whose name holds it."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_text((72, 130), f"Aanvrager: {secret}", fontsize=10)
    ocg = doc.add_ocg(f"Notities over {secret}", on=False)
    page.insert_text((72, 300), f"Interne notitie: bel {secret} terug", fontsize=10, oc=ocg)
    return doc.tobytes()


def hidden_layer_only(secret: str = SECRET) -> bytes:
    """Class 7: the secret only in a switched-off layer (no visible occurrence)."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    ocg = doc.add_ocg("Opmerkingen", on=False)
    page.insert_text((72, 300), f"Interne notitie: bel {secret} terug", fontsize=10, oc=ocg)
    return doc.tobytes()


def offpage_text(secret: str = SECRET) -> bytes:
    """Class 7: the secret below the MediaBox and outside a smaller CropBox."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_text((72, 900), f"Buiten de pagina: {secret}", fontsize=10)
    page.insert_text((72, 800), f"Buiten het zichtbare deel: {secret}", fontsize=10)
    page.set_cropbox(pymupdf.Rect(0, 0, 595, 700))
    return doc.tobytes()


def _file_spec(doc: pymupdf.Document, name: str, payload: bytes) -> int:
    stream = doc.get_new_xref()
    doc.update_object(stream, "<</Type/EmbeddedFile/Subtype/text#2Fplain>>")
    doc.update_stream(stream, payload, new=True)
    spec = doc.get_new_xref()
    doc.update_object(
        spec, f"<</Type/Filespec/F({name})/UF({name})/AFRelationship/Data/EF<</F {stream} 0 R>>>>"
    )
    return spec


def af_attachment(secret: str = SECRET) -> bytes:
    """Class 7: files attached PDF/A-3 style through /AF on the catalog and on the page only
    (no EmbeddedFiles name tree)."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    cat_spec = _file_spec(doc, "gegevens.txt", f"Aanvrager {secret}".encode())
    page_spec = _file_spec(doc, "notitie.txt", f"Notitie over {secret}".encode())
    doc.xref_set_key(doc.pdf_catalog(), "AF", f"[{cat_spec} 0 R]")
    doc.xref_set_key(page.xref, "AF", f"[{page_spec} 0 R]")
    return doc.tobytes()


def nested_pdf_attachment(secret: str = SECRET) -> bytes:
    """Class 7: a PDF (compressed, so its text is no plain substring) attached through /AF."""
    inner = pymupdf.open()
    inner.new_page().insert_text((72, 100), f"Dossier van {secret}", fontsize=11)
    payload = inner.tobytes(deflate=True)
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    spec = _file_spec(doc, "dossier.pdf", payload)
    doc.xref_set_key(page.xref, "AF", f"[{spec} 0 R]")
    doc.embfile_add("ook.pdf", payload)
    return doc.tobytes()


NONPAGE_PHONE = "0612345678"
NONPAGE_MAIL = "k.meijer@example.nl"


def nonpage_structures() -> bytes:
    """Class 8: personal data only in non-page structures: outline title, named destination,
    mailto:/tel:/query-string/Launch links, JavaScript in a link action, page label, layer name."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    doc.set_toc([[1, "Inleiding", 1], [1, f"Bellen met {NONPAGE_PHONE}", 1]])
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 200, 200, 212),
            "uri": f"mailto:{NONPAGE_MAIL}",
        }
    )
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 220, 200, 232),
            "uri": f"tel:{NONPAGE_PHONE}",
        }
    )
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 240, 200, 252),
            "uri": f"https://example.nl/zoek?bsn=111222333&tel={NONPAGE_PHONE}",
        }
    )
    page.insert_link(
        {
            "kind": pymupdf.LINK_LAUNCH,
            "from": pymupdf.Rect(72, 260, 200, 272),
            "file": f"dossier_{NONPAGE_PHONE}.docx",
        }
    )
    js = doc.get_new_xref()
    doc.update_object(js, f"<</S/JavaScript/JS(app.alert\\('{NONPAGE_MAIL}'\\);)>>")
    annot = doc.get_new_xref()
    doc.update_object(
        annot, f"<</Type/Annot/Subtype/Link/Rect[72 300 200 312]/Border[0 0 0]/A {js} 0 R>>"
    )
    annots = doc.xref_get_key(page.xref, "Annots")[1].strip("[]")
    doc.xref_set_key(page.xref, "Annots", f"[{annots} {annot} 0 R]")
    dest_names = doc.get_new_xref()
    doc.update_object(dest_names, f"<</Names[({NONPAGE_MAIL}) [{page.xref} 0 R /Fit]]>>")
    doc.xref_set_key(doc.pdf_catalog(), "Names", f"<</Dests {dest_names} 0 R>>")
    doc.new_page().insert_text((72, 100), "Tweede pagina.", fontsize=10)
    doc.set_page_labels([{"startpage": 0, "prefix": f"{NONPAGE_PHONE}-", "style": "D"}])
    doc.add_ocg(f"Laag {NONPAGE_MAIL}", on=True)
    return doc.tobytes()


def js_name_tree_in_object(secret: str = SECRET) -> bytes:
    """Class 11: the catalog's /Names is an object of its own holding a JavaScript name tree."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_text((72, 130), f"Aanvrager: {secret}", fontsize=10)
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\('welkom'\\);)>>")
    tree = doc.get_new_xref()
    doc.update_object(tree, f"<</Names[(init) {js} 0 R]>>")
    names = doc.get_new_xref()
    doc.update_object(names, f"<</JavaScript {tree} 0 R>>")
    doc.xref_set_key(doc.pdf_catalog(), "Names", f"{names} 0 R")
    return doc.tobytes()


def _raw_page(doc: pymupdf.Document, content: bytes, resources: str) -> pymupdf.Page:
    page = _page_with_plain(doc)
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, content, new=True)
    old = doc.xref_get_key(page.xref, "Contents")[1]
    doc.xref_set_key(page.xref, "Contents", f"[{old.strip('[]')} {xref} 0 R]")
    res = doc.xref_get_key(page.xref, "Resources")
    if res[0] == "xref":
        res_xref = int(res[1].split()[0])
        for key, value in resources.items():
            doc.xref_set_key(res_xref, key, value)
    else:
        for key, value in resources.items():
            doc.xref_set_key(page.xref, f"Resources/{key}", value)
    return page


def wrong_tounicode(secret: str = SECRET) -> bytes:
    """Class 10: the secret shown in an embedded TrueType font whose ToUnicode map lies (every
    glyph maps to "x"), and a second font with no ToUnicode at all."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_font(fontname="F9", fontfile=TTF_FONT)
    page.insert_text((72, 200), f"Aanvrager {secret}", fontname="F9", fontsize=14)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "ToUnicode")[0] == "xref":
            cmap = (
                b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                b"/CMapName /Lie def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
                b"1 beginbfrange <0000> <FFFF> <0078> endbfrange endcmap "
                b"CMapName currentdict /CMap defineresource pop end end"
            )
            doc.update_stream(int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0]), cmap)
    return doc.tobytes()


def type3_font(secret: str = SECRET) -> bytes:
    """Class 10: the secret in a Type3 font whose glyphs have meaningless names (/g1, /g2 ...);
    each glyph procedure paints its letter with Helvetica, so only the pixels show the name."""
    letters = sorted(set(secret))
    codes = {ch: i + 1 for i, ch in enumerate(letters)}
    doc = pymupdf.open()
    procs = []
    for ch in letters:
        glyph = (
            ch.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        )
        proc = doc.get_new_xref()
        doc.update_object(proc, "<<>>")
        doc.update_stream(
            proc, b"600 0 d0 BT /Helv 1000 Tf 0 0 Td (" + glyph + b") Tj ET", new=True
        )
        procs.append(f"/g{codes[ch]} {proc} 0 R")
    helv = doc.get_new_xref()
    doc.update_object(helv, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
    font = doc.get_new_xref()
    diffs = " ".join(f"{codes[ch]} /g{codes[ch]}" for ch in letters)
    widths = " ".join(
        str(round(pymupdf.get_text_length(ch, fontname="helv", fontsize=1000))) for ch in letters
    )
    doc.update_object(
        font,
        f"<</Type/Font/Subtype/Type3/FontBBox[0 0 1000 1000]/FontMatrix[0.001 0 0 0.001 0 0]"
        f"/CharProcs<<{' '.join(procs)}>>/Encoding<</Type/Encoding/Differences[{diffs}]>>"
        f"/FirstChar 1/LastChar {len(letters)}/Widths[{widths}]"
        f"/Resources<</Font<</Helv {helv} 0 R>>>>>>",
    )
    hexcodes = "".join(f"{codes[ch]:02x}" for ch in secret)
    content = f"BT /T3 16 Tf 72 600 Td <{hexcodes}> Tj ET".encode()
    _raw_page(doc, content, {"Font/T3": f"{font} 0 R"})
    return doc.tobytes()


def actual_text(secret: str = SECRET, *, mask: bool = False, glyphs: str | None = None) -> bytes:
    """Class 10/11: tagged text with /ActualText. Without ``mask`` the glyphs and the ActualText
    both spell the secret (MuPDF gives zero-width boxes); with ``mask`` the glyphs show the
    secret and the ActualText says something harmless, so text extraction misses the name."""
    doc = pymupdf.open()
    replacement = "iemand" if mask else secret
    glyphs = (glyphs or secret).encode("latin-1").hex()
    content = (
        f"/Span <</ActualText ({replacement})>> BDC BT /Helv 11 Tf 72 200 Td <{glyphs}> Tj ET EMC"
    ).encode()
    _raw_page(doc, content, {"Font/Helv": _helvetica(doc)})
    return doc.tobytes()


def _helvetica(doc: pymupdf.Document) -> str:
    xref = doc.get_new_xref()
    doc.update_object(
        xref, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
    )
    return f"{xref} 0 R"


def letter_spaced(secret: str = SECRET) -> bytes:
    """Class 10: the secret with character spacing (Tc 4): every letter stands apart."""
    doc = pymupdf.open()
    content = f"BT /Helv 11 Tf 4 Tc 72 200 Td ({secret}) Tj ET".encode("latin-1")
    _raw_page(doc, content, {"Font/Helv": _helvetica(doc)})
    return doc.tobytes()


def user_unit_page(secret: str = SECRET) -> bytes:
    """Class 11: a page with /UserUnit 2 (one unit is 2/72 inch)."""
    doc = pymupdf.open()
    page = _page_with_plain(doc, width=300, height=420)
    page.insert_text((40, 200), f"Aanvrager {secret}", fontsize=8)
    page.insert_text((40, 230), "Deze regel blijft leesbaar.", fontsize=8)
    doc.xref_set_key(page.xref, "UserUnit", "2")
    return doc.tobytes()


def rotated_offset_page(secret: str = SECRET) -> bytes:
    """Class 11: a page rotated 90 degrees whose MediaBox does not start at 0 0."""
    doc = pymupdf.open()
    page = doc.new_page()
    content = (
        f"BT /Helv 11 Tf 172 700 Td (Aanvrager {secret}) Tj ET "
        "BT /Helv 11 Tf 172 660 Td (Deze regel blijft leesbaar.) Tj ET"
    ).encode("latin-1")
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, content, new=True)
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    doc.xref_set_key(page.xref, "Resources", f"<</Font<</Helv {_helvetica(doc)}>>>>")
    doc.xref_set_key(page.xref, "MediaBox", "[100 100 695 942]")
    doc.xref_set_key(page.xref, "Rotate", "90")
    return doc.tobytes()


def tiny_text(secret: str = SECRET) -> bytes:
    """Class 11: the secret in 3 pt type: its box is too low for a ground label."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_text((72, 200), f"Voetnoot: {secret}", fontsize=3)
    return doc.tobytes()


def _render(text_lines, *, width=595, height=842, dpi=200, at=(72, 120), fontsize=16):
    src = pymupdf.open()
    page = src.new_page(width=width, height=height)
    for i, line in enumerate(text_lines):
        page.insert_text((at[0], at[1] + i * fontsize * 1.6), line, fontsize=fontsize)
    return page.get_pixmap(dpi=dpi, alpha=False)


def scan_with_shifted_ocr(secret: str = SECRET, *, shift: float = 60) -> bytes:
    """Class 9: a scan whose invisible OCR text layer is shifted ``shift`` points down against the
    image: boxes taken from that layer would land beside the pixels of the name."""
    lines = ["Gemeente Noordzijde", f"Aanvrager {secret}", "Het verzoek is ontvangen."]
    pix = _render(lines)
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, pixmap=pix)
    for i, line in enumerate(lines):
        page.insert_text((72, 120 + i * 16 * 1.6 + shift), line, fontsize=16, render_mode=3)
    return doc.tobytes()


def image_on_text_page(secret: str = SECRET) -> bytes:
    """Class 9: a text page that also shows the secret inside an image (a pasted screenshot)."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    pix = _render([f"Aanvrager {secret}"], width=400, height=60, at=(10, 35), dpi=300)
    page.insert_image(pymupdf.Rect(72, 300, 472, 360), pixmap=pix)
    return doc.tobytes()


def scan_page(secret: str = SECRET) -> bytes:
    """Class 9: a plain scan (image only) showing the secret among other lines."""
    lines = ["Gemeente Noordzijde", f"Aanvrager {secret}", "Het verzoek is ontvangen."]
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, pixmap=_render(lines))
    return doc.tobytes()


def scan_page_ink(secret: str = SECRET, *, dpi: int = 288) -> pymupdf.Rect:
    """Where the pixels of ``secret`` are on ``scan_page``: the bounding box of its dark pixels."""
    src = pymupdf.open()
    page = src.new_page()
    page.insert_text((72, 120 + 16 * 1.6), f"Aanvrager {secret}", fontsize=16)
    around = page.search_for(secret)[0] + (-3, -3, 3, 3)
    scan = pymupdf.open(stream=scan_page(secret), filetype="pdf")[0]
    pix = scan.get_pixmap(dpi=dpi, clip=around, colorspace=pymupdf.csGRAY)
    w, data = pix.width, pix.samples
    dark = [(i % w, i // w) for i, v in enumerate(data) if v < 200]
    scale = around.width / w
    xs, ys = [x for x, _ in dark], [y for _, y in dark]
    return pymupdf.Rect(
        around.x0 + min(xs) * scale,
        around.y0 + min(ys) * scale,
        around.x0 + (max(xs) + 1) * scale,
        around.y0 + (max(ys) + 1) * scale,
    )


def glyphs_out_of_order(secret: str = SECRET) -> bytes:
    """Class 10: the secret drawn as two pieces in reverse order (the second half first, placed to
    the right): content order reads "akker ... Johanna de Vries-B", the page shows the name."""
    cut = len(secret) - 5
    head, tail = secret[:cut], secret[cut:]
    width = pymupdf.get_text_length(head, fontname="helv", fontsize=11)
    doc = pymupdf.open()
    content = (
        f"BT /Helv 11 Tf {72 + width:.3f} 200 Td ({tail}) Tj ET "
        f"BT /Helv 11 Tf 72 200 Td ({head}) Tj ET"
    ).encode("latin-1")
    _raw_page(doc, content, {"Font/Helv": _helvetica(doc)})
    return doc.tobytes()


def text_as_curves(secret: str = SECRET) -> bytes:
    """Class 10: a text page on which the secret is drawn as vector outlines (no text at all)."""
    src = pymupdf.open()
    art = src.new_page(width=400, height=40)
    art.insert_text((5, 25), f"Aanvrager {secret}", fontsize=16)
    svg = art.get_svg_image(text_as_path=True)
    curves = pymupdf.open(stream=pymupdf.open(stream=svg.encode(), filetype="svg").convert_to_pdf())
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.show_pdf_page(pymupdf.Rect(72, 300, 472, 340), curves, 0)
    return doc.tobytes()


def shifted_tounicode(secret: str = SECRET) -> bytes:
    """Class 10: a ToUnicode map shifted by one character: the layer reads "Bbowsbhfs Kpiboob",
    plausible Latin letters, while the page shows the secret."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    page.insert_font(fontname="F9", fontfile=TTF_FONT)
    page.insert_text((72, 200), f"Aanvrager {secret} heeft gebeld", fontname="F9", fontsize=14)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "ToUnicode")[0] == "xref":
            cmap_xref = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            cmap = doc.xref_stream(cmap_xref)
            doc.update_stream(
                cmap_xref, cmap.replace(b"<0003> <0061> <0020>", b"<0003> <0061> <0021>")
            )
    return doc.tobytes()


def struct_tree_text() -> bytes:
    """Class 7: a tagged PDF whose structure tree carries text that is on no page: /Alt of a
    figure and /ActualText of a span (personal data only there)."""
    doc = pymupdf.open()
    page = _page_with_plain(doc)
    root = doc.get_new_xref()
    elem = doc.get_new_xref()
    span = doc.get_new_xref()
    doc.update_object(
        elem,
        f"<</Type/StructElem/S/Figure/P {root} 0 R/Pg {page.xref} 0 R"
        f"/Alt(Foto van {NONPAGE_MAIL})>>",
    )
    doc.update_object(
        span,
        f"<</Type/StructElem/S/Span/P {root} 0 R/Pg {page.xref} 0 R"
        f"/ActualText(Bel {NONPAGE_PHONE})>>",
    )
    doc.update_object(root, f"<</Type/StructTreeRoot/K[{elem} 0 R {span} 0 R]>>")
    cat = doc.pdf_catalog()
    doc.xref_set_key(cat, "StructTreeRoot", f"{root} 0 R")
    doc.xref_set_key(cat, "MarkInfo", "<</Marked true>>")
    return doc.tobytes()
