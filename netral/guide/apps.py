from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "netral.guide"
    label = "guide"
    verbose_name = "Panduan aturan dan cek mandiri"
