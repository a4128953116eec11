"""Configuration classes; `create_app` picks one by name or from INTRANET_CONFIG."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("INTRANET_INSTANCE", BASE_DIR / "instance"))


def _secret_key(instance_dir: Path) -> str:
    """Read SECRET_KEY from the environment, else from instance/, generating it once."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance_dir / "secret_key"
    if not path.exists():
        instance_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    """Defaults shared by every environment: the embedded SQLite intranet."""

    INSTANCE_DIR = INSTANCE_DIR
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'intranet.sqlite3'}")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    FILES_DIR = Path(os.environ.get("INTRANET_FILES", INSTANCE_DIR / "files"))
    PKI_DIR = Path(os.environ.get("INTRANET_PKI", INSTANCE_DIR / "pki"))
    DEMO_PKI = True
    TNR_FONT = os.environ.get("INTRANET_TNR_FONT")
    SMTP_HOST = os.environ.get("SMTP_HOST")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "25"))
    MAIL_FROM = os.environ.get("MAIL_FROM", "intranet@localhost")
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
    DUE_SOON_DAYS = 7
    # Rendered task tables kept per worker (intranet/fragments.py), in characters of HTML:
    # 16 M characters of Vietnamese HTML take about 32 MiB per worker; 0 turns the store off.
    FRAGMENT_CACHE_CHARS = int(os.environ.get("INTRANET_FRAGMENT_CACHE_CHARS", 16_000_000))

    @classmethod
    def init(cls, app) -> None:
        """Finish settings that need the file system."""
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = _secret_key(Path(app.config["INSTANCE_DIR"]))


class DevelopmentConfig(Config):
    """`make run`: SQLite in instance/, demo data and demo PKI."""


class TestingConfig(Config):
    """Tests: a database given by the fixture, CSRF on (tests send the token)."""

    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    # Demo accounts are logged in hundreds of times per run; production keeps scrypt.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")


class ProductionConfig(Config):
    """Production: PostgreSQL through DATABASE_URL, secure cookies, no demo PKI."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    DEMO_PKI = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
