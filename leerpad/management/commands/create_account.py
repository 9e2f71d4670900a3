"""schools' create_account (itself editorial's plus --role school), plus ``--role leraar``: a
verified teacher account without a school, ready for "Mijn leerpad".

    ACCOUNT_PASSWORD=... manage.py create_account an --role leraar --email an@school.be --noinput
"""

from django.core.management.base import CommandError
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
        email = (options["email"] or "").strip().lower()
        user = self._verified_account(username, email, options["noinput"], who="Een leraar")
        with transaction.atomic():
            self._save_verified(user)
        self.stdout.write(self.style.SUCCESS(f"Leraarsaccount '{username}' ({email}) aangemaakt."))
