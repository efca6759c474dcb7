"""Restructuring the organisation tree (found, re-parent, merge, split, dissolve) with every
follow-through in other apps, one operation per module. Sits above org, members and targets."""
