from django.apps import AppConfig


class GoodpracticesConfig(AppConfig):
    name = "goodpractices"
    verbose_name = "Goede praktijken"
