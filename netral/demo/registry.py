"""Demo instruments and pledges, loaded through the registry's own services.

The five seed articles (`../shared/seeds` beside the repository) are used when present,
read by the same extraction path as an upload; the repository may not contain their text,
so a fresh clone loads the short fictional instruments of `instruments/` instead.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from pathlib import Path

from netral.accounts.models import User
from netral.org.models import Agency, Employee, PositionCategory
from netral.pledges.models import PledgeEvent
from netral.pledges.services import pledge_event_record, signatures_import
from netral.registry.models import Instrument
from netral.registry.services import instrument_draft_from_file, instrument_publish
from netral.registry.values import values_from

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
OWN = Path(__file__).parent / "instruments"
PLEDGE_CYCLE = "PILKADA-2024"
# (agency name, day of the pledge, how many of its employees sign)
PLEDGES = (
    ("Pemerintah Kabupaten Bogor", datetime.date(2024, 9, 10), 3),
    ("Pemerintah Kabupaten Kebumen", datetime.date(2024, 9, 12), 1),
)


def instrument_files(seeds: Path = SEEDS) -> list[Path]:
    """The seed articles when they are beside the repository, else our own."""
    found = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return found or sorted(OWN.glob("*.txt"))


def load_demo_registry(publisher: User, seeds: Path = SEEDS) -> list[Instrument]:
    """Extract and publish each instrument file once (a re-run skips those already in)."""
    published = []
    for path in instrument_files(seeds):
        data = path.read_bytes()
        draft = instrument_draft_from_file(actor=publisher, data=data, name=path.name)
        if Instrument.objects.filter(file_sha256=draft.file_sha256).exclude(pk=draft.pk).exists():
            draft.delete()
            continue
        published.append(
            instrument_publish(actor=publisher, instrument=draft, values=values_from(draft))
        )
    return published


def load_demo_pledges(recorder: User) -> None:
    for name, day, signing in PLEDGES:
        agency = Agency.objects.filter(name=name).first()
        if agency is None or PledgeEvent.objects.filter(agency=agency).exists():
            continue
        event = pledge_event_record(
            actor=recorder,
            agency=agency,
            cycle=PLEDGE_CYCLE,
            held_on=day,
            echelons=list(PositionCategory.values),
            note="Apel ikrar netralitas ASN (demo)",
        )
        nips = Employee.objects.filter(agency=agency).order_by("nip").values_list("nip", flat=True)
        with tempfile.TemporaryDirectory(prefix="netral-demo-") as folder:
            path = Path(folder) / "tanda-tangan.csv"
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["NIP", "Tanggal"])
                for nip in list(nips)[:signing]:
                    writer.writerow([nip, day.isoformat()])
                writer.writerow(["199901012024011999", day.isoformat()])  # not on the roster
            signatures_import(actor=recorder, event=event, path=path, name=path.name)


def load_demo_instruments_and_pledges(admin: User) -> None:
    load_demo_registry(admin)
    load_demo_pledges(admin)
