"""Where the signature and seal images go in a visible stamp (Nghị định 30, Phụ lục I, ô 7c and 8)."""
from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

PT_PER_MM = 72 / 25.4


def natural_size_pt(image: Image.Image) -> tuple[float, float] | None:
    """The image's size in points from the DPI written in the PNG, if any."""
    dpi = image.info.get("dpi")
    if not dpi or not dpi[0] or not dpi[1]:
        return None
    return image.width / float(dpi[0]) * 72, image.height / float(dpi[1]) * 72


@dataclass(frozen=True)
class Placement:
    """An image's corner and size in points, from the field's bottom-left corner."""

    x: float
    y: float
    width: float
    height: float


def layout_images(
    box_width: float,
    box_height: float,
    signature_size: tuple[float, float] | None,
    seal_size: tuple[float, float] | None,
    space: tuple[float, float, float, float] | None = None,
) -> tuple[Placement | None, Placement | None]:
    """Place the images in a field of `box_width` × `box_height`.

    The signature fills and is centred in `space` (x, y, width, height: the signing space
    between post and name; the whole field by default). The seal keeps its real size unless
    the field is smaller, its right edge one third into the signature (ô 8), level with the
    space's middle; if it would stick out on the left, both move right.
    """
    sx, sy, sw, sh = space or (0.0, 0.0, box_width, box_height)
    sig = seal = None
    if signature_size:
        w, h = signature_size
        scale = min(sw / w, sh / h)
        sig = Placement(sx + (sw - w * scale) / 2, sy + (sh - h * scale) / 2, w * scale, h * scale)
    if seal_size:
        w, h = seal_size
        scale = min(1.0, box_height / h, box_width / w)
        w, h = w * scale, h * scale
        x = sig.x + sig.width / 3 - w if sig else sx + (sw - w) / 2
        y = min(max(0.0, sy + sh / 2 - h / 2), box_height - h)
        seal = Placement(x, y, w, h)
    if sig and seal and seal.x < 0:
        # No room on the left: the seal goes to the edge, the signature follows it and
        # shrinks if its other two thirds would not fit.
        scale = min(1.0, (box_width - seal.width) * 1.5 / sig.width)
        width, height = sig.width * scale, sig.height * scale
        sig = Placement(seal.width - width / 3, sig.y + (sig.height - height) / 2, width, height)
        seal = Placement(0.0, seal.y, seal.width, seal.height)
    return sig, seal


def seal_size_pt(seal: Image.Image, size_mm: float | None, fallback_height: float) -> tuple[float, float]:
    """The seal's printed size: its given diameter, else its PNG resolution, else the space's height."""
    if size_mm:
        return size_mm * PT_PER_MM, size_mm * PT_PER_MM * seal.height / seal.width
    natural = natural_size_pt(seal)
    if natural:
        return natural
    return fallback_height * seal.width / seal.height, fallback_height
