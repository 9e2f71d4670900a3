"""editorial's create_account, plus ``--role school``: a verified school account, beheerder of a school.

    ACCOUNT_PASSWORD=... manage.py create_account an --role school --email an@school.be --school "De Klimop" --noinput

The school is created when no school of that name exists yet (otherwise the account joins it as
beheerder). School accounts get no group: they never enter the Wagtail admin.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import transaction

from editorial.management.commands import create_account as editorial_command
from schools.models import BEHEERDER, Membership, School

SCHOOL = "school"


class Command(editorial_command.Command):
    help = editorial_command.Command.help + " Met --role school: een geverifieerd schoolaccount."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        role = next(action for action in parser._actions if action.dest == "role")
        role.choices = [*role.choices, SCHOOL]
        parser.add_argument("--school", default="", help="Naam van de school (bij --role school).")

    def handle(self, username, role, school, **options):
        if role != SCHOOL:
            if school:
                raise CommandError("--school hoort alleen bij --role school. Er is niets gewijzigd.")
            return super().handle(username=username, role=role, **options)
        return self._school_account(username, school.strip(), options)

    def _school_account(self, username, school_name, options):
        email = (options["email"] or "").strip().lower()
        if not school_name:
            raise CommandError("Een schoolaccount heeft --school NAAM nodig. Er is niets gewijzigd.")
        if options["actor"]:
            raise CommandError("--actor hoort alleen bij --role partner. Er is niets gewijzigd.")
        user = self._verified_account(username, email, options["noinput"], who="Een schoolaccount")
        with transaction.atomic():
            self._save_verified(user)
            school = School.objects.filter(name=school_name).first() or School.objects.create(
                name=school_name, network="andere"
            )
            Membership.objects.create(school=school, user=user, role=BEHEERDER)
        self.stdout.write(
            self.style.SUCCESS(
                f"Schoolaccount '{username}' ({email}) aangemaakt: beheerder van {school.name}."
            )
        )

    def _verified_account(self, username: str, email: str, noinput: bool, who: str):
        """A new, unsaved account with its password set, once the name and address are checked."""
        User = get_user_model()
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError(f"{who} heeft een geldig --email nodig. Er is niets gewijzigd.") from exc
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Er bestaat al een account '{username}'. Er is niets gewijzigd.")
        if (
            EmailAddress.objects.filter(email__iexact=email).exists()
            or User.objects.filter(email__iexact=email).exists()
        ):
            raise CommandError(f"Het e-mailadres {email} is al in gebruik. Er is niets gewijzigd.")
        user = User(username=username, email=email)
        user.set_password(self._password(user, noinput))
        return user

    @staticmethod
    def _save_verified(user) -> None:
        """Save the account with its address verified: it can log in at once (call inside a transaction)."""
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
