"""Account management delegated down the tree: the pages of an administrator of a unit.

They live in the top layer because they choose units (org) for accounts' roles, and accounts lies below
org (docs/decisions.md, 06/12/2026). The rules and writes are in ``congdoan.accounts.services``.
"""
