"""Fixtures for documents: the demo app with its signer's certificate; a demo CA, signer, PDF and stamp images."""
from __future__ import annotations

import io

import pytest
import weasyprint
from PIL import Image, ImageDraw

from intranet.auth.models import User
from intranet.documents import certificates, pki, signing
from intranet.extensions import db

PKI_HTML = """
<html lang="vi"><head><style>
  @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
  body { margin: 0; font-family: "Liberation Serif"; font-size: 14pt; }
</style></head><body>
  <h1>Kế hoạch phòng, chống ma túy</h1>
  <p>Kế hoạch phòng, chống ma túy trong thanh, thiếu niên trên địa bàn tỉnh năm 2026.</p>
  <p style="page-break-before: always">Trang 2: tổ chức thực hiện.</p>
</body></html>
"""


@pytest.fixture(scope="session")
def pki_dir(tmp_path_factory):
    """One demo CA for the pages, commands and register tests, outside the repository's instance/."""
    return tmp_path_factory.mktemp("documents-demo-pki")


@pytest.fixture
def app(app, pki_dir):
    """The shared demo app whose signer (ca.lanhdao) holds a certificate from the demo CA."""
    app.config.update(PKI_DIR=pki_dir)
    with app.app_context():
        signer = db.session.scalar(db.select(User).where(User.username == "ca.lanhdao"))
        certificates.issue_demo_certificate(signer)
    return app


@pytest.fixture(scope="session")
def pki_ca(tmp_path_factory) -> pki.DemoCA:
    return pki.ensure_demo_ca(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def pki_signer_files(pki_ca) -> pki.SignerFiles:
    return pki_ca.issue("nguyenvana", "Nguyễn Văn Á", "Phó Giám đốc", "Công an tỉnh Quảng Ninh")


@pytest.fixture(scope="session")
def pki_signer(pki_ca, pki_signer_files):
    return pki.load_signer(pki_ca.directory, pki_signer_files.username)


@pytest.fixture(scope="session")
def pki_identity(pki_signer_files) -> signing.SignerIdentity:
    return signing.SignerIdentity.from_certificate(pki_signer_files.certificate())


@pytest.fixture(scope="session")
def pki_other_ca(tmp_path_factory) -> pki.DemoCA:
    return pki.ensure_demo_ca(tmp_path_factory.mktemp("other-pki"))


@pytest.fixture(scope="session")
def pki_pdf() -> bytes:
    return weasyprint.HTML(string=PKI_HTML).write_pdf()


@pytest.fixture(scope="session")
def pki_signature_png() -> bytes:
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).line(
        [(20, 150), (150, 40), (300, 160), (450, 50), (580, 120)], fill=(0, 40, 200, 255), width=14
    )
    return _png(image)


@pytest.fixture(scope="session")
def pki_seal_png() -> bytes:
    # 400 px at 254 dpi is a 40 mm seal, a usual agency seal size.
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, 392, 392], outline=(220, 0, 0, 255), width=18)
    draw.ellipse([90, 90, 310, 310], outline=(220, 0, 0, 255), width=8)
    return _png(image, dpi=(254, 254))


def _png(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **options)
    return out.getvalue()
