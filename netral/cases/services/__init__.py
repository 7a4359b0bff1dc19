"""Writes on cases. Keyword-only, one transaction each, audit event in the same transaction."""

from netral.cases.services.errors import (
    ConditionsFailed,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    TransitionRefused,
)
from netral.cases.services.follow_up import (
    case_ppk_conflict_flag,
    data_blocking_request,
    ppk_conflict_declare,
    ppk_warning_issue,
    sanction_record,
)
from netral.cases.services.merging import case_merge, cases_bulk_merge
from netral.cases.services.opening import case_open_for_report, cases_open_for_orphan_reports
from netral.cases.services.recommendation import (
    Prefill,
    recommendation_prefill,
    recommendation_sign,
)
from netral.cases.services.screening import ImportResult, findings_import
from netral.cases.services.subject import (
    case_facts_update,
    case_subject_link,
    case_subject_not_found,
)
from netral.cases.services.transitions import case_transition
from netral.cases.services.work import (
    BulkResult,
    LockResult,
    case_assign,
    case_lock,
    case_unlock,
    cases_bulk_assign,
    cases_bulk_not_actionable,
    saved_search_delete,
    saved_search_save,
)

__all__ = [
    "BulkResult",
    "ConditionsFailed",
    "Conflict",
    "Forbidden",
    "ImportResult",
    "Invalid",
    "LockResult",
    "NotFound",
    "Prefill",
    "TransitionRefused",
    "case_assign",
    "case_facts_update",
    "case_lock",
    "case_merge",
    "case_open_for_report",
    "case_ppk_conflict_flag",
    "case_subject_link",
    "case_subject_not_found",
    "case_transition",
    "case_unlock",
    "cases_bulk_assign",
    "cases_bulk_merge",
    "cases_bulk_not_actionable",
    "cases_open_for_orphan_reports",
    "data_blocking_request",
    "findings_import",
    "ppk_conflict_declare",
    "ppk_warning_issue",
    "recommendation_prefill",
    "recommendation_sign",
    "sanction_record",
    "saved_search_delete",
    "saved_search_save",
]
