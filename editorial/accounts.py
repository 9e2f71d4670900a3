"""The roles `manage.py create_account` knows, each made by one small function.

editorial registers its own roles here (redacteur, eindredacteur, beheerder, partner); apps higher
up register theirs in their AppConfig.ready (schools: ``school``, leerpad: ``leraar``). There is one
command (editorial/management/commands/create_account.py) and no app overrides it.

A role's ``make(username, options)`` checks its input, writes the account inside a transaction and
returns the line the command prints; it raises CommandError (ending in "Er is niets gewijzigd.")
before anything is written.
"""

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction

from actors.models import ActorPage
from editorial.models import PartnerContributor


@dataclass(frozen=True)
class Role:
    name: str
    make: Callable[[str, dict], str]
    help: str
    options: tuple[str, ...] = ()  # the optional arguments (dest names) that belong to this role


@dataclass
class Registry:
    roles: dict[str, Role] = field(default_factory=dict)
    arguments: dict[str, tuple[tuple[str, ...], dict]] = field(default_factory=dict)

    def register(self, role: Role, arguments: dict[str, tuple[tuple[str, ...], dict]] | None = None):
        """Add a role, with the extra command-line arguments only it uses (dest -> (flags, kwargs))."""
        self.roles[role.name] = role
        self.arguments.update(arguments or {})


registry = Registry()
register = registry.register


def ask_password(user, noinput: bool) -> str:
    """ACCOUNT_PASSWORD when set (or with --noinput), else asked twice; validated for this user."""
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
        raise CommandError(f"Wachtwoord geweigerd: {' '.join(exc.messages)} Er is niets gewijzigd.") from exc
    return password


def new_account(username: str, email: str, noinput: bool):
    """A new, unsaved account with its password set, once the name is known to be free."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise CommandError(f"Er bestaat al een account '{username}'. Er is niets gewijzigd.")
    user = User(username=username, email=email)
    user.set_password(ask_password(user, noinput))
    return user


EDITORIAL_GROUPS = {"redacteur": "Redacteur", "eindredacteur": "Eindredacteur", "beheerder": "Beheerder"}


def make_editor(role: str) -> Callable[[str, dict], str]:
    def make(username: str, options: dict) -> str:
        user = new_account(username, options["email"], options["noinput"])
        with transaction.atomic():
            user.save()
            user.groups.add(Group.objects.get(name=EDITORIAL_GROUPS[role]))
        return f"Account '{username}' aangemaakt: {EDITORIAL_GROUPS[role]}."

    return make


def make_partner(username: str, options: dict) -> str:
    slugs = options["actor"]
    if not slugs:
        raise CommandError("Een partner heeft minstens één --actor nodig. Er is niets gewijzigd.")
    found = {page.slug: page for page in ActorPage.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise CommandError(f"Onbekende actor: {', '.join(unknown)}. Er is niets gewijzigd.")
    actors = [found[slug] for slug in slugs]
    user = new_account(username, options["email"], options["noinput"])
    with transaction.atomic():
        user.save()
        PartnerContributor.objects.create(user=user).actors.set(actors)
    return f"Account '{username}' aangemaakt: {', '.join(a.title for a in actors)}."


for _role in EDITORIAL_GROUPS:
    register(Role(_role, make_editor(_role), help=f"{EDITORIAL_GROUPS[_role]} (Wagtail-admin)"))
register(
    Role("partner", make_partner, help="partnerbijdrager van een of meer actoren", options=("actor",)),
    arguments={
        "actor": (
            ("--actor",),
            {"action": "append", "default": [], "help": "Slug van een actor (partner; mag herhaald worden)."},
        )
    },
)
