"""Derived tables of the registry, kept by the lifecycle services and rebuilt in bulk by ``derived``: today's
counts per unit, the member tally (daily changes per subtree, and by ethnicity), spans under five members."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import ETHNICITIES


class UnitMemberCount(models.Model):
    """Derived: how many open stints each unit has now (total, women, informal).

    Kept by the lifecycle services (``services._recount_units``) and rebuilt in one statement by
    ``services.registry_rebuild_derived``; today's totals for a subtree are a sum over these rows.
    """

    unit = models.OneToOneField(
        "org.Unit", on_delete=models.CASCADE, primary_key=True, related_name="member_count"
    )
    total = models.PositiveIntegerField(default=0)
    women = models.PositiveIntegerField(default=0)
    informal = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("số đoàn viên hiện có của đơn vị")
        verbose_name_plural = _("số đoàn viên hiện có của đơn vị")

    def __str__(self):
        return f"{self.unit_id}: {self.total}"


class MemberTally(models.Model):
    """Derived ledger of member figures for a unit's subtree (strict descendants), as daily changes.

    A row holds how the figures of the members *below* ``unit`` changed on ``day``: +1 when a stint
    starts (or a unit joins the subtree with its members), −1 the day after it ends, a move between age
    bands on 1 January, and the period events (admissions, leavings, Party dates) on the day they happen.
    A figure as of a day is the sum of the rows up to that day; a period count is the sum of the event
    columns over the period. Kept by ``congdoan.members.tally`` (lifecycle services and restructures)
    and rebuilt from stints and links by ``tally.rebuild``; tests prove both equal a recount.
    """

    # Derived rows: no database FK (units are never deleted; rebuilds insert millions of rows).
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    day = models.DateField()
    total = models.IntegerField(default=0)
    women = models.IntegerField(default=0)
    informal = models.IntegerField(default=0)
    age_u30 = models.IntegerField(default=0)
    age_30_39 = models.IntegerField(default=0)
    age_40_49 = models.IntegerField(default=0)
    age_50_59 = models.IntegerField(default=0)
    age_60p = models.IntegerField(default=0)
    sector_state = models.IntegerField(default=0)
    sector_non_state = models.IntegerField(default=0)
    sector_fdi = models.IntegerField(default=0)
    sector_informal = models.IntegerField(default=0)
    sector_none = models.IntegerField(default=0)
    admitted = models.IntegerField(default=0)
    admitted_informal = models.IntegerField(default=0)
    leavers = models.IntegerField(default=0)
    party_introduced = models.IntegerField(default=0)
    party_admitted = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("sổ biến động đoàn viên theo đơn vị")
        verbose_name_plural = _("sổ biến động đoàn viên theo đơn vị")
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="member_tally_unit_day")]

    def __str__(self):
        return f"{self.unit_id} {self.day}: {self.total:+d}"


class SmallUnionSpan(models.Model):
    """Derived: a span of days on which a grassroots union existed with the same count of members,
    under five.

    The charter does not allow a grassroots union under five members; the statistics list such unions
    on any day, with their count. One row per span (``valid_to`` empty: still so). Kept by
    ``congdoan.members.smallspans`` for the units whose stints change (``tally.tracking``) and for units
    founded or dissolved, rebuilt from stints by ``smallspans.rebuild``; tests prove both equal a count.
    """

    # Derived rows: no database FK (units are never deleted; rebuilds insert 100 000s of rows).
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    members = models.PositiveSmallIntegerField()  # the union's member count throughout the span

    class Meta:
        verbose_name = _("thời gian công đoàn cơ sở dưới 5 đoàn viên")
        verbose_name_plural = _("thời gian công đoàn cơ sở dưới 5 đoàn viên")
        indexes = [
            models.Index(fields=["unit", "valid_from"], name="small_span_unit"),
            models.Index(fields=["valid_to", "valid_from"], name="small_span_days"),
        ]

    def __str__(self):
        return f"{self.unit_id}: {self.valid_from}..{self.valid_to or ''}"


class MemberTallyEthnicity(models.Model):
    """The ethnicity part of ``MemberTally``: daily changes of members below ``unit`` per ethnic group."""

    # Derived rows: no database FK (units are never deleted; rebuilds insert millions of rows).
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    day = models.DateField()
    ethnicity = models.CharField(max_length=2, choices=ETHNICITIES)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("sổ biến động đoàn viên theo dân tộc")
        verbose_name_plural = _("sổ biến động đoàn viên theo dân tộc")
        constraints = [
            models.UniqueConstraint(fields=["unit", "day", "ethnicity"], name="member_tally_eth_unit_day")
        ]

    def __str__(self):
        return f"{self.unit_id} {self.day} {self.ethnicity}: {self.n:+d}"
