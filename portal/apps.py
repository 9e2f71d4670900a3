from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from . import admin_dates, checks  # noqa: F401  (checks registers itself)

        admin_dates.register()
