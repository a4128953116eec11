"""Signing through PKCS#11 with a SoftHSM2 token standing in for a USB token."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pkcs11
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pkcs11 import Attribute, KeyType
from pkcs11.util.x509 import decode_x509_certificate

from intranet.documents import signing
from intranet.documents.signing import Pkcs11Config, SignerIdentity, StampSpec
from intranet.documents.verification import verify_pdf

SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"
TOKEN_LABEL = "intranet-test"
USER_PIN = "1234"
KEY_LABEL = "tranvanc"


@pytest.fixture(scope="module")
def pki_token(tmp_path_factory, pki_ca):
    """A fresh SoftHSM2 token whose RSA key was generated inside it and certified by the demo CA."""
    # No skip: `make test` installs softhsm2, so its absence is a broken machine.
    assert shutil.which("softhsm2-util") and Path(SOFTHSM_MODULE).exists(), (
        "SoftHSM2 is missing: apt-get install -y softhsm2"
    )
    base = tmp_path_factory.mktemp("softhsm")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run(
            ["softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL,
             "--pin", USER_PIN, "--so-pin", "5678"],
            check=True, capture_output=True,
        )
        certificate = _provision_key_and_certificate(pki_ca)
        yield certificate
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


def _provision_key_and_certificate(pki_ca):
    token = pkcs11.lib(SOFTHSM_MODULE).get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=USER_PIN) as session:
        public, private = session.generate_keypair(
            KeyType.RSA, 2048, store=True, label=KEY_LABEL, id=b"\x01",
            private_template={Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False},
        )
        assert private[Attribute.SENSITIVE] and not private[Attribute.EXTRACTABLE]
        public_key = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(public[Attribute.MODULUS], "big"),
        ).public_key()
        certificate = pki_ca.certify(public_key, "Trần Văn C", "Giám đốc", "Công an tỉnh Quảng Ninh")
        attributes = decode_x509_certificate(certificate.public_bytes(serialization.Encoding.DER))
        attributes.update({Attribute.TOKEN: True, Attribute.LABEL: KEY_LABEL, Attribute.ID: b"\x01"})
        session.create_object(attributes)
    return certificate


def test_pkcs11_signature_is_valid_and_names_the_token_holder(pki_token, pki_pdf, pki_ca):
    stamp = StampSpec(SignerIdentity.from_certificate(pki_token))
    with signing.pkcs11_signer(SOFTHSM_MODULE, TOKEN_LABEL, USER_PIN, key_label=KEY_LABEL) as signer:
        signed = signing.sign_pdf(pki_pdf, signer, stamp=stamp, box=(330, 60, 550, 130))

    result = verify_pdf(signed, [pki_ca.certificate])
    assert result.valid and result.intact and result.trusted
    assert result.signer == "Trần Văn C"


def test_open_signer_accepts_a_token_configuration(pki_token, pki_pdf, pki_ca):
    config = Pkcs11Config(SOFTHSM_MODULE, TOKEN_LABEL, USER_PIN, key_label=KEY_LABEL, cert_label=KEY_LABEL)
    with signing.open_signer(config) as signer:
        signed = signing.sign_pdf(pki_pdf, signer, stamp=StampSpec(SignerIdentity("Trần Văn C", "Giám đốc")))

    assert verify_pdf(signed, [pki_ca.certificate]).valid


def test_wrong_pin_is_a_signing_error(pki_token):
    with pytest.raises(signing.SigningError):
        with signing.pkcs11_signer(SOFTHSM_MODULE, TOKEN_LABEL, "0000", key_label=KEY_LABEL):
            pass


def test_unknown_token_is_a_signing_error(pki_token):
    with pytest.raises(signing.SigningError):
        with signing.pkcs11_signer(SOFTHSM_MODULE, "khong-co", USER_PIN, key_label=KEY_LABEL):
            pass
