"""The self-check stores nothing about a question but anonymous counts."""

from __future__ import annotations

from django.db import models


class SelfCheckCount(models.Model):
    """How many self-check answers of one kind were given on one day: no text, no address."""

    day = models.DateField()
    channel = models.CharField(max_length=8)  # "web" or "api"
    verdict = models.CharField(max_length=10)
    conduct = models.CharField(max_length=32, blank=True)  # "" when no conduct was read
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "channel", "verdict", "conduct"], name="one_count_per_kind_and_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.channel} {self.verdict} {self.conduct or '-'}: {self.count}"
