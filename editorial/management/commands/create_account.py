"""Create an account with one of the portal's roles, or a partner contributor linked to actors.

    manage.py create_account an --role redacteur
    manage.py create_account kennisnet --role partner --actor kennisnet-vlaanderen

The password is read from ACCOUNT_PASSWORD when it is set (or with --noinput), else asked twice on
the terminal; without a terminal and without ACCOUNT_PASSWORD the command says so. Every problem (an existing
name, an unknown actor, a weak password) stops the command before anything is written.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actors.models import ActorPage
from editorial.models import PartnerContributor

ROLES = {"redacteur": "Redacteur", "eindredacteur": "Eindredacteur", "beheerder": "Beheerder"}
PARTNER = "partner"


class Command(BaseCommand):
    help = "Maak een account aan met een rol (redacteur, eindredacteur, beheerder) of voor een partner."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[*ROLES, PARTNER])
        parser.add_argument(
            "--actor", action="append", default=[], help="Slug van een actor (partner; mag herhaald worden)."
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--noinput", action="store_true", help="Wachtwoord uit ACCOUNT_PASSWORD.")

    def handle(self, username, role, actor, email, noinput, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Er bestaat al een account '{username}'. Er is niets gewijzigd.")
        actors = self._actors(role, actor)
        user = User(username=username, email=email)
        password = self._password(user, noinput)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            if role == PARTNER:
                PartnerContributor.objects.create(user=user).actors.set(actors)
            else:
                user.groups.add(Group.objects.get(name=ROLES[role]))
        what = ", ".join(a.title for a in actors) if role == PARTNER else ROLES[role]
        self.stdout.write(self.style.SUCCESS(f"Account '{username}' aangemaakt: {what}."))

    def _actors(self, role: str, slugs: list[str]) -> list[ActorPage]:
        if role != PARTNER:
            if slugs:
                raise CommandError("--actor hoort alleen bij --role partner. Er is niets gewijzigd.")
            return []
        if not slugs:
            raise CommandError("Een partner heeft minstens één --actor nodig. Er is niets gewijzigd.")
        found = {page.slug: page for page in ActorPage.objects.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise CommandError(f"Onbekende actor: {', '.join(unknown)}. Er is niets gewijzigd.")
        return [found[slug] for slug in slugs]

    def _password(self, user, noinput: bool) -> str:
        if noinput or os.environ.get("ACCOUNT_PASSWORD"):
            password = os.environ.get("ACCOUNT_PASSWORD", "")
        else:
            try:
                password = getpass.getpass("Wachtwoord: ")
                repeated = getpass.getpass("Wachtwoord (nogmaals): ")
            except EOFError as exc:
                raise CommandError(
                    "Geen terminal om het wachtwoord te vragen: zet ACCOUNT_PASSWORD. Er is niets gewijzigd."
                ) from exc
            if password != repeated:
                raise CommandError("De wachtwoorden verschillen. Er is niets gewijzigd.")
        if not password:
            raise CommandError("Geen wachtwoord opgegeven. Er is niets gewijzigd.")
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(
                f"Wachtwoord geweigerd: {' '.join(exc.messages)} Er is niets gewijzigd."
            ) from exc
        return password
