"""``sitroom report --format pdf``: the HTML page printed by the real headless Chromium, its pages
rendered to PNG by pdftoppm and its text read back by pdftotext (poppler-utils)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.report.pdf import CHROMIUM_ENV, find_chromium

CHROMIUM = Path(os.environ.get("SITROOM_TEST_CHROMIUM", "/usr/bin/chromium"))
POPPLER = ("pdftoppm", "pdftotext", "pdfinfo")


@pytest.fixture
def printer() -> Path:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if not CHROMIUM.exists() or missing:
        message = f"needs {CHROMIUM} and poppler-utils ({', '.join(missing) or 'present'})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


def test_pdf_pages_render_and_hold_the_report(
    db: Path, tmp_path: Path, printer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CHROMIUM_ENV, str(printer))
    out = tmp_path / "af.pdf"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert 2 <= pages <= 8
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages
    assert all(image.read_bytes().startswith(b"\x89PNG") and image.stat().st_size > 2000
               for image in images)  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = " ".join(text.split())
    assert "All countries: situation report, 20 August to 4 September 2021" in squeezed
    for heading in (
        "Key messages",
        "Figures",
        "Developments by area",
        "Contested claims",
        "Sources",
    ):
        assert heading in squeezed
    assert "Northern Front fought Taliban in Rukha, Afghanistan on 1 September 2021." in squeezed
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Key messages" in first  # the key messages open the first page
    assert f"Page 1 of {pages}" in first  # numbered pages, from the page's own @page rules


def test_missing_chromium_is_a_coded_error(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium-here"))
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 1 and "[S704]" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_no_chromium_on_the_path_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitroom.errors import ReportError

    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ReportError) as caught:
        find_chromium()
    assert caught.value.code == "S704" and "apt-get install chromium" in str(caught.value)
