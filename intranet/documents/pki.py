"""Demo certificate authority for `make run` and the tests; never for real documents."""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "CA thử nghiệm - Intranet phòng, chống ma túy (KHÔNG dùng thật)"
CA_ORGANIZATION = "Intranet phòng, chống ma túy (thử nghiệm)"
CA_KEY_FILE = "ca.key.pem"
CA_CERT_FILE = "ca.cert.pem"
SIGNERS_DIR = "signers"

CA_VALIDITY = dt.timedelta(days=3650)
SIGNER_VALIDITY = dt.timedelta(days=3 * 365)
# Certificates start slightly in the past so a skewed clock on another host still accepts them.
BACKDATE = dt.timedelta(hours=1)
# Renew a signer certificate well before it lapses rather than at the last minute.
RENEW_BEFORE = dt.timedelta(days=30)

_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")


@dataclass(frozen=True)
class SignerFiles:
    """Paths of one signer's key, certificate and PKCS#12 bundle."""

    username: str
    key_path: Path
    cert_path: Path
    p12_path: Path
    ca_cert_path: Path

    def certificate(self) -> x509.Certificate:
        """Load the signer's certificate."""
        return x509.load_pem_x509_certificate(self.cert_path.read_bytes())


@dataclass(frozen=True)
class DemoCA:
    """A self-signed CA kept as two PEM files in `directory`."""

    directory: Path
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def cert_path(self) -> Path:
        return self.directory / CA_CERT_FILE

    def certify(
        self, public_key, full_name: str, post: str, unit_name: str
    ) -> x509.Certificate:
        """Issue a document-signing certificate for a public key held elsewhere (e.g. a token)."""
        now = _now()
        not_after = min(now + SIGNER_VALIDITY, self.certificate.not_valid_after_utc)
        with _long_names_allowed():
            issuer = self.certificate.subject
        subject = x509.Name(
            [_name_attribute(NameOID.COUNTRY_NAME, "VN")]
            + [_name_attribute(oid, value) for oid, value in _identity(full_name, post, unit_name).items()]
        )
        ca_ski = self.certificate.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - BACKDATE)
            .not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, _DOCUMENT_SIGNING]),
                critical=False,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                critical=False,
            )
        )
        return builder.sign(self.key, hashes.SHA256())

    def issue(self, username: str, full_name: str, post: str, unit_name: str) -> SignerFiles:
        """Create the user's key and certificate once; reissue only if the identity or CA changed."""
        files = signer_files(self.directory, username)
        files.key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _locked(self.directory):
            if self._is_current(files, full_name, post, unit_name):
                return files
            key = _new_key()
            cert = self.certify(key.public_key(), full_name, post, unit_name)
            _write_private(files.key_path, _key_pem(key))
            _write_private(
                files.p12_path,
                pkcs12.serialize_key_and_certificates(
                    username.encode(), key, cert, [self.certificate],
                    serialization.NoEncryption(),
                ),
            )
            _write_public(files.cert_path, cert.public_bytes(serialization.Encoding.PEM))
        return files

    def _is_current(self, files: SignerFiles, full_name: str, post: str, unit_name: str) -> bool:
        if not (files.key_path.exists() and files.cert_path.exists()):
            return False
        cert = files.certificate()
        key = serialization.load_pem_private_key(files.key_path.read_bytes(), password=None)
        if (
            not _signed_by(cert, self.certificate)
            or cert.not_valid_after_utc - RENEW_BEFORE <= _now()
            # A run interrupted between writing the new key and the new certificate.
            or key.public_key() != cert.public_key()
        ):
            return False
        with _long_names_allowed():
            subject = cert.subject
        return all(
            [a.value for a in subject.get_attributes_for_oid(oid)] == [value]
            for oid, value in _identity(full_name, post, unit_name).items()
        )


def ensure_demo_ca(directory: Path) -> DemoCA:
    """Return the demo CA stored in `directory`, creating it on first use."""
    directory = Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path, cert_path = directory / CA_KEY_FILE, directory / CA_CERT_FILE
    with _locked(directory):
        if not (key_path.exists() and cert_path.exists()):
            key = _new_key()
            cert = _self_signed_ca(key)
            _write_private(key_path, _key_pem(key))
            _write_public(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return DemoCA(directory=directory, key=key, certificate=cert)


def load_ca_certificate(directory: Path) -> x509.Certificate:
    """Load the demo CA certificate, the trust root for verification."""
    return x509.load_pem_x509_certificate((Path(directory) / CA_CERT_FILE).read_bytes())


def signer_files(directory: Path, username: str) -> SignerFiles:
    """Return where a user's key material lives (it may not exist yet)."""
    if not _USERNAME.fullmatch(username):
        raise ValueError(f"Tên đăng nhập không hợp lệ cho chứng thư: {username!r}")
    base = Path(directory) / SIGNERS_DIR
    return SignerFiles(
        username=username,
        key_path=base / f"{username}.key.pem",
        cert_path=base / f"{username}.cert.pem",
        p12_path=base / f"{username}.p12",
        ca_cert_path=Path(directory) / CA_CERT_FILE,
    )


def load_signer(directory: Path, username: str):
    """Return a pyHanko signer for a user issued by the demo CA."""
    from pyhanko.sign import signers

    files = signer_files(directory, username)
    if not files.key_path.exists():
        raise FileNotFoundError(f"Chưa cấp chứng thư thử nghiệm cho {username!r}")
    signer = signers.SimpleSigner.load(
        key_file=str(files.key_path),
        cert_file=str(files.cert_path),
        ca_chain_files=(str(files.ca_cert_path),),
    )
    if signer is None:
        raise ValueError(f"Không đọc được khóa của {username!r}")
    return signer


def _new_key() -> ec.EllipticCurvePrivateKey:
    # P-256 rather than RSA 2048: pyHanko reloads the private key for every signature and
    # an RSA load costs ~40 ms of key checks; a 13-page PDF signs in ~47 ms against ~88 ms.
    # Real tokens keep whatever key type their CA issued; that path does not come here.
    return ec.generate_private_key(ec.SECP256R1())


def _self_signed_ca(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    now = _now()
    name = x509.Name(
        [
            _name_attribute(NameOID.COUNTRY_NAME, "VN"),
            _name_attribute(NameOID.ORGANIZATION_NAME, CA_ORGANIZATION),
            _name_attribute(NameOID.COMMON_NAME, CA_NAME),
        ]
    )
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )


def _identity(full_name: str, post: str, unit_name: str) -> dict[x509.ObjectIdentifier, str]:
    # Names are cut to the RFC 5280 limit of 64 characters: a demo certificate with a
    # shortened unit name is more useful than none. An empty post or unit is left out.
    values = {
        NameOID.ORGANIZATION_NAME: unit_name,
        NameOID.TITLE: post,
        NameOID.COMMON_NAME: full_name,
    }
    if not full_name.strip():
        raise ValueError("Chứng thư cần họ tên người ký.")
    return {oid: value.strip()[:64] for oid, value in values.items() if value.strip()}


def _name_attribute(oid: x509.ObjectIdentifier, value: str) -> x509.NameAttribute:
    # RFC 5280 caps names at 64 characters; cryptography counts UTF-8 bytes instead, which
    # rejects ordinary Vietnamese unit names and the CA's own name.
    if not 1 <= len(value) <= 64:
        raise ValueError(f"Tên trong chứng thư phải có 1 đến 64 ký tự: {value!r}")
    with _long_names_allowed():
        return x509.NameAttribute(oid, value, _validate=False)


@contextmanager
def _long_names_allowed() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Attribute's length must be", category=UserWarning)
        yield


def _key_usage(**enabled: bool) -> x509.KeyUsage:
    flags = dict.fromkeys(
        (
            "digital_signature", "content_commitment", "key_encipherment",
            "data_encipherment", "key_agreement", "key_cert_sign", "crl_sign",
            "encipher_only", "decipher_only",
        ),
        False,
    )
    flags.update(enabled)
    return x509.KeyUsage(**flags)


def _signed_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _key_pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _write_private(path: Path, data: bytes) -> None:
    _write_atomically(path, data, 0o600)


def _write_public(path: Path, data: bytes) -> None:
    _write_atomically(path, data, 0o644)


def _write_atomically(path: Path, data: bytes, mode: int) -> None:
    # Written beside the target then renamed, so no reader ever sees half a key.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    # Several gunicorn workers may start at once; one creates, the others wait and reuse.
    fd = os.open(Path(directory) / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
