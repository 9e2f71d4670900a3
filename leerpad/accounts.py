"""The ``leraar`` role of `manage.py create_account` (registered in LeerpadConfig.ready): a verified
teacher account without a school, ready for "Mijn leerpad".

    ACCOUNT_PASSWORD=... manage.py create_account an --role leraar --email an@school.be --noinput
"""

from django.db import transaction

from editorial.accounts import Role, register
from schools.accounts import save_verified, verified_account


def make_teacher_account(username: str, options: dict) -> str:
    user = verified_account(username, options, who="Een leraar")
    with transaction.atomic():
        save_verified(user)
    return f"Leraarsaccount '{username}' ({user.email}) aangemaakt."


def register_role() -> None:
    register(Role("leraar", make_teacher_account, help="geverifieerd account voor een leraar, zonder school"))
