"""The explicit list of rules, in the order `seloste rules` shows them (a test checks none is left out)."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..findings import Severity
from ..i18n import ui_text
from .rule import Rule
from .rules import (
    accept_comment,
    accounting_retention,
    automated_decisions,
    breach_procedure,
    business_id,
    consent_withdrawal,
    controller_identity,
    cookie_consent,
    cookie_transfer,
    direct_marketing,
    document_age,
    dpo_representative,
    health_consent,
    identity_code,
    joint_controllers,
    kanta_storage,
    legitimate_interest,
    obsolete_terms,
    patient_records,
    prescription_treatment,
    privacy_contact,
    processor_agreement,
    provision_consistency,
    provision_requirement,
    purpose_basis,
    recipients_stated,
    record_items,
    retention_stated,
    rights_basis,
    rights_section,
    rights_stated,
    source_categories,
    special_category,
    staff_record,
    third_party_source,
    transfer_safeguard,
    transfers_stated,
    translation_missing,
    unconfirmed,
    unlisted_processor,
    vague_retention,
)

RULES: tuple[Rule, ...] = (
    # Art 13(1)–(2) and 14: what the notice must say
    controller_identity,
    privacy_contact,
    dpo_representative,
    purpose_basis,
    legitimate_interest,
    recipients_stated,
    transfers_stated,
    transfer_safeguard,
    retention_stated,
    vague_retention,
    rights_section,
    rights_stated,
    consent_withdrawal,
    provision_requirement,
    automated_decisions,
    third_party_source,
    source_categories,
    # Art 30(1): the record
    record_items,
    breach_procedure,
    # Art 9, 26, 28 and Finnish law
    special_category,
    identity_code,
    patient_records,
    accounting_retention,
    direct_marketing,
    cookie_consent,
    unlisted_processor,
    processor_agreement,
    joint_controllers,
    business_id,
    obsolete_terms,
    document_age,
    # Issue 11: health care against beauty, Kanta, rights by basis, analytics transfers, staff, consent
    prescription_treatment,
    kanta_storage,
    rights_basis,
    cookie_transfer,
    staff_record,
    health_consent,
    provision_consistency,
    # seloste itself
    unconfirmed,
    translation_missing,
    accept_comment,
)


@dataclass(frozen=True)
class RuleInfo:
    """What `seloste rules` and `seloste explain` show of a rule."""

    id: str
    severity: Severity
    article: str
    summary: str
    doc: str
    options: dict[str, Any]
    severity_reason: str = ""


@cache
def by_id() -> dict[str, Rule]:
    return {rule.ID: rule for rule in RULES}


def rule_ids() -> frozenset[str]:
    return frozenset(by_id())


def info(rule: Rule) -> RuleInfo:
    doc = inspect.getdoc(rule) or ""
    return RuleInfo(rule.ID, rule.SEVERITY, rule.ARTICLE, doc.split("\n", 1)[0], doc, dict(rule.OPTIONS),
                    ui_text(getattr(rule, "SEVERITY_REASON", "")))


def infos() -> list[RuleInfo]:
    return [info(rule) for rule in RULES]
