"""A teacher's rights over their personal data: download it all, and delete the account.

Other apps keep personal data through foreign keys to the user with on_delete=CASCADE, so deleting
the user removes it. To appear in "Mijn gegevens downloaden" an app registers an exporter in its
AppConfig.ready()::

    from schools import personal_data
    personal_data.register("leerpad", lambda user: [...plain JSON data...])

Whoever deletes the user (the teacher, an administrator, a script), ``withdraw`` runs first through
the pre_delete signal connected in SchoolsConfig.ready(): the answers the teacher shared with open
team rounds are withdrawn and their personal links are erased.
"""

from collections.abc import Callable

from django.db import transaction

from .models import BEHEERDER, RoundTicket, School

FORMAT_VERSION = 1
_EXPORTERS: dict[str, Callable] = {}


def register(name: str, exporter: Callable) -> None:
    """Add an app's personal data to the download under ``name`` (exporter(user) -> plain data)."""
    _EXPORTERS[name] = exporter


def _schools(user) -> dict:
    return {
        "memberships": [
            {"school": m.school.name, "role": m.role}
            for m in user.school_memberships.select_related("school")
        ],
        "personal_results": [
            {
                "code": r.code,
                "taken_on": r.taken_on.isoformat(),
                "consented_at": r.consented_at.isoformat(),
                "shared_with": [
                    {
                        "round": s.round.title,
                        "school": s.round.school.name,
                        "shared_on": s.shared_on.isoformat(),
                    }
                    for s in r.shares.select_related("round__school")
                ],
            }
            for r in user.personal_results.all()
        ],
    }


register("schools", _schools)


def export(user) -> dict:
    emails = getattr(user, "emailaddress_set", None)
    return {
        "version": FORMAT_VERSION,
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary} for e in emails.all()
            ]
            if emails is not None
            else [],
        },
        **{name: exporter(user) for name, exporter in sorted(_EXPORTERS.items())},
    }


def blocking_schools(user) -> list[School]:
    """Schools the user is the last beheerder of while others are members: they would be left
    without anyone able to manage them."""
    return [
        school
        for school in School.objects.filter(memberships__user=user, memberships__role=BEHEERDER)
        if school.memberships.filter(role=BEHEERDER).count() == 1 and school.memberships.count() > 1
    ]


def sole_schools(user) -> list[School]:
    """Workspaces the user is the only member of: nobody could reach them afterwards, so they go too."""
    return [s for s in School.objects.filter(memberships__user=user) if s.memberships.count() == 1]


def withdraw(user) -> None:
    """Withdraw what the user shared with team rounds, erase their personal round links and the
    workspaces only they were a member of."""
    with transaction.atomic():
        for school in sole_schools(user):
            school.delete()
        for result in user.personal_results.all():
            result.forget()
        if user.email:
            RoundTicket.objects.filter(email__iexact=user.email).delete()


def on_user_delete(sender, instance, **kwargs):
    withdraw(instance)
