from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "netral.notifications"
    label = "notifications"
    verbose_name = "Pemberitahuan"
