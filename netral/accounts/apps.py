from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "netral.accounts"
    verbose_name = _("Akun dan peran")

    def ready(self) -> None:
        from django.contrib import admin

        from netral.accounts.forms import ThrottledAdminLoginForm

        # The admin's own login page must be throttled like ours.
        admin.site.login_form = ThrottledAdminLoginForm
