"""`{% load netral_labels %}` then `{{ code|conduct_label }}`, `|sanction_label`, …"""

from __future__ import annotations

from django import template

from netral.web import labels

register = template.Library()
register.filter("conduct_label", labels.conduct_label)
register.filter("sanction_label", labels.sanction_label)
register.filter("track_label", labels.track_label)
register.filter("level_label", labels.level_label)
register.filter("subject_label", labels.subject_label)
register.filter("election_label", labels.election_label)
register.filter("status_label", labels.status_label)
register.filter("handler_label", labels.handler_label)
register.filter("localized", labels.localized)
