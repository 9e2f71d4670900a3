"""schools' create_account (itself editorial's plus --role school), plus ``--role leraar``: a
verified teacher account without a school, ready for "Mijn leerpad".

    ACCOUNT_PASSWORD=... manage.py create_account an --role leraar --email an@school.be --noinput
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import transaction

from schools.management.commands import create_account as schools_command

LERAAR = "leraar"


class Command(schools_command.Command):
    help = schools_command.Command.help + " Met --role leraar: een geverifieerd account voor een leraar."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        role = next(action for action in parser._actions if action.dest == "role")
        role.choices = [*role.choices, LERAAR]

    def handle(self, username, role, **options):
        if role != LERAAR:
            return super().handle(username=username, role=role, **options)
        for option, value in (("--school", options["school"]), ("--actor", options["actor"])):
            if value:
                raise CommandError(f"{option} hoort niet bij --role leraar. Er is niets gewijzigd.")
        User = get_user_model()
        email = (options["email"] or "").strip().lower()
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError("Een leraar heeft een geldig --email nodig. Er is niets gewijzigd.") from exc
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Er bestaat al een account '{username}'. Er is niets gewijzigd.")
        if (
            EmailAddress.objects.filter(email__iexact=email).exists()
            or User.objects.filter(email__iexact=email).exists()
        ):
            raise CommandError(f"Het e-mailadres {email} is al in gebruik. Er is niets gewijzigd.")
        user = User(username=username, email=email)
        password = self._password(user, options["noinput"])
        with transaction.atomic():
            user.set_password(password)
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        self.stdout.write(self.style.SUCCESS(f"Leraarsaccount '{username}' ({email}) aangemaakt."))
