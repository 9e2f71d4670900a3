"""`manage.py send_outbox`: one pass over the mail outbox (retry deferred mail, send what is queued),
then a one-line summary. `--report` lists the dead letters (mail that failed too often) instead."""

from django.core.management.base import BaseCommand

from operations import outbox


class Command(BaseCommand):
    help = "Send the queued mail (with retries) or, with --report, list the mail that failed for good."

    def add_arguments(self, parser):
        parser.add_argument("--report", action="store_true", help="list dead letters, send nothing")

    def handle(self, *args, report=False, **options):
        if report:
            letters = outbox.dead_letters()
            for letter in letters:
                self.stdout.write(
                    f"{letter.added:%Y-%m-%d %H:%M} | {letter.recipients} | {letter.subject} | "
                    f"{letter.attempts} pogingen | {letter.last_error}"
                )
            self.stdout.write(f"{len(letters)} mislukte e-mail(s).")
            return
        summary = outbox.send_pass()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in summary.items()))
