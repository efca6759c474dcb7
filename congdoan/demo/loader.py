"""Load the demo at a scale: the small scenario, then the bulk-generated tree and members, then the
other apps' demo data (``congdoan.<app>.demo.load(scale=...)`` where such a module exists)."""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from contextlib import nullcontext

from django.db import transaction

from congdoan.core.dates import today
from congdoan.members.models import Member, Membership
from congdoan.org.models import Unit, UnitLink

from . import builder, bulk, country, own_events, people, scenario, units

SCALES = {
    # grassroots unions generated beyond the scenario, members in total
    "small": {"grassroots": 0, "members": 0},
    "province": {"grassroots": 1900, "members": 300_000},
    "national": {"grassroots": 136_000, "members": 12_000_000},
}
HOOK_APPS = [
    "targets",
    "finance",
    "welfare",
    "emulation",
    "congress",
    "culture",
    "party",
    "history",
    "documents",
]
# Members per grassroots union of the small scenario (the `coso` account's union has about 40).
SMALL_SIZES = {"LCI.BT.001": 40}


def load(
    scale: str = "small", *, factor: float = 1.0, seed: int = 2026, out: Callable[[str], None] = print
) -> dict:
    """Wipe and load the demo; returns counts and timings (seconds) for the report."""
    spec = SCALES[scale]
    rng = random.Random(seed)
    day = today()
    stats: dict = {"scale": scale}
    started = time.perf_counter()
    with transaction.atomic():
        t = time.perf_counter()
        scenario.wipe()
        scenario.build()
        out(f"Kịch bản mẫu (Lào Cai trước và sau sắp xếp 2025): {time.perf_counter() - t:.1f} giây")

        t = time.perf_counter()
        grassroots = units.scenario_grassroots()
        if scale != "small":
            tree = builder.Builder(rng, day)
            n = max(10, int(spec["grassroots"] * factor))
            if scale == "province":
                country.build_lao_cai(tree, grassroots=n)
            else:
                country.build_country(tree, grassroots=n, lao_cai=max(10, int(1900 * factor)))
            n_units, n_links = tree.write()
            grassroots += tree.grassroots
            elapsed = time.perf_counter() - t
            stats.update(units=n_units, links=n_links, units_seconds=elapsed)
            out(
                f"Cây tổ chức: {n_units:,} đơn vị, {n_links:,} quan hệ trực thuộc trong {elapsed:.1f} giây "
                f"({n_units / max(elapsed, 1e-6):,.0f} đơn vị/giây)"
            )

        t = time.perf_counter()
        if scale == "small":
            sizes = [SMALL_SIZES.get(g.code, rng.randint(8, 45)) for g in grassroots]
        else:
            sizes = people.sizes_for(rng, grassroots, max(100, int(spec["members"] * factor)))
        generator = people.Generator(rng, day, grassroots)
        recorder = own_events.Recorder(generator.next_id)
        with bulk.LoadMode(Member, Membership) if scale != "small" else nullcontext():
            n_members, n_stints = generator.run(grassroots, sizes, progress=out, record=recorder.record)
        elapsed = time.perf_counter() - t
        stats.update(members=n_members, stints=n_stints, members_seconds=elapsed)
        out(
            f"Đoàn viên: {n_members:,} người, {n_stints:,} quá trình sinh hoạt trong {elapsed:.1f} giây "
            f"({n_members / max(elapsed, 1e-6):,.0f} đoàn viên/giây, "
            f"{(n_members + n_stints) / max(elapsed, 1e-6):,.0f} dòng/giây)"
        )

        member_services = _optional_module("congdoan.members.services")
        analysed = hasattr(member_services, "registry_rebuild_derived")  # it analyses the member tables
        if analysed:
            t = time.perf_counter()
            member_services.registry_rebuild_derived(preloaded_from=recorder.first_member)
            stats["derived_seconds"] = time.perf_counter() - t
            out(f"Số liệu tổng hợp của sổ đoàn viên: {stats['derived_seconds']:.1f} giây")

        for app in HOOK_APPS:
            module = _optional_module(f"congdoan.{app}.demo")
            if module is None:
                continue
            t = time.perf_counter()
            try:
                with transaction.atomic():  # a savepoint: a failing app leaves the rest of the demo loaded
                    module.load(scale=scale)
            except Exception as exc:  # noqa: BLE001 - reported, and the other apps still load
                stats.setdefault("hook_errors", {})[app] = repr(exc)
                out(f"LỖI: không nạp được dữ liệu mẫu của {app}: {exc!r}")
                continue
            out(f"Dữ liệu mẫu của {app}: {time.perf_counter() - t:.1f} giây")

    if scale != "small" and bulk.is_postgres():
        t = time.perf_counter()
        if analysed:
            bulk.analyze(Unit, UnitLink)
            bulk.vacuum(Member, Membership)
        else:
            bulk.analyze(Unit, UnitLink, Member, Membership)
        out(f"Cập nhật thống kê truy vấn (VACUUM, ANALYZE): {time.perf_counter() - t:.1f} giây")
    stats["total_seconds"] = time.perf_counter() - started
    return stats


def _optional_module(name: str):
    """The module, or None if it does not exist (errors inside an existing module are raised)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None
