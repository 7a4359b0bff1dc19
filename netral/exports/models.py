from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportLog(models.Model):
    """Who exported what, when, with which filters. Append-only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("jenis"), max_length=60)  # "queue", "case:42", "compliance", …
    format = models.CharField(_("format"), max_length=8)
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("log ekspor")
        verbose_name_plural = _("log ekspor")

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.format}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("ExportLog is append-only")
        super().save(*args, **kwargs)
