"""Evidence files: type read from the content (magic bytes), stored by a random name with SHA-256."""
from __future__ import annotations

import hashlib
import io
import os
import secrets
import zipfile
from pathlib import Path

from flask import current_app

from workflows import Forbidden

from ..audit.services import record_event
from ..errors import ValidationError
from ..extensions import db
from .models import Evidence, TaskResult
from .permissions import can_edit_report

KINDS = {
    "pdf": ("application/pdf", "PDF"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "jpg": ("image/jpeg", "JPG"),
    "png": ("image/png", "PNG"),
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ALLOWED_TEXT = "PDF, DOCX, XLSX, JPG, PNG"
MAX_FILES_PER_RESULT = 20


def sniff_kind(data: bytes) -> str | None:
    """The file's type from its first bytes (and, for zip files, their entries); None if not allowed."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return None


def _office_kind(data: bytes) -> str | None:
    """An Office Open XML package: word/ entries make a DOCX, xl/ entries an XLSX."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


def files_dir() -> Path:
    """Where evidence files live (config FILES_DIR/reports)."""
    return Path(current_app.config["FILES_DIR"]) / "reports"


def _clean_name(name: str | None) -> str:
    name = os.path.basename((name or "").replace("\\", "/")).strip()
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|')
    return name[:200] or "tep-dinh-kem"


def add_evidence(result: TaskResult, user, filename: str | None, data: bytes) -> Evidence:
    """Check and store one uploaded file for a task result; audit it."""
    if not can_edit_report(user, result.report):
        raise Forbidden("Không thể đính kèm tệp vào báo cáo ở trạng thái hiện tại.")
    limit = current_app.config["UPLOAD_MAX_BYTES"]
    if not data:
        raise ValidationError("Vui lòng chọn tệp minh chứng.")
    if len(data) > limit:
        raise ValidationError(f"Tệp vượt quá dung lượng cho phép ({limit // (1024 * 1024)} MB).")
    kind = sniff_kind(data)
    if kind is None:
        raise ValidationError(f"Nội dung tệp không phải định dạng được phép ({ALLOWED_TEXT}).")
    if len(result.evidence) >= MAX_FILES_PER_RESULT:
        raise ValidationError(f"Mỗi nhiệm vụ đính kèm tối đa {MAX_FILES_PER_RESULT} tệp.")
    folder = files_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{secrets.token_hex(16)}.{kind}"
    (folder / stored).write_bytes(data)
    evidence = Evidence(result=result, original_name=_clean_name(filename), stored_name=stored,
                        kind=kind, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                        uploaded_by_id=user.id)
    db.session.add(evidence)
    db.session.flush()
    record_event("unit_report", result.report_id, "add_evidence", "Đính kèm minh chứng", user,
                 reason=f"{evidence.original_name} (SHA-256 {evidence.sha256[:12]}…)")
    return evidence


def remove_evidence(evidence: Evidence, user) -> None:
    """Detach a file while the report is editable; the stored bytes stay, as the audit trail names them."""
    report = evidence.result.report
    if not can_edit_report(user, report):
        raise Forbidden("Không thể xóa tệp của báo cáo ở trạng thái hiện tại.")
    record_event("unit_report", report.id, "remove_evidence", "Xóa minh chứng", user,
                 reason=evidence.original_name)
    evidence.result.evidence.remove(evidence)
    db.session.flush()


def evidence_path(evidence: Evidence) -> Path:
    """The stored file; refuses names that would leave the folder."""
    path = (files_dir() / evidence.stored_name).resolve()
    if not path.is_relative_to(files_dir().resolve()):
        raise FileNotFoundError(evidence.stored_name)
    return path


def mimetype(evidence: Evidence) -> str:
    """The MIME type of the detected kind."""
    return KINDS[evidence.kind][0]
