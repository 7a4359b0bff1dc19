"""Two officers act on one case at the same moment (real PostgreSQL, real threads)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from netral.cases import services
from netral.cases.models import Case, CaseEvent, Stage
from netral.cases.services.errors import Conflict
from tests.cases.conftest import World, fresh, new_case

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


def _race(case: Case, attempts: list[tuple[str, str, Any]]) -> list[object]:
    """Run the transitions in threads that start together; return each outcome."""
    barrier = threading.Barrier(len(attempts))
    outcomes: list[object] = [None] * len(attempts)

    def run(index: int, action: str, reason: str, actor: Any) -> None:
        try:
            barrier.wait()
            outcomes[index] = services.case_transition(
                case=case, action=action, actor=actor, reason=reason, expected_version=case.version
            )
        except Exception as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, *a)) for i, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_transitions_one_wins_the_other_gets_a_conflict(world: World) -> None:
    case = fresh(new_case())
    outcomes = _race(
        case,
        [
            ("start_verification", "", world.verifier),
            ("mark_not_actionable", "Laporan ganda.", world.verifier),
        ],
    )
    winners = [o for o in outcomes if isinstance(o, Case)]
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(winners) == 1
    assert len(conflicts) == 1
    final = fresh(case)
    assert final.stage == winners[0].stage
    assert final.stage in {Stage.VERIFICATION, Stage.NOT_ACTIONABLE}
    assert final.version == case.version + 1
    events = list(CaseEvent.objects.filter(case=case).order_by("seq").values_list("seq", "action"))
    assert [seq for seq, _ in events] == [1, 2]  # nothing lost, nothing doubled


@pytest.mark.django_db(transaction=True)
def test_many_concurrent_attempts_leave_exactly_one_event_per_success(world: World) -> None:
    case = fresh(new_case())
    outcomes = _race(case, [("start_verification", "", world.verifier)] * 6)
    assert sum(isinstance(o, Case) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict) for o in outcomes) == 5
    assert CaseEvent.objects.filter(case=case).count() == 2
