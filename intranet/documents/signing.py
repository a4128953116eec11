"""PAdES signing of finished PDFs with a visible stamp (Nghị định 30, Phụ lục I, ô 7c and 8)."""
from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from PIL import Image
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import BaseStamp, BaseStampStyle, TextStampStyle

from ..formatting import to_vn
from .stamp_layout import layout_images, seal_size_pt

REPO_FONT = Path(__file__).resolve().parents[2] / "static" / "fonts" / "LiberationSerif-Regular.ttf"
SYSTEM_FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")

STAMP_TEXT = "Ký bởi: %(signer_name)s\n%(signer_post)s\nThời gian ký: %(signed_at)s"
# Phụ lục I: the text of an electronic signature is Times New Roman, upright, size 10, black.
STAMP_FONT_SIZE = 10

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SignerIdentity:
    """Who signs, as printed in the text stamp."""

    name: str
    post: str

    @classmethod
    def from_certificate(cls, certificate) -> SignerIdentity:
        """Read the name (CN) and post (title) from a certificate."""
        cert = _as_asn1(certificate)
        subject = cert.subject.native
        return cls(name=subject.get("common_name", ""), post=subject.get("title", ""))


@dataclass(frozen=True)
class StampSpec:
    """What the visible stamp shows: the signature and seal images, or else a text block.

    With images, the caller's box is the space between the post and the name printed in the
    document (ô 7c); the signature is centred in it and the seal covers its left third (ô 8).
    """

    identity: SignerIdentity
    signature_png: bytes | None = None
    seal_png: bytes | None = None
    # Actual diameter of the seal (Phụ lục I, ô 8); None reads it from the PNG's DPI.
    seal_size_mm: float | None = None
    font_path: Path | None = None

    @property
    def has_images(self) -> bool:
        return bool(self.signature_png or self.seal_png)


@dataclass(frozen=True)
class Pkcs11Config:
    """Where to find a signing key on a USB token or HSM."""

    module_path: str
    token_label: str
    user_pin: str = field(repr=False)
    key_label: str
    cert_label: str | None = None


class SigningError(Exception):
    """The PDF could not be signed."""


def sign_pdf(
    pdf_bytes: bytes,
    signer: signers.Signer,
    *,
    stamp: StampSpec,
    reason: str = "",
    location: str = "",
    field_name: str = "Signature1",
    box: Box | None = None,
    page: int = 0,
) -> bytes:
    """Sign a PDF (PAdES, SHA-256) by incremental update; `box=None` makes the signature invisible."""
    signed_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    space = None
    if box is not None and stamp.has_images:
        box, space = image_field(box, stamp)
    field_spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=box)
    pdf_signer = _FixedTimePdfSigner(
        meta, signer, signed_at=signed_at, stamp_style=_stamp_style(stamp, space),
        new_field_spec=field_spec,
    )
    # NFC: the stamp font is cut without mark positioning, so ễ must be one precomposed glyph.
    text_params = {
        "signer_name": unicodedata.normalize("NFC", stamp.identity.name),
        "signer_post": unicodedata.normalize("NFC", stamp.identity.post),
        "signed_at": vn_iso(signed_at),
    }
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
        output = pdf_signer.sign_pdf(
            writer, bytes_reserved=_bytes_reserved(signer), appearance_text_params=text_params
        )
    except Exception as exc:
        raise SigningError(f"Không ký được tệp PDF: {exc}") from exc
    return output.getvalue()


def _bytes_reserved(signer: signers.Signer) -> int:
    # Without this pyHanko sizes the /Contents hole by signing a dummy document first,
    # which doubles the private-key work. The CMS holds the chain, one signature and a few
    # signed attributes; it is written as hex, hence twice the DER size.
    chain = sum(len(cert.dump()) for cert in (signer.signing_cert, *signer.cert_registry))
    return 2 * (chain + 4096)


def vn_iso(moment: dt.datetime) -> str:
    """Format an aware datetime as ISO 8601 in Vietnam time, e.g. 2026-11-23T16:05:09+07:00."""
    return to_vn(moment).isoformat(timespec="seconds")


def file_signer(key_path: Path, cert_path: Path, ca_cert_paths: tuple[Path, ...] = ()) -> signers.Signer:
    """Load a signer from PEM files."""
    signer = signers.SimpleSigner.load(
        key_file=str(key_path),
        cert_file=str(cert_path),
        ca_chain_files=tuple(str(p) for p in ca_cert_paths),
    )
    if signer is None:
        raise SigningError("Không đọc được khóa ký hoặc chứng thư.")
    return signer


@contextmanager
def pkcs11_signer(
    module_path: str, token_label: str, user_pin: str, key_label: str, cert_label: str | None = None
) -> Iterator[signers.Signer]:
    """Open a session on a PKCS#11 token and yield a signer whose key never leaves it."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    try:
        session = pkcs11.open_pkcs11_session(
            module_path, token_criteria=TokenCriteria(label=token_label), user_pin=user_pin
        )
    except Exception as exc:
        raise SigningError(f"Không mở được thiết bị ký số {token_label!r}: {exc}") from exc
    try:
        yield pkcs11.PKCS11Signer(session, cert_label=cert_label or key_label, key_label=key_label)
    finally:
        session.close()


@contextmanager
def open_signer(source) -> Iterator[signers.Signer]:
    """Yield a signer for a pki.SignerFiles (demo CA) or a Pkcs11Config (token)."""
    if isinstance(source, Pkcs11Config):
        with pkcs11_signer(
            source.module_path, source.token_label, source.user_pin, source.key_label, source.cert_label
        ) as signer:
            yield signer
    else:
        yield file_signer(source.key_path, source.cert_path, (source.ca_cert_path,))


class _FixedTimePdfSigner(signers.PdfSigner):
    # One instant for the CMS signing-time, the /M entry and the stamp text, so that what
    # the page shows and what verification reports are the same second.
    def __init__(self, *args, signed_at: dt.datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._signed_at = signed_at

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signed_at
        return session


def _stamp_style(stamp: StampSpec, space=None) -> BaseStampStyle:
    if stamp.has_images:
        return _ImageStampStyle(
            signature=_load_png(stamp.signature_png),
            seal=_load_png(stamp.seal_png),
            seal_size_mm=stamp.seal_size_mm,
            space=space,
        )
    return TextStampStyle(
        stamp_text=STAMP_TEXT,
        border_width=0,
        text_box_style=TextBoxStyle(
            font=_BytesFontFactory(font_file=str(resolve_font(stamp.font_path)), font_size=STAMP_FONT_SIZE),
            font_size=STAMP_FONT_SIZE,
            leading=round(STAMP_FONT_SIZE * 1.2),
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(2),
        ),
    )


def resolve_font(font_path: Path | None = None) -> Path:
    """Return the stamp font: the given path, else the repo's Liberation Serif, else the system's."""
    for candidate in (font_path, REPO_FONT, SYSTEM_FONT):
        if candidate is not None and Path(candidate).is_file():
            return Path(candidate)
    raise SigningError(
        "Không tìm thấy phông Liberation Serif cho dấu chữ ký (cài gói fonts-liberation2)."
    )


# Latin, Vietnamese (precomposed and combining marks), dashes, quotes and the đồng sign.
_STAMP_CHARSET = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x1EA0, 0x1EF9), (0x2010, 0x2044), (0x20AB, 0x20AC))


@lru_cache(maxsize=4)
def _font_bytes(path: str) -> bytes:
    # Two fixes, once per process. pyHanko writes glyph widths (/W, TJ) in font units as if
    # every font had 1000 units per em; Liberation has 2048, which doubles the letter spacing,
    # so the font is rescaled to 1000. And pyHanko subsets the font on every signature:
    # from the 400 KB TTF that costs ~140 ms, from this 50 KB cut it costs a few.
    from fontTools import subset, ttLib
    from fontTools.ttLib.scaleUpem import scale_upem

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["FFTM", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in _STAMP_CHARSET for c in range(low, high + 1)])
    font = ttLib.TTFont(path)
    subsetter.subset(font)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class _BytesFontFactory(GlyphAccumulatorFactory):
    # pyHanko's own factory re-reads the whole font file per signature and never closes it.
    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(_font_bytes(self.font_file)),
            font_size=self.font_size,
            obj_stream=obj_stream,
        )


def _load_png(data: bytes | None) -> Image.Image | None:
    if not data:
        return None
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as exc:
        raise SigningError(f"Ảnh chữ ký hoặc con dấu không đọc được: {exc}") from exc
    # Palette PNGs keep transparency in tRNS, which pyHanko would drop; RGBA keeps it as a mask.
    return image if image.mode in ("RGBA", "LA") else image.convert("RGBA")


@dataclass(frozen=True)
class _ImageStampStyle(BaseStampStyle):
    signature: Image.Image | None = None
    seal: Image.Image | None = None
    seal_size_mm: float | None = None
    space: tuple[float, float, float, float] | None = None
    border_width: int = 0

    def create_stamp(self, writer, box, text_params) -> BaseStamp:
        return _ImageStamp(writer=writer, style=self, box=box)


def image_field(box: Box, stamp: StampSpec) -> tuple[Box, tuple[float, float, float, float]]:
    """Grow the signing space into the field the images need: the seal prints at its real size
    and, as on paper, may run over the post and name lines and to the left of the space.

    Returns the field and the signing space inside it (x, y, width, height from its corner).
    """
    x1, y1, x2, y2 = box
    width, height = x2 - x1, y2 - y1
    seal = _load_png(stamp.seal_png)
    if seal is None:
        return box, (0.0, 0.0, width, height)
    seal_w, seal_h = seal_size_pt(seal, stamp.seal_size_mm, height)
    signature = _load_png(stamp.signature_png)
    sig_w = 0.0
    if signature is not None:
        sig_w = min(width / signature.width, height / signature.height) * signature.width
    left = max(0.0, seal_w - (width / 2 - sig_w / 6))
    grow = max(0.0, (seal_h - height) / 2)
    field = (x1 - left, y1 - grow, x2, y2 + grow)
    return field, (left, grow, width, height)


class _ImageStamp(BaseStamp):
    def _render_inner_content(self):
        style: _ImageStampStyle = self.style
        sig_size = None if style.signature is None else (style.signature.width, style.signature.height)
        seal_size = None if style.seal is None else self._seal_size()
        sig_place, seal_place = layout_images(
            self.box.width, self.box.height, sig_size, seal_size, space=style.space)
        commands = []
        # The seal is drawn last: it covers the signature, as ink does on paper.
        for image, place in ((style.signature, sig_place), (style.seal, seal_place)):
            if image is None or place is None:
                continue
            content = PdfImage(image, writer=self.writer, box=layout.BoxConstraints(place.width, place.height))
            drawn = content.render()
            self.import_resources(content.resources)
            commands.append(b"q 1 0 0 1 %g %g cm %s Q" % (place.x, place.y, drawn))
        return commands

    def _seal_size(self) -> tuple[float, float]:
        return seal_size_pt(self.style.seal, self.style.seal_size_mm, self.box.height)


def _as_asn1(certificate) -> asn1_x509.Certificate:
    if isinstance(certificate, asn1_x509.Certificate):
        return certificate
    from cryptography.hazmat.primitives import serialization

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
