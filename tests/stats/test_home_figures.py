"""The home page shows what a visitor cares about: report, the rules, the public figures."""

from __future__ import annotations

import pytest
from django.test import Client

from netral.stats.models import CaseFact
from tests.stats.conftest import People

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_headline_figures_the_indonesian_way(election: People) -> None:
    html = Client().get("/").content.decode()
    reported = CaseFact.objects.exclude(outcome="MERGED").count()
    grouped = f"{reported:,}".replace(",", ".")
    assert f'data-testid="angka-1">{grouped}<' in html
    assert 'href="/statistik/"' in html
    assert 'href="/lapor/' in html
    assert 'href="/aturan/' in html
    assert "Data induk" not in html


def test_an_empty_system_says_so(db: None) -> None:
    html = Client().get("/").content.decode()
    assert "Belum ada laporan yang tercatat." in html
