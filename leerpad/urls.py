from django.urls import path

from . import leerwand, priorities, session_mail, views

app_name = "leerpad"

urlpatterns = [
    path("mijn-leerpad/", views.home, name="home"),
    path("mijn-leerpad/bewaren/<id:page_id>/", views.save_offer, name="save"),
    path("mijn-leerpad/bewaard/<id:pk>/volgen/", views.follow, name="follow"),
    path("mijn-leerpad/bewaard/<id:pk>/verwijderen/", views.unsave, name="unsave"),
    path("mijn-leerpad/agendalink/", views.feed_create, name="feed-create"),
    path("mijn-leerpad/agendalink/intrekken/", views.feed_revoke, name="feed-revoke"),
    path("mijn-leerpad/agenda/<str:token>.ics", views.feed, name="feed"),
    path("mijn-leerpad/e-mail/", session_mail.choose, name="session-mail"),
    path("mijn-leerpad/e-mail/uit/<str:token>/", session_mail.unsubscribe, name="unsubscribe"),
    path("mijn-leerpad/gevolgd/nieuw/", views.log_training, name="log"),
    path("mijn-leerpad/gevolgd/<id:pk>/verwijderen/", views.delete_training, name="delete-training"),
    path("mijn-leerpad/gevolgd/<id:pk>/bewijsstuk/", views.evidence, name="evidence"),
    path("mijn-leerpad/gevolgd/<id:pk>/delen/", views.share_training, name="share"),
    path(
        "mijn-leerpad/gevolgd/<id:pk>/delen/<id:share_pk>/intrekken/",
        views.unshare_training,
        name="unshare",
    ),
    path("mijn-leerpad/gevolgd/<id:pk>/leerwand/", leerwand.post, name="wall-post"),
    path(
        "mijn-leerpad/gevolgd/<id:pk>/leerwand/<id:post_pk>/intrekken/",
        leerwand.withdraw,
        name="wall-withdraw",
    ),
    path("mijn-leerpad/scholen/<id:pk>/leerwand/", leerwand.wall, name="wall"),
    path("mijn-leerpad/scholen/<id:pk>/groepen/", priorities.groups, name="groups"),
    path("mijn-leerpad/export.json", views.export_json, name="export-json"),
    path("mijn-leerpad/portfolio.pdf", views.portfolio_pdf, name="portfolio-pdf"),
    path("mijn-leerpad/alles-wissen/", views.delete_everything, name="delete-all"),
    path("mijn-leerpad/scholen/<id:pk>/prioriteiten/", priorities.manage, name="priorities"),
    path(
        "mijn-leerpad/scholen/<id:pk>/prioriteiten/<id:pick_pk>/verwijderen/",
        priorities.remove,
        name="priority-remove",
    ),
    path("mijn-leerpad/past-dit-bij-mij/<id:page_id>/", views.fits_me, name="fits-me"),
]
