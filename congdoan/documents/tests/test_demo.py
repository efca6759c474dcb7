"""The demo's year review: Lào Cai's 2025 review is drafted from the records, completed and issued by
``tinh``, through the services (audited); loading twice changes nothing."""

import datetime as dt

from django.urls import reverse

from congdoan.audit.models import Event
from congdoan.documents import demo
from congdoan.documents.models import Review
from congdoan.members.tests.conftest import admit_active


def test_the_demo_issues_the_provinces_2025_review(tree, client):
    admit_active(tree.g1, on=dt.date(2025, 3, 1), full_name="Lò Thị Mai", gender="F")
    demo.load(scale="small")
    review = Review.objects.get(unit=tree.lc, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert review.is_issued and review.number == "15/BC-LĐLĐ"
    assert "kết nạp 1 đoàn viên" in review.results and "Ưu điểm" in review.assessment
    actions = set(Event.objects.filter(object_id=str(review.pk)).values_list("action", flat=True))
    assert {"documents.review_draft", "documents.review_issue"} <= actions
    demo.load(scale="small")
    assert Review.objects.count() == 1
    client.force_login(tree.province_officer)
    page = client.get(reverse("documents:review_page", args=[review.pk])).content.decode()
    assert "15/BC-LĐLĐ" in page
