"""Charts on paper: the review draft's PDF and DOCX carry the dashboard's charts drawn by vl-convert, each
with its table, in the Vietnamese number format; the figures are the fact table's."""

import datetime as dt
import io
import re

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from congdoan.core.scoping import Scope
from congdoan.documents.charts import VI_NUMBER_LOCALE, bar_chart
from congdoan.documents.engine.vega import chart_png, chart_svg, paper_spec
from congdoan.documents.facts import facts_for
from congdoan.members.tests.conftest import admit_active

D = dt.date
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


@pytest.fixture
def records(tree):
    for i in range(3):
        admit_active(tree.g1, on=D(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g1, on=D(2025, 4, 1), full_name="Vàng A Páo", gender="M")
    return tree


def test_axes_group_thousands_with_dots_on_paper():
    spec = bar_chart(title="Đoàn viên", rows=[("Nữ", 1_234_567), ("Nam", 2_345_678)], unit="người")
    svg = chart_svg(spec, locale=VI_NUMBER_LOCALE)
    ticks = re.findall(r">([\d.,]+)<", svg)
    assert "1.000.000" in ticks and "2.000.000" in ticks
    assert not any("," in tick for tick in ticks)
    assert "Đoàn viên" in svg and "Nữ" in svg


def test_paper_charts_have_a_fixed_width_and_no_tooltips():
    spec = bar_chart(title="x", rows=[("a", 1)], unit="người")
    paper = paper_spec(spec)
    assert paper["width"] == 480 and "tooltip" not in paper["encoding"] and "tooltip" not in paper["mark"]
    assert spec["width"] == "container" and "tooltip" in spec["encoding"]  # the screen's is untouched
    assert chart_png(spec, locale=VI_NUMBER_LOCALE).startswith(b"\x89PNG")


def test_small_counts_have_whole_ticks_not_repeated_ones():
    """Regression: with ",d" and no minimum step, 3 members drew the ticks 0 1 1 2 2 3 3."""
    svg = chart_svg(bar_chart(title="x", rows=[("a", 3)], unit="người"), locale=VI_NUMBER_LOCALE)
    ticks = re.findall(r">(\d+)</text>", svg)
    assert ticks == sorted(set(ticks), key=int) and ticks[0] == "0" and ticks[-1] == "3"


def test_paper_charts_use_a_font_with_every_vietnamese_letter():
    assert paper_spec(bar_chart(title="x", rows=[("a", 1)], unit="người"))["config"]["font"] == "DejaVu Sans"


def _facts(records):
    facts = facts_for(
        scope=Scope.for_user(records.province_officer),
        unit=records.lc,
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
    )
    return {f.key: f.value for f in facts}


def test_the_pdf_draws_the_charts_with_their_tables_under_them(records, client):
    client.force_login(records.province_officer)
    response = client.get(reverse("documents:review", args=[records.lc.pk, "pdf"]), YEAR)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "PHỤ LỤC: BIỂU ĐỒ" in text
    # The chart is a picture; its table under it carries the title and the figures as text.
    assert "Đoàn viên theo giới tính" in text
    facts = _facts(records)
    women, men = facts["members.women"], facts["members.total"] - facts["members.women"]
    assert (women, men) == (3, 1)
    assert f"Nữ {women} người" in text and f"Nam {men} người" in text
    images = [
        obj.get_object()
        for page in reader.pages
        for obj in (page["/Resources"].get("/XObject") or {}).values()
        if obj.get_object().get("/Subtype") == "/Image"
    ]
    assert images, "the chart is drawn as a picture (an XObject) in the PDF"
    # At print resolution: twice the pixels of the 480-pixel drawing (≈190 dpi at 12,7 cm), no alpha mask.
    assert all(image["/Width"] >= 2 * 480 and "/SMask" not in image for image in images)


def test_the_docx_embeds_each_chart_as_a_picture_followed_by_its_table(records, client):
    client.force_login(records.province_officer)
    response = client.get(reverse("documents:review", args=[records.lc.pk, "docx"]), YEAR)
    document = docx.Document(io.BytesIO(response.content))
    pictures = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(document.inline_shapes) == len(pictures) >= 1
    text = [p.text for p in document.paragraphs]
    assert "PHỤ LỤC: BIỂU ĐỒ" in text and "Đoàn viên theo giới tính" in text
    facts = _facts(records)
    tables = {tuple(tuple(c.text for c in row.cells) for row in t.rows) for t in document.tables}
    assert (
        ("Nữ", f"{facts['members.women']} người"),
        ("Nam", f"{facts['members.total'] - facts['members.women']} người"),
    ) in tables


def test_a_chart_is_drawn_once_for_the_same_specification(monkeypatch):
    from congdoan.documents.engine import vega

    calls = []
    real = vega.vl_convert.vegalite_to_svg
    monkeypatch.setattr(vega.vl_convert, "vegalite_to_svg", lambda *a, **k: calls.append(1) or real(*a, **k))
    spec = bar_chart(title="Đoàn viên được vẽ một lần", rows=[("Nữ", 7)], unit="người")
    first = chart_svg(spec, locale=VI_NUMBER_LOCALE)
    assert chart_svg(spec, locale=VI_NUMBER_LOCALE) == first and len(calls) == 1
    other = bar_chart(title="Đoàn viên được vẽ một lần", rows=[("Nữ", 8)], unit="người")
    assert chart_svg(other, locale=VI_NUMBER_LOCALE) != first and len(calls) == 2


def test_the_pdf_and_the_docx_share_one_drawing_of_each_chart(monkeypatch):
    from congdoan.documents.engine import vega

    calls = []
    real = vega.vl_convert.vegalite_to_png
    monkeypatch.setattr(vega.vl_convert, "vegalite_to_png", lambda *a, **k: calls.append(1) or real(*a, **k))
    spec = bar_chart(title="Vẽ một lần cho PDF và Word", rows=[("Nữ", 5)], unit="người")
    first = vega.chart_picture(spec, locale=VI_NUMBER_LOCALE)
    again = vega.chart_picture(spec, locale=VI_NUMBER_LOCALE)
    assert first == again and len(calls) == 1
    assert first.png.startswith(b"\x89PNG") and 480 <= first.width <= 600 and first.height > 0
