from django.apps import AppConfig


class LeerpadConfig(AppConfig):
    name = "leerpad"
    verbose_name = "Mijn leerpad"

    def ready(self):
        from django.db.models.signals import post_save

        from actors.session import ActionSession
        from schools import personal_data

        from . import accounts, signals  # noqa: F401  (evidence files and school shares go with their training)
        from .export import user_data
        from .session_mail import on_session_saved

        accounts.register_role()  # create_account --role leraar
        # "Mijn gegevens downloaden" (schools) includes the leerpad.
        personal_data.register("leerpad", user_data)
        # A new session of a followed offer: an e-mail to whoever chose it (leerpad.session_mail).
        post_save.connect(on_session_saved, sender=ActionSession, dispatch_uid="leerpad-new-session-mail")
