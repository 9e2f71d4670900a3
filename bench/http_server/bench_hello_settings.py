"""The production settings, with the bench's URLconf (the portal's URLs plus /bench/hello/)."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_hello_urls"
