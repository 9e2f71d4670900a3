from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .lockouts import can_unlock, lockouts_view
from .outbox_views import can_see_outbox, outbox_view

urlpatterns = [
    path("geblokkeerd/", lockouts_view, name="lockouts"),
    path("uitgaande-e-mail/", outbox_view, name="outbox"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("beheer/", include((urlpatterns, "operations"), namespace="operations"))]


class AccountManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return AccountManagersMenuItem(
        "Geblokkeerde aanmeldingen", reverse("operations:lockouts"), icon_name="lock", order=700
    )


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_outbox(request.user)


@hooks.register("register_settings_menu_item")
def outbox_menu_item():
    return OutboxMenuItem("Uitgaande e-mail", reverse("operations:outbox"), icon_name="mail", order=710)
