# The portal as a container: gunicorn with the production settings (deploy/gunicorn.conf.py).
# Static files are collected at build time; migrations run at start (MIGRATE_ON_START=1, the default).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media \
    BIND=0.0.0.0:8000

# postgresql-client: pg_dump and pg_restore for `manage.py backup` and `restore`.
# hunspell-nl: the Dutch word list spelling correction checks before it "corrects" a word (search.lexicon).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client hunspell-nl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal

WORKDIR /app
# Dependencies first (a cached layer while only the code changes), then the code itself.
COPY pyproject.toml README.md ./
RUN mkdir portal && pip install . && pip uninstall -y leerkracht-portal && rm -rf portal build
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var/media \
    && chown -R portal:portal /app/var

USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
