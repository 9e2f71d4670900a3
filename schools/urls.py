from django.urls import path
from django.views.generic import TemplateView

from . import import_views, personal_views, report_views, views

app_name = "schools"

urlpatterns = [
    path("mijn-school/", views.home, name="home"),
    path("mijn-school/scholen/<id:pk>/", views.school, name="school"),
    path("mijn-school/scholen/<id:pk>/uitnodigen/", views.invite, name="invite"),
    path(
        "mijn-school/scholen/<id:pk>/leden/<id:member_pk>/verwijderen/",
        views.remove_member,
        name="remove-member",
    ),
    path(
        "mijn-school/scholen/<id:pk>/leden/<id:member_pk>/rol/",
        views.change_role,
        name="change-role",
    ),
    path(
        "mijn-school/scholen/<id:pk>/uitnodigingen/<id:invitation_pk>/intrekken/",
        views.withdraw_invitation,
        name="withdraw-invitation",
    ),
    path("mijn-school/scholen/<id:pk>/wissen/", views.delete_school, name="delete"),
    path("mijn-school/scholen/<id:pk>/rondes/nieuw/", views.open_round, name="open-round"),
    path("mijn-school/scholen/<id:pk>/plannen/nieuw/", views.new_plan, name="new-plan"),
    path("mijn-school/scholen/<id:pk>/plan-importeren/", import_views.import_page, name="import-plan"),
    path("mijn-school/uitnodiging/<str:token>/", views.accept, name="accept"),
    path("mijn-school/rondes/<id:pk>/", views.round_detail, name="round"),
    path("mijn-school/rondes/<id:pk>/sluiten/", views.close_round, name="close-round"),
    path("mijn-school/rondes/<id:pk>/links/", views.send_links, name="send-links"),
    path("mijn-school/plannen/<id:pk>/", views.plan, name="plan"),
    path("mijn-school/plannen/<id:pk>/verwijderen/", views.plan_delete, name="plan-delete"),
    path("mijn-school/plannen/<id:pk>/doelen/nieuw/", views.goal_edit, name="goal-new"),
    path("mijn-school/plannen/<id:pk>/doelen/<id:goal_pk>/", views.goal_edit, name="goal-edit"),
    path(
        "mijn-school/plannen/<id:pk>/doelen/<id:goal_pk>/verwijderen/",
        views.goal_delete,
        name="goal-delete",
    ),
    path("mijn-school/plannen/<id:pk>/verslag/", report_views.report_page, name="report"),
    path("mijn-school/plannen/<id:pk>/verslag/goedkeuring/", report_views.approve, name="approve"),
    path("mijn-school/plannen/<id:pk>/verslag.pdf", report_views.report_pdf, name="report-pdf"),
    path("mijn-school/plannen/<id:pk>/verslag.csv", report_views.report_csv, name="report-csv"),
    path("mijn-school/plannen/<id:pk>/export.json", report_views.export_json, name="export-json"),
    path("mijn-school/plannen/<id:pk>/activiteiten/", report_views.activities, name="activities"),
    path("mijn-school/plannen/<id:pk>/activiteiten/csv/", report_views.activities_csv, name="activities-csv"),
    path(
        "mijn-school/plannen/<id:pk>/activiteiten/<id:activity_pk>/verwijderen/",
        report_views.activity_delete,
        name="activity-delete",
    ),
    path("mijn-school/plannen/<id:pk>/volgend-schooljaar/", views.next_year, name="next-year"),
    path("mijn-school/mijn-resultaten/", personal_views.my_results, name="my-results"),
    path(
        "mijn-school/mijn-resultaten/<id:pk>/verwijderen/",
        personal_views.delete_result,
        name="result-delete",
    ),
    path("mijn-school/mijn-resultaten/<id:pk>/delen/", personal_views.share_result, name="result-share"),
    path(
        "mijn-school/mijn-resultaten/<id:pk>/delen/<id:share_pk>/intrekken/",
        personal_views.unshare_result,
        name="result-unshare",
    ),
    path("mijn-school/mijn-gegevens.json", personal_views.my_data, name="my-data"),
    path("mijn-school/account-verwijderen/", personal_views.delete_account, name="delete-account"),
    path("mijn-school/privacy/", TemplateView.as_view(template_name="schools/privacy.html"), name="privacy"),
    path("teamronde/<str:token>/", views.answer, name="answer"),
]
