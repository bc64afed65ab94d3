"""Tiny page layout engine for the blind set: places lines, tables and blocks on pages and
records the exact text of every drawn line, so that NAME.txt equals what NAME.pdf shows."""

import random

import pymupdf

NBSP = "\u00a0"
FONTDIR = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    "sans": "DejaVuSans.ttf",
    "sansb": "DejaVuSans-Bold.ttf",
    "sansi": "DejaVuSans-Oblique.ttf",
    "serif": "DejaVuSerif.ttf",
    "serifb": "DejaVuSerif-Bold.ttf",
    "serifi": "DejaVuSerif-Italic.ttf",
    "mono": "DejaVuSansMono.ttf",
    "cond": "DejaVuSansCondensed.ttf",
    "condb": "DejaVuSansCondensed-Bold.ttf",
}
_FONT_OBJ = {}


def font(key):
    if key not in _FONT_OBJ:
        _FONT_OBJ[key] = pymupdf.Font(fontfile=FONTDIR + FONTS[key])
    return _FONT_OBJ[key]


def width(text, key, size):
    return font(key).text_length(text.replace(NBSP, " "), fontsize=size)


class Page:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.ops = []  # ("t", x, y, text, font, size) | ("r", x0, y0, x1, y1, fill, stroke, lw)
        self.lines = []  # text lines in drawing order

    def text(self, x, y, s, fkey, size):
        s = s.replace(NBSP, " ")
        self.ops.append(("t", x, y, s, fkey, size))

    def rect(self, x0, y0, x1, y1, fill=None, stroke=(0, 0, 0), lw=0.5):
        self.ops.append(("r", x0, y0, x1, y1, fill, stroke, lw))


class Layout:
    def __init__(self, landscape=False, fkey="sans", size=10.0, margins=(72, 64, 72, 70)):
        self.w, self.h = (842, 595) if landscape else (595, 842)
        self.left, self.top, self.right, self.bottom = margins
        self.fkey, self.size = fkey, size
        self.pages = []
        self.header = None  # callable(layout, page_no) drawing a running header
        self.footer = None
        self.y = 0
        self.new_page()

    # pages -------------------------------------------------------------
    def new_page(self):
        self.pages.append(Page(self.w, self.h))
        self.y = self.top
        n = len(self.pages)
        if self.header:
            self.header(self, n)
        if self.footer:
            self.footer(self, n)

    @property
    def page(self):
        return self.pages[-1]

    def ensure(self, h):
        if self.y + h > self.h - self.bottom:
            self.new_page()

    def space(self, h=6):
        self.y += h

    # text --------------------------------------------------------------
    def line(self, s, fkey=None, size=None, x=None, lead=1.35):
        fkey = fkey or self.fkey
        size = size or self.size
        self.ensure(size * lead)
        self.y += size * lead
        self.page.text(self.left if x is None else x, self.y, s, fkey, size)
        self.page.lines.append(s.replace(NBSP, " "))

    def at(self, x, y, s, fkey=None, size=None):
        """Absolute text on the current page (does not move the cursor)."""
        self.page.text(x, y, s, fkey or self.fkey, size or self.size)
        self.page.lines.append(s.replace(NBSP, " "))

    def wrap(self, s, fkey, size, maxw):
        out = []
        for seg in s.split("\n"):
            words = [w for w in seg.split(" ") if w != ""]
            cur = ""
            for w in words:
                trial = (cur + " " + w) if cur else w
                if cur and width(trial, fkey, size) > maxw:
                    out.append(cur)
                    cur = w
                else:
                    cur = trial
            out.append(cur)
        return out

    def para(self, s, fkey=None, size=None, indent=0, after=5, lead=1.35, first_prefix=None):
        fkey = fkey or self.fkey
        size = size or self.size
        maxw = self.w - self.left - self.right - indent
        lines = self.wrap(s, fkey, size, maxw)
        if "\n" in s:  # keep a deliberate split (name, number) on one page
            self.ensure(len(lines) * size * lead)
        for ln in lines:
            if ln == "":
                continue
            self.line(ln, fkey, size, x=self.left + indent, lead=lead)
        self.y += after

    # tables ------------------------------------------------------------
    def table(
        self, headers, rows, widths, fkey="cond", hkey="condb", size=7.6, rowh=13.5, title_rows=None
    ):
        x0 = self.left
        total = sum(widths)
        scale = (self.w - self.left - self.right) / total
        widths = [w * scale for w in widths]

        def draw_header():
            self.ensure(rowh * 2)
            y0 = self.y + 2
            self.page.rect(x0, y0, x0 + sum(widths), y0 + rowh, fill=(0.85, 0.88, 0.92))
            x = x0
            for h, w in zip(headers, widths):
                self.page.rect(x, y0, x + w, y0 + rowh)
                self.page.text(x + 2.5, y0 + rowh - 4, h, hkey, size)
                x += w
            self.page.lines.append("\t".join(headers))
            self.y = y0 + rowh

        draw_header()
        for row in rows:
            if self.y + rowh > self.h - self.bottom:
                self.new_page()
                draw_header()
            y0 = self.y
            x = x0
            for c, w in zip(row, widths):
                self.page.rect(x, y0, x + w, y0 + rowh, stroke=(0.55, 0.55, 0.55), lw=0.35)
                c = c.replace(NBSP, " ")
                # shrink the cell font when a value is wider than its column
                sz = size
                while c and width(c, fkey, sz) > w - 4 and sz > 5:
                    sz -= 0.3
                if c:
                    self.page.text(x + 2.5, y0 + rowh - 4, c, fkey, sz)
                x += w
            self.page.lines.append("\t".join(c.replace(NBSP, " ") for c in row if c))
            self.y = y0 + rowh
        self.y += 8


def render_ops(page, ops):
    used = sorted({op[4] for op in ops if op[0] == "t"})
    for k in used:
        page.insert_font(fontname="F" + k, fontfile=FONTDIR + FONTS[k])
    for op in ops:
        if op[0] == "r":
            _, x0, y0, x1, y1, fill, stroke, lw = op
            page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=stroke, fill=fill, width=lw)
    for op in ops:
        if op[0] == "t":
            _, x, y, s, k, size = op
            page.insert_text((x, y), s, fontname="F" + k, fontsize=size)


def write_text_pdf(layout, path, meta):
    doc = pymupdf.open()
    for p in layout.pages:
        page = doc.new_page(width=p.w, height=p.h)
        render_ops(page, p.ops)
    doc.set_metadata(meta)
    doc.subset_fonts()
    doc.save(path, garbage=4, deflate=True, no_new_id=True)
    doc.close()


def write_scan_pdf(layout, path, meta, rng: random.Random, dpi=150):
    """Render every page to a grey image with paper tint, speckle noise and a slight skew;
    the output PDF holds only the images (no text layer), as a copier would produce."""
    src = pymupdf.open()
    for p in layout.pages:
        page = src.new_page(width=p.w, height=p.h)
        render_ops(page, p.ops)
    out = pymupdf.open()
    tint = bytes(min(255, max(0, int(18 + v * 0.9))) for v in range(256))
    for page in src:
        angle = rng.uniform(-1.1, 1.1)
        mat = pymupdf.Matrix(dpi / 72, dpi / 72).prerotate(angle)
        pix = page.get_pixmap(matrix=mat, colorspace=pymupdf.csGRAY, alpha=False)
        buf = bytearray(pix.samples.translate(tint))
        n = len(buf)
        for _ in range(n // 700):  # dark speckles
            j = rng.randrange(n)
            buf[j] = rng.randrange(40, 150)
        for _ in range(n // 900):  # drop-outs in the toner
            j = rng.randrange(n)
            if buf[j] < 120:
                buf[j] = rng.randrange(150, 230)
        noisy = pymupdf.Pixmap(pymupdf.csGRAY, pix.width, pix.height, bytes(buf), False)
        jpg = noisy.tobytes("jpg", jpg_quality=72)
        opage = out.new_page(width=page.rect.width, height=page.rect.height)
        opage.insert_image(opage.rect, stream=jpg)
    out.set_metadata({**meta, "producer": "Scanner RX-4 Copy Station", "creator": "ScanToPDF"})
    out.save(path, garbage=4, deflate=True, no_new_id=True)
    out.close()
    src.close()
