"""`quiz report --format html` opened in a real browser (Debian's headless Chromium): the text
a teacher reads, the facility chart drawn, nothing fetched from anywhere, and printable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from class_kit import CODE, class_of_five
from playwright.sync_api import sync_playwright

from game.cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def html_report(tmp_path, isolated_folders, capsys) -> Path:
    classroom = tmp_path / "class"
    class_of_five(classroom, isolated_folders["questions"])
    out = tmp_path / "report.html"
    folders = sorted(str(p) for p in classroom.iterdir())
    code = main(["report", *folders, "--code", CODE, "--format", "html", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    return out


def test_the_html_report_in_chromium(html_report):
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(html_report.as_uri())
            text = page.inner_text("body")
            bars = page.locator("svg.chart rect.bar")
            widths = [float(bars.nth(i).get_attribute("width") or 0) for i in range(bars.count())]
            chart_box = page.locator("svg.chart").bounding_box()
            page.emulate_media(media="print")
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert requests == [html_report.as_uri()]  # the page itself, nothing else
    assert text.startswith("Class report – class code 154769-8")
    assert "Rivers of Europe (rivers): 3 students, 3 finished rounds, class code 154769-8" in text
    assert "Mia (mia-laptop)" in text and "Mia (mia-tablet)" in text
    assert "Zoe" not in text
    assert "Lee: started 2025-03-03 09:03, 2 of 8 answered" in text
    assert "6. Which river is the longest in Europe, flowing into the Caspian Sea?" in text
    assert "Flag: “Danube” chosen more often than the right answer" in text
    assert "Most common wrong answers:" in text
    # One bar per question, in exam order, as long as its facility (300 px for 1.00).
    assert len(widths) == 8
    assert widths[1] == 300 and widths[5] == 100  # tiber-city 1.00, longest-river 0.33
    assert chart_box is not None and chart_box["height"] > 8 * 20
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_text_from_a_save_file_is_shown_never_run(tmp_path, isolated_folders, capsys):
    from class_kit import play_round, right_except, write_class_bank

    bank = write_class_bank(isolated_folders["questions"])
    play_round(tmp_path / "a", bank, "<script>alert(1)</script> & Bo", right_except())
    code = main(["report", str(tmp_path / "a"), "--format", "html"])
    out = capsys.readouterr().out
    assert code == 0
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Bo" in out
    outside = out.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http://" not in outside and "https://" not in outside
