"""Generic append-only, hash-chained audit log, and the signed checkpoints over all chains.

`AuditEntry` rows are written only by `netral.audit.record`; PostgreSQL refuses UPDATE
and DELETE on them (and on checkpoints) with a trigger (migration 0001). `ChainHead` is
the mutable pointer to each chain's last entry: locking it serialises appends to one
chain, and the verifier never trusts it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise ValueError(f"{self.model.__name__} is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValueError(f"{self.model.__name__} is append-only")


class AppendOnlyModel(models.Model):
    objects: ClassVar[Any] = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError(f"{type(self).__name__} is append-only")


class AuditEntry(AppendOnlyModel):
    chain = models.CharField(max_length=40)
    seq = models.PositiveIntegerField()
    # A value of AuditAction (checked by `record`; no choices, so a new action needs no
    # migration).
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=200)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    previous_digest = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["chain", "seq"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_entry_chain_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.chain} #{self.seq} {self.action}"


class ChainHead(models.Model):
    chain = models.CharField(max_length=40, primary_key=True)
    seq = models.PositiveIntegerField(default=0)
    digest = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"{self.chain} @{self.seq}"


class Checkpoint(AppendOnlyModel):
    """A signed statement of every chain's head at one moment (docs/audit.md).

    `body` is what was signed (per-family roots, counts, the previous checkpoint's
    digest); `heads` holds each chain's head so the verifier can name the chain that
    changed; its digest per family is in the signed body.
    """

    seq = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    body = models.JSONField()
    heads = models.JSONField()
    digest = models.CharField(max_length=64)
    signature = models.TextField()
    key_id = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"checkpoint {self.seq}"
