"""Time PAdES signing and verification of a 13-page plan (target: signing under 150 ms)."""
from __future__ import annotations

import gc
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import weasyprint  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from intranet.documents import pki, signing, verification  # noqa: E402

RUNS = 20
WARMUP = 3
TARGET_MS = 150
PARAGRAPH = (
    "<p>Tăng cường công tác tuyên truyền, giáo dục về phòng, chống ma túy trong thanh, thiếu niên; "
    "phát hiện sớm, quản lý, hỗ trợ cai nghiện và phòng ngừa tái nghiện; phối hợp chặt chẽ giữa "
    "nhà trường, gia đình, Đoàn Thanh niên và Công an cấp xã trong việc quản lý học sinh, sinh viên "
    "và người lao động trẻ trên địa bàn tỉnh.</p>"
)
HTML = f"""
<html lang="vi"><head><style>
  @page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}
  body {{ margin: 0; font-family: "Liberation Serif"; font-size: 14pt; line-height: 1.15; text-align: justify; }}
  p {{ text-indent: 1cm; margin: 6pt 0; }}
</style></head><body>
  <h1>KẾ HOẠCH Phòng, chống ma túy trong thanh, thiếu niên năm 2026</h1>
  {PARAGRAPH * 104}
</body></html>
"""


def _timed(action) -> list[float]:
    # Collect WeasyPrint's leftovers first: otherwise one full collection of the rendering
    # garbage (~180 ms) lands inside a timed run and is billed to signing.
    gc.collect()
    for _ in range(WARMUP):
        action()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    """Render once, then sign and verify RUNS times each in a warm process."""
    pdf = weasyprint.HTML(string=HTML).write_pdf()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    with tempfile.TemporaryDirectory() as directory:
        ca = pki.ensure_demo_ca(Path(directory))
        files = ca.issue("bench", "Nguyễn Văn Á", "Phó Giám đốc", "Công an tỉnh Quảng Ninh")
        signer = pki.load_signer(Path(directory), files.username)
        stamp = signing.StampSpec(signing.SignerIdentity.from_certificate(files.certificate()))
        box = (330, 60, 550, 130)

        def sign() -> bytes:
            return signing.sign_pdf(pdf, signer, stamp=stamp, box=box, reason="Ban hành")

        sign_ms = _timed(sign)
        signed = sign()
        verify_ms = _timed(lambda: verification.verify_pdf(signed, [ca.certificate]))
        assert verification.verify_pdf(signed, [ca.certificate]).valid

    p50, worst = statistics.median(sign_ms), max(sign_ms)
    print(
        f"sign PDF ({pages} pages): p50 {p50:.0f} ms, max {worst:.0f} ms; "
        f"verify: p50 {statistics.median(verify_ms):.0f} ms"
    )
    print(f"target: signing under {TARGET_MS} ms: {'met' if worst < TARGET_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
