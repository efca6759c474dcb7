"""A notice addressed to Đà Nẵng's officer, which the Lào Cai officer must not open (see docs/testing.md)."""


def outside_objects(tree) -> dict:
    from congdoan.inbox.models import Notice
    from congdoan.inbox.services import notify

    notify(users=[tree.other_province_officer], title="Nhắc nộp báo cáo", url="/targets/")
    notice = Notice.objects.get(recipient=tree.other_province_officer)
    return {"inbox:open": {"pk": notice.pk}}
