from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "netral.org"
    verbose_name = _("Wilayah, instansi dan pegawai")
