"""Signature and seal images for signed stamps: checked from their bytes, one per signer and per unit.

Nghị định 30, Phụ lục I: the signer's signature image is blue, a transparent PNG, centred
between post and name (ô 7c); the seal image is red, a transparent PNG at the seal's real size,
covering the left third of the signature (ô 8).
"""
from __future__ import annotations

import hashlib
import io
import warnings

from PIL import Image

from ..audit.services import record_event
from ..auth.models import User, UserRole
from ..errors import ValidationError
from ..extensions import db
from ..formatting import utcnow
from ..units.models import OrgUnit
from .models import StampImage

SIGNATURE, SEAL = "signature", "seal"
LABELS = {SIGNATURE: "ảnh chữ ký", SEAL: "ảnh con dấu"}
MAX_BYTES = 1024 * 1024
MIN_PX, MAX_PX = 60, 3000
SEAL_MM = (20.0, 60.0)  # diameters of Vietnamese agency seals lie well inside this
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MM_PER_INCH = 25.4


def can_manage_signature(user, owner: User) -> bool:
    """The signer's own signature image, or any signer's for an administrator."""
    if not owner.has_role("signer"):
        return False
    return user.has_role("admin") or user.id == owner.id


def can_manage_seal(user, unit: OrgUnit) -> bool:
    """A unit's seal: its head (lãnh đạo đơn vị) or an administrator."""
    return user.has_role("admin") or (user.has_role("unit_head") and user.unit_id == unit.id)


def can_open_stamps_page(user) -> bool:
    """Who has something to manage on the page: administrators, signers and unit heads."""
    return user.has_role("admin", "signer", "unit_head")


def manageable_signers(user) -> list[User]:
    """Signers whose signature image `user` may change."""
    if user.has_role("admin"):
        return list(db.session.scalars(db.select(User).join(UserRole).where(
            UserRole.role == "signer", User.is_active_account).order_by(User.full_name)))
    return [user] if user.has_role("signer") else []


def manageable_units(user) -> list[OrgUnit]:
    """Units whose seal image `user` may change."""
    if user.has_role("admin"):
        return list(db.session.scalars(db.select(OrgUnit).where(
            OrgUnit.is_active, OrgUnit.kind.notin_(("collective", "external"))).order_by(OrgUnit.name)))
    return [user.unit] if user.has_role("unit_head") else []


def signature_of(user_id: int) -> StampImage | None:
    """The signer's signature image, if uploaded."""
    return db.session.scalar(db.select(StampImage).where(
        StampImage.kind == SIGNATURE, StampImage.user_id == user_id))


def seal_of(unit_id: int) -> StampImage | None:
    """The unit's seal image, if uploaded."""
    return db.session.scalar(db.select(StampImage).where(
        StampImage.kind == SEAL, StampImage.unit_id == unit_id))


def check_png(data: bytes, kind: str) -> Image.Image:
    """Read an upload as a transparent PNG of the right colour, or raise a Vietnamese message."""
    label = LABELS[kind]
    if not data:
        raise ValidationError(f"Vui lòng chọn tệp {label} (PNG nền trong suốt).")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"Tệp {label} quá lớn: tối đa {MAX_BYTES // 1024} KB.")
    if not data.startswith(PNG_MAGIC):
        raise ValidationError(f"Tệp {label} không phải ảnh PNG (hệ thống đọc nội dung tệp, không theo đuôi tên tệp).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format != "PNG":
                raise ValueError(image.format)
            if not (MIN_PX <= image.width <= MAX_PX and MIN_PX <= image.height <= MAX_PX):
                raise ValidationError(f"Kích thước {label} phải từ {MIN_PX} đến {MAX_PX} điểm ảnh mỗi chiều "
                                      f"(tệp này {image.width}×{image.height}).")
            image.load()
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(f"Tệp {label} bị hỏng hoặc không đọc được.") from None
    _check_transparent_and_colour(image, kind)
    return image


def _check_transparent_and_colour(image: Image.Image, kind: str) -> None:
    label = LABELS[kind]
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    sample = image.convert("RGBA")
    sample.thumbnail((200, 200))
    raw = sample.tobytes()
    pixels = [raw[i:i + 4] for i in range(0, len(raw), 4)]
    clear = sum(1 for p in pixels if p[3] < 32)
    if not has_alpha or clear < len(pixels) // 5:
        raise ValidationError(f"{label.capitalize()} phải có nền trong suốt (PNG có kênh alpha).")
    ink = [p for p in pixels if p[3] >= 128]
    if not ink:
        raise ValidationError(f"{label.capitalize()} không có nét nào: ảnh trong suốt hoàn toàn.")
    red, green, blue = (sum(p[i] for p in ink) / len(ink) for i in range(3))
    if kind == SIGNATURE and not (blue > red + 20 and blue > green):
        raise ValidationError("Ảnh chữ ký phải màu xanh (Nghị định 30, Phụ lục I).")
    if kind == SEAL and not (red > green + 40 and red > blue + 40):
        raise ValidationError("Ảnh con dấu phải màu đỏ (Nghị định 30, Phụ lục I).")


def seal_diameter_mm(image: Image.Image, typed: str | None) -> float:
    """The seal's real diameter: as typed (mm), else from the PNG's resolution; within SEAL_MM."""
    typed = (typed or "").strip().replace(",", ".")
    if typed:
        try:
            size = float(typed)
        except ValueError:
            raise ValidationError("Đường kính con dấu phải là một số (mm), ví dụ 36 hoặc 40,5.") from None
    else:
        dpi = image.info.get("dpi")
        if not dpi or not dpi[0]:
            raise ValidationError("Nhập đường kính thật của con dấu (mm): ảnh không ghi độ phân giải.")
        size = image.width / float(dpi[0]) * MM_PER_INCH
    low, high = SEAL_MM
    if not low <= size <= high:
        raise ValidationError(f"Đường kính con dấu phải từ {low:g} đến {high:g} mm (nhận được {size:.1f} mm).")
    return round(size, 1)


def save_signature(owner: User, data: bytes, by: User) -> StampImage:
    """Store (or replace) a signer's signature image."""
    image = check_png(data, SIGNATURE)
    row = signature_of(owner.id) or StampImage(kind=SIGNATURE, user_id=owner.id)
    _fill(row, data, image, by, size_mm=None)
    record_event("user", owner.id, "stamp_signature", "Cập nhật ảnh chữ ký dùng khi ký số", by)
    return row


def save_seal(unit: OrgUnit, data: bytes, typed_size_mm: str | None, by: User) -> StampImage:
    """Store (or replace) a unit's seal image with its real diameter."""
    image = check_png(data, SEAL)
    size = seal_diameter_mm(image, typed_size_mm)
    row = seal_of(unit.id) or StampImage(kind=SEAL, unit_id=unit.id)
    _fill(row, data, image, by, size_mm=size)
    record_event("unit", unit.id, "stamp_seal", f"Cập nhật ảnh con dấu (đường kính {size:g} mm)", by)
    return row


def _fill(row: StampImage, data: bytes, image: Image.Image, by: User, *, size_mm: float | None) -> None:
    row.data, row.sha256 = data, hashlib.sha256(data).hexdigest()
    row.width_px, row.height_px, row.size_mm = image.width, image.height, size_mm
    row.uploaded_at, row.uploaded_by_id = utcnow(), by.id
    db.session.add(row)
    db.session.flush()


def delete_image(row: StampImage, by: User) -> None:
    """Remove an image: later signatures fall back to the text stamp."""
    if row.kind == SIGNATURE:
        record_event("user", row.user_id, "stamp_signature_delete", "Xóa ảnh chữ ký dùng khi ký số", by)
    else:
        record_event("unit", row.unit_id, "stamp_seal_delete", "Xóa ảnh con dấu dùng khi ký số", by)
    db.session.delete(row)
    db.session.flush()


def stamp_images_for(signer: User, issuing_unit_ids: set[int]) -> tuple[bytes | None, bytes | None, float | None]:
    """The signature of `signer` and the seal of the body they sign for (their own, if it issues)."""
    signature = signature_of(signer.id)
    unit_id = signer.unit_id if signer.unit_id in issuing_unit_ids else min(issuing_unit_ids, default=None)
    seal = seal_of(unit_id) if unit_id is not None else None
    return (signature.data if signature else None, seal.data if seal else None,
            seal.size_mm if seal else None)
