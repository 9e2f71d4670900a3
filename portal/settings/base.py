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
    "inventory",
    "schools",  # before editorial: its create_account adds --role school to editorial's
    "editorial",
    "selfassessment",
    "operations",
    "submissions",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL: a shared cache in production; a local memory cache otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            # A cache outage must not take the portal down: the cache is an optimisation.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (operations/page_cache.py), invalidated on every publish; pages
# with a query string (search, API) only briefly. 0 turns it off (development and tests do).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_QUERY_SECONDS = env_int("PAGE_CACHE_QUERY_SECONDS", 60)

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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Leerkr@cht.net"
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars never call an outside service
# A fiche is due for review this many months after its last review (report "Te herzien").
REVIEW_INTERVAL_MONTHS = int(env_str("REVIEW_INTERVAL_MONTHS", "12") or 12)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Workflow notifications (submitted for review, approved, rejected with a comment) go out by e-mail;
# development prints them on the console (dev.py), production sends them through EMAIL_HOST.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "redactie@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Harvesting providers' feeds (harvest/): how long to wait for a source and how big it may be.
HARVEST_TIMEOUT_SECONDS = float(env_str("HARVEST_TIMEOUT_SECONDS", "20") or 20)
HARVEST_MAX_BYTES = int(env_str("HARVEST_MAX_BYTES", str(5 * 1024 * 1024)) or 5 * 1024 * 1024)
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

from .accounts import *  # noqa: E402,F403  (school staff accounts through django-allauth)
from .security import *  # noqa: E402,F403  (CSP, login throttling, frames)
