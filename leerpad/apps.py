from django.apps import AppConfig


class LeerpadConfig(AppConfig):
    name = "leerpad"
    verbose_name = "Mijn leerpad"

    def ready(self):
        from schools import personal_data

        from . import signals  # noqa: F401  (evidence files and school shares go with their training)
        from .export import user_data

        # "Mijn gegevens downloaden" (schools) includes the leerpad.
        personal_data.register("leerpad", user_data)
