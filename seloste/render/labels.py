"""The labels the templates look up by a key from the YAML (legal bases, rights, channels…), as gettext messages.

Each label is marked with `NC_(group, text)`: the group is the message context, so a short English word that
two groups share ("e-mail" as a marketing channel and as a kind of system) can still be translated differently.
The English texts are the message ids; the Finnish, Swedish and English documents' wording is in the catalogues
(seloste/locale/*/LC_MESSAGES/seloste.po). Legal terms follow the official language versions of the GDPR.
"""

from __future__ import annotations

from ..i18n import NC_, NP_, Message

# The documents' names (LEGAL.md: "Two documents, two names").
TITLES = {
    "notice": NC_("titles", "Privacy notice"),
    "record": NC_("titles", "Record of processing activities"),
}

LABELS: dict[str, dict[str, Message]] = {
    # GDPR 6(1)
    "legal_basis": {
        "consent": NC_("legal_basis", "consent (Article 6(1)(a) GDPR)"),
        "contract": NC_("legal_basis", "performance of a contract (Article 6(1)(b) GDPR)"),
        "legal_obligation": NC_("legal_basis", "compliance with a legal obligation (Article 6(1)(c) GDPR)"),
        "vital_interests": NC_("legal_basis", "protection of the vital interests of the data subject or of another "
                                              "person (Article 6(1)(d) GDPR)"),
        "public_task": NC_("legal_basis", "performance of a task carried out in the public interest or in the "
                                          "exercise of official authority (Article 6(1)(e) GDPR)"),
        "legitimate_interests": NC_("legal_basis", "legitimate interests of the controller (Article 6(1)(f) GDPR)"),
    },
    # GDPR 9(2)
    "art9_condition": {
        "explicit_consent": NC_("art9_condition", "explicit consent (Article 9(2)(a) GDPR)"),
        "employment": NC_("art9_condition", "obligations in the field of employment and social security law "
                                            "(Article 9(2)(b) GDPR)"),
        "vital_interests": NC_("art9_condition", "protection of vital interests (Article 9(2)(c) GDPR)"),
        "non_profit": NC_("art9_condition", "legitimate activities of a not-for-profit body (Article 9(2)(d) GDPR)"),
        "made_public": NC_("art9_condition", "data manifestly made public by the data subject (Article 9(2)(e) GDPR)"),
        "legal_claims": NC_("art9_condition", "establishment, exercise or defence of legal claims "
                                              "(Article 9(2)(f) GDPR)"),
        "public_interest": NC_("art9_condition", "substantial public interest (Article 9(2)(g) GDPR)"),
        "health_care": NC_("art9_condition", "health care and treatment (Article 9(2)(h) GDPR)"),
        "public_health": NC_("art9_condition", "public health (Article 9(2)(i) GDPR)"),
        "archiving_research": NC_("art9_condition", "archiving, research or statistics (Article 9(2)(j) GDPR)"),
    },
    # GDPR 9(1) and 10
    "special_category": {
        "health": NC_("special_category", "data concerning health"),
        "genetic": NC_("special_category", "genetic data"),
        "biometric": NC_("special_category", "biometric data for identification"),
        "racial_ethnic": NC_("special_category", "racial or ethnic origin"),
        "political": NC_("special_category", "political opinions"),
        "religious": NC_("special_category", "religious or philosophical beliefs"),
        "trade_union": NC_("special_category", "trade union membership"),
        "sex_life": NC_("special_category", "sex life or sexual orientation"),
        "criminal": NC_("special_category", "data relating to criminal convictions and offences (Article 10 GDPR)"),
    },
    # GDPR 45–49
    "safeguard": {
        "adequacy_decision": NC_("safeguard", "adequacy decision of the European Commission (Article 45 GDPR)"),
        "standard_contractual_clauses": NC_("safeguard", "standard contractual clauses adopted by the European "
                                                         "Commission (Article 46(2)(c) GDPR)"),
        "binding_corporate_rules": NC_("safeguard", "binding corporate rules (Article 47 GDPR)"),
        "code_of_conduct": NC_("safeguard", "approved code of conduct (Article 46(2)(e) GDPR)"),
        "certification": NC_("safeguard", "approved certification mechanism (Article 46(2)(f) GDPR)"),
        "derogation_consent": NC_("safeguard", "explicit consent of the data subject (Article 49(1)(a) GDPR)"),
        "derogation_contract": NC_("safeguard", "performance of a contract (Article 49(1)(b) GDPR)"),
    },
    "source_type": {
        "data_subject": NC_("source_type", "the data subject"),
        "staff": NC_("source_type", "our staff, in the course of the service"),
        "third_party": NC_("source_type", "a party other than the data subject"),
        "public": NC_("source_type", "a public source"),
        "device": NC_("source_type", "the device you use (collected automatically)"),
    },
    # GDPR 13(2)(e)
    "provision": {
        "statutory": NC_("provision", "Providing the data is a statutory requirement."),
        "contractual": NC_("provision", "Providing the data is a contractual requirement."),
        "contract_precondition": NC_("provision", "Providing the data is a requirement necessary to enter into "
                                                  "a contract."),
        "voluntary": NC_("provision", "Providing the data is voluntary."),
        "professional_duty": NC_("provision", "The health-care professional is obliged by law to record the "
                                              "information needed for care in patient records (Act 785/1992); the "
                                              "patient decides what to tell."),
    },
    "obligatory": {
        "true": NC_("obligatory", "The data are mandatory."),
        "false": NC_("obligatory", "You are not obliged to provide the data."),
    },
    "obligatory_record": {
        "true": NC_("obligatory_record", "The data are mandatory."),
        "false": NC_("obligatory_record", "The data subject is not obliged to provide the data."),
    },
    "processor_role": {
        "processor": NC_("processor_role", "processor"),
        "independent_controller": NC_("processor_role", "independent controller"),
    },
    "processor_kind": {
        "booking": NC_("processor_kind", "appointment booking"),
        "customer_records": NC_("processor_kind", "customer records system"),
        "patient_records": NC_("processor_kind", "patient records system"),
        "payment": NC_("processor_kind", "payment processing"),
        "accounting": NC_("processor_kind", "accounting"),
        "newsletter": NC_("processor_kind", "newsletters"),
        "sms": NC_("processor_kind", "text messages"),
        "email": NC_("processor_kind", "e-mail"),
        "office": NC_("processor_kind", "office software"),
        "hosting": NC_("processor_kind", "server hosting"),
        "website": NC_("processor_kind", "website"),
        "analytics": NC_("processor_kind", "website analytics"),
        "advertising": NC_("processor_kind", "advertising and marketing tags"),
        "other": NC_("processor_kind", "other service"),
    },
    # `services:` completes "Our services: …".
    "service": {
        "botulinum_toxin": NC_("service", "botulinum toxin treatments"),
        "prescription_medicines": NC_("service", "treatments with prescription medicines"),
        "dermal_fillers": NC_("service", "dermal filler treatments"),
        "skin_care": NC_("service", "skin care"),
        "laser": NC_("service", "laser and IPL treatments"),
        "massage": NC_("service", "massage"),
        "physiotherapy": NC_("service", "physiotherapy"),
        "podiatry": NC_("service", "podiatry"),
        "foot_care": NC_("service", "foot care"),
        "hair": NC_("service", "hairdressing"),
        "nails": NC_("service", "nail care"),
        "tattoo": NC_("service", "tattooing and piercing"),
        "wellness": NC_("service", "wellness services"),
        "other": NC_("service", "other services"),
    },
    "activity_kind": {
        "customers": NC_("activity_kind", "customer register"),
        "patients": NC_("activity_kind", "patient register"),
        "marketing": NC_("activity_kind", "marketing"),
        "employees": NC_("activity_kind", "employees"),
        "website": NC_("activity_kind", "website and cookies"),
        "other": NC_("activity_kind", "other"),
    },
    "marketing_channel": {
        "email": NC_("marketing_channel", "e-mail"),
        "sms": NC_("marketing_channel", "text message"),
        "post": NC_("marketing_channel", "letter"),
        "phone": NC_("marketing_channel", "telephone"),
        "social_media": NC_("marketing_channel", "social media"),
        "push": NC_("marketing_channel", "app notifications"),
    },
    "marketing_basis": {
        "consent": NC_("marketing_basis", "prior consent (Act on Electronic Communications Services 917/2014, "
                                          "section 200)"),
        "customer_exception": NC_("marketing_basis", "customer relationship: we market our own similar products and "
                                                     "services to our existing customers, as we told you when you "
                                                     "bought from us (Act on Electronic Communications Services "
                                                     "917/2014, section 200)"),
        "legitimate_interests": NC_("marketing_basis", "legitimate interests of the controller (Article 6(1)(f) GDPR)"),
    },
    # Completes "You can make a request …".
    "request_channel": {
        "email": NC_("request_channel", "by e-mail"),
        "letter": NC_("request_channel", "by letter"),
        "in_person": NC_("request_channel", "in person at our premises"),
        "phone": NC_("request_channel", "by telephone"),
        "web_form": NC_("request_channel", "using the web form"),
    },
    "cookie_category": {
        "necessary": NC_("cookie_category", "necessary"),
        "preferences": NC_("cookie_category", "functional"),
        "statistics": NC_("cookie_category", "statistics"),
        "marketing": NC_("cookie_category", "marketing"),
    },
    # Completes "Patient records: …."
    "patient_records": {
        "electronic": NC_("patient_records", "electronic"),
        "paper": NC_("patient_records", "on paper"),
        "both": NC_("patient_records", "electronic and on paper"),
        "none": NC_("patient_records", "no patient records are made"),
    },
    "yes_no": {
        "true": NC_("yes_no", "yes"),
        "false": NC_("yes_no", "no"),
    },
}

# GDPR 13(2)(b)–(c), 15–22: each right, its article and what it means in practice; `short` completes the
# summary's sentence "You can …".
RIGHTS: dict[str, dict[str, Message]] = {
    "access": {
        "short": NC_("rights", "access your data"),
        "title": NC_("rights", "Right of access"),
        "article": NC_("rights", "Article 15 GDPR"),
        "text": NC_("rights", "You can ask whether we process your personal data and receive a copy of your data."),
    },
    "rectification": {
        "short": NC_("rights", "have inaccurate data corrected"),
        "title": NC_("rights", "Right to rectification"),
        "article": NC_("rights", "Article 16 GDPR"),
        "text": NC_("rights", "You can ask us to correct inaccurate or outdated data about you and to complete "
                              "incomplete data."),
    },
    "erasure": {
        "short": NC_("rights", "ask for your data to be erased"),
        "title": NC_("rights", "Right to erasure"),
        "article": NC_("rights", "Article 17 GDPR"),
        "text": NC_("rights", "You can ask us to erase your data, for example when they are no longer needed for the "
                              "purpose for which they were collected. We cannot erase data that the law requires "
                              "us to keep."),
    },
    "restriction": {
        "short": NC_("rights", "restrict processing"),
        "title": NC_("rights", "Right to restriction of processing"),
        "article": NC_("rights", "Article 18 GDPR"),
        "text": NC_("rights", "You can ask us to restrict the processing of your data, for example while we check "
                              "whether the data are accurate."),
    },
    "portability": {
        "short": NC_("rights", "move your data to another service"),
        "title": NC_("rights", "Right to data portability"),
        "article": NC_("rights", "Article 20 GDPR"),
        "text": NC_("rights", "When the processing is based on your consent or on a contract, you can receive the "
                              "data you have given us in a commonly used, machine-readable format and transmit them "
                              "to another controller."),
    },
    "objection": {
        "short": NC_("rights", "object to processing"),
        "title": NC_("rights", "Right to object"),
        "article": NC_("rights", "Article 21(1) GDPR"),
        "text": NC_("rights", "When the processing is based on our legitimate interests or on a task carried out in "
                              "the public interest, you can object to the processing of your data on grounds "
                              "relating to your particular situation."),
    },
    "direct_marketing": {
        "short": NC_("rights", "object to direct marketing"),
        "title": NC_("rights", "Right to object to direct marketing"),
        "article": NC_("rights", "Article 21(2) and (3) GDPR"),
        "text": NC_("rights", "You can object at any time to the use of your data for direct marketing and for "
                              "profiling related to it. After that we no longer use your data for this purpose."),
    },
    "automated": {
        "short": NC_("rights", "have an automated decision reviewed by a person"),
        "title": NC_("rights", "Right not to be subject to automated decision-making"),
        "article": NC_("rights", "Article 22 GDPR"),
        "text": NC_("rights", "You have the right to have an automated decision reviewed by a person, to express "
                              "your point of view and to contest the decision."),
    },
    "withdraw_consent": {
        "short": NC_("rights", "withdraw your consent at any time"),
        "title": NC_("rights", "Right to withdraw consent"),
        "article": NC_("rights", "Article 7(3) GDPR"),
        "text": NC_("rights", "When the processing is based on your consent, you can withdraw your consent at any "
                              "time. Withdrawal does not affect the lawfulness of processing based on consent "
                              "before its withdrawal."),
    },
}

#: Periods: "%(num)s" is the number, formatted for the language; the catalogue gives each language's plurals.
PERIODS: dict[str, tuple[str, str]] = {
    "years": NP_("%(num)s year", "%(num)s years"),
    "months": NP_("%(num)s month", "%(num)s months"),
    "days": NP_("%(num)s day", "%(num)s days"),
}

# The sole trader's voice (`controller.voice`, see render.context.voice): the labels above that speak as "we", as
# "I". The message context marks the voice, so translators see both forms side by side.
SINGULAR: dict[str, dict[str, Message]] = {
    "source_type": {
        "staff": NC_("source_type-singular", "me, in the course of the service"),
    },
    "marketing_basis": {
        "customer_exception": NC_("marketing_basis-singular", "customer relationship: I market my own similar products "
                                                              "and services to my existing customers, as I told you "
                                                              "when you bought from me (Act on Electronic "
                                                              "Communications Services 917/2014, section 200)"),
    },
    "request_channel": {
        "in_person": NC_("request_channel-singular", "in person at my premises"),
    },
}
SINGULAR_RIGHTS: dict[str, dict[str, Message]] = {
    "access": {"text": NC_("rights-singular", "You can ask whether I process your personal data and receive a copy "
                                              "of your data.")},
    "rectification": {"text": NC_("rights-singular", "You can ask me to correct inaccurate or outdated data about you "
                                                     "and to complete incomplete data.")},
    "erasure": {"text": NC_("rights-singular", "You can ask me to erase your data, for example when they are no longer "
                                               "needed for the purpose for which they were collected. I cannot erase "
                                               "data that the law requires me to keep.")},
    "restriction": {"text": NC_("rights-singular", "You can ask me to restrict the processing of your data, for "
                                                   "example while I check whether the data are accurate.")},
    "portability": {"text": NC_("rights-singular", "When the processing is based on your consent or on a contract, "
                                                   "you can receive the data you have given me in a commonly used, "
                                                   "machine-readable format and transmit them to another controller.")},
    "objection": {"text": NC_("rights-singular", "When the processing is based on my legitimate interests or on a task "
                                                 "carried out in the public interest, you can object to the processing "
                                                 "of your data on grounds relating to your particular situation.")},
    "direct_marketing": {"text": NC_("rights-singular", "You can object at any time to the use of your data for direct "
                                                        "marketing and for profiling related to it. After that I no "
                                                        "longer use your data for this purpose.")},
}
