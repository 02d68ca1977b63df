"""Loads rendered reports in headless Chromium (selenium + chromium-driver) and checks them.

    python browser_check.py WORK_DIR SCREENSHOT_DIR NAME...   (WORK_DIR/NAME.html and NAME.json)

For each page, at 1280 px and at 390 px wide (a phone, by device metrics emulation): no
horizontal overflow of the document, no console error, every <svg> with a non-empty <title>,
and the headline strip's numbers equal to the JSON's `headline`. Writes a full-page screenshot
per page and width. Exits 1 on any failure, listing them all.
"""
import base64
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

work, shots, names = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3:]
failures = []


def driver(width):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},900")
    if width < 600:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 3.0}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def expected_figures(headline, currency):
    """The strip's figures as the report formats them, from the JSON."""
    figures = {}
    if headline["comments"]:
        figures["comments read"] = str(headline["comments"])
    if headline["negativeShare"] is not None:
        figures["negative"] = f"{round(headline['negativeShare'] * 100)}%"
    if headline["nps"] is not None:
        figures["nps"] = f"{headline['nps']:+.0f}"
    elif headline["averageRating"] is not None:
        figures["average rating"] = f"{headline['averageRating']:.2f}"
    if headline["revenueAtRisk"] is not None:
        figures["revenue at risk"] = f"{int(round(headline['revenueAtRisk'])):,}"
    return figures


def same_number(shown, expected):
    """Equal as shown, or within one unit of the last digit: the JSON rounds to three decimals
    before this script rounds again, so a value on a rounding edge may differ by one."""
    def number(text):
        digits = "".join(ch for ch in text if ch.isdigit() or ch in ".-+")
        return float(digits) if digits not in ("", ".", "-", "+") else None
    if expected in shown:
        return True
    a, b = number(shown), number(expected)
    if a is None or b is None:
        return False
    unit = 10 ** -(len(expected.split(".")[1].rstrip("%")) if "." in expected else 0)
    return abs(a - b) <= unit + 1e-9


for width in (1280, 390):
    browser = driver(width)
    try:
        for name in names:
            page = f"{name} at {width} px"
            browser.get((work / f"{name}.html").resolve().as_uri())
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 1:
                wide = browser.execute_script("""
                    const w = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                        .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""")
                failures.append(f"{page}: overflows horizontally by {overflow}px ({'; '.join(wide)})")
            errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
            if errors:
                failures.append(f"{page}: console errors: {errors[:3]}")
            untitled = browser.execute_script("""
                return [...document.querySelectorAll('svg')].filter(s => {
                    const t = s.querySelector(':scope > title'); return !t || !t.textContent.trim(); }).length;""")
            svgs = len(browser.find_elements(By.TAG_NAME, "svg"))
            if untitled:
                failures.append(f"{page}: {untitled} of {svgs} charts have no <title>")
            report = json.loads((work / f"{name}.json").read_text())
            shown = {item.find_element(By.CLASS_NAME, "label").text.strip().lower(): item.find_element(By.CLASS_NAME, "figure").text.strip()
                     for item in browser.find_elements(By.CSS_SELECTOR, ".figures li")}
            currency = report["input"]["currency"] or ""
            for key, value in expected_figures(report["headline"], currency).items():
                if key not in shown:
                    failures.append(f"{page}: headline '{key}' missing (strip: {shown})")
                elif not same_number(shown[key], value):
                    failures.append(f"{page}: headline '{key}' shows {shown[key]!r}, the JSON says {value!r}")
            # The whole page, beyond the (emulated) viewport.
            shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "fromSurface": True, "format": "png"})
            (shots / f"{name}-{width}.png").write_bytes(base64.b64decode(shot["data"]))
            print(f"ok   {page}: {svgs} charts, strip {shown}" if not any(f.startswith(page) for f in failures) else f"FAIL {page}")
    finally:
        browser.quit()

for failure in failures:
    print("  - " + failure, file=sys.stderr)
print(f"browser: {len(names) * 2 - len({f.split(':')[0] for f in failures})} of {len(names) * 2} page loads passed; screenshots in {shots}")
sys.exit(1 if failures else 0)
