"""Commands: `demo-pki`, `pdf plan REF -o FILE [--sign-as USER]`, `verify-pdf FILE`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
from flask import current_app

from ..auth.models import User, UserRole
from ..extensions import db
from ..plans.models import Plan
from . import certificates, pki, signing, stamps
from .plan_document import render_plan_pdf, signer_block_index

_REFERENCE = re.compile(r"^\s*(\d+)\s*/\s*(\S+)\s*$")
_PLAN_ID = re.compile(r"^\s*(?:KH#)?(\d+)\s*$", re.IGNORECASE)


def find_plan(reference: str) -> Plan:
    """A plan by '112/KH-UBND', or by its id ('2', 'KH#2') when it has no number."""
    if match := _REFERENCE.match(reference):
        number, symbol = int(match[1]), match[2].upper()
        plans = [p for p in db.session.scalars(db.select(Plan).where(Plan.symbol == symbol))
                 if (p.number or "").isdigit() and int(p.number) == number]
        if len(plans) > 1:
            years = ", ".join(str(p.issued_on.year if p.issued_on else "?") for p in plans)
            raise click.ClickException(f"Có {len(plans)} kế hoạch số {reference} (năm {years}); "
                                       f"hãy chỉ định theo mã, ví dụ KH#{plans[0].id}.")
        if plans:
            return plans[0]
    elif match := _PLAN_ID.match(reference):
        plan = db.session.get(Plan, int(match[1]))
        if plan is not None:
            return plan
    raise click.ClickException(f"Không tìm thấy kế hoạch {reference!r}.")


def _user(username: str) -> User:
    user = db.session.scalar(db.select(User).where(User.username == username))
    if user is None:
        raise click.ClickException(f"Không có tài khoản {username!r}.")
    return user


def sign_with_demo_certificate(plan: Plan, user: User) -> bytes:
    """Render the plan and sign it with `user`'s demo certificate, outside the register."""
    files = certificates.issue_demo_certificate(user)
    unsigned, boxes = render_plan_pdf(plan, with_boxes=True)
    index = signer_block_index(plan, user)
    box = boxes[index] if index < len(boxes) else (boxes[0] if boxes else None)
    issuers = {i["unit_id"] for i in plan.issuers if i.get("unit_id")}
    signature_png, seal_png, seal_mm = stamps.stamp_images_for(user, issuers)
    with signing.open_signer(files) as signer:
        identity = signing.SignerIdentity.from_certificate(signer.signing_cert)
        stamp = signing.StampSpec(identity, signature_png=signature_png, seal_png=seal_png,
                                  seal_size_mm=seal_mm)
        return signing.sign_pdf(
            unsigned, signer, stamp=stamp, box=box.box if box else None,
            page=box.page_index if box else 0, reason=f"Ký thử nghiệm {plan.reference}",
            location=plan.place or "")


def register_commands(app) -> None:
    """Attach the documents commands to the app."""

    @app.cli.command("demo-pki")
    def demo_pki_command():
        """Create the demo CA and one certificate per signer in PKI_DIR (only when DEMO_PKI)."""
        if not certificates.demo_enabled():
            raise click.ClickException("DEMO_PKI đang tắt: cấu hình này không dùng CA thử nghiệm.")
        ca = pki.ensure_demo_ca(certificates.pki_dir())
        signers = db.session.scalars(db.select(User).join(UserRole).where(
            UserRole.role == "signer").order_by(User.username)).all()
        for user in signers:
            certificates.issue_demo_certificate(user)
            click.echo(f"Chứng thư thử nghiệm: {user.username} ({user.full_name}, {user.unit.name})")
        click.echo(f"CA thử nghiệm: {ca.cert_path} · {len(signers)} người ký.")

    @app.cli.group("pdf")
    def pdf_group():
        """Print official documents to PDF."""

    @pdf_group.command("plan")
    @click.argument("reference")
    @click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
                  help="Tệp PDF ghi ra.")
    @click.option("--sign-as", "sign_as", metavar="USERNAME",
                  help="Ký bằng chứng thư thử nghiệm của tài khoản này (chỉ khi DEMO_PKI).")
    def pdf_plan_command(reference: str, output: Path, sign_as: str | None):
        """Print a plan (112/KH-UBND, or KH#2 when unnumbered) to a PDF file."""
        if sign_as and not current_app.config.get("DEMO_PKI"):
            raise click.ClickException(
                "Không ký được: chứng thư thử nghiệm bị tắt trong cấu hình này (DEMO_PKI). "
                "Văn bản thật được ký trên hệ thống bằng thiết bị ký số.")
        plan = find_plan(reference)
        data = sign_with_demo_certificate(plan, _user(sign_as)) if sign_as else render_plan_pdf(plan)
        output.write_bytes(data)
        click.echo(f"Đã ghi {output} ({len(data) // 1024} KB{', đã ký số' if sign_as else ''}).")

    @app.cli.command("verify-pdf")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def verify_pdf_command(path: Path):
        """Check a signed PDF; print JSON and exit 0 only when the signature is valid and intact."""
        from .services import verify_upload

        result = verify_upload(path.read_bytes())
        keys = ("valid", "intact", "signer", "signed_at", "number")
        click.echo(json.dumps({k: result[k] for k in keys}, ensure_ascii=False))
        click.get_current_context().exit(0 if result["valid"] and result["intact"] else 1)
