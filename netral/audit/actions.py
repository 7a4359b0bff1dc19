"""The one vocabulary of audit actions.

Every entry of an audit trail names its action from `AuditAction`: the generic chains of
`netral.audit` (accounts, roster, registry, identity access, ...) and the case event chain
alike. The case workflow's transitions are actions too; a test checks that every
transition of `netral.cases.machine` has its member here, so a new transition cannot be
logged under a name nobody declared.

Plain `StrEnum` (no Django): the values are what the database stores.
"""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    # Case workflow: opening and the service actions on a case's own chain.
    CASE_OPEN = "open"
    CASE_OPEN_SCREENING = "open_screening"
    SCREENING_POST_ADDED = "screening_post_added"
    CASE_ASSIGN = "assign"
    CASE_FACTS_UPDATE = "facts_update"
    SUBJECT_LINK = "subject_link"
    SUBJECT_NOT_FOUND = "subject_not_found"
    MERGE_IN = "merge_in"
    PPK_CONFLICT_FLAG = "ppk_conflict_flag"
    RETENTION_DELETE = "retention_delete"
    PPK_WARNING = "ppk_warning"
    DATA_BLOCKING = "data_blocking"
    ESCALATE_OVERDUE = "escalate_overdue"
    ESCALATE_PPK_CONFLICTED = "escalate_ppk_conflicted"
    ESCALATE_NO_ACTOR = "escalate_no_actor"
    ESCALATE_NON_COMPLIANT = "escalate_non_compliant"
    # Case workflow: the declared transitions (netral.cases.machine.TRANSITIONS).
    START_VERIFICATION = "start_verification"
    MARK_NOT_ACTIONABLE = "mark_not_actionable"
    SEND_TO_BAWASLU = "send_to_bawaslu"
    SEND_TO_AGENCY = "send_to_agency"
    BAWASLU_VIOLATION_FOUND = "bawaslu_violation_found"
    BAWASLU_NOT_PROVEN = "bawaslu_not_proven"
    AGENCY_VIOLATION_FOUND = "agency_violation_found"
    AGENCY_NOT_PROVEN = "agency_not_proven"
    REFER = "refer"
    RECOMMEND = "recommend"
    RECORD_SANCTION = "record_sanction"
    CLOSE = "close"
    MERGE = "merge"
    # The generic chains (netral.audit.record).
    PPK_CONFLICT_DECLARE = "ppk_conflict_declare"
    IDENTITY_ACCESS_REQUEST = "identity_access_request"
    IDENTITY_ACCESS_DECIDE = "identity_access_decide"
    TOTP_ENROL = "totp_enrol"
    ROSTER_IMPORT = "roster_import"
    REGISTRY_DRAFT = "registry_draft"
    REGISTRY_PUBLISH = "registry_publish"
    REGISTRY_EDIT = "registry_edit"
    REGISTRY_WITHDRAW = "registry_withdraw"
    PLEDGE_RECORD = "pledge_record"
    PLEDGE_SIGNATURES_IMPORT = "pledge_signatures_import"
    USER_CREATE = "user_create"
    USER_UPDATE = "user_update"
    ROLE_GRANT = "role_grant"
    ROLE_REVOKE = "role_revoke"
    TOKEN_ISSUE = "token_issue"  # noqa: S105  (an action's name, not a secret)
    TOKEN_REVOKE = "token_revoke"  # noqa: S105
    ENROLMENT_LINK_ISSUE = "enrolment_link_issue"
    ENROLMENT_LINK_USE = "enrolment_link_use"
    REPORT_RETENTION_PURGE = "report_retention_purge"
    CHECKPOINT = "checkpoint"


# The actions written on case event chains: those above the generic ones, in one place so
# the case trail's labels (netral.cases.event_labels) can be checked against them.
CASE_EVENT_ACTIONS: frozenset[AuditAction] = frozenset(
    list(AuditAction)[: list(AuditAction).index(AuditAction.PPK_CONFLICT_DECLARE)]
)


class Chain(StrEnum):
    """The generic chains (case events and report timelines have chains of their own)."""

    ACCOUNTS = "accounts"
    ROSTER = "roster"
    REGISTRY = "registry"
    PLEDGES = "pledges"
    IDENTITY_ACCESS = "identity_access"
    PPK_CONFLICTS = "ppk_conflicts"
    RETENTION = "retention"
