"""Settings shared by every environment. Everything that differs per install comes from the
environment (see README.md, "Configuration")."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; production must bring its own.
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random value "
            "(or set DEBUG=1 for local development only)."
        )
    SECRET_KEY = DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "actors",
    "goodpractices",
    "search",
    "discovery",
    "inventory",
    "leerpad",
    "schools",
    "editorial",
    "selfassessment",
    "operations",
    "submissions",
    "mailer",  # the outbox (django-mailer): EMAIL_BACKEND below queues, `manage.py send_outbox` sends
    "harvest",
    "allauth",
    "allauth.account",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "health_check",
    "django_prometheus",  # /metrics (operations/metrics.py)
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # first and last: requests and latency
    "operations.request_log.RequestIdMiddleware",  # first: every log line of a request carries its id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.hygiene.InputHygieneMiddleware",  # before the page cache: no NUL reaches a key or a view
    "operations.page_cache.AnonymousPageCacheMiddleware",  # outside sessions/CSRF: a hit skips them
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",  # a limit reached: the Dutch 429 page
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Dutch lockout page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# DATABASE_URL: SQLite under var/ by default (the embedded set-up of `make run`), PostgreSQL in production.
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", DEFAULT_DATABASE_URL)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:  # an unknown scheme or a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL={DATABASE_URL!r} is not a valid database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Several workers write (search statistics, logins): WAL lets readers go on while one writes,
    # IMMEDIATE takes the write lock up front (no deadlock on upgrade) and writers wait their turn.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # A connection kept between requests is checked first, so a database restart costs no 500s.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# DATABASE_REPLICA_URLS: PostgreSQL streaming replicas (comma-separated URLs) for the reads of anonymous
# visitors (operations/replicas.py); writes, logged-in users and everything outside a request stay on
# the primary. A replica that is down or lags more than REPLICA_MAX_LAG_SECONDS is skipped for
# REPLICA_RETRY_SECONDS; each process checks a replica every REPLICA_CHECK_SECONDS. After a form post
# the visitor reads the primary for REPLICA_PIN_SECONDS (read-your-writes).
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", [])
REPLICA_MAX_LAG_SECONDS = float(env_str("REPLICA_MAX_LAG_SECONDS", "5") or 5)
REPLICA_CHECK_SECONDS = float(env_str("REPLICA_CHECK_SECONDS", "3") or 3)
REPLICA_RETRY_SECONDS = float(env_str("REPLICA_RETRY_SECONDS", "10") or 10)
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 15)
for _number, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    try:
        _replica = dj_database_url.parse(_url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS has an invalid URL {_url!r}: {exc}") from exc
    if _replica["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS must use the same engine as DATABASE_URL.")
    _replica["CONN_HEALTH_CHECKS"] = True
    _replica["OPTIONS"] = {"connect_timeout": 1}  # a replica that is gone costs a second, then is skipped
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
if DATABASE_REPLICA_URLS:
    DATABASE_ROUTERS = ["operations.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("operations.request_log.RequestIdMiddleware") + 1,
        "operations.replicas.ReplicaReadsMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL: a shared cache in production; a local memory cache otherwise.
REDIS_URL = env_str("REDIS_URL")
# A Redis outage must not take the portal down nor lock anyone out (operations/resilient_cache.py):
# each call waits at most REDIS_TIMEOUT_SECONDS; after REDIS_FAILURE_LIMIT failures in a row Redis is
# skipped for REDIS_COOLDOWN_SECONDS and caches and rate limits count in the process's own memory.
REDIS_TIMEOUT_SECONDS = float(env_str("REDIS_TIMEOUT_SECONDS", "0.25") or 0.25)
REDIS_FAILURE_LIMIT = env_int("REDIS_FAILURE_LIMIT", 3)
REDIS_COOLDOWN_SECONDS = float(env_str("REDIS_COOLDOWN_SECONDS", "30") or 30)


def redis_cache(url: str) -> dict:
    """The CACHES entry for a Redis at `url`, with its timeouts and fallback."""
    return {
        "BACKEND": "operations.resilient_cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "portal",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            "FAILURE_LIMIT": REDIS_FAILURE_LIMIT,
            "COOLDOWN_SECONDS": REDIS_COOLDOWN_SECONDS,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (operations/page_cache.py), invalidated on every publish; pages
# with a query string (search, API) only briefly. 0 turns it off (development and tests do).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_QUERY_SECONDS = env_int("PAGE_CACHE_QUERY_SECONDS", 60)
# How long the page cache's version stays in the cache before it is read from the database again:
# the delay with which a publish reaches other workers when caches are per process (docs/resilience.md).
PAGE_CACHE_VERSION_SECONDS = env_int("PAGE_CACHE_VERSION_SECONDS", 10)

# ELASTICSEARCH_URL: when set, search uses Elasticsearch; unset, it runs on the database.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX", "leerkracht-fiches")
# A search waits at most this long for Elasticsearch; after a failure it is skipped for the cool-off.
ELASTICSEARCH_TIMEOUT_SECONDS = float(env_str("ELASTICSEARCH_TIMEOUT_SECONDS", "0.8") or 0.8)
ELASTICSEARCH_COOLDOWN_SECONDS = float(env_str("ELASTICSEARCH_COOLDOWN_SECONDS", "30") or 30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch (Flemish) for visitors and editors alike.
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl-be", "Nederlands")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it, even before collectstatic
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Teachers' evidence files (certificates on "Mijn leerpad"): private, outside MEDIA_ROOT, no URL;
# served only to their owner through a view. Back this folder up with the database.
LEERPAD_EVIDENCE_ROOT = Path(env_str("LEERPAD_EVIDENCE_ROOT") or VAR_DIR / "leerpad-bewijs")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Leerkr@cht.net"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars never call an outside service
# A fiche is due for review this many months after its last review (report "Te herzien").
REVIEW_INTERVAL_MONTHS = int(env_str("REVIEW_INTERVAL_MONTHS", "12") or 12)
# Every actor with an organisation address is asked this often whether its fiches are still right
# (`manage.py ask_providers`, editorial/provider_check.py); 0 asks nobody.
PROVIDER_CHECK_MONTHS = env_int("PROVIDER_CHECK_MONTHS", 6)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Workflow notifications (submitted for review, approved, rejected with a comment) go out by e-mail;
# development prints them on the console (dev.py), production sends them through EMAIL_HOST.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "redactie@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_TIMEOUT = 10  # seconds; only the outbox's sender waits for it, never a request
# Every mail (invitations, submissions, allauth's sign-up and password reset, workflow notices) goes
# into the database outbox in the request's own transaction; `manage.py send_outbox` (the compose
# `mailer` service, every minute) hands it to MAILER_EMAIL_BACKEND. A failed send is retried on every
# later run, up to MAILER_EMAIL_MAX_RETRIES times; then it is a dead letter (`send_outbox --report`
# and the admin's "Uitgaande e-mail" report list those).
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_EMAIL_BACKEND = env_str("MAILER_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILER_EMAIL_MAX_RETRIES = env_int("MAILER_EMAIL_MAX_RETRIES", 60)
MAILER_USE_FILE_LOCK = False  # rows are locked in the database: several nodes may send at once
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Harvesting providers' feeds (harvest/): how long to wait for a source and how big it may be.
HARVEST_TIMEOUT_SECONDS = float(env_str("HARVEST_TIMEOUT_SECONDS", "20") or 20)
HARVEST_MAX_BYTES = int(env_str("HARVEST_MAX_BYTES", str(5 * 1024 * 1024)) or 5 * 1024 * 1024)
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# /metrics answers the loopback address, or a request with "Authorization: Bearer <METRICS_TOKEN>".
METRICS_TOKEN = env_str("METRICS_TOKEN")

# LOG_FORMAT=json: one JSON object per line, for a log collector; text otherwise. Either way every
# line of a request carries its request id (operations/request_log.py).
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.request_log.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

from .accounts import *  # noqa: E402,F403  (school staff accounts through django-allauth)
from .observability import *  # noqa: E402,F403  (optional error reporting to Sentry)
from .security import *  # noqa: E402,F403  (CSP, login throttling, frames)
