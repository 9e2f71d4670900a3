from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = "Schoolplan"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from . import personal_data

        pre_delete.connect(
            personal_data.on_user_delete,
            sender=get_user_model(),
            dispatch_uid="schools-withdraw-personal-data",
        )
