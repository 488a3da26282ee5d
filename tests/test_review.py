"""The review page in a real headless browser (Debian chromium driven by playwright)."""
import io
import os
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS
from pipeline.evaluation import load_gold
from pipeline.models import DateMention, Issuer, PlanDocument, Source, Target
from pipeline.review import review_records

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LONG_DOC = "kh-thanhhoa-117-2016"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (make test installs it)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def gold_based_record():
    """A record built from the gold of a long document: all targets but the last (a miss), plus a false hit."""
    gdoc = next(d for d in load_gold(CORPUS / "dev" / "gold.jsonl") if d.doc_id == LONG_DOC)
    targets = []
    for n, gold in enumerate(gdoc.gold["targets"][:-1]):
        start, end = gdoc.locate(gold["quote"])[0]
        targets.append(Target(id=f"t{n + 1}", kind=gold["kind"], indicator=gold["indicator"], value=gold["value"],
                              value_max=gold["value_max"], unit=gold["unit"], comparator=gold["comparator"],
                              period=gold["period"], text=gdoc.text[start:end], span=(start, end), confidence=0.9))
    fake = gdoc.text.find("năm 2016")
    targets.append(Target(id="t99", kind="target", indicator="năm", value=2016, text="năm 2016",
                          span=(fake, fake + 8), confidence=0.1))
    date = gdoc.text.find(" 2016") - 20
    record = PlanDocument(
        source=Source(path=str(gdoc.path), format="txt", encoding="utf-8"), doc_type="KH",
        number=gdoc.gold["number"], issuer=Issuer(name=gdoc.gold["issuer"]), title=gdoc.gold["title"],
        dates=[DateMention(value="2016-01-01", text=gdoc.text[date:date + 10], span=(date, date + 10))],
        targets=targets, text=gdoc.text,
    )
    return gdoc, record


def test_page_highlights_spans_and_a_target_row_click_shows_its_evidence(browser, tmp_path):
    from PIL import Image, ImageStat

    gdoc, record = gold_based_record()
    html = review_records([record], [CORPUS / "dev" / "gold.jsonl"])
    assert "http://" not in html and "https://" not in html
    path = tmp_path / "review.html"
    path.write_text(html, encoding="utf-8")
    page, problems, requests = open_page(browser, path)

    assert page.evaluate("document.characterSet") == "UTF-8"
    for target in record.targets:  # every target has its evidence highlighted (pieces may be shared)
        assert page.locator(f'mark[data-ids~="d0-{target.id}"]').count() >= 1, target.id
    assert page.locator("mark.k-target").count() >= 5
    assert page.locator("mark.k-false-hit").count() >= 1
    assert page.locator("mark.k-miss").count() >= 1
    assert page.locator("mark.k-date").count() == 1
    assert "gold bị bỏ sót" in page.locator(".legend").inner_text()
    assert gdoc.gold["targets"][0]["indicator"] in page.locator("table.targets").inner_text()
    assert page.locator("tr.false-hit").count() == 1 and page.locator("tr.miss").count() == 1

    last = record.targets[-2]
    row = page.locator(f'tr[data-target="d0-{last.id}"]')
    evidence = page.locator(f'mark[data-ids~="d0-{last.id}"]').first

    def in_view():
        box = evidence.bounding_box()
        return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800

    assert not in_view()
    row.click()
    assert in_view()
    assert "flash" in evidence.get_attribute("class")

    page.locator("tr.miss").click()
    missed = page.locator('mark.k-miss').first
    box = missed.bounding_box()
    assert 0 <= box["y"] <= 800

    image = Image.open(io.BytesIO(page.screenshot(full_page=False))).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50, "screenshot looks blank"
    assert max(ImageStat.Stat(image).stddev) > 20
    assert not problems, problems
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
    page.close()


def test_cli_review_of_a_real_extracted_document_with_gold(browser, tmp_path):
    out = tmp_path / "out" / "review.html"
    docs = [CORPUS / "dev" / "kh-hanoi-09-2014.txt", CORPUS / "seeds" / "news-hungyen-kh444-2022.txt"]
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "review", *map(str, docs), "-o", str(out),
                             "--gold", str(CORPUS / "dev" / "gold.jsonl"), "--gold", str(CORPUS / "seeds" / "gold.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page, problems, _ = open_page(browser, out)
    assert page.locator("section.doc").count() == 2
    assert page.locator("nav.index li").count() == 2
    text = page.locator("section.doc").first.inner_text()
    assert "Xóa mù chữ" in text or "XÓA MÙ CHỮ" in text
    # whatever the extractors find today, each gold target is either a matched highlight or a marked miss
    marks = page.locator("mark.k-target, mark.k-result, mark.k-miss").count()
    assert marks >= 10
    page.locator("nav.index a").nth(1).click()
    assert page.evaluate("location.hash") == "#doc-1"
    assert not problems, problems
    page.close()


def test_cli_review_reports_missing_inputs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "review", str(tmp_path / "nope.txt"),
                             "-o", str(tmp_path / "r.html")], capture_output=True, text=True)
    assert result.returncode == 2 and "not found" in result.stderr
