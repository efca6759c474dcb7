"""Vietnamese error pages with DEBUG on (the demo): issue 19 §6, Django's English debug page showed for 404."""

import pytest
from django.test import Client


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    return settings


def test_an_unknown_address_shows_the_vietnamese_404_page_in_debug(debug, tree, login):
    response = login(tree.province_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang hoặc đối tượng." in body
    assert "Page not found" not in body and "URLconf" not in body


def test_a_unit_outside_the_scope_answers_the_vietnamese_404_page_in_debug(debug, tree, login):
    response = login(tree.province_officer).get(f"/units/{tree.dn.pk}/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "không thuộc phạm vi" in body
    assert "Page not found" not in body and "Raised by" not in body


def test_the_api_keeps_its_json_404_in_debug(debug, tree, login):
    response = login(tree.province_officer).get("/api/v1/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" not in response.content.decode()


def test_the_404_page_without_debug_is_the_same_vietnamese_page(tree, login):
    response = login(tree.province_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc đối tượng." in response.content.decode()


@pytest.mark.urls("congdoan.core.tests.error_urls")
@pytest.mark.parametrize("debug_on", [True, False])
def test_a_server_error_shows_the_vietnamese_500_page_never_the_traceback(settings, tree, debug_on, caplog):
    settings.DEBUG = debug_on
    client = Client(raise_request_exception=False)
    client.force_login(tree.province_officer)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Hệ thống gặp lỗi khi xử lý yêu cầu." in body
    assert "Traceback" not in body and "RuntimeError" not in body
    assert any("boom" in str(r.exc_info) for r in caplog.records if r.exc_info)  # still logged
