"""The ``school`` role of `manage.py create_account` (registered in SchoolsConfig.ready), and the
verified-account helpers the roles without Wagtail-admin access share (school, leraar)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import transaction

from editorial.accounts import Role, new_account, register
from schools.models import BEHEERDER, Membership, School


def verified_account(username: str, options: dict, who: str):
    """A new, unsaved account with its password set, once the name and address are checked."""
    email = (options["email"] or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise CommandError(f"{who} heeft een geldig --email nodig. Er is niets gewijzigd.") from exc
    if get_user_model().objects.filter(username=username).exists():
        raise CommandError(f"Er bestaat al een account '{username}'. Er is niets gewijzigd.")
    if (
        EmailAddress.objects.filter(email__iexact=email).exists()
        or get_user_model().objects.filter(email__iexact=email).exists()
    ):
        raise CommandError(f"Het e-mailadres {email} is al in gebruik. Er is niets gewijzigd.")
    return new_account(username, email, options["noinput"])


def save_verified(user) -> None:
    """Save the account with its address verified: it can log in at once (call inside a transaction)."""
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)


def make_school_account(username: str, options: dict) -> str:
    """A verified account, beheerder of the school of that name (created when it does not exist yet).
    School accounts get no group: they never enter the Wagtail admin."""
    school_name = (options.get("school") or "").strip()
    if not school_name:
        raise CommandError("Een schoolaccount heeft --school NAAM nodig. Er is niets gewijzigd.")
    user = verified_account(username, options, who="Een schoolaccount")
    with transaction.atomic():
        save_verified(user)
        school = School.objects.filter(name=school_name).first() or School.objects.create(
            name=school_name, network="andere"
        )
        Membership.objects.create(school=school, user=user, role=BEHEERDER)
    return f"Schoolaccount '{username}' ({user.email}) aangemaakt: beheerder van {school.name}."


def register_role() -> None:
    register(
        Role("school", make_school_account, help="geverifieerd schoolaccount", options=("school",)),
        arguments={
            "school": (("--school",), {"default": "", "help": "Naam van de school (bij --role school)."})
        },
    )
