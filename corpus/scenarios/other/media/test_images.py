from __future__ import annotations

import pytest
from PIL import Image

from .images import image_size, make_thumbnail, paste_watermark, png_bytes


@pytest.mark.failure(category="other", library="pillow", shape="chained", cause="image-processing-error")
def test_thumbnail_of_transparent_png():
    thumb = make_thumbnail(png_bytes("RGBA"))
    assert image_size(thumb) == (128, 96)


@pytest.mark.failure(category="other", library="pillow", shape="raised", cause="image-processing-error")
def test_thumbnail_of_uploaded_svg():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    assert make_thumbnail(svg)


@pytest.mark.failure(category="other", library="pillow", shape="raised", cause="image-processing-error")
def test_thumbnail_of_truncated_upload():
    data = png_bytes("RGB")
    assert make_thumbnail(data[: len(data) // 2])


@pytest.mark.failure(category="other", library="pillow", shape="raised", cause="image-processing-error")
def test_watermark_without_alpha_channel():
    image = paste_watermark(png_bytes("RGB"), png_bytes("RGB", (50, 20)))
    assert image.size == (640, 480)


@pytest.mark.failure(category="other", library="pillow", shape="assert", cause="image-processing-error")
def test_thumbnail_keeps_aspect_ratio():
    thumb = make_thumbnail(png_bytes("RGB", (1000, 250)), size=(200, 200))
    assert image_size(thumb) == (200, 200)
