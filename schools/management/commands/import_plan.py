"""manage.py import_plan FILE --account EMAIL: add a plan document to that account's school.

The last line printed is the plan's path (e.g. /mijn-school/plannen/7/). Any problem stops the
command before anything is written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from schools.importing import MAX_BYTES, PlanImportError, import_plan
from schools.models import EDIT_ROLES, Membership


class Command(BaseCommand):
    help = "Importeer een plan (JSON) in de school van een account."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--account", required=True, help="E-mailadres van een beheerder of bewerker.")
        parser.add_argument("--school", default="", help="Naam van de school, als het account er meer heeft.")

    def handle(self, file, account, school, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Bestand {file} bestaat niet. Er is niets geïmporteerd.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(
                f"Het bestand is te groot (meer dan {MAX_BYTES // (1024 * 1024)} MB). Er is niets geïmporteerd."
            )
        memberships = Membership.objects.filter(
            user__email__iexact=account, role__in=EDIT_ROLES
        ).select_related("school")
        if school:
            memberships = memberships.filter(school__name=school)
        found = list(memberships)
        if not found:
            raise CommandError(
                f"{account} is geen beheerder of bewerker van een school. Er is niets geïmporteerd."
            )
        if len(found) > 1:
            names = ", ".join(m.school.name for m in found)
            raise CommandError(
                f"{account} hoort bij meer scholen ({names}): kies er een met --school. Er is niets geïmporteerd."
            )
        try:
            plan = import_plan(found[0].school, path.read_bytes())
        except PlanImportError as exc:
            raise CommandError("\n".join([*exc.errors, "Er is niets geïmporteerd."])) from exc
        self.stdout.write(
            f"Plan {plan.school_year} geïmporteerd in {plan.school.name} ({plan.goals.count()} doelen)."
        )
        self.stdout.write(reverse("schools:plan", args=[plan.pk]))
