"""Error reporting to Sentry is off without SENTRY_DSN and on with it, without personal data. Run in
a fresh interpreter: sentry-sdk patches Django for the rest of a process."""

import os
import subprocess
import sys

PROBE = """
import django, sentry_sdk
django.setup()
client = sentry_sdk.get_client()
collected = client.options["data_collection"]
print(client.is_active(), collected["user_info"], collected["http_bodies"] == [], collected["cookies"]["mode"],
      collected["http_headers"]["request"]["mode"], collected["url_query_params"]["mode"],
      collected["stack_frame_variables"])
"""


def probe(**env):
    environment = {name: value for name, value in os.environ.items() if name != "SENTRY_DSN"}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.test", **env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_without_a_dsn_nothing_is_reported():
    assert probe()[0] == "False"


def test_with_a_dsn_errors_are_reported_without_personal_data():
    # no user details, bodies, cookies, headers, query strings or local variables
    assert probe(SENTRY_DSN="http://publiek@127.0.0.1:9299/1") == [
        "True",
        "False",
        "True",
        *["off"] * 3,
        "False",
    ]


def test_a_dsn_the_sdk_refuses_leaves_the_portal_running_without_reporting():
    assert probe(SENTRY_DSN="geen-geldige-dsn")[0] == "False"
