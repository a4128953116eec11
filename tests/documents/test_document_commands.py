"""Commands: demo-pki, pdf plan (draft or signed with a demo certificate), verify-pdf."""
from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from intranet import create_app
from intranet.documents import pki


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_pdf_plan_by_number_writes_the_plan(runner, tmp_path):
    out = tmp_path / "kh112.pdf"
    result = runner.invoke(args=["pdf", "plan", "112/KH-UBND", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert "Số: 112/KH-UBND" in text
    assert "Chủ trì, phối hợp với Tỉnh Đoàn tổ chức triển khai" in " ".join(text.split())


def test_pdf_plan_without_number_by_id(runner, tmp_path, app):
    for reference in ("2", "KH#2"):
        out = tmp_path / f"{reference.replace('#', '')}.pdf"
        result = runner.invoke(args=["pdf", "plan", reference, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "KẾ HOẠCH PHỐI HỢP" in _text(out)
    missing = runner.invoke(args=["pdf", "plan", "999/KH-UBND", "-o", str(tmp_path / "x.pdf")])
    assert missing.exit_code == 1 and "Không tìm thấy kế hoạch" in missing.output


def test_signed_as_demo_signer_then_verified(runner, tmp_path):
    out = tmp_path / "kh112-signed.pdf"
    signed = runner.invoke(args=["pdf", "plan", "112/KH-UBND", "--sign-as", "ca.lanhdao", "-o", str(out)])
    assert signed.exit_code == 0, signed.output
    result = runner.invoke(args=["verify-pdf", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert list(report) == ["valid", "intact", "signer", "signed_at", "number"]
    assert report["valid"] is True and report["intact"] is True
    assert report["signer"] == "Nguyễn Văn Lãnh" and report["number"] == "112/KH-UBND"
    assert report["signed_at"].endswith("+07:00")

    tampered = bytearray(out.read_bytes())
    tampered[len(tampered) // 3] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(tampered))
    result = runner.invoke(args=["verify-pdf", str(bad)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False and report["intact"] is False


def test_an_unsigned_pdf_does_not_verify(runner, tmp_path):
    out = tmp_path / "draft.pdf"
    runner.invoke(args=["pdf", "plan", "112/KH-UBND", "-o", str(out)])
    result = runner.invoke(args=["verify-pdf", str(out)])
    assert result.exit_code == 1 and json.loads(result.output)["valid"] is False


def test_demo_pki_is_idempotent(runner, pki_dir):
    first = runner.invoke(args=["demo-pki"])
    assert first.exit_code == 0, first.output
    assert "ca.lanhdao" in first.output
    files = pki.signer_files(pki_dir, "ca.lanhdao")
    cert = files.cert_path.read_bytes()
    ca = (pki_dir / pki.CA_CERT_FILE).read_bytes()
    assert runner.invoke(args=["demo-pki"]).exit_code == 0
    assert files.cert_path.read_bytes() == cert and (pki_dir / pki.CA_CERT_FILE).read_bytes() == ca


def test_production_config_refuses_demo_signing(tmp_path):
    app = create_app("production", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
                     INSTANCE_DIR=str(tmp_path / "instance"), SECRET_KEY="test", PKI_DIR=tmp_path / "pki")
    runner = app.test_cli_runner()
    out = tmp_path / "signed.pdf"
    result = runner.invoke(args=["pdf", "plan", "112/KH-UBND", "--sign-as", "ca.lanhdao", "-o", str(out)])
    assert result.exit_code == 1 and "DEMO_PKI" in result.output
    assert not out.exists() and not (tmp_path / "pki").exists()
    result = runner.invoke(args=["demo-pki"])
    assert result.exit_code == 1 and "DEMO_PKI" in result.output
