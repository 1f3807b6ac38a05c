"""The HTML report in a real browser: every figure loads, nothing is requested, nothing logs.

Runs headless Chromium twice on a report rendered from a small record set (one sentence carries
``<script>alert(1)</script>``):

1. on ``report.html`` itself, taking a screenshot, with Chromium's console log on stderr: the
   page has no script, so any console line is a browser complaint (a blocked request, a broken
   image, a CSP violation) and fails the test;
2. on a copy with a probe script put *before* the page's Content-Security-Policy, dumping the DOM
   after load: the probe reports each ``<img>``'s natural width, every resource the page
   requested (data: URIs are not requests), error events, CSP violations (an injected script
   would be one) and the number of scripts in the document.

Skipped when Chromium is missing, unless the ``CI`` environment variable is set: CI installs it
(``.ci/run``), so there a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from stance.aggregate import summarize
from stance.profile import load_profile
from stance.records import SentenceRecord
from stance.report import FIGURES, write_report

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 180

PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) {
  var t = e.target || {};
  __errors.push(("error: " + (e.message || t.src || t.tagName || "?")).slice(0, 160));
}, true);
document.addEventListener("securitypolicyviolation", function (e) {
  __errors.push("csp: " + e.violatedDirective + " " + e.blockedURI);
});
window.alert = function (m) { __errors.push("alert: " + m); };
window.addEventListener("load", function () {
  var imgs = Array.prototype.map.call(document.images, function (i) {
    return {alt: i.alt, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight};
  });
  var out = document.createElement("pre");
  out.id = "__probe";
  out.textContent = JSON.stringify({
    imgs: imgs,
    resources: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
    errors: __errors,
    scripts: document.scripts.length
  });
  document.body.appendChild(out);
});
</script>
"""


def chromium() -> str:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is required in CI (install the Debian package `chromium`)")
    pytest.skip("chromium not installed (apt-get install chromium)")


def run_chromium(binary: str, profile_dir: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        "--hide-scrollbars",
        f"--user-data-dir={profile_dir}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def console_lines(stderr: str) -> list[str]:
    """Console messages of the page (Chromium logs them as ``…:CONSOLE(line)] "…"``)."""
    return [line for line in stderr.splitlines() if re.search(r":CONSOLE[:(]", line)]


def sample_records() -> list[SentenceRecord]:
    rows = [
        ("a-1", "Global Times", "outlet", "neutral", 0.0, "The mission opened on Tuesday.", ()),
        (
            "a-1",
            "Global Times",
            "chinese_state_media",
            "against",
            -0.8,
            "The Global Times warned it would provoke confrontation.",
            ("-warn", "-provoke"),
        ),
        ("a-1", "Global Times", "china_government", "against", -0.6, "Beijing said it opposes the move.", ("-oppose",)),
        (
            "b-1",
            "Inquirer.net",
            "outlet",
            "neutral",
            0.1,
            "Seoul sent its ambassador <script>alert(1)</script> to Brussels.",
            (),
        ),
        ("b-1", "Inquirer.net", "nato", "favor", 0.7, "NATO welcomed the step.", ("+welcome",)),
        (
            "b-1",
            "Inquirer.net",
            "korean_government",
            "favor",
            0.5,
            "Kim Sung-han said it will strengthen ties.",
            ("+strengthen",),
        ),
        (
            "c-1",
            "Korea JoongAng Daily",
            "korean_government",
            "favor",
            0.6,
            "The presidential office said the mission deepens cooperation.",
            ("+cooperation",),
        ),
        ("c-1", "Korea JoongAng Daily", "outlet", "neutral", 0.0, "Yoon flew to Madrid.", ()),
    ]
    records = []
    for i, (doc, outlet, voice, stance, score, text, cues) in enumerate(rows):
        records.append(
            SentenceRecord(
                doc_id=doc,
                outlet=outlet,
                title=f"{outlet} on the mission",
                date="2022-06-22",
                url=None,
                index=i % 3,
                start=0,
                end=len(text),
                text=text,
                voice=voice,
                speaker=None if voice == "outlet" else voice,
                quote="none" if voice == "outlet" else "direct",
                stance=stance,
                score=score,
                confidence=0.8,
                frames=("diplomacy_process",),
                cues=cues,
            )
        )
    return records


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    profile = load_profile("korea-nato")
    records = sample_records()
    summary = summarize(records, profile=profile, bootstrap=200)
    out = tmp_path_factory.mktemp("browser-report")
    meta = {"stance_version": "test", "skipped": [{"source": "x.html", "line": None, "reason": "<b>not</b> text"}]}
    return write_report(records, summary, out, profile=profile, meta=meta)


def test_report_renders_in_chromium_without_errors(rendered, tmp_path):
    binary = chromium()
    shot = rendered.out_dir / "report-screenshot.png"
    result = run_chromium(
        binary, tmp_path / "profile-a", f"--screenshot={shot}", "--window-size=1280,3000", rendered.html.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KB
    assert console_lines(result.stderr) == []


def test_every_image_loads_and_nothing_is_requested(rendered, tmp_path):
    binary = chromium()
    page = rendered.html.read_text("utf-8")
    probe_page = rendered.out_dir / "probe.html"
    probe_page.write_text(page.replace("<head>", "<head>\n" + PROBE, 1), encoding="utf-8")
    result = run_chromium(
        binary, tmp_path / "profile-b", "--virtual-time-budget=10000", "--dump-dom", probe_page.as_uri()
    )
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r'<pre id="__probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert match, "the probe did not report: the load event never fired"
    report = json.loads(html.unescape(match.group(1)))
    assert len(report["imgs"]) == len(FIGURES)
    for img in report["imgs"]:
        assert img["complete"] and img["width"] > 0 and img["height"] > 0, img
    assert report["resources"] == []
    assert report["errors"] == []
    assert report["scripts"] == 1  # the probe; the sentence's <script> is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    assert console_lines(result.stderr) == []
