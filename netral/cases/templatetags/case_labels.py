"""`{% load case_labels %}` then `{{ event.action|event_label }}`."""

from __future__ import annotations

from django import template

from netral.cases.event_labels import event_label

register = template.Library()
register.filter("event_label", event_label)
