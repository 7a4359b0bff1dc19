"""Forms of the registry pages: the public filters, the upload, the review."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netral.org.models import Region
from netral.registry.models import Instrument, InstrumentType
from netral.registry.selectors import Filters
from netral.registry.values import ELECTIONS, SCOPES, InstrumentValues
from netral.rules import default_catalogue
from netral.web.labels import conduct_label, election_label

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
REFERENCE_PARTS = ("pasal", "ayat", "huruf", "angka")
SCOPE_LABELS = {
    "ASN": "ASN",
    "PNS": "PNS",
    "PPPK": "PPPK",
    "NON_ASN": gettext_lazy("Non-ASN (PPNPN/honorer)"),
    "BUMN": gettext_lazy("Pegawai BUMN"),
    "BUMD": gettext_lazy("Pegawai BUMD"),
    "KEPALA_DESA": gettext_lazy("Kepala desa dan perangkat desa"),
}


def _region_label(region: Region) -> str:
    return region.name if "." not in region.code else f"— {region.name}"


class RegionField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _region_label(obj)


class FilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Cari dalam teks"), required=False, max_length=200)
    region = RegionField(
        label=gettext_lazy("Wilayah"),
        queryset=Region.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("Semua wilayah"),
    )
    type = forms.ChoiceField(
        label=gettext_lazy("Jenis"),
        choices=[("", gettext_lazy("Semua jenis")), *InstrumentType.choices],
        required=False,
    )
    year = forms.IntegerField(
        label=gettext_lazy("Tahun"), required=False, min_value=1999, max_value=2100
    )
    election = forms.ChoiceField(label=gettext_lazy("Pemilihan"), required=False)
    cycle = forms.ChoiceField(label=gettext_lazy("Siklus pemilihan"), required=False)
    # Set by the coverage drill-down's "lihat semua" link: the region itself only.
    region_only = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        election_field = self.fields["election"]
        assert isinstance(election_field, forms.ChoiceField)  # noqa: S101  (narrows)
        election_field.choices = [("", _("Semua pemilihan"))] + [
            (e, election_label(e)) for e in ("PEMILU", "PILKADA")
        ]
        cycle_field = self.fields["cycle"]
        assert isinstance(cycle_field, forms.ChoiceField)  # noqa: S101  (narrows)
        cycle_field.choices = [("", _("Semua siklus"))] + [
            (c.id, f"{election_label(c.election)} {c.voting.year}")
            for c in sorted(default_catalogue().cycles, key=lambda c: c.voting, reverse=True)
        ]

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        region = data.get("region")
        return Filters(
            region=region.code if region else "",
            type=data.get("type") or "",
            year=data.get("year"),
            election=data.get("election") or "",
            q=data.get("q") or "",
            cycle=data.get("cycle") or "",
            region_only=bool(data.get("region_only")),
        )


class SourceForm(forms.Form):
    """A file, or pasted text (with the address it came from, never fetched)."""

    file = forms.FileField(
        label=gettext_lazy("Berkas (PDF, pindaian, foto, DOCX, ODT, HTML, teks)"), required=False
    )
    text = forms.CharField(
        label=gettext_lazy("Atau tempel teksnya"), widget=forms.Textarea, required=False
    )
    source_url = forms.URLField(
        label=gettext_lazy("Alamat web asal teks (tidak dibuka oleh Netral)"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Unggah berkas atau tempel teks instrumen."))
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Berkas terlalu besar (paling besar %(mb)d MB).")
                % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return data


def references_text(references: list[dict[str, str]]) -> str:
    lines = []
    for ref in references:
        parts = [f"{p}={ref[p]}" for p in REFERENCE_PARTS if ref.get(p)]
        lines.append(" ".join([ref.get("instrument", ""), *parts]))
    return "\n".join(lines)


def parse_references(raw: str) -> list[dict[str, str]]:
    """'PP-94-2021 pasal=5 huruf=n' per line -> reference dicts."""
    found = []
    for line in raw.splitlines():
        tokens = line.split()
        if not tokens:
            continue
        ref = {"instrument": tokens[0].upper()}
        for token in tokens[1:]:
            name, sep, value = token.partition("=")
            if not sep or name.lower() not in REFERENCE_PARTS or not value:
                raise forms.ValidationError(
                    _("Rujukan tidak terbaca: %(line)s (contoh: PP-94-2021 pasal=5 huruf=n)")
                    % {"line": line.strip()}
                )
            ref[name.lower()] = value
        found.append(ref)
    return found


def replaceable_label(instrument: Instrument) -> str:
    """What an officer recognises a circular by: type and number, date, issuer, region."""
    parts = [str(instrument)]
    if instrument.date:
        parts.append(date_format(instrument.date, "j M Y"))
    if instrument.issuer:
        parts.append(instrument.issuer[:60])
    if instrument.region:
        parts.append(instrument.region.name)
    return " · ".join(parts)


class InstrumentForm(forms.Form):
    type = forms.ChoiceField(label=gettext_lazy("Jenis"), choices=InstrumentType.choices)
    type_as_written = forms.CharField(
        label=gettext_lazy("Jenis seperti tertulis"), required=False, max_length=80
    )
    number = forms.CharField(
        label=gettext_lazy("Nomor seperti tertulis"), required=False, max_length=300
    )
    title = forms.CharField(label=gettext_lazy("Perihal"), required=False, max_length=300)
    date = forms.DateField(
        label=gettext_lazy("Tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    issuer = forms.CharField(label=gettext_lazy("Penerbit"), max_length=200)
    region = RegionField(
        label=gettext_lazy("Wilayah"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=gettext_lazy("Nasional (instansi pusat)"),
    )
    scope = forms.MultipleChoiceField(
        label=gettext_lazy("Berlaku bagi"),
        choices=[(s, SCOPE_LABELS[s]) for s in SCOPES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    elections = forms.MultipleChoiceField(
        label=gettext_lazy("Pemilihan"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    election_year = forms.IntegerField(
        label=gettext_lazy("Tahun pemilihan"), required=False, min_value=1999, max_value=2100
    )
    prohibited_conduct = forms.MultipleChoiceField(
        label=gettext_lazy("Perbuatan yang dilarang"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    references = forms.CharField(
        label=gettext_lazy("Rujukan (satu per baris, mis. PP-94-2021 pasal=5 huruf=n)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    catalogue_id = forms.CharField(
        label=gettext_lazy("Kode katalog aturan (untuk instrumen nasional)"),
        required=False,
        max_length=40,
    )
    replaces = forms.TypedChoiceField(
        label=gettext_lazy("Versi baru dari instrumen yang sudah terbit"),
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(
        self,
        *args: Any,
        regions: QuerySet[Region],
        replaceable: Iterable[Instrument] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        replaces = self.fields["replaces"]
        assert isinstance(replaces, forms.TypedChoiceField)  # noqa: S101  (narrows)
        replaces.choices = [("", gettext_lazy("— bukan versi baru —"))] + [
            (i.pk, replaceable_label(i)) for i in replaceable
        ]
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.ModelChoiceField)  # noqa: S101  (narrows)
        region_field.queryset = regions
        elections = self.fields["elections"]
        assert isinstance(elections, forms.MultipleChoiceField)  # noqa: S101  (narrows)
        elections.choices = [(e, election_label(e)) for e in ELECTIONS]
        conduct = self.fields["prohibited_conduct"]
        assert isinstance(conduct, forms.MultipleChoiceField)  # noqa: S101  (narrows)
        conduct.choices = [(c, conduct_label(c)) for c in default_catalogue().vocabulary.conduct]

    def clean_references(self) -> list[dict[str, str]]:
        return parse_references(self.cleaned_data.get("references") or "")

    def values(self) -> InstrumentValues:
        data = self.cleaned_data
        return InstrumentValues(
            type=data["type"],
            number=data.get("number") or "",
            type_as_written=data.get("type_as_written") or "",
            title=data.get("title") or "",
            date=data.get("date"),
            issuer=data.get("issuer") or "",
            region=data.get("region"),
            scope=list(data.get("scope") or []),
            elections=list(data.get("elections") or []),
            election_year=data.get("election_year"),
            references=data.get("references") or [],
            prohibited_conduct=list(data.get("prohibited_conduct") or []),
            catalogue_id=(data.get("catalogue_id") or "").strip().upper(),
        )


def initial_of(instrument: Instrument) -> dict[str, Any]:
    return {
        "type": instrument.type,
        "type_as_written": instrument.type_as_written,
        "number": instrument.number,
        "title": instrument.title,
        "date": instrument.date,
        "issuer": instrument.issuer,
        "region": instrument.region,
        "scope": instrument.scope,
        "elections": instrument.elections,
        "election_year": instrument.election_year,
        "prohibited_conduct": instrument.prohibited_conduct,
        "references": references_text(instrument.references),
        "catalogue_id": instrument.catalogue_id,
    }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan pencabutan"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
