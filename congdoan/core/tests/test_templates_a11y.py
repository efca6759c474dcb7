"""Accessibility rules every template keeps (issue 19 §6): table headers name their scope, one skip link."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(p for p in ROOT.glob("**/templates/**/*.html"))
TH_WITHOUT_SCOPE = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_table_header_cell_says_whether_it_heads_a_column_or_a_row(path):
    text = path.read_text(encoding="utf-8")
    lines = [text[: m.start()].count("\n") + 1 for m in TH_WITHOUT_SCOPE.finditer(text)]
    assert lines == [], f'<th> without scope="col"/"row" at lines {lines}'


def test_the_templates_were_found():
    assert len(TEMPLATES) > 50


def test_every_page_starts_with_a_skip_link_to_the_main_content(tree, login):
    html = login(tree.province_officer).get("/units/").content.decode()
    body = html.split("<body", 1)[1]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'class="skip-link"' in first_link and 'href="#main"' in first_link
    assert "Bỏ qua đến nội dung chính" in body
    assert '<main class="container-fluid px-3 px-md-4" id="main"' in body


def test_the_menu_collapses_behind_a_toggler_without_inline_script(tree, login):
    html = login(tree.province_officer).get("/units/").content.decode()
    assert 'data-cd-toggle="#main-menu"' in html and 'aria-expanded="false"' in html
    assert 'id="main-menu"' in html and "js/nav.js" in html
    assert "<script>" not in html and " style=" not in html
