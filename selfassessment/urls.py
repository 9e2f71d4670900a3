from django.urls import path

from . import api, views

app_name = "selfassessment"

urlpatterns = [
    path("zelfevaluatie/", views.start, name="start"),
    path("zelfevaluatie/vragen/", views.questions, name="questions"),
    path("zelfevaluatie/ik-heb-een-resultaat/", views.shortcut, name="shortcut"),
    path("zelfevaluatie/vergelijk/", views.compare_form, name="compare"),
    path("zelfevaluatie/resultaat/<str:code>/", views.result, name="result"),
    path("zelfevaluatie/resultaat/<str:code>/json/", views.result_json, name="result-json"),
    path("zelfevaluatie/resultaat/<str:code>/pdf/", views.result_pdf, name="result-pdf"),
    path("api/zelfevaluatie/", api.assess, name="api"),
    path("api/zelfevaluatie/<str:code>/", api.assess_code, name="api-code"),
]
