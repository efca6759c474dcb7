from congdoan.core.scoping import Scope

"""Objects of the targets app inside Đà Nẵng's subtree, for the project-wide scope walker."""


def outside_objects(tree) -> dict:
    from congdoan.targets import services
    from congdoan.targets.constants import UnitOfMeasure
    from congdoan.targets.models import Indicator, ReportForm, ValidationRule
    from congdoan.targets.periods import Period

    indicator = Indicator.objects.filter(code="walker_members").first() or Indicator.objects.create(
        code="walker_members",
        name="Số đoàn viên",
        unit_of_measure=UnitOfMeasure.MEMBERS,
        valid_from="2020-01-01",
    )
    form = ReportForm.objects.filter(code="walker_q").first() or services.form_save(
        scope=Scope.unrestricted(),
        code="walker_q",
        name="Báo cáo quý",
        period_type="Q",
        deadline_days=10,
        indicators=[indicator],
    )
    report = services.report_open(
        scope=Scope.unrestricted(), unit=tree.g4, form=form, period=Period("Q", 2026, 1)
    )
    rule = form.rules.first() or ValidationRule.objects.create(
        form=form, left=indicator, operator="le", right=indicator, message="x"
    )
    unit = {"pk": tree.hc.pk}
    rep = {"pk": report.pk}
    api_rep = {"path": {"report_id": report.pk}, "body": None}
    reason = {"path": {"report_id": report.pk}, "body": {"reason": "x"}}
    return {
        "targets:open": unit,
        "targets:targets": unit,
        "targets:completeness": unit,
        "targets:rollup": unit,
        "targets:evaluation": unit,
        "targets:report": rep,
        "targets:review": rep,
        "targets:export": rep,
        "targets:import": rep,
        # The catalogue is global; its edit page does not exist (404) for anyone but administrators.
        "targets:indicator_edit": {"pk": indicator.pk},
        # Report forms too: their pages do not exist for anyone but administrators.
        "targets:form_edit": {"pk": form.pk},
        "targets:rule_new": {"form_pk": form.pk},
        "targets:rule_edit": {"form_pk": form.pk, "pk": rule.pk},
        "targets:rule_delete": {"form_pk": form.pk, "pk": rule.pk},
        "GET /api/v1/targets/reports/{report_id}": api_rep,
        "PUT /api/v1/targets/reports/{report_id}": {
            "path": {"report_id": report.pk},
            "body": {"version": report.version, "values": {}},
        },
        "POST /api/v1/targets/reports/{report_id}/submit": api_rep,
        "POST /api/v1/targets/reports/{report_id}/approve": api_rep,
        "POST /api/v1/targets/reports/{report_id}/return": reason,
        "POST /api/v1/targets/reports/{report_id}/reopen": reason,
        "POST /api/v1/targets/reports/{report_id}/import": api_rep,
        "GET /api/v1/targets/rollups/{unit_id}": {"path": {"unit_id": tree.hc.pk}, "body": None},
        "GET /api/v1/targets/evaluations/{unit_id}": {"path": {"unit_id": tree.hc.pk}, "body": None},
    }
