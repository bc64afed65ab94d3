"""Optional PDF conversion of letters with LibreOffice headless, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed; the message says so in Dutch."""


def libreoffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes, *, timeout: int = 120) -> bytes:
    binary = libreoffice_binary()
    if binary is None:
        raise PdfUnavailable(
            "PDF maken kan niet: LibreOffice is niet geïnstalleerd op deze server "
            "(Debian-pakket libreoffice-writer). Het Word-bestand is wel gemaakt."
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "brief.docx"
        src.write_bytes(data)
        result = subprocess.run(
            [
                binary,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            capture_output=True,
            timeout=timeout,
        )
        out = Path(tmp) / "brief.pdf"
        if result.returncode != 0 or not out.exists():
            raise PdfUnavailable(
                f"LibreOffice kon de brief niet omzetten: {result.stderr.decode(errors='replace')[:300]}"
            )
        return out.read_bytes()
