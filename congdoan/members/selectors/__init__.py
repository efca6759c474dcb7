"""Reads of the member registry. Every function takes a Scope; members are scoped by their current unit.

``search`` (the search page's filters and name tiers), ``records`` (one member, admission lists,
transfers, duplicates) and ``people`` (members for other apps) are re-exported here.
"""

from .people import (
    active_member_by_code_and_cccd,
    member_in_scope_by_code,
    member_names,
    member_pick,
    members_by_cccds,
    members_by_codes,
    members_in_scope,
    members_in_unit_during,
    members_moving_with,
    members_with_posts_within,
)
from .records import (
    batch_get,
    batch_list,
    batch_members,
    duplicate_groups,
    grassroots_in_scope,
    leave_reasons,
    member_get,
    member_posts,
    member_stints,
    transfer_get,
    transfer_inbox,
    transfer_outbox,
    transfer_target_by_code,
)
from .search import MemberFilter, member_name_matches, member_search, text_query
from .search_page import member_search_count, member_search_page

__all__ = [
    "MemberFilter",
    "active_member_by_code_and_cccd",
    "batch_get",
    "batch_list",
    "batch_members",
    "duplicate_groups",
    "grassroots_in_scope",
    "leave_reasons",
    "member_get",
    "member_in_scope_by_code",
    "member_name_matches",
    "member_names",
    "member_pick",
    "member_posts",
    "member_search",
    "member_search_count",
    "member_search_page",
    "member_stints",
    "members_by_cccds",
    "members_by_codes",
    "members_in_scope",
    "members_in_unit_during",
    "members_moving_with",
    "members_with_posts_within",
    "text_query",
    "transfer_get",
    "transfer_inbox",
    "transfer_outbox",
    "transfer_target_by_code",
]
