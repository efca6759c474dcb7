"""The columns of the generated member and stint rows, in the order the generator (``people``) writes them
and the own-events recorder (``own_events``) reads them."""

MEMBER_FIELDS = [
    "id",
    "code",
    "full_name",
    "name_folded",
    "gender",
    "date_of_birth",
    "ethnicity",
    "cccd",
    "phone",
    "email",
    "job",
    "education",
    "hometown",
    "is_informal",
    "party_status",
    "party_introduced_on",
    "party_admitted_on",
    "status",
    "unit_id",
    "joined_on",
    "card_status",
    "card_requested_on",
    "card_printed_on",
    "card_handed_on",
]
STINT_FIELDS = [
    "member_id",
    "unit_id",
    "valid_from",
    "valid_to",
    "start_kind",
    "end_reason_id",
    "decision_no",
    "end_decision_no",
]
