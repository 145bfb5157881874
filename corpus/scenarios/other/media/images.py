"""Product image pipeline: thumbnails and format conversion."""

from __future__ import annotations

import io

from PIL import Image


def make_thumbnail(data: bytes, size: tuple[int, int] = (128, 128)) -> bytes:
    image = Image.open(io.BytesIO(data))
    image.thumbnail(size)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def image_size(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


def png_bytes(mode: str = "RGBA", size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color=0).save(out, format="PNG")
    return out.getvalue()


def paste_watermark(base: bytes, mark: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(base)).convert("RGB")
    watermark = Image.open(io.BytesIO(mark))
    image.paste(watermark, (10, 10), watermark)
    return image
