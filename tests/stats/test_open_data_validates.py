"""The data package, served by a live server, passes the Frictionless validator."""

from __future__ import annotations

from typing import Any

import pytest

from tests.stats.conftest import generate, make_people

pytestmark = pytest.mark.django_db(transaction=True)


def test_frictionless_validates_the_package_and_every_resource(live_server: Any) -> None:
    from frictionless import validate

    generate(make_people(), reports=300)
    report = validate(f"{live_server.url}/data/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == 4
    assert all(task.stats["rows"] > 0 for task in report.tasks)
