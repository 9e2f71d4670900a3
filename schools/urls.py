from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "schools"

urlpatterns = [
    path("mijn-school/", views.home, name="home"),
    path("mijn-school/scholen/<int:pk>/", views.school, name="school"),
    path("mijn-school/scholen/<int:pk>/uitnodigen/", views.invite, name="invite"),
    path(
        "mijn-school/scholen/<int:pk>/leden/<int:member_pk>/verwijderen/",
        views.remove_member,
        name="remove-member",
    ),
    path("mijn-school/scholen/<int:pk>/wissen/", views.delete_school, name="delete"),
    path("mijn-school/scholen/<int:pk>/rondes/nieuw/", views.open_round, name="open-round"),
    path("mijn-school/scholen/<int:pk>/plannen/nieuw/", views.new_plan, name="new-plan"),
    path("mijn-school/uitnodiging/<str:token>/", views.accept, name="accept"),
    path("mijn-school/rondes/<int:pk>/", views.round_detail, name="round"),
    path("mijn-school/rondes/<int:pk>/sluiten/", views.close_round, name="close-round"),
    path("mijn-school/plannen/<int:pk>/", views.plan, name="plan"),
    path("mijn-school/plannen/<int:pk>/doelen/nieuw/", views.goal_edit, name="goal-new"),
    path("mijn-school/plannen/<int:pk>/doelen/<int:goal_pk>/", views.goal_edit, name="goal-edit"),
    path(
        "mijn-school/plannen/<int:pk>/doelen/<int:goal_pk>/verwijderen/",
        views.goal_delete,
        name="goal-delete",
    ),
    path("mijn-school/privacy/", TemplateView.as_view(template_name="schools/privacy.html"), name="privacy"),
    path("teamronde/<str:token>/", views.answer, name="answer"),
]
