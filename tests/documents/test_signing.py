"""Tests for PAdES signing with a visible stamp, and for verification."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from PIL import Image, ImageFont
from pypdf import PdfReader

from intranet.documents import signing, verification
from intranet.documents.signing import SignerIdentity, StampSpec
from intranet.documents.verification import verify_pdf

BOX = (330, 60, 550, 130)
ISO_VN = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")


@pytest.fixture(scope="module")
def signed(pki_pdf, pki_signer, pki_identity) -> bytes:
    return signing.sign_pdf(
        pki_pdf, pki_signer, stamp=StampSpec(pki_identity), box=BOX,
        reason="Ban hành kế hoạch", location="Quảng Ninh",
    )


@pytest.fixture(scope="module")
def image_signed(pki_pdf, pki_signer, pki_identity, pki_signature_png, pki_seal_png) -> bytes:
    stamp = StampSpec(pki_identity, signature_png=pki_signature_png, seal_png=pki_seal_png)
    return signing.sign_pdf(pki_pdf, pki_signer, stamp=stamp, box=(330, 60, 550, 190))


def _widget(pdf: bytes, page: int = 0):
    for annot in PdfReader(io.BytesIO(pdf)).pages[page].get("/Annots") or []:
        annot = annot.get_object()
        if annot.get("/FT") == "/Sig" or annot.get("/Parent", {}).get("/FT") == "/Sig":
            return annot
    return None


def _render_box(pdf: bytes, box, tmp_path) -> Image.Image:
    assert shutil.which("pdftoppm"), "pdftoppm missing: apt-get install -y poppler-utils"
    height = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    (tmp_path / "doc.pdf").write_bytes(pdf)
    x1, y1, x2, y2 = box
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
         "-x", str(x1), "-y", str(int(height - y2)), "-W", str(x2 - x1), "-H", str(y2 - y1),
         str(tmp_path / "doc.pdf"), str(tmp_path / "box")],
        check=True, capture_output=True,
    )
    return Image.open(tmp_path / "box.png").convert("RGB")


def _ink(image: Image.Image, test) -> list[tuple[int, int]]:
    return [(x, y) for y in range(image.height) for x in range(image.width) if test(image.getpixel((x, y)))]


def test_signed_pdf_verifies_as_valid_and_intact(signed, pki_ca):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(minutes=5)
    result = verify_pdf(signed, [pki_ca.certificate])

    assert result.signed and result.valid and result.intact and result.trusted
    assert result.covers_whole_file
    assert result.signer == "Nguyễn Văn Á"
    assert ISO_VN.match(result.signed_at), result.signed_at
    assert before <= dt.datetime.fromisoformat(result.signed_at) <= dt.datetime.now(dt.timezone.utc)
    assert result.message_vi == verification.MSG_VALID
    assert result.as_dict() == {
        "valid": True, "intact": True, "signer": "Nguyễn Văn Á", "signed_at": result.signed_at,
    }


def test_signing_is_an_incremental_update_with_pades_subfilter(signed, pki_pdf):
    assert signed.startswith(pki_pdf)
    signature = _widget(signed)["/V"].get_object()
    assert signature["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature["/Reason"] == "Ban hành kế hoạch"
    assert signature["/Location"] == "Quảng Ninh"


def test_text_stamp_is_visible_in_the_box_with_vietnamese_glyphs(signed, pki_pdf, tmp_path):
    widget = _widget(signed)
    assert [round(float(v)) for v in widget["/Rect"]] == list(BOX)
    appearance = widget["/AP"]["/N"].get_object()
    font = next(iter(appearance["/Resources"]["/Font"].values())).get_object()
    assert "LiberationSerif" in font["/BaseFont"]
    # ToUnicode maps the glyphs back to text: "ý" of "Ký bởi", "ở" of "bởi", "ễ" of "Nguyễn".
    to_unicode = font["/ToUnicode"].get_object().get_data().decode("ascii").upper()
    for code in ("00FD", "1EDF", "1EC5"):
        assert code in to_unicode

    assert not _ink(_render_box(pki_pdf, BOX, tmp_path), lambda p: sum(p) < 600)
    ink = _ink(_render_box(signed, BOX, tmp_path), lambda p: sum(p) < 600)
    assert len(ink) > 100
    # The longest line, set in 10 pt Liberation Serif, must keep its natural width: neither
    # letter-spaced nor clipped by the box.
    signed_at = verify_pdf(signed, []).signed_at
    expected = ImageFont.truetype(str(signing.resolve_font()), 10).getlength(f"Thời gian ký: {signed_at}")
    drawn = max(x for x, _ in ink) - min(x for x, _ in ink)
    assert drawn == pytest.approx(expected, rel=0.06)


def test_image_stamp_draws_blue_signature_and_red_seal_on_its_left(image_signed, pki_ca, tmp_path):
    assert verify_pdf(image_signed, [pki_ca.certificate]).valid
    appearance = _widget(image_signed)["/AP"]["/N"].get_object()
    images = [x.get_object() for x in appearance["/Resources"]["/XObject"].values()]
    assert len(images) == 2 and all("/SMask" in image for image in images)

    picture = _render_box(image_signed, (330, 60, 550, 190), tmp_path)
    blue = _ink(picture, lambda p: p[2] > 150 and p[0] < 100)
    red = _ink(picture, lambda p: p[0] > 150 and p[1] < 100 and p[2] < 100)
    assert blue and red
    assert min(x for x, _ in red) < min(x for x, _ in blue) < max(x for x, _ in red)
    # Transparent backgrounds: the corners of the box stay white.
    assert picture.getpixel((0, 0)) == (255, 255, 255)


def test_seal_keeps_its_real_size_over_the_left_third_of_a_centred_signature(
        pki_identity, pki_signature_png, pki_seal_png):
    stamp = StampSpec(pki_identity, signature_png=pki_signature_png, seal_png=pki_seal_png,
                      seal_size_mm=40)
    space_box = (330, 60, 506, 140)  # the 62 × 28 mm signing space of the print template
    field, space = signing.image_field(space_box, stamp)
    fx1, fy1, fx2, fy2 = field
    sig, seal = signing.layout_images(fx2 - fx1, fy2 - fy1, (600, 200), (400, 400), space=space)

    # The signature fills the signing space and stays centred under the post.
    assert fx1 + sig.x + sig.width / 2 == pytest.approx((330 + 506) / 2)
    assert sig.width == pytest.approx(176)
    # The seal prints at its real 40 mm, its right edge one third into the signature, level
    # with the middle of the space; the field grows left and up/down only as far as needed.
    assert seal.width == pytest.approx(40 * 72 / 25.4) and seal.height == pytest.approx(seal.width)
    assert seal.x + seal.width == pytest.approx(sig.x + sig.width / 3)
    assert seal.x == pytest.approx(0) and fx2 == 506
    assert fy1 + seal.y + seal.height / 2 == pytest.approx(100)
    assert fy2 - fy1 == pytest.approx(seal.height)


def test_seal_in_a_field_too_small_shrinks_and_both_stay_inside():
    sig, seal = signing.layout_images(200, 100, (600, 200), (113.4, 113.4))

    assert seal.height == pytest.approx(100) and seal.x >= 0
    assert seal.x + seal.width == pytest.approx(sig.x + sig.width / 3)
    assert sig.x + sig.width == pytest.approx(200) and sig.width < 200


def test_invisible_signature_and_signature_on_another_page(pki_pdf, pki_signer, pki_identity, pki_ca):
    invisible = signing.sign_pdf(pki_pdf, pki_signer, stamp=StampSpec(pki_identity))
    on_page_two = signing.sign_pdf(pki_pdf, pki_signer, stamp=StampSpec(pki_identity), box=BOX, page=1)

    assert verify_pdf(invisible, [pki_ca.certificate]).valid
    assert verify_pdf(on_page_two, [pki_ca.certificate]).valid
    assert _widget(on_page_two, page=1) is not None and _widget(on_page_two, page=0) is None


def test_second_signature_keeps_the_document_valid(signed, pki_signer, pki_ca):
    countersigned = signing.sign_pdf(
        signed, pki_signer, stamp=StampSpec(SignerIdentity("Văn thư", "Công an tỉnh")),
        field_name="Signature2", box=(60, 60, 280, 130),
    )
    result = verify_pdf(countersigned, [pki_ca.certificate])
    assert result.valid and result.covers_whole_file


def test_certificate_from_another_ca_is_valid_but_untrusted(pki_pdf, pki_other_ca, pki_identity, pki_ca):
    pki_other_ca.issue("mao", "Người Giả Mạo", "Giám đốc", "Không rõ")
    from intranet.documents.pki import load_signer

    forged = signing.sign_pdf(
        pki_pdf, load_signer(pki_other_ca.directory, "mao"), stamp=StampSpec(pki_identity), box=BOX
    )
    result = verify_pdf(forged, [pki_ca.certificate])

    assert result.intact and not result.trusted and not result.valid
    assert result.message_vi == verification.MSG_UNTRUSTED
    assert verify_pdf(forged, [pki_other_ca.certificate]).valid


def test_one_changed_byte_in_the_page_content_is_detected(signed, pki_pdf, pki_ca):
    reader = PdfReader(io.BytesIO(pki_pdf))
    contents = reader.pages[0].raw_get("/Contents")
    ref = contents[0] if isinstance(contents, list) else contents
    start = signed.index(b"\n%d 0 obj" % ref.idnum)
    offset = signed.index(b"stream", start) + len(b"stream\n") + 20
    tampered = bytearray(signed)
    tampered[offset] ^= 0x01

    result = verify_pdf(bytes(tampered), [pki_ca.certificate])
    assert not result.valid and not result.intact
    assert result.message_vi == verification.MSG_MODIFIED


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.3, 0.5, 0.7, 0.9])
def test_changing_any_signed_byte_invalidates(signed, pki_pdf, pki_ca, fraction):
    offset = 10 + int(fraction * (len(pki_pdf) - 20))
    tampered = bytearray(signed)
    tampered[offset] = (tampered[offset] + 1) % 256

    assert not verify_pdf(bytes(tampered), [pki_ca.certificate]).valid


def test_changed_signature_value_is_not_valid(signed, pki_ca):
    from asn1crypto import cms

    start = signed.index(b"/Contents <") + len(b"/Contents <")
    der = bytes.fromhex(signed[start : signed.index(b">", start)].decode())
    signer_info = cms.ContentInfo.load(der)["content"]["signer_infos"][0]
    value_hex = signer_info["signature"].native.hex().upper().encode()
    offset = signed.upper().index(value_hex, start) + len(value_hex) // 2
    tampered = bytearray(signed)
    tampered[offset] = ord("0") if tampered[offset] != ord("0") else ord("1")

    result = verify_pdf(bytes(tampered), [pki_ca.certificate])
    assert result.intact and not result.valid
    assert result.message_vi == verification.MSG_BAD_SIGNATURE


def test_bytes_appended_after_signing_are_not_covered(signed, pki_ca):
    result = verify_pdf(signed + b"\n% appended after signing\n", [pki_ca.certificate])

    assert not result.covers_whole_file and not result.intact and not result.valid
    assert result.message_vi == verification.MSG_MODIFIED


def test_content_added_by_a_later_incremental_update_is_detected(signed, pki_ca):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    overlay = writer.add_object(generic.StreamObject(stream_data=b"0 0 1 rg 100 700 200 50 re f"))
    writer.add_stream_to_page(0, overlay)
    out = io.BytesIO()
    writer.write(out)

    result = verify_pdf(out.getvalue(), [pki_ca.certificate])
    assert not result.valid and not result.covers_whole_file
    assert result.message_vi == verification.MSG_MODIFIED


def test_pkcs11_pin_stays_out_of_logs():
    config = signing.Pkcs11Config("/lib.so", "token", "123456", key_label="key")
    assert "123456" not in repr(config)


def test_unsigned_pdf(pki_pdf, pki_ca):
    result = verify_pdf(pki_pdf, [pki_ca.certificate])
    assert not result.signed and not result.valid
    assert result.message_vi == verification.MSG_UNSIGNED


@pytest.mark.parametrize("garbage", [b"", b"not a pdf at all", bytes(range(256)) * 8, b"%PDF-1.7\n%%EOF"])
def test_garbage_never_raises(garbage, pki_ca):
    result = verify_pdf(garbage, [pki_ca.certificate])
    assert not result.valid
    assert result.message_vi in (verification.MSG_UNREADABLE, verification.MSG_UNSIGNED)


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_truncated_signed_pdf_is_not_valid(signed, pki_ca, keep):
    result = verify_pdf(signed[: int(len(signed) * keep)], [pki_ca.certificate])
    assert not result.valid
    assert result.message_vi in (verification.MSG_UNREADABLE, verification.MSG_MODIFIED)


def test_identity_comes_from_the_certificate(pki_signer_files):
    identity = SignerIdentity.from_certificate(pki_signer_files.certificate())
    assert identity == SignerIdentity("Nguyễn Văn Á", "Phó Giám đốc")


def test_unreadable_stamp_image_is_a_signing_error(pki_pdf, pki_signer, pki_identity):
    with pytest.raises(signing.SigningError):
        signing.sign_pdf(pki_pdf, pki_signer, stamp=StampSpec(pki_identity, seal_png=b"not png"), box=BOX)


def test_vietnam_time_format():
    moment = dt.datetime(2026, 11, 23, 9, 5, 9, tzinfo=dt.timezone.utc)
    assert signing.vn_iso(moment) == "2026-11-23T16:05:09+07:00"
