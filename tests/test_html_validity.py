"""Every public page type is valid HTML according to the Nu Html Checker (vnu.jar).

vnu.jar comes from the npm package vnu-jar (.ci/run installs it under .ci/tools/); the test is
skipped, with the reason printed, when it or Java is missing.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests import factories

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".ci" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


@pytest.fixture
def vnu():
    if not shutil.which("java"):
        pytest.skip("java not found: HTML validation skipped")
    if not VNU.exists():
        pytest.skip(f"{VNU} not found: run `npm install --prefix .ci/tools vnu-jar` (CI does)")
    return VNU


def _add_session(action):
    import datetime

    from django.utils import timezone

    from actors.models import ActionSession

    start = timezone.now() + datetime.timedelta(days=9)
    action.sessions = [
        ActionSession(start=start, end=start + datetime.timedelta(hours=2), location="Gent", seats=20)
    ]
    action.save_revision().publish()


def test_public_pages_have_no_html_errors(client, site_tree, vnu, tmp_path):
    group = factories.partner_group("Pedagogische begeleiding")
    actor = factories.actor("Mediawijs", group=group)
    action = factories.action("Mediacoach", organisers=[actor])
    practice = factories.good_practice("Traject mediacoach", actors=[actor], actions=[action])
    _add_session(action)
    pages = {
        "home": "/",
        "zoeken": "/zoeken/?q=media&gratis=ja",
        "zoeken-leeg": "/zoeken/?q=onvindbaarwoord",
        "aanbod": "/aanbod/",
        "landschap": "/landschap/",
        "swot": "/landschap/swot/",
        "actor": actor.url,
        "actie": action.url,
        "goodpractice": practice.url,
        "partnergroep": group.url,
        "digcompedu": "/digcompedu/2/",
        "pijler": "/pijlers/aanbod/",
        "404": "/bestaat-niet/",
        "agenda": "/agenda/",
        "over": "/over/",
        "toegankelijkheid": "/toegankelijkheid/",
        "aanmelden": "/aanbod/aanmelden/",
        "melden": f"/melden/{action.pk}/",
        "bedankt": "/melden/bedankt/",
        "landschap-aandeel": "/landschap/?weergave=aandeel",
    }
    for name, url in pages.items():
        (tmp_path / f"{name}.html").write_bytes(client.get(url).content)
    # a form sent back with errors
    (tmp_path / "aanmelden-fouten.html").write_bytes(
        client.post("/aanbod/aanmelden/", {"email": "x"}).content
    )
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", *sorted(str(p) for p in tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
