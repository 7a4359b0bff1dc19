from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "netral.web"
    verbose_name = "Netral"
