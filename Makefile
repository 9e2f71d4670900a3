# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed
# Links in workflow e-mails point here; set it to the public address in production.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run serve test install setup admin account lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Migrate, load the inventory (idempotent: editors' changes stay) and serve on http://127.0.0.1:$(PORT)/
setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_inventory
	$(BIN)/python manage.py update_index --if-empty --skip-wagtail

run: setup
	@echo ""
	@echo "Leerkr@cht.net draait op http://127.0.0.1:$(PORT)/ (beheer: http://127.0.0.1:$(PORT)/admin/)."
	@echo "Nog geen beheerder? Maak er een aan met: make admin"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## The production set-up on http://127.0.0.1:$(PORT)/: production settings, collectstatic, gunicorn.
## Plain HTTP on loopback only, so the HTTPS redirect and secure cookies are off here.
SERVE_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/local-secret-key)}" ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}"
serve: setup
	@test -s var/local-secret-key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/local-secret-key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Leerkr@cht.net (productie-instellingen, gunicorn) op http://127.0.0.1:$(PORT)/"
	$(SERVE_ENV) BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py

## The whole suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL). ARGS go to pytest, e.g.
## ARGS="-n 2" (two processes), ARGS=--engine-tier (only what depends on the database engine, as CI's
## PostgreSQL pass). A selection that holds no test (pytest's exit code 5) is not an error.
ARGS ?=
test: install
	$(BIN)/python -m pytest $(ARGS) || [ $$? -eq 5 ]

## Create an administrator account (asks for name and password; without a terminal set
## DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD)
admin: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createsuperuser $(if $(DJANGO_SUPERUSER_USERNAME),--noinput,)

## An account with a role: make account NAME=an ROLE=redacteur|eindredacteur|beheerder
## or for a partner organisation: make account NAME=kennisnet ROLE=partner ACTOR="kennisnet-vlaanderen"
account: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py create_account "$(NAME)" --role "$(ROLE)" $(foreach slug,$(ACTOR),--actor $(slug)) \
		$(if $(ACCOUNT_PASSWORD),--noinput)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) var
