"""Vega-Lite specifications drawn on paper with vl-convert (the same specification the browser draws).

On paper a chart is one picture, drawn once and used by both the PDF and the DOCX: a PNG at print
resolution (``PRINT_SCALE``: about 190 dpi at its printed size), flattened on white so that neither WeasyPrint
nor Word has an alpha channel to split. WeasyPrint laying out an SVG chart took ≈1 s each (8 s of a province's
review); a picture costs it a few milliseconds. ``chart_svg`` stays for tests reading the drawn text.
Numbers follow the locale passed (Vietnamese: 1.234.567)."""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
from dataclasses import dataclass

import vl_convert
from django.core.cache import cache
from PIL import Image

# The printable width of an A4 page with the Nghị định 30 margins is 165 mm; charts are drawn a little
# narrower so the axis titles fit.
PAPER_WIDTH = 480
# PNG pixels per SVG pixel: a 480-pixel chart printed 12,7 cm wide is drawn at about 190 dpi.
PRINT_SCALE = 2
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


@dataclass(frozen=True)
class Picture:
    """A chart drawn for paper: RGB PNG bytes and its printed size in CSS pixels (1/96 inch)."""

    png: bytes
    width: int
    height: int

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode()


def _flat_png(spec: dict, locale: dict, scale: float) -> tuple[bytes, int, int]:
    drawn = Image.open(io.BytesIO(vl_convert.vegalite_to_png(spec, scale=scale, format_locale=locale)))
    flat = Image.new("RGB", drawn.size, "white")
    flat.paste(drawn, mask=drawn.getchannel("A") if drawn.mode == "RGBA" else None)
    out = io.BytesIO()
    flat.save(out, format="PNG", compress_level=6)
    return out.getvalue(), round(drawn.width / scale), round(drawn.height / scale)


def chart_picture(spec: dict, *, locale: dict, scale: float = PRINT_SCALE) -> Picture:
    """The chart for the PDF and the DOCX alike (cached by specification, so a review printed as PDF then
    as DOCX draws each chart once)."""
    paper = paper_spec(spec)
    png, width, height = _cached("picture", lambda: _flat_png(paper, locale, scale), paper, locale, scale)
    return Picture(png, width, height)
