from django.apps import AppConfig


class SelfassessmentConfig(AppConfig):
    name = "selfassessment"
    verbose_name = "Zelfevaluatie"
    default_auto_field = "django.db.models.BigAutoField"
