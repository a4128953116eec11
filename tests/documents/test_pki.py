"""Tests for the demo certificate authority."""
from __future__ import annotations

import stat

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from intranet.documents import pki


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# cryptography warns on reading a name longer than 64 UTF-8 bytes; RFC 5280 counts characters.
@pytest.mark.filterwarnings("ignore:Attribute's length must be")
def test_ca_is_created_once_with_private_key_files(tmp_path):
    first = pki.ensure_demo_ca(tmp_path)
    second = pki.ensure_demo_ca(tmp_path)

    assert first.certificate == second.certificate
    assert _mode(tmp_path / pki.CA_KEY_FILE) == 0o600
    assert first.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == pki.CA_NAME
    assert first.certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert pki.load_ca_certificate(tmp_path) == first.certificate


def test_issued_certificate_carries_identity_and_signing_usages(pki_ca, pki_signer_files):
    cert = pki_signer_files.certificate()

    def attr(oid):
        return cert.subject.get_attributes_for_oid(oid)[0].value

    assert attr(NameOID.COMMON_NAME) == "Nguyễn Văn Á"
    assert attr(NameOID.TITLE) == "Phó Giám đốc"
    assert attr(NameOID.ORGANIZATION_NAME) == "Công an tỉnh Quảng Ninh"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    extended = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in extended
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    cert.verify_directly_issued_by(pki_ca.certificate)
    assert _mode(pki_signer_files.key_path) == 0o600
    assert _mode(pki_signer_files.p12_path) == 0o600


def test_issue_is_idempotent_and_reissues_when_identity_changes(tmp_path):
    ca = pki.ensure_demo_ca(tmp_path)
    first = ca.issue("tranthib", "Trần Thị B", "Trưởng phòng", "Phòng PC04")
    key_before = first.key_path.read_bytes()
    again = ca.issue("tranthib", "Trần Thị B", "Trưởng phòng", "Phòng PC04")

    assert again.certificate() == first.certificate()
    assert again.key_path.read_bytes() == key_before

    promoted = ca.issue("tranthib", "Trần Thị B", "Phó Giám đốc", "Phòng PC04")
    assert promoted.certificate().subject.get_attributes_for_oid(NameOID.TITLE)[0].value == "Phó Giám đốc"


def test_long_vietnamese_names_fit_the_64_character_limit(tmp_path):
    ca = pki.ensure_demo_ca(tmp_path)
    # 63 characters but far more than 64 UTF-8 bytes: kept whole.
    unit = "Phòng Cảnh sát điều tra tội phạm về ma túy - Công an tỉnh Hà Tĩnh"[:63]
    files = ca.issue("canbo", "Lê Văn Đức", "Đội trưởng", unit)
    assert files.certificate().subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == unit

    # Longer than 64 characters: cut, and still recognised as the same identity next time.
    long_unit = "Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Quảng Ninh (PC04)"
    first = ca.issue("canbo2", "Lê Văn Đức", "", long_unit).certificate()
    assert first.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == long_unit[:64]
    assert not first.subject.get_attributes_for_oid(NameOID.TITLE)
    assert ca.issue("canbo2", "Lê Văn Đức", "", long_unit).certificate() == first


def test_key_and_certificate_that_do_not_match_are_reissued(tmp_path):
    ca = pki.ensure_demo_ca(tmp_path)
    files = ca.issue("hoangd", "Hoàng D", "Cán bộ", "Phòng PC04")
    other = ca.issue("hoange", "Hoàng E", "Cán bộ", "Phòng PC04")
    files.key_path.write_bytes(other.key_path.read_bytes())

    repaired = ca.issue("hoangd", "Hoàng D", "Cán bộ", "Phòng PC04")
    key = serialization.load_pem_private_key(repaired.key_path.read_bytes(), password=None)
    assert key.public_key() == repaired.certificate().public_key()


@pytest.mark.parametrize("username", ["../evil", "", ".hidden", "a/b", "tên", "abc\n"])
def test_usernames_that_could_escape_the_directory_are_refused(pki_ca, username):
    with pytest.raises(ValueError):
        pki_ca.issue(username, "X", "Y", "Z")


def test_load_signer_gives_a_pyhanko_signer_with_the_chain(pki_ca, pki_signer_files):
    signer = pki.load_signer(pki_ca.directory, pki_signer_files.username)

    assert signer.signing_cert.subject.native["common_name"] == "Nguyễn Văn Á"
    assert any(c.subject.native["common_name"] == pki.CA_NAME for c in signer.cert_registry)


def test_load_signer_for_unknown_user_fails_clearly(pki_ca):
    with pytest.raises(FileNotFoundError):
        pki.load_signer(pki_ca.directory, "khongco")
