from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "netral.cases"
    verbose_name = _("Penanganan kasus")

    def ready(self) -> None:
        from netral.cases.scoping import reports_of_decided_cases
        from netral.intake.selectors import staff_reader_register

        staff_reader_register(reports_of_decided_cases)
