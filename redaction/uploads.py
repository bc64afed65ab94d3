"""Upload safety: archives told apart from documents by content, ZIPs unpacked in the worker
with limits (members, total size, compression ratio), pixel bombs refused before decoding."""

from __future__ import annotations

import io
import struct
import zipfile

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from redaction.pdf import UnprocessableDocument

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Members that are file-system or archiver noise, not documents: reported as skipped.
SYSTEM_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_CHUNK = 1 << 16


def package_kind(data: bytes) -> str | None:
    """For ZIP bytes: 'ooxml'/'odf' when the ZIP is an office document package, 'zip' for a
    plain archive, None when it is no readable ZIP at all."""
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" in names:
        return "ooxml"  # .docx, .xlsx, .pptx, whatever its name says
    if "mimetype" in names or "META-INF/manifest.xml" in names:
        return "odf"
    return "zip"


def is_archive(data: bytes) -> bool:
    """A plain ZIP to unpack; an office document is a ZIP too, but it is a document."""
    return package_kind(data) == "zip"


def looks_like_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


# --- pixel bombs ----------------------------------------------------------------------------


def max_pixels() -> int:
    return settings.WOBDESK_MAX_IMAGE_MEGAPIXELS * 1_000_000


def image_dimensions(data: bytes) -> list[tuple[int, int]]:
    """(width, height) of each image in PNG/JPEG/TIFF bytes, read from the headers only."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return [struct.unpack(">II", data[16:24])]
    if data.startswith(b"\xff\xd8"):
        return _jpeg_dimensions(data)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff_dimensions(data)
    return []


def _jpeg_dimensions(data: bytes) -> list[tuple[int, int]]:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            i += 1 if marker == 0xFF else 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        # SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return [(width, height)]
        i += 2 + length
    return []


def _tiff_dimensions(data: bytes) -> list[tuple[int, int]]:
    endian = "<" if data[:2] == b"II" else ">"
    result = []
    try:
        (offset,) = struct.unpack(endian + "I", data[4:8])
        seen = set()
        while offset and offset not in seen and offset + 2 <= len(data) and len(seen) < 10000:
            seen.add(offset)
            (count,) = struct.unpack(endian + "H", data[offset : offset + 2])
            width = height = 0
            for n in range(count):
                entry = data[offset + 2 + 12 * n : offset + 14 + 12 * n]
                if len(entry) < 12:
                    break
                tag, kind = struct.unpack(endian + "HH", entry[:4])
                value = (
                    struct.unpack(endian + "H", entry[8:10])[0]
                    if kind == 3
                    else struct.unpack(endian + "I", entry[8:12])[0]
                )
                if tag == 256:
                    width = value
                elif tag == 257:
                    height = value
            result.append((width, height))
            end = offset + 2 + 12 * count
            (offset,) = struct.unpack(endian + "I", data[end : end + 4])
    except struct.error:
        pass
    return result


def _too_many(width: int, height: int, what: str) -> UnprocessableDocument:
    return UnprocessableDocument(
        "too_large",
        _(
            "%(what)s is te groot om veilig te verwerken: %(w)d × %(h)d pixels "
            "(%(mp)d megapixel); de grens is %(max)d megapixel. Lever een kleinere scan aan "
            "(bijvoorbeeld 300 dpi)."
        )
        % {
            "what": what,
            "w": width,
            "h": height,
            "mp": width * height // 1_000_000,
            "max": settings.WOBDESK_MAX_IMAGE_MEGAPIXELS,
        },
    )


def check_image_bytes(data: bytes) -> None:
    """Refuse an image whose header announces more pixels than the cap, before decoding it."""
    for width, height in image_dimensions(data):
        if width * height > max_pixels():
            raise _too_many(width, height, _("De afbeelding"))


def check_pdf_pixels(pdf: bytes, *, dpi: int = 300) -> None:
    """Refuse a PDF with an embedded image above the cap, or a page that OCR at ``dpi`` would
    render above it (a page of 5 × 5 m is a pixel bomb too); reads object headers only."""
    import pymupdf

    try:
        doc = pymupdf.open(stream=pdf, filetype="pdf")
    except Exception:
        return  # intake reports a broken PDF in its own words
    with doc:
        for number in range(doc.page_count):
            for image in doc.get_page_images(number):
                w, h = int(image[2]), int(image[3])
                if w * h > max_pixels():
                    raise _too_many(w, h, _("Een afbeelding op pagina %(n)d") % {"n": number + 1})
            page = doc[number]
            width = int(page.rect.width / 72 * dpi)
            height = int(page.rect.height / 72 * dpi)
            if width * height > max_pixels():
                raise _too_many(width, height, _("Pagina %(n)d") % {"n": number + 1})


# --- unpacking in the worker ----------------------------------------------------------------


def _refuse(name: str, reason: str) -> dict:
    return {"name": name, "status": "refused", "reason": reason}


def _skip(name: str, reason: str) -> dict:
    return {"name": name, "status": "skipped", "reason": reason}


def archive_unpack(job) -> int:
    """Stream the members of an uploaded ZIP into documents; every member ends up in
    ``job.report`` as accepted (with its document number), refused or skipped, with the reason.
    Resumable: a member already in the report is not taken in twice after a crash."""
    from redaction.jobs import heartbeat
    from redaction.models import Job
    from redaction.services import Upload, document_register, max_upload_bytes

    limit_member = max_upload_bytes()
    limit_total = settings.WOBDESK_ZIP_MAX_TOTAL_MB * 1024 * 1024
    limit_count = settings.WOBDESK_ZIP_MAX_MEMBERS
    ratio = settings.WOBDESK_ZIP_MAX_RATIO
    mb = settings.WOBDESK_MAX_UPLOAD_MB
    report: list[dict] = list(job.report)
    done = {entry.get("index") for entry in report}
    created = 0
    request = job.request
    by = job.created_by

    def save_report():
        Job.objects.filter(pk=job.pk).update(report=report)

    try:
        fh = job.upload.content.open("rb")
    except OSError:
        report.append(_refuse(job.upload_name, _("Het ZIP-bestand is niet meer te lezen.")))
        save_report()
        return 0
    with fh:
        try:
            zf = zipfile.ZipFile(fh)
            members = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError):
            if "broken" not in done:
                with transaction.atomic():
                    [document] = document_register(
                        request=request,
                        upload=Upload(job.upload_name, b""),
                        by=by,
                        stored=job.upload,
                    )
                    report.append(
                        {
                            "index": "broken",
                            "name": job.upload_name,
                            "status": "refused",
                            "reason": _(
                                "Het ZIP-bestand is beschadigd en kan niet worden uitgepakt; het "
                                "is bewaard als document %(n)s."
                            )
                            % {"n": document.number},
                        }
                    )
                    save_report()
            return 0
        total = 0
        for index, info in enumerate(members):
            if index in done:
                total += info.file_size if info.file_size <= limit_member else 0
                continue
            heartbeat()
            name = info.filename
            base = name.rsplit("/", 1)[-1]
            entry: dict
            if index >= limit_count:
                entry = _refuse(
                    name,
                    _("Niet uitgepakt: het ZIP-bestand bevat meer dan %(n)d bestanden.")
                    % {"n": limit_count},
                )
            elif "__MACOSX/" in name or base.startswith("._") or base.lower() in SYSTEM_NAMES:
                entry = _skip(name, _("Systeembestand (geen document), overgeslagen."))
            elif info.flag_bits & 0x1:
                entry = _refuse(name, _("Versleuteld met een wachtwoord; niet uitgepakt."))
            elif info.file_size > limit_member:
                entry = _refuse(name, _("Groter dan %(mb)d MB; niet uitgepakt.") % {"mb": mb})
            elif total + info.file_size > limit_total:
                entry = _refuse(
                    name,
                    _(
                        "Niet uitgepakt: de inhoud van het ZIP-bestand is samen groter dan %(mb)d MB."
                    )
                    % {"mb": settings.WOBDESK_ZIP_MAX_TOTAL_MB},
                )
            else:
                data, problem = _read_member(zf, info, limit_member, ratio)
                if problem:
                    entry = _refuse(name, problem)
                elif looks_like_zip(data) and is_archive(data):
                    entry = _refuse(
                        name, _("Een ZIP-bestand in een ZIP-bestand wordt niet uitgepakt.")
                    )
                else:
                    total += len(data)
                    with transaction.atomic():
                        [document] = document_register(
                            request=request, upload=Upload(base or name, data), by=by
                        )
                        entry = {
                            "name": name,
                            "status": "accepted",
                            "number": document.number,
                            "document": document.pk,
                        }
                        entry["index"] = index
                        report.append(entry)
                        save_report()
                    created += 1
                    continue
            entry["index"] = index
            report.append(entry)
            save_report()
    return created


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, ratio: int):
    """The member's bytes, read in chunks and stopped as soon as a limit is passed (a header can
    lie about the size); (None, Dutch reason) when refused."""
    parts: list[bytes] = []
    size = 0
    compressed = max(info.compress_size, 1)
    try:
        with zf.open(info) as src:
            while True:
                chunk = src.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    return None, _("Groter dan %(mb)d MB; niet uitgepakt.") % {
                        "mb": settings.WOBDESK_MAX_UPLOAD_MB
                    }
                if size > 1024 * 1024 and size > ratio * compressed:
                    return None, _(
                        "Verdacht sterk gecomprimeerd (meer dan %(r)d keer; mogelijk een "
                        "zip-bom); niet uitgepakt."
                    ) % {"r": ratio}
                parts.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return None, _("Beschadigd in het ZIP-bestand; niet uitgepakt.")
    return b"".join(parts), None
