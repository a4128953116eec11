"""Where signing keys and trust roots come from: the demo CA, or a PKCS#11 token in production.

SIGNING_BACKEND is "demo" (keys in PKI_DIR, only while DEMO_PKI is on) or "pkcs11" (module,
token label, PIN and key label from PKCS11_MODULE, PKCS11_TOKEN, PKCS11_PIN and
PKCS11_KEY_LABEL, default: the signer's username). Each setting is read from the app config,
else from the environment, so secrets stay out of the repository.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from flask import current_app

from . import pki, signing


class CertificateUnavailable(Exception):
    """The signer has no usable key or certificate; `message` is shown in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def setting(name: str, default=None):
    """A signing setting from the app config, else the environment."""
    value = current_app.config.get(name)
    if value in (None, ""):
        value = os.environ.get(name, default)
    return value


def backend() -> str:
    """'demo' or 'pkcs11'; demo keys are never used unless DEMO_PKI is on."""
    name = setting("SIGNING_BACKEND") or ("demo" if current_app.config.get("DEMO_PKI") else "pkcs11")
    if name not in ("demo", "pkcs11"):
        raise CertificateUnavailable(f"Cấu hình SIGNING_BACKEND không hợp lệ: {name!r}.")
    return name


def demo_enabled() -> bool:
    """Tell whether the demo CA may be used (never in the production configuration)."""
    return bool(current_app.config.get("DEMO_PKI"))


def pki_dir() -> Path:
    """The demo CA's directory."""
    return Path(current_app.config["PKI_DIR"])


def issue_demo_certificate(user) -> pki.SignerFiles:
    """Create (once) the user's key and certificate from the demo CA."""
    if not demo_enabled():
        raise CertificateUnavailable("Chứng thư thử nghiệm bị tắt (DEMO_PKI) trong cấu hình này.")
    ca = pki.ensure_demo_ca(pki_dir())
    return ca.issue(user.username, user.full_name, (user.post or "Lãnh đạo")[:64],
                    user.unit.name[:64])


def has_certificate(user) -> bool:
    """Tell whether `user` can sign now (without opening a token)."""
    try:
        name = backend()
    except CertificateUnavailable:
        return False
    if name == "pkcs11":
        return bool(setting("PKCS11_MODULE") and setting("PKCS11_TOKEN"))
    if not demo_enabled():
        return False
    files = pki.signer_files(pki_dir(), user.username)
    return files.key_path.exists() and files.cert_path.exists()


def signer_source(user):
    """A pki.SignerFiles (demo) or a signing.Pkcs11Config (token) for `user`."""
    if backend() == "pkcs11":
        module, token = setting("PKCS11_MODULE"), setting("PKCS11_TOKEN")
        if not (module and token):
            raise CertificateUnavailable("Chưa cấu hình thiết bị ký số (PKCS11_MODULE, PKCS11_TOKEN).")
        return signing.Pkcs11Config(
            module_path=module, token_label=token, user_pin=setting("PKCS11_PIN", ""),
            key_label=setting("PKCS11_KEY_LABEL") or user.username)
    if not has_certificate(user):
        raise CertificateUnavailable(
            f"{user.full_name} chưa có chứng thư số (chạy `flask --app wsgi demo-pki`).")
    return pki.signer_files(pki_dir(), user.username)


@contextmanager
def open_user_signer(user):
    """Yield a pyHanko signer holding `user`'s key; a token session is closed afterwards."""
    with signing.open_signer(signer_source(user)) as signer:
        yield signer


def trust_roots() -> list:
    """Certificates a signature must chain to: SIGNING_TRUST_ROOTS files, and the demo CA when on."""
    roots = []
    for path in (setting("SIGNING_TRUST_ROOTS") or "").split(os.pathsep):
        if path.strip():
            roots.append(Path(path.strip()).read_bytes())
    if demo_enabled() and (pki_dir() / pki.CA_CERT_FILE).exists():
        roots.append(pki.load_ca_certificate(pki_dir()))
    return roots
