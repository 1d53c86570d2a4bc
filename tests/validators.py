"""The validators our pages must satisfy: axe-core (WCAG 2.2 AA) and the Nu HTML checker.

Both come from the npm registry (package.json; ``scripts/test`` installs them into
node_modules) and run here, never from a CDN: axe-core inside the page under
test, the Nu checker (vnu.jar) on the machine's Java. Where one is missing its
tests skip and say why, except in CI (``NEWSROOM_REQUIRE_VALIDATORS=1``), where
a missing validator is a failure.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page

NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the site promises.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def require(available: bool, reason: str) -> None:
    """Skip the calling test when a validator is missing, or fail when CI requires it."""
    if available:
        return
    if os.environ.get("NEWSROOM_REQUIRE_VALIDATORS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def require_axe() -> None:
    require(AXE_SCRIPT.exists(), f"axe-core not found at {AXE_SCRIPT} (run scripts/test)")


def require_nu_checker() -> None:
    require(VNU_JAR.exists(), f"the Nu HTML checker not found at {VNU_JAR} (run scripts/test)")
    require(shutil.which("java") is not None, "Java not found (apt-get install default-jre)")


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds wrong on ``page`` at WCAG 2.2 AA, one line per rule and element.

    The script is evaluated through the browser's debugging protocol, which the
    page's Content-Security-Policy does not govern, so the page stays as readers get it.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [
        f"{violation['id']}: {' '.join(node['target'][0] for node in violation['nodes'][:3])}"
        f" ({violation['help']})"
        for violation in results["violations"]
    ]


def nu_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """The Nu HTML checker's errors for each of ``documents`` (name → HTML), in one run.

    Only names with errors appear in the answer; warnings are not errors.
    """
    with tempfile.TemporaryDirectory() as folder:
        names, paths = {}, []
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
            paths.append(str(path))
        finished = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *paths],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(finished.stdout)
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        url = message.get("url", "")
        name = names.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']}"
            f" [{message.get('extract', '').strip()[:80]}]"
        )
    return errors
