"""The organisation tree: units, their dated parent links, and emulation clusters.

The truth about "who was under whom, when" is ``UnitLink``: one row per period a unit spent under a
parent. ``Unit.path`` is a materialised path of the latest structure, derived from the links by the
restructure services, so that subtree queries and access scoping are one indexed prefix match.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.dates import format_date

from .constants import ClusterKind, Sector, UnitStatus


class UnitKind(models.Model):
    code = models.SlugField(_("mã loại"), max_length=32, unique=True)
    name = models.CharField(_("tên loại"), max_length=150)
    level = models.PositiveSmallIntegerField(
        _("cấp"),
        help_text=_(
            "0 = Trung ương, 1 = tỉnh/ngành TW, 2 = cấp trên trực tiếp cơ sở, 3 = cơ sở, 4+ = bên trong CĐCS"
        ),
    )
    is_grassroots = models.BooleanField(_("là công đoàn cơ sở"), default=False)
    is_historic = models.BooleanField(
        _("chỉ còn trong lịch sử"), default=False, help_text=_("Ví dụ LĐLĐ cấp huyện sau 2025.")
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["level", "sort_order", "name"]
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")

    def __str__(self):
        return self.name


class Unit(models.Model):
    code = models.CharField(_("mã đơn vị"), max_length=64, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    name_folded = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.ForeignKey(UnitKind, on_delete=models.PROTECT, related_name="units", verbose_name=_("loại"))
    sector = models.CharField(_("khu vực"), max_length=16, choices=Sector.choices, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=UnitStatus.choices, default=UnitStatus.ACTIVE
    )
    founded_on = models.DateField(_("ngày thành lập"))
    founding_decision_no = models.CharField(_("số quyết định thành lập"), max_length=64, blank=True)
    founding_decision_date = models.DateField(_("ngày quyết định thành lập"), null=True, blank=True)
    dissolved_on = models.DateField(
        _("ngày chấm dứt hoạt động"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng đơn vị còn hoạt động."),
    )
    dissolution_decision_no = models.CharField(_("số quyết định giải thể"), max_length=64, blank=True)
    dissolution_reason = models.CharField(_("lý do"), max_length=255, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("đơn vị kế thừa"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("đơn vị cấp trên hiện nay"),
        editable=False,
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    employer = models.CharField(_("cơ quan, doanh nghiệp"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        indexes = [
            models.Index(fields=["kind", "status"]),
            # The national root(s): a country officer's every page starts from them; without it a sequential
            # scan of all units (50 ms on the national data, 140 k units) for the one row at depth 0.
            models.Index(fields=["depth"], condition=models.Q(depth=0), name="unit_root"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.status == UnitStatus.ACTIVE

    def exists_on(self, day) -> bool:
        return self.founded_on <= day and (self.dissolved_on is None or self.dissolved_on >= day)

    def ancestor_ids(self) -> list[int]:
        """IDs on the path from the root down to (excluding) this unit, in the latest structure."""
        return [int(p) for p in self.path.strip("/").split("/")[:-1] if p]


class UnitLink(models.Model):
    """Unit ``child`` was under ``parent`` from ``valid_from`` to ``valid_to`` (both inclusive; NULL = still)."""

    child = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="parent_links", verbose_name=_("đơn vị")
    )
    parent = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="child_links", verbose_name=_("cấp trên")
    )
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến hết ngày"), null=True, blank=True)
    decision_no = models.CharField(_("số quyết định"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["child_id", "valid_from"]
        verbose_name = _("quan hệ trực thuộc")
        verbose_name_plural = _("quan hệ trực thuộc")
        indexes = [
            models.Index(fields=["parent", "valid_from"], name="unitlink_parent_from"),
            models.Index(fields=["child", "valid_from"], name="unitlink_child_from"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unitlink_dates_in_order",
            ),
            models.CheckConstraint(condition=~Q(child=models.F("parent")), name="unitlink_not_self"),
            models.UniqueConstraint(
                fields=["child"], condition=Q(valid_to__isnull=True), name="unitlink_one_open_parent"
            ),
        ]

    def __str__(self):
        return f"{self.child} → {self.parent} ({format_date(self.valid_from)}–{format_date(self.valid_to) or '…'})"


class TreeChange(models.Model):
    """One row (``pk`` 1): the last day the tree changed for counting — the latest day a link ended, or
    the day before a unit moved under another parent (a link starting after its unit's founding day).
    After that day the materialised path is each day's tree. Kept by ``org.tree`` in the transaction
    that changes a link (never lowered); ``tree.tree_change_rebuild`` recounts it from the links."""

    last_change = models.DateField(_("lần thay đổi cây gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("mốc thay đổi cây tổ chức")
        verbose_name_plural = _("mốc thay đổi cây tổ chức")

    def __str__(self):
        return format_date(self.last_change) if self.last_change else "—"


class Cluster(models.Model):
    """An emulation cluster or block (cụm / khối thi đua) for one year: units of any level and a head unit."""

    owner = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="owned_clusters",
        verbose_name=_("đơn vị tổ chức"),
        help_text=_("Cấp công đoàn lập và theo dõi cụm, khối."),
    )
    name = models.CharField(_("tên cụm, khối"), max_length=255)
    kind = models.CharField(
        _("loại"), max_length=16, choices=ClusterKind.choices, default=ClusterKind.CLUSTER
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    head_unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="headed_clusters",
        verbose_name=_("cụm trưởng, khối trưởng"),
    )
    members = models.ManyToManyField(
        Unit, related_name="clusters", verbose_name=_("đơn vị thành viên"), blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        constraints = [
            models.UniqueConstraint(fields=["owner", "name", "year"], name="cluster_unique_owner_name_year")
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"
