"""The criteria, recognising authorities and year rules in force (editable afterwards by administrators)."""

import datetime as dt

from django.db import migrations

FROM = dt.date(2022, 5, 10)  # HD 58/HD-TLĐ of 10/05/2022, under QĐ 2214/QĐ-TTg
DISTRICTS_END = dt.date(2025, 6, 30)  # district level abolished from 01/07/2025
COMMUNES_FROM = dt.date(2025, 7, 1)
BASIS = "QĐ 2214/QĐ-TTg; HD 58/HD-TLĐ ngày 10/05/2022"

_DUTY = (
    "Hoàn thành tốt nhiệm vụ được giao",
    "Hoàn thành tốt nhiệm vụ chính trị, chuyên môn được giao; cán bộ, công chức, viên chức, người lao động "
    "chấp hành tốt nội quy, quy chế, văn hoá công vụ; công đoàn cơ sở được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
)
_LIFE = (
    "Xây dựng môi trường văn hoá, đời sống văn hoá phong phú, lành mạnh",
    "Nơi làm việc văn minh, sạch đẹp, an toàn; tổ chức hoạt động văn hoá, văn nghệ, thể dục thể thao; "
    "người lao động có lối sống văn hoá, không vi phạm pháp luật, không mắc tệ nạn xã hội.",
)
_LAW = (
    "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
    "Thực hiện tốt quy chế dân chủ ở cơ sở, phòng, chống tham nhũng, lãng phí; tham gia các hoạt động xã hội, "
    "nhân đạo, từ thiện tại địa phương.",
)
CRITERIA = {
    "agency": [_DUTY, _LIFE, _LAW],
    "unit": [_DUTY, _LIFE, _LAW],
    "enterprise": [
        (
            "Sản xuất, kinh doanh ổn định, phát triển bền vững",
            "Doanh nghiệp sản xuất, kinh doanh ổn định; việc làm, thu nhập của người lao động được bảo đảm và "
            "từng bước nâng lên.",
        ),
        _LIFE,
        (
            "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
            "Thực hiện đầy đủ hợp đồng lao động, thoả ước lao động tập thể, bảo hiểm xã hội, an toàn, vệ sinh "
            "lao động; thực hiện quy chế dân chủ ở cơ sở; tổ chức công đoàn hoạt động hiệu quả.",
        ),
        (
            "Bảo vệ môi trường, tham gia phát triển cộng đồng",
            "Thực hiện đúng quy định về bảo vệ môi trường; tham gia các hoạt động xã hội, từ thiện và xây dựng "
            "đời sống văn hoá ở địa phương nơi doanh nghiệp hoạt động.",
        ),
    ],
}
# name, valid_from, valid_to, note
AUTHORITIES = [
    ("Chủ tịch Ủy ban nhân dân cấp xã", COMMUNES_FROM, None, "Từ 01/07/2025, thay cấp huyện"),
    ("Chủ tịch Ủy ban nhân dân cấp huyện", FROM, DISTRICTS_END, "Cấp huyện kết thúc hoạt động ngày 30/06/2025"),
    ("Chủ tịch Ủy ban nhân dân cấp tỉnh", FROM, None, ""),
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", FROM, None, "Cơ quan, đơn vị Trung ương"),
]


def forwards(apps, schema_editor):
    Criterion = apps.get_model("culture", "Criterion")
    Authority = apps.get_model("culture", "Authority")
    Rule = apps.get_model("culture", "Rule")
    for culture_type, rows in CRITERIA.items():
        for number, (title, description) in enumerate(rows, start=1):
            Criterion.objects.update_or_create(
                culture_type=culture_type,
                number=number,
                valid_from=FROM,
                defaults={"title": title, "description": description, "basis": BASIS},
            )
    for order, (name, start, end, note) in enumerate(AUTHORITIES, start=1):
        Authority.objects.update_or_create(
            name=name, valid_from=start, defaults={"valid_to": end, "note": note, "sort_order": order}
        )
    Rule.objects.update_or_create(
        valid_from=FROM, defaults={"first_years": 2, "renewal_years": 5, "validity_years": 5, "basis": BASIS}
    )


def backwards(apps, schema_editor):
    apps.get_model("culture", "Criterion").objects.filter(valid_from=FROM).delete()
    apps.get_model("culture", "Authority").objects.filter(name__in=[a[0] for a in AUTHORITIES]).delete()
    apps.get_model("culture", "Rule").objects.filter(valid_from=FROM).delete()


class Migration(migrations.Migration):
    dependencies = [("culture", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
