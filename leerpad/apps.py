from django.apps import AppConfig


class LeerpadConfig(AppConfig):
    name = "leerpad"
    verbose_name = "Mijn leerpad"

    def ready(self):
        from schools import personal_data

        from . import accounts, signals  # noqa: F401  (evidence files and school shares go with their training)
        from .export import user_data

        accounts.register_role()  # create_account --role leraar
        # "Mijn gegevens downloaden" (schools) includes the leerpad.
        personal_data.register("leerpad", user_data)
