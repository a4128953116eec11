"""Verification of PAdES signatures in uploaded or stored PDFs, answered in Vietnamese."""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from ..formatting import to_vn

MSG_VALID = "Chữ ký hợp lệ, tệp nguyên vẹn."
MSG_MODIFIED = "Tệp đã bị sửa đổi sau khi ký."
MSG_UNSIGNED = "Tệp không có chữ ký số."
MSG_UNTRUSTED = "Chứng thư không được tin cậy."
MSG_UNREADABLE = "Không đọc được tệp PDF."
MSG_BAD_SIGNATURE = "Chữ ký số không hợp lệ."

# Later revisions that only add signatures or fill fields leave an earlier signature valid.
_HARMLESS_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerificationResult:
    """What a reader needs to know about a PDF's signatures."""

    signed: bool
    valid: bool
    intact: bool
    trusted: bool
    covers_whole_file: bool
    signer: str
    signed_at: str
    message_vi: str

    def as_dict(self) -> dict:
        """Return the public summary shown on the verification page and API."""
        return {"valid": self.valid, "intact": self.intact, "signer": self.signer, "signed_at": self.signed_at}


@dataclass(frozen=True)
class _Check:
    intact: bool
    crypto_ok: bool
    trusted: bool
    whole_file: bool
    harmless_after: bool
    signer: str
    signed_at: str


def verify_pdf(pdf_bytes: bytes, trust_roots: list) -> VerificationResult:
    """Verify every signature of a PDF against `trust_roots`; never raises, whatever the input."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_regular_signatures
    except Exception:
        return _failure(MSG_UNREADABLE)
    if not signatures:
        return _failure(MSG_UNSIGNED)
    try:
        context = ValidationContext(trust_roots=_asn1_roots(trust_roots), allow_fetching=False)
    except Exception:
        logger.exception("Unusable trust roots for PDF verification")
        return _failure(MSG_UNTRUSTED, signed=True)
    checks = [_check(signature, context) for signature in signatures]
    return _summarise(checks)


def _check(signature, context: ValidationContext) -> _Check:
    try:
        status = validate_pdf_signature(signature, context)
    except Exception:
        # Garbled CMS, byte ranges pointing past a truncated file, and the like.
        return _Check(False, False, False, False, False, "", "")
    whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    signed_at = status.signer_reported_dt
    return _Check(
        intact=bool(status.intact),
        crypto_ok=bool(status.valid),
        trusted=bool(status.trusted),
        whole_file=whole_file,
        harmless_after=whole_file or status.modification_level in _HARMLESS_CHANGES,
        signer=_common_name(status.signing_cert),
        signed_at=to_vn(signed_at).isoformat(timespec="seconds") if signed_at else "",
    )


def _summarise(checks: list[_Check]) -> VerificationResult:
    # The latest signature must cover the whole file; earlier ones only need the later
    # revisions to be signatures or form filling.
    last = checks[-1]
    intact = all(c.intact and c.harmless_after for c in checks) and last.whole_file
    crypto_ok = all(c.crypto_ok for c in checks)
    trusted = all(c.trusted for c in checks)
    if not intact:
        message = MSG_MODIFIED
    elif not crypto_ok:
        message = MSG_BAD_SIGNATURE
    elif not trusted:
        message = MSG_UNTRUSTED
    else:
        message = MSG_VALID
    return VerificationResult(
        signed=True,
        valid=intact and crypto_ok and trusted,
        intact=intact,
        trusted=trusted,
        covers_whole_file=last.whole_file,
        signer=last.signer,
        signed_at=last.signed_at,
        message_vi=message,
    )


def _failure(message: str, *, signed: bool = False) -> VerificationResult:
    return VerificationResult(
        signed=signed, valid=False, intact=False, trusted=False, covers_whole_file=False,
        signer="", signed_at="", message_vi=message,
    )


def _common_name(cert) -> str:
    try:
        return cert.subject.native.get("common_name", "") or ""
    except Exception:
        return ""


def _asn1_roots(roots: list) -> list[asn1_x509.Certificate]:
    """Accept cryptography or asn1crypto certificates, or PEM/DER bytes."""
    converted = []
    for root in roots:
        if isinstance(root, asn1_x509.Certificate):
            converted.append(root)
        elif isinstance(root, bytes):
            der = pem.unarmor(root)[2] if pem.detect(root) else root
            converted.append(asn1_x509.Certificate.load(der))
        else:
            from cryptography.hazmat.primitives import serialization

            converted.append(asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER)))
    return converted
