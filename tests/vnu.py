"""The Nu Html Checker (vnu.jar), shared by every HTML-validity test.

vnu.jar comes from the npm package vnu-jar (.ci/run installs it under .ci/tools/). The `vnu` fixture
(registered in tests/conftest.py) skips the test, with the reason printed, when it or Java is missing;
it returns a function that saves pages and checks them all in one run of the checker:

    def test_pages_have_no_html_errors(client, vnu):
        vnu({"home": client.get("/").content})
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".ci" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check_html(pages: dict[str, bytes]) -> None:
    """Fail with the checker's messages when any of the pages (name -> HTML bytes) has an HTML error."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, content in pages.items():
            path = Path(folder) / f"{name}.html"
            path.write_bytes(content)
            paths.append(str(path))
        result = subprocess.run(
            ["java", "-jar", str(VNU), "--errors-only", *sorted(paths)],
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def vnu():
    if not shutil.which("java"):
        pytest.skip("java not found: HTML validation skipped")
    if not VNU.exists():
        pytest.skip(f"{VNU} not found: run `npm install --prefix .ci/tools vnu-jar` (CI does)")
    return check_html
