"""Pages show the catalogue's own labels for codes, in the reader's language."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from netral.rules import default_catalogue
from netral.web.labels import conduct_label, sanction_label, track_label


def test_codes_get_the_catalogues_indonesian_label_by_default() -> None:
    expected = default_catalogue().vocabulary.conduct["FOTO_SIMBOL"].id
    with translation.override("id"):
        assert conduct_label("FOTO_SIMBOL") == expected
        assert "simbol" in expected.lower()


def test_english_readers_get_the_english_label() -> None:
    catalogue = default_catalogue()
    with translation.override("en"):
        assert conduct_label("MEDSOS_UNGGAH") == catalogue.vocabulary.conduct["MEDSOS_UNGGAH"].en
        assert track_label("DISIPLIN") == catalogue.vocabulary.tracks["DISIPLIN"].en
        assert sanction_label("PDHTAPS") == catalogue.sanction_labels["PDHTAPS"].en


def test_an_unknown_code_is_shown_as_it_is_rather_than_hidden() -> None:
    assert conduct_label("KODE_BARU") == "KODE_BARU"


def test_the_template_filters_render_labels() -> None:
    template = Template("{% load netral_labels %}{{ code|conduct_label }}|{{ s|sanction_label }}")
    with translation.override("id"):
        rendered = template.render(Context({"code": "APK_PASANG", "s": "PDHTAPS"}))
    catalogue = default_catalogue()
    assert rendered == (
        f"{catalogue.vocabulary.conduct['APK_PASANG'].id}|{catalogue.sanction_labels['PDHTAPS'].id}"
    )
