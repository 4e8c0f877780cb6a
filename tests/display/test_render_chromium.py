"""The HTML view, rendered by headless Chromium, shows text and the four highlight colours."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from usru_nlp.cli import EXAMPLE_PUBLISHED, example_text
from usru_nlp.display import COLORS, save_html

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1200,900"]


def _chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed in CI (.ci/run installs it)")
    pytest.skip("chromium is not installed")


def _rgb(hex_color):
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def test_view_renders_in_chromium(tmp_path, extractor):
    Image = pytest.importorskip("PIL.Image")
    browser = _chromium()
    result = extractor.extract(example_text(), published=EXAMPLE_PUBLISHED, meta={"id": "example"})
    page = tmp_path / "view.html"
    png = tmp_path / "view.png"
    save_html(result, page)
    cmd = [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", page.as_uri()]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert png.is_file(), f"no screenshot (exit {run.returncode}): {run.stderr[-2000:]}"
    image = Image.open(png).convert("RGB")
    assert image.size == (1200, 900)
    raw = image.tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3]))
    non_white = sum(1 for p in pixels if min(p) < 245)
    assert len(set(pixels)) > 50 and non_white > 0.03 * len(pixels), "the page is blank"
    for kind, color in COLORS.items():
        target = _rgb(color)
        hits = sum(1 for p in pixels if max(abs(a - b) for a, b in zip(p, target)) <= 4)
        assert hits > 200, f"no {kind} highlight ({color}) on the page"
