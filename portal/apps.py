from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portaal"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.urls import register_converter
        from wagtail.signals import page_published

        from . import admin_dates, checks  # noqa: F401  (checks registers itself)
        from .converters import IdConverter
        from .fiche import fiche_kinds
        from .provenance import note_content_change
        from .request_memo import finish_request, start_request

        request_started.connect(start_request, dispatch_uid="portal.request_memo.start")
        request_finished.connect(finish_request, dispatch_uid="portal.request_memo.finish")
        for kind in fiche_kinds():
            page_published.connect(
                note_content_change,
                sender=kind,
                dispatch_uid=f"portal-content-change-{kind._meta.label_lower}",
            )
        admin_dates.register()
        register_converter(IdConverter, "id")  # <id:pk> in the apps' URLs: no 20-digit id reaches a query
