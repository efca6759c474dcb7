"""Vega-Lite specifications drawn on paper with vl-convert (the same specification the browser draws):
SVG for the PDF, PNG at a print scale for the DOCX. Numbers follow the locale passed (Vietnamese:
1.234.567)."""

from __future__ import annotations

import base64
import copy
import hashlib
import json

import vl_convert
from django.core.cache import cache

# The printable width of an A4 page with the Nghị định 30 margins is 165 mm; charts are drawn a little
# narrower so the axis titles fit.
PAPER_WIDTH = 480
# PNG pixels per SVG pixel in Word (about 220 dpi at 15 cm).
PRINT_SCALE = 3
# vl-convert resolves a family to the first file it finds: where Debian's fonts-liberation (1.x, without
# Vietnamese letters such as "ờ") sits beside fonts-liberation2, "Liberation Sans" falls back glyph by glyph
# to another font. DejaVu Sans has every Vietnamese letter wherever it is installed; the document's text
# keeps its Times-metric serif.
PAPER_FONT = "DejaVu Sans"


def paper_spec(spec: dict, width: int = PAPER_WIDTH) -> dict:
    """The specification with a fixed width (no container on paper), the paper font and no tooltips."""
    spec = copy.deepcopy(spec)
    spec["width"] = width
    spec.setdefault("config", {})["font"] = PAPER_FONT
    if isinstance(spec.get("mark"), dict):
        spec["mark"].pop("tooltip", None)
    spec.get("encoding", {}).pop("tooltip", None)
    return spec


# A drawing depends only on the specification, the locale and the scale: kept in the cache for a day, so a
# stored review printed again, or as PDF then DOCX, does not draw its charts again (about 0,3 s each).
CACHE_SECONDS = 24 * 3600


def _cached(kind: str, draw, *parts):
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    key = f"documents.vega.{kind}.{digest}"
    drawing = cache.get(key)
    if drawing is None:
        drawing = draw()
        cache.set(key, drawing, CACHE_SECONDS)
    return drawing


def chart_svg(spec: dict, *, locale: dict) -> str:
    paper = paper_spec(spec)
    return _cached("svg", lambda: vl_convert.vegalite_to_svg(paper, format_locale=locale), paper, locale)


def chart_svg_data_uri(spec: dict, *, locale: dict) -> str:
    """The chart as an ``<img>`` source for WeasyPrint (the SVG stays outside the page's markup)."""
    encoded = base64.b64encode(chart_svg(spec, locale=locale).encode()).decode()
    return f"data:image/svg+xml;base64,{encoded}"


def chart_png(spec: dict, *, locale: dict, scale: float = PRINT_SCALE) -> bytes:
    paper = paper_spec(spec)
    return _cached(
        "png",
        lambda: vl_convert.vegalite_to_png(paper, scale=scale, format_locale=locale),
        paper,
        locale,
        scale,
    )
