"""Create an account with one of the portal's roles. The roles, and the small function that makes
each, are registered in editorial/accounts.py (editorial's own; schools adds ``school``, leerpad adds
``leraar``). This is the only create_account command: no app overrides it.

    manage.py create_account an --role redacteur
    manage.py create_account kennisnet --role partner --actor kennisnet-vlaanderen
    ACCOUNT_PASSWORD=... manage.py create_account an --role school --email an@school.be --school "De Klimop" --noinput
    ACCOUNT_PASSWORD=... manage.py create_account an --role leraar --email an@school.be --noinput

The password is read from ACCOUNT_PASSWORD when it is set (or with --noinput), else asked twice on
the terminal; without a terminal and without ACCOUNT_PASSWORD the command says so. Every problem (an
existing name, an unknown actor, a weak password, an option of another role) stops the command before
anything is written.
"""

from django.core.management.base import BaseCommand, CommandError

from editorial.accounts import registry


class Command(BaseCommand):
    @property
    def help(self):
        roles = "; ".join(f"{role.name}: {role.help}" for role in registry.roles.values())
        return f"Maak een account aan met een rol ({roles})."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=list(registry.roles))
        parser.add_argument("--email", default="")
        parser.add_argument("--noinput", action="store_true", help="Wachtwoord uit ACCOUNT_PASSWORD.")
        for flags, kwargs in registry.arguments.values():
            parser.add_argument(*flags, **kwargs)

    def handle(self, username, role, **options):
        chosen = registry.roles[role]
        for dest, (flags, _kwargs) in registry.arguments.items():
            if options.get(dest) and dest not in chosen.options:
                owners = " of ".join(
                    f"--role {other.name}" for other in registry.roles.values() if dest in other.options
                )
                raise CommandError(
                    f"{flags[0]} hoort niet bij --role {role} (alleen bij {owners}). Er is niets gewijzigd."
                )
        self.stdout.write(self.style.SUCCESS(chosen.make(username, options)))
