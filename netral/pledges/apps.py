from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "netral.pledges"
    label = "pledges"
    verbose_name = "Ikrar dan pakta integritas netralitas"
