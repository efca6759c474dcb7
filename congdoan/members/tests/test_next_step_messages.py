"""Issue 19 §6: after admitting a member and sending the list, the message says what happens next."""

from django.urls import reverse

from congdoan.members.models import AdmissionBatch, Member

from .conftest import person


def test_admitting_then_sending_the_list_say_what_happens_next(tree, login):
    client = login(tree.grassroots_officer)
    data = {**person(full_name="Hoàng Thị Lan", gender="F"), "unit": tree.g1.pk}
    data.update(date_of_birth="1995-02-03", admitted_on="2024-05-01", decision_no="07/QĐ-CĐCS")
    page = client.post(reverse("members:new"), data, follow=True).content.decode()
    assert "gửi danh sách để cấp trên duyệt và cấp mã" in page
    batch = AdmissionBatch.objects.get(members=Member.objects.get(full_name="Hoàng Thị Lan"))
    page = client.post(reverse("members:batch_submit", args=[batch.pk]), follow=True).content.decode()
    assert "Danh sách đang chờ cấp trên duyệt" in page
    commune = login(tree.commune_officer)
    page = commune.post(
        reverse("members:batch_approve", args=[batch.pk]), {"decision_no": "30/QĐ-CĐX"}, follow=True
    ).content.decode()
    assert "Đoàn viên đã được cấp mã" in page
