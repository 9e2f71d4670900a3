from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = "Schoolplan"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import pre_delete

        from . import accounts, joining, personal_data

        accounts.register_role()  # create_account --role school

        pre_delete.connect(
            personal_data.on_user_delete,
            sender=get_user_model(),
            dispatch_uid="schools-withdraw-personal-data",
        )
        user_logged_in.connect(joining.on_login, sender=get_user_model(), dispatch_uid="schools-join-invited")
