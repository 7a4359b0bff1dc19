"""Staff accounts and their roles, each role scoped to regions and/or agencies."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    # Demo accounts are exempt from TOTP only while the site runs in demo mode.
    is_demo = models.BooleanField(_("akun demo"), default=False)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")


class Role(models.TextChoices):
    VERIFIER = "VERIFIER", _("Verifikator")
    BAWASLU_ANALYST = "BAWASLU_ANALYST", _("Analis Bawaslu")
    PPK_STAFF = "PPK_STAFF", _("Staf PPK")
    CENTRAL_SUPERVISOR = "CENTRAL_SUPERVISOR", _("Pengawas pusat")
    IDENTITY_CUSTODIAN = "IDENTITY_CUSTODIAN", _("Penjaga identitas")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")


class RoleAssignment(models.Model):
    """A role held by a user over a scope.

    Scope denies by default: an assignment covers the listed regions (a province covers
    its regencies and cities), the listed agencies (and their units), or everything only
    when `national` is set explicitly.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    national = models.BooleanField(_("cakupan nasional"), default=False)
    regions = models.ManyToManyField("org.Region", blank=True, verbose_name=_("wilayah"))
    agencies = models.ManyToManyField("org.Agency", blank=True, verbose_name=_("instansi"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_assignment_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class LoginAttempt(models.Model):
    """Failed logins, kept briefly, for throttling. Stores a keyed hash, never a raw IP."""

    key = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.created_at:%Y-%m-%d %H:%M}"


class EnrolmentLink(models.Model):
    """A one-time link an administrator issues so a staff member can enrol a TOTP device.

    Only the sha256 of the link's secret is stored; it expires, works once, and only for
    the user it was issued to (who must also sign in with the password).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_links"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tautan pendaftaran TOTP")
        verbose_name_plural = _("tautan pendaftaran TOTP")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
