"""`manage.py run_once --every SECONDS COMMAND [ARGS...]`: run a scheduled command on one node only.

Every app node carries the same timers (deploy/*.timer). The first node whose timer fires claims the
run in the database (one conditional UPDATE of ScheduledRun: atomic on PostgreSQL and SQLite alike)
and runs the command; a node that finds a run started less than --every seconds ago skips it and says
so. No lock is held while the job runs, so a job that crashes does not block the next period.
"""

import socket
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from operations.models import ScheduledRun


def claim(name: str, every_seconds: float) -> bool:
    """True for the one caller that may run `name` now: no run of it started within the period."""
    now = timezone.now()
    ScheduledRun.objects.get_or_create(name=name)
    return bool(
        ScheduledRun.objects.filter(name=name)
        .filter(Q(started__isnull=True) | Q(started__lte=now - timedelta(seconds=every_seconds)))
        .update(started=now, finished=None, node=socket.gethostname()[:255])
    )


class Command(BaseCommand):
    help = "Run a scheduled command on one app node only (the first to claim it within the period)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, required=True, help="seconds between two runs, at least")
        parser.add_argument("job", help="the management command, e.g. harvest")
        parser.add_argument("args", nargs="*", help="its arguments")

    def handle(self, *args, every, job, **options):
        if every <= 0:
            raise CommandError("--every moet een positief aantal seconden zijn.")
        name = " ".join([job, *args])[:100]
        if not claim(name, every):
            self.stdout.write(f"{name}: skipped, another node ran it less than {every:.0f} s ago.")
            return
        call_command(job, *args, stdout=self.stdout, stderr=self.stderr)
        ScheduledRun.objects.filter(name=name).update(finished=timezone.now())
