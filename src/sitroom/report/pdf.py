"""The report as a print-ready PDF: the HTML page printed by headless Chromium.

Chromium (BSD-licensed; Debian's ``chromium``) is run as a separate program, never linked: it
prints the self-contained page (no scripts, no network: its CSP forbids every load) with the
page's own ``@media print`` rules and A4 ``@page`` size. Where it is looked for: the
``chromium`` argument, else ``$SITROOM_CHROMIUM``, else ``chromium``, ``chromium-browser``,
``google-chrome`` on the PATH. None found is ``ReportError`` S704; a failed print is S705.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sitroom.errors import ReportError

CHROMIUM_ENV = "SITROOM_CHROMIUM"
_NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 120.0  # seconds: a long report on a loaded machine still prints well within it
_PDF_MAGIC = b"%PDF-"


def find_chromium(chromium: str | Path | None = None) -> Path:
    """The Chromium executable to print with, or ``ReportError`` S704."""
    wanted = chromium or os.environ.get(CHROMIUM_ENV)
    if wanted:
        found = shutil.which(str(wanted))
        if found is None:
            raise ReportError(f"Chromium not found at {wanted}: cannot print a PDF", code="S704")
        return Path(found)
    for name in _NAMES:
        found = shutil.which(name)
        if found is not None:
            return Path(found)
    raise ReportError(
        "no Chromium found to print the PDF with: install Debian's chromium "
        f"(apt-get install chromium) or set {CHROMIUM_ENV} to its path",
        code="S704",
    )


def render_pdf(html: str, *, chromium: str | Path | None = None, timeout: float = TIMEOUT) -> bytes:
    """``html`` (a page from ``render_html``) printed to PDF by headless Chromium."""
    executable = find_chromium(chromium)
    with tempfile.TemporaryDirectory(prefix="sitroom-pdf-") as folder:
        work = Path(folder)
        page = work / "report.html"
        page.write_text(html, encoding="utf-8")
        out = work / "report.pdf"
        command = [
            str(executable),
            "--headless",
            "--disable-gpu",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            # A fresh profile in the temporary folder: nothing of the user's is read or kept.
            f"--user-data-dir={work / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Chromium refuses to start its sandbox as root (containers, CI); the page is our
            # own static, script-free HTML.
            command.insert(1, "--no-sandbox")
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            message = f"Chromium did not print the PDF in {timeout:g} s"
            raise ReportError(message, code="S705") from exc
        except OSError as exc:
            message = f"cannot run {executable}: {exc.strerror or exc}"
            raise ReportError(message, code="S705") from exc
        data = out.read_bytes() if out.is_file() else b""
        if not data.startswith(_PDF_MAGIC):
            tail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            detail = "; ".join(tail) or f"exit status {result.returncode}"
            raise ReportError(f"Chromium failed to print the PDF: {detail}", code="S705")
        return data


__all__ = ["CHROMIUM_ENV", "find_chromium", "render_pdf"]
