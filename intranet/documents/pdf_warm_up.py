"""What a new PDF helper prints once before it says "ready": a three-page plan in the real template.

A helper warmed with one short line printed its first real part 200-300 ms slower than the next
ones (fonts in the other faces, HarfBuzz shaping plans, the page margin boxes and the collapsed
table borders all set up on the clock). This plan goes through the same code as a real one: the
header grid, the four faces, justified paragraphs across a page break (so the page number in the
top margin), the signature table and a Phụ lục table whose header repeats on a second page.
"""
from __future__ import annotations

_PARAGRAPH = (
    "Tăng cường công tác tuyên truyền, giáo dục pháp luật về phòng, chống ma túy cho thanh, "
    "thiếu niên; nâng cao hiệu quả phối hợp giữa các sở, ban, ngành, đoàn thể và Ủy ban nhân dân "
    "các huyện, thị xã, thành phố trong việc phát hiện, ngăn chặn, xử lý nghiêm các hành vi vi "
    "phạm; bảo đảm kinh phí, nhân lực (Quyết định số 140/QĐ-TTg ngày 02/02/2024)."
)

_PLAN = {
    "number": "01",
    "symbol": "KH-UBND",
    "issuer_blocks": [{"parent": "ỦY BAN NHÂN DÂN TỈNH", "lines": ["SỞ GIÁO DỤC", "VÀ ĐÀO TẠO"]}],
    "place": "Quảng Ninh",
    "issued_on": "2024-04-25",
    "doc_type": "KẾ HOẠCH",
    "title": "TRIỂN KHAI CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY TRONG THANH, THIẾU NIÊN ĐẾN NĂM 2030",
    "legal_basis": ["Căn cứ Luật Phòng, chống ma túy ngày 30/3/2021;"],
    "intro": [_PARAGRAPH],
    "sections": [
        {"heading": "I. MỤC ĐÍCH, YÊU CẦU", "number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "blocks": [
            {"type": "heading", "number": "1", "text": "Mục đích"},
            *({"type": "paragraph", "text": _PARAGRAPH} for _ in range(9)),
            {"type": "bullet", "text": "Kiềm chế tỷ lệ gia tăng người nghiện ma túy mới."},
        ]},
    ],
    "closing": ["Giao Công an tỉnh chủ trì theo dõi, hướng dẫn, kiểm tra việc thực hiện Kế hoạch."],
    "signers": [{"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                 "name": "Nguyễn Thị Hạnh"}],
    "recipients": ["Bộ Công an", "Các sở, ban, ngành", "Lưu: VT, NC1"],
    "drafter_mark": "CA-KH01",
}

_ROWS = [
    {"stt": index, "text": _PARAGRAPH, "lead": "Công an tỉnh", "coordinating": "Tỉnh Đoàn, Sở Y tế",
     "deadline": "Hằng năm, trước 05/12"}
    for index in range(1, 9)
]


def warm_up_context() -> dict:
    """The plan.html context of the warm-up plan."""
    return {"plan": _PLAN, "appendix_rows": _ROWS, "qr_png": None}
