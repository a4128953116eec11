"""Generate a province (or 34 of them) of units, accounts, plans, tasks and their history.

Rows are built as plain dicts with precomputed ids and bulk-inserted with SQLAlchemy Core
(`insert()` executemany in chunks) on the session's connection, so the whole data set is one
transaction that the caller commits. Every random choice comes from a `random.Random` seeded
by (seed, province, stream), so the same arguments always give the same rows, and a larger
`multiplier` adds tasks without changing the units, accounts or plans.
"""
from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, text

from workflows import TASK

from ..audit.models import AuditEvent
from ..auth.models import User, UserRole
from ..extensions import db
from ..plans.models import Milestone, Plan, PlanDeadline, Target
from ..tasks.models import Comment, Task, TaskUnit
from ..units.models import OrgUnit

# werkzeug's hash of "demo123", computed once: hashing 1,000 passwords would take minutes.
PASSWORD_HASH = ("scrypt:32768:8:1$4rIkL194UcSCXfFQ$0b9db6847464747abab4932b9aede1258f1fc9d1742265b0"
                 "268ab2faa86962acdf8351dda36f067d4bc22ccc21c3556a42511c3c7620a2ab7d9c7650600ee72b")
# The generated history ends on this day; a fixed default keeps the same seed giving the same rows.
AS_OF = date(2026, 11, 20)
CHUNK = 5_000
EDIT_LABEL = "Cập nhật nội dung thực hiện"  # as tasks.services.save_draft records it
TABLES = (OrgUnit, User, UserRole, Plan, Target, Milestone, PlanDeadline, Task, TaskUnit, Comment,
          AuditEvent)


class GenerationError(Exception):
    """The requested data cannot be generated into this database."""


@dataclass(frozen=True)
class Volume:
    """Row counts of one province."""

    units: int = 60
    users: int = 1_000
    plans: int = 50
    tasks: int = 10_000
    comments: int = 10_000
    audit: int = 200_000


def volume_for(factor: float = 1.0, multiplier: int = 1, **overrides) -> Volume:
    """A province scaled by `factor`; tasks, comments and audit events also times `multiplier`."""
    base = Volume()
    units = max(12, round(base.units * factor))
    volume = Volume(
        units=units, users=max(units * 3 + 6, round(base.users * factor)),
        plans=max(1, round(base.plans * factor)),
        tasks=round(base.tasks * factor * multiplier),
        comments=round(base.comments * factor * multiplier),
        audit=round(base.audit * factor * multiplier))
    return replace(volume, **{k: v for k, v in overrides.items() if v is not None})


PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}

# kind, name, short name, external, weight as lead unit; in the order small provinces keep them.
CORE_UNITS = [
    ("standing_agency", "Công an tỉnh", "CA tỉnh", False, 8),
    ("people_committee", "Ủy ban nhân dân tỉnh", "UBND tỉnh", False, 1),
    ("department", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", False, 5),
    ("mass_organisation", "Tỉnh đoàn", "Tỉnh đoàn", False, 4),
    ("department", "Sở Y tế", "Sở Y tế", False, 3),
    ("department", "Sở Nội vụ", "Sở Nội vụ", False, 3),
    ("judicial", "Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", True, 0),
    ("department", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", False, 3),
    ("department", "Sở Tài chính", "Sở Tài chính", False, 2),
    ("department", "Sở Công Thương", "Sở Công Thương", False, 2),
    ("department", "Sở Khoa học và Công nghệ", "Sở KH&CN", False, 2),
    ("agency", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", False, 2),
    ("department", "Sở Tư pháp", "Sở Tư pháp", False, 2),
    ("mass_organisation", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", False, 2),
    ("mass_organisation", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UB MTTQ tỉnh", True, 0),
    ("judicial", "Tòa án nhân dân tỉnh", "TAND tỉnh", True, 0),
    ("department", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", False, 1),
    ("department", "Sở Xây dựng", "Sở Xây dựng", False, 1),
    ("agency", "Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự tỉnh", False, 1),
    ("agency", "Báo và Phát thanh, Truyền hình tỉnh", "Báo và PTTH tỉnh", False, 2),
    ("department", "Sở Dân tộc và Tôn giáo", "Sở DT&TG", False, 1),
    ("department", "Sở Ngoại vụ", "Sở Ngoại vụ", False, 1),
    ("department", "Thanh tra tỉnh", "Thanh tra tỉnh", False, 1),
    ("department", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", False, 1),
]
PLACES = [
    "Tân Lập", "Quang Trung", "Hồng Phong", "Đông Hải", "Bình Minh", "Hòa Bình", "Thống Nhất",
    "Tiên Yên", "Hải Hà", "Vân Đồn", "Cẩm Phả", "Hạ Long", "Bãi Cháy", "Hồng Gai", "Hà Tu",
    "Đông Triều", "Mạo Khê", "Quảng Yên", "Uông Bí", "Vàng Danh", "Móng Cái", "Trà Cổ",
    "Đầm Hà", "Ba Chẽ", "Bình Liêu", "Hoành Bồ", "Cô Tô", "Quảng Hà", "Đường Hoa", "Lục Hồn",
    "Hoàng Quế", "An Sinh", "Yên Tử", "Phong Cốc", "Liên Hòa", "Hiệp Hòa", "Minh Thành",
    "Kim Sơn", "Hà An", "Nam Hòa", "Cửa Ông", "Mông Dương", "Quang Hanh", "Hải Lạng",
    "Đông Ngũ", "Đồng Rui", "Húc Động", "Vô Ngại", "Quảng Tân", "Thanh Lân", "Cái Rồng",
    "Quan Lạn", "Minh Châu", "Thắng Lợi", "Vạn Ninh", "Hải Sơn", "Hải Đông", "Ninh Dương"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân", "Kim", "Thúy"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phương",
         "Quân", "Sơn", "Tâm", "Thảo", "Thành", "Trang", "Trung", "Tuấn", "Vân", "Yến"]

# Task texts are built from the phrases of the two seed plans.
VERBS = ["Triển khai", "Tổ chức", "Tăng cường", "Xây dựng", "Nâng cao hiệu quả", "Rà soát, đánh giá",
         "Chỉ đạo", "Đẩy mạnh", "Phối hợp triển khai", "Tham mưu"]
OBJECTS = [
    "bộ tài liệu tuyên truyền, giáo dục pháp luật và kỹ năng phòng, chống ma túy cho học sinh, học viên",
    "công tác tuyên truyền về hậu quả, tác hại của ma túy tổng hợp, ma túy “núp bóng” thực phẩm, thuốc lá điện tử",
    "tập huấn, bồi dưỡng kỹ năng phòng, chống ma túy cho cán bộ, giáo viên, giảng viên",
    "mô hình “Trường học không ma túy” và mô hình tiếp nhận thông tin tố giác về tệ nạn ma túy",
    "các giải pháp phát hiện sớm, can thiệp sớm đối với thanh, thiếu niên sử dụng trái phép chất ma túy",
    "công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng cho thanh, thiếu niên",
    "mô hình tư vấn, hỗ trợ, giới thiệu việc làm cho thanh, thiếu niên sau cai nghiện ma túy",
    "kiểm tra, thanh tra các hoạt động, dịch vụ văn hóa, thể thao, du lịch có nguy cơ phát sinh tệ nạn ma túy",
    "Tháng hành động phòng, chống ma túy và Ngày Quốc tế phòng, chống ma túy 26/6",
    "các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở",
    "công tác quản lý học sinh, học viên; chủ động rà soát học sinh liên quan đến tệ nạn ma túy",
    "kiểm soát thông tin xấu độc, lôi kéo thanh, thiếu niên tham gia tội phạm ma túy trên không gian mạng",
    "dự toán kinh phí thực hiện Chương trình gửi Công an tỉnh tổng hợp",
    "phiên tòa giả định, phiên tòa rút kinh nghiệm về tội phạm ma túy liên quan đến thanh, thiếu niên",
    "rà soát cơ sở y tế đủ điều kiện xác định tình trạng nghiện ma túy tại trạm y tế cấp xã",
    "chương trình giáo dục phổ thông, học văn hóa, học nghề cho thanh, thiếu niên tại cơ sở cai nghiện",
    "đường dây nóng tư vấn về cai nghiện ma túy cho thanh, thiếu niên và gia đình",
    "các phong trào thanh niên hưởng ứng, tham gia phòng, chống ma túy",
    "phổ biến kiến thức về tác hại của ma túy trên truyền hình, phát thanh, báo điện tử và mạng xã hội",
    "quản lý chặt chẽ số thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện ma túy",
]
PLACES_OF = ["trên địa bàn tỉnh", "tại các cơ sở giáo dục", "tại các xã, phường trọng điểm, phức tạp về ma túy",
             "trong thanh, thiếu niên", "ở khu vực biên giới, cửa khẩu và trên biển", "tại cộng đồng dân cư"]
SUBTASKS = ["Dự án 1: “Tăng cường công tác truyền thông về phòng, chống ma túy trong thanh, thiếu niên”.",
            "Dự án 2: “Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở”.",
            "Tổ chức ít nhất 01 lớp tập huấn mỗi năm.", "Báo cáo kết quả về Công an tỉnh trước ngày 05/12."]
PLAN_TITLES = [
    "Triển khai Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030 trên địa bàn {p}",
    "Phòng, chống ma túy trong thanh, thiếu niên năm {y}",
    "Tổ chức Tháng hành động phòng, chống ma túy và Ngày Quốc tế phòng, chống ma túy 26/6 năm {y}",
    "Phối hợp tuyên truyền, giáo dục pháp luật về phòng, chống ma túy trong các cơ sở giáo dục giai đoạn {y} - {z}",
    "Xây dựng xã, phường, thị trấn sạch ma túy trên địa bàn {p} năm {y}",
    "Thực hiện công tác quản lý người sử dụng trái phép chất ma túy là thanh, thiếu niên năm {y}",
    "Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở năm {y}",
    "Kiểm tra, giám sát công tác phòng, chống ma túy trong thanh, thiếu niên năm {y}",
    "Hỗ trợ thanh, thiếu niên sau cai nghiện ma túy tái hòa nhập cộng đồng giai đoạn {y} - {z}",
    "Tuyên truyền phòng, chống ma túy trên không gian mạng cho thanh, thiếu niên năm {y}",
]
TARGETS = [
    ("Thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện ma túy có hồ sơ quản lý được tư vấn, "
     "khám sàng lọc, điều trị, cai nghiện ma túy thích hợp", {"2025": ">80%", "2030": ">90%"}),
    ("Cơ sở giáo dục bậc trung học cơ sở trở lên tổ chức tuyên truyền, giáo dục, phổ biến kiến thức "
     "về phòng, chống ma túy", {"yearly": "≥90%"}),
    ("Tổ chức Đoàn xã, phường có tệ nạn ma túy giúp đỡ, cảm hóa thanh, thiếu niên sau cai nghiện "
     "tái hòa nhập cộng đồng", {"yearly": "≥02 người/xã"}),
    ("Số vụ phạm tội về ma túy liên quan đến thanh, thiếu niên được giải quyết, xét xử theo quy định",
     {"2025": ">90%", "2030": ">95%"}),
    ("Cán bộ, giáo viên, giảng viên được tập huấn kiến thức, kỹ năng phòng, chống ma túy",
     {"2025": ">80%", "2030": "100%"}),
]
DRAFTS = [
    "Đã tổ chức {a} buổi tuyên truyền, giáo dục pháp luật về phòng, chống ma túy cho {b} lượt học sinh, "
    "học viên; phát hành {c} tờ rơi, áp phích.",
    "Đã quản lý {a} thanh, thiếu niên có hồ sơ; tư vấn, khám sàng lọc cho {b} trường hợp; {c} trường hợp "
    "được hỗ trợ học nghề, việc làm.",
    "Đã tập huấn cho {a} cán bộ, giáo viên; kiểm tra {b} cơ sở kinh doanh dịch vụ; phát hiện, xử lý {c} vụ việc.",
    "Đã tổ chức {a} hoạt động hưởng ứng Tháng hành động với {b} lượt đoàn viên, thanh niên tham gia; "
    "thành lập {c} Đội Thanh niên xung kích.",
]
COMMENTS = [
    "Đề nghị đơn vị cập nhật số liệu trước ngày 05/12 để Công an tỉnh tổng hợp.",
    "Đơn vị đã phối hợp với Công an tỉnh tổ chức tuyên truyền tại các trường trung học phổ thông.",
    "Đã bổ sung số liệu theo ý kiến của cán bộ thường trực.",
    "Đề nghị làm rõ số lượt người tham dự từng đợt tuyên truyền.",
    "Kinh phí thực hiện đã được bố trí trong dự toán năm của đơn vị.",
    "Đơn vị phối hợp đã gửi số liệu; đề nghị đơn vị chủ trì tổng hợp chung.",
]
REASONS = {
    "return_to_staff": ["Đề nghị chuyên viên rà soát lại số liệu trước khi gửi Công an tỉnh.",
                        "Bổ sung kết quả phối hợp với các đơn vị liên quan."],
    "return_to_unit": ["Đề nghị bổ sung số liệu kết quả thực hiện (số buổi, số lượt người tham dự).",
                       "Nội dung chưa đúng đề cương hướng dẫn của Công an tỉnh; đề nghị chỉnh sửa.",
                       "Chưa nêu kết quả so với chỉ tiêu của Kế hoạch; đề nghị bổ sung.",
                       "Số liệu chưa đúng kỳ báo cáo (từ 15/12 năm trước đến 14/12); đề nghị điều chỉnh."],
    "reopen": ["Cập nhật số liệu phát sinh sau khi đã được phê duyệt."],
    "cancel": ["Nhiệm vụ đã được điều chỉnh tại Kế hoạch sửa đổi, bổ sung.",
               "Nhiệm vụ trùng với nhiệm vụ khác của Kế hoạch."],
}
# Share of tasks per state, for plans issued in the last two years and for older ones.
STATE_MIX = {
    "recent": {"assigned": 16, "drafting": 26, "awaiting_head": 10, "submitted": 10,
               "under_review": 8, "approved": 28, "cancelled": 2},
    "old": {"assigned": 5, "drafting": 15, "awaiting_head": 6, "submitted": 6,
            "under_review": 5, "approved": 60, "cancelled": 3},
}
FORWARD = ["drafting", "awaiting_head", "submitted", "under_review", "approved"]
STEP_TO = {"awaiting_head": "submit", "submitted": "send", "under_review": "start_review",
           "approved": "approve"}
RETURNS = {"awaiting_head": "return_to_staff", "submitted": "return_to_unit",
           "under_review": "return_to_unit", "approved": "reopen"}
ACTORS = {"start_draft": "staff", "edit_draft": "staff", "submit": "staff", "reopen": "staff",
          "send": "head", "return_to_staff": "head", "start_review": "reviewer",
          "return_to_unit": "reviewer", "approve": "reviewer", "cancel": "admin"}


def _rng(seed: int, province: int, stream: str) -> random.Random:
    return random.Random(f"{seed}/{province}/{stream}")


def _spread(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integer parts proportional to `weights` (largest remainder)."""
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: parts[i] - weights[i] * scale)
    for i in order[:total - sum(parts)]:
        parts[i] += 1
    return parts


class _Ids:
    """Next free primary key per table, read once so ids can be assigned in Python."""

    def __init__(self, conn):
        self.next = {m: (conn.scalar(select(func.max(m.id))) or 0) + 1 for m in TABLES}

    def take(self, model, count: int) -> range:
        start = self.next[model]
        self.next[model] = start + count
        return range(start, start + count)


class _Province:
    """Rows of one province, built in memory as dicts keyed by model."""

    def __init__(self, *, seed: int, index: int, name: str, prefix: str, national: bool,
                 volume: Volume, as_of: date, ids: _Ids):
        self.seed, self.index, self.name, self.prefix = seed, index, name, prefix
        self.national, self.volume, self.as_of, self.ids = national, volume, as_of, ids
        self.level = "thành phố" if name in CITIES else "tỉnh"
        self.end = datetime.combine(as_of, datetime.min.time()) + timedelta(hours=3)
        self.rows: dict = {m: [] for m in TABLES}

    def rng(self, stream: str) -> random.Random:
        return _rng(self.seed, self.index, stream)

    def build(self) -> dict:
        self._units()
        self._users()
        self._plans()
        self._tasks()
        return self.rows

    def _local(self, name: str) -> str:
        """Qualify a provincial unit's name with its province at national scale."""
        if not self.national:
            return name
        if name == "Tỉnh đoàn":
            return f"{'Thành đoàn' if self.level == 'thành phố' else 'Tỉnh đoàn'} {self.name}"
        base = name[:-5] if name.endswith(" tỉnh") else name
        return f"{base} {self.level} {self.name}"

    def _units(self) -> None:
        rng, count = self.rng("units"), self.volume.units
        core = CORE_UNITS[:min(len(CORE_UNITS), max(5, round(count * 0.4)), count - 2)]
        communes = rng.sample(PLACES, count - len(core)) if count - len(core) <= len(PLACES) else [
            f"{rng.choice(PLACES)} {n}" for n in range(count - len(core))]
        ids = self.ids.take(OrgUnit, count)
        self.units = []  # (id, kind, lead weight, external)
        for n, unit_id in enumerate(ids):
            if n < len(core):
                kind, name, short, external, weight = core[n]
                name = self._local(name)
            else:
                place = communes[n - len(core)]
                level = "phường" if rng.random() < 0.3 else "xã"
                kind, name, short, external, weight = (
                    "commune", f"UBND {level} {place}", f"{level.capitalize()} {place}", False, 1)
            self.rows[OrgUnit].append({
                "id": unit_id, "code": f"{self.prefix}dv{n + 1:03d}", "name": name,
                "short_name": short, "kind": kind, "parent_id": ids[1] if kind == "commune" else None,
                "successor_id": None, "province": self.name, "aliases": None,
                "is_external": external, "is_active": True})
            self.units.append((unit_id, kind, weight, external))
        self.standing, self.committee = ids[0], ids[1]

    def _users(self) -> None:
        rng, total = self.rng("users"), self.volume.users
        unit_ids = [u[0] for u in self.units]
        heads_per_unit = 2 if total >= len(unit_ids) * 8 else 1
        plan = [("admin", self.standing, max(1, round(total * 0.002))),
                ("viewer", self.committee, max(1, round(total * 0.008))),
                ("reviewer", self.standing, max(2, round(total * 0.02))),
                ("signer", self.standing, max(1, round(total * 0.005)))]
        plan += [("unit_head", u, heads_per_unit) for u in unit_ids]
        fixed = sum(n for _, _, n in plan)
        if total < fixed + len(unit_ids):
            raise GenerationError(f"{total} tài khoản không đủ cho {len(unit_ids)} đơn vị.")
        weights = [6 if kind == "standing_agency" else 1 if kind == "commune" else 3
                   for _, kind, _, _ in self.units]
        extra = _spread(total - fixed - len(unit_ids), weights)
        plan += [("staff", u, 1 + extra[i]) for i, u in enumerate(unit_ids)]
        kinds = {u[0]: u[1] for u in self.units}
        self.staff, self.heads = {}, {}
        self.reviewers, self.admins = [], []
        seats = [(role, unit_id) for role, unit_id, n in plan for _ in range(n)]
        for number, ((role, unit_id), user_id) in enumerate(zip(seats, self.ids.take(User, total)), 1):
            self.rows[User].append({
                "id": user_id, "username": f"{self.prefix}u{number:04d}", "full_name": self._person(rng),
                "post": _post(role, kinds[unit_id]), "email": None, "password_hash": PASSWORD_HASH,
                "unit_id": unit_id, "is_active_account": True})
            roles = ("signer", "unit_head") if role == "signer" else (role,)
            for r in roles:
                self.rows[UserRole].append({"user_id": user_id, "role": r})
            if role == "staff":
                self.staff.setdefault(unit_id, []).append(user_id)
            elif role == "unit_head":
                self.heads.setdefault(unit_id, []).append(user_id)
            elif role == "reviewer":
                self.reviewers.append(user_id)
            elif role == "admin":
                self.admins.append(user_id)
        self.user_unit = {row["id"]: row["unit_id"] for row in self.rows[User]}
        for row, role_id in zip(self.rows[UserRole], self.ids.take(UserRole, len(self.rows[UserRole]))):
            row["id"] = role_id

    @staticmethod
    def _person(rng: random.Random) -> str:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def _plans(self) -> None:
        rng, count = self.rng("plans"), self.volume.plans
        first, last = date(2021, 1, 4), self.as_of - timedelta(days=20)
        days = sorted(first + timedelta(days=rng.randrange((last - first).days)) for _ in range(count))
        numbers: dict = {}
        self.plans = []  # (id, issued_on, mix)
        for plan_id, day in zip(self.ids.take(Plan, count), days):
            kind = rng.choices(("ubnd", "cat", "sgd", "joint"), (60, 25, 10, 5))[0]
            symbol, issuers, signers = self._issuer(kind, rng)
            numbers[symbol, day.year] = numbers.get((symbol, day.year), rng.randint(5, 60)) + rng.randint(1, 25)
            title = rng.choice(PLAN_TITLES).format(p=f"{self.level} {self.name}", y=day.year, z=day.year + 4)
            start, end = day.year, (day.year + 4 if "giai đoạn" in title else
                                    2030 if "năm 2030" in title else day.year)
            self.rows[Plan].append({
                "id": plan_id, "number": str(numbers[symbol, day.year]), "symbol": symbol,
                "doc_type": "KẾ HOẠCH", "place": self.name, "issued_on": day, "title": title.upper(),
                "period_start": start, "period_end": end, "legal_basis": _legal_basis(day),
                "intro": [f"{issuers[0]['name'].capitalize()} ban hành Kế hoạch với các nội dung cụ thể như sau:"],
                "closing": ["Trên đây là Kế hoạch; yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc "
                            "triển khai thực hiện, báo cáo kết quả về Công an tỉnh (qua Phòng PC04)./."],
                "recipients": ["Bộ Công an", f"TT. Tỉnh ủy, TT. HĐND {self.level}", "Các sở, ban, ngành",
                               "UBND các xã, phường", "Lưu: VT, PC04"],
                "issuers": issuers, "sections": SECTIONS, "signers": signers, "status": "issued",
                "source_filename": None, "source_text": None,
                "created_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=2),
                "created_by_id": self.admins[0]})
            self._targets(rng, plan_id)
            self._deadlines(plan_id, day, start, end)
            self.plans.append((plan_id, day, "old" if (self.as_of - day).days > 730 else "recent"))

    def _issuer(self, kind: str, rng: random.Random):
        place = f"{self.level} {self.name}".upper()
        ca = {"name": f"CÔNG AN {place}", "parent": "BỘ CÔNG AN",
              "lines": ["BỘ CÔNG AN", f"CÔNG AN {place}"], "unit_id": self.standing}
        ca_sign = {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": self._person(rng)}
        if kind == "ubnd":
            return "KH-UBND", [{"name": f"ỦY BAN NHÂN DÂN {place}", "parent": None,
                                "lines": ["ỦY BAN NHÂN DÂN", place], "unit_id": self.committee}], [
                {"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": self._person(rng)}]
        if kind == "cat":
            return "KH-CAT-PC04", [ca], [ca_sign]
        if kind == "sgd":
            return "KH-SGDĐT", [{"name": "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "parent": f"UBND {place}",
                                 "lines": [f"UBND {place}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
                                 "unit_id": self.units[2][0]}], [ca_sign]
        youth = {"name": f"TỈNH ĐOÀN {self.name.upper()}", "parent": "ĐOÀN TNCS HỒ CHÍ MINH",
                 "lines": ["ĐOÀN TNCS HỒ CHÍ MINH", f"BCH TỈNH ĐOÀN {self.name.upper()}"],
                 "unit_id": self.units[3][0]}
        return "KHPH-TĐTN-CAT", [youth, ca], [
            {"lines": ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "PHÓ BÍ THƯ"], "name": self._person(rng)}, ca_sign]

    def _targets(self, rng: random.Random, plan_id: int) -> None:
        for position, (body, milestones) in enumerate(rng.sample(TARGETS, rng.randint(2, len(TARGETS)))):
            target_id = self.ids.take(Target, 1)[0]
            self.rows[Target].append({"id": target_id, "plan_id": plan_id, "position": position, "text": body})
            for mpos, (key, value) in enumerate(milestones.items()):
                year = int(key) if key.isdigit() else None
                self.rows[Milestone].append({
                    "id": self.ids.take(Milestone, 1)[0], "target_id": target_id, "position": mpos,
                    "year": year, "label": f"Năm {key}" if year else "Hằng năm", "value": value})

    def _deadlines(self, plan_id: int, day: date, start: int, end: int) -> None:
        items = [("chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành", None, day + timedelta(days=10),
                  None, None, None),
                 ("Định kỳ hằng năm (trước ngày 05/12) báo cáo kết quả về Công an tỉnh", "yearly", None, 12, 5,
                  None)]
        if end > start:
            items += [(f"Sơ kết vào năm {(start + end) // 2}", "midterm", None, None, None, (start + end) // 2),
                      (f"Tổng kết vào năm {end}", "final", None, None, None, end)]
        for position, (body, rule, due, month, dd, year) in enumerate(items):
            self.rows[PlanDeadline].append({
                "id": self.ids.take(PlanDeadline, 1)[0], "plan_id": plan_id, "position": position,
                "text": body, "rule": rule, "due_on": due, "month": month, "day": dd, "year": year})

    def _tasks(self) -> None:
        rng = self.rng("tasks")
        counts = _spread(self.volume.tasks, [rng.uniform(0.4, 1.6) for _ in self.plans])
        leadable = [(u[0], u[2]) for u in self.units if u[2] > 0 and not u[3]]
        lead_ids, lead_weights = [u for u, _ in leadable], [w for _, w in leadable]
        order = {u[0]: i for i, u in enumerate(self.units)}
        self.names = {row["id"]: row["name"] for row in self.rows[OrgUnit]}
        ids = iter(self.ids.take(Task, self.volume.tasks))
        specs = []
        for (plan_id, day, mix), count in zip(self.plans, counts):
            leads = []
            for _ in range(count):
                first = rng.choices(lead_ids, lead_weights)[0]
                second = rng.choices(lead_ids, lead_weights)[0] if rng.random() < 0.1 else first
                leads.append([first] if second == first else [first, second])
            leads.sort(key=lambda row: order[row[0]])
            group, previous = 0, None
            for position, row in enumerate(leads, 1):
                group, previous = (group + 1, row[0]) if row[0] != previous else (group, previous)
                specs.append(self._task(rng, next(ids), plan_id, day, mix, position, group, row))
        for row, row_id in zip(self.rows[TaskUnit], self.ids.take(TaskUnit, len(self.rows[TaskUnit]))):
            row["id"] = row_id
        self._history(specs)
        self._comments(specs)

    def _task(self, rng, task_id, plan_id, day, mix, position, group, leads) -> dict:
        names = self.names
        coordinating = []
        for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]):
            unit = rng.choice(self.units)[0]
            if unit not in leads and unit not in coordinating:
                coordinating.append(unit)
        body = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES_OF)}."
        if coordinating:
            body += f" Phối hợp với {', '.join(names[u] for u in coordinating)} trong quá trình thực hiện."
        state = rng.choices(list(STATE_MIX[mix]), list(STATE_MIX[mix].values()))[0]
        created = datetime.combine(day, datetime.min.time()) + timedelta(hours=2, minutes=position % 60)
        row = {"id": task_id, "plan_id": plan_id, "position": position, "clause": f"III.{group}",
               "group_heading": "; ".join(names[u] for u in leads), "text": body,
               "subtasks": rng.sample(SUBTASKS, 2) if rng.random() < 0.1 else [], "state": state,
               "version": 1, "due_on": None, "recurrence": None, "recurrence_month": None,
               "recurrence_day": None, "deadline_text": None, "draft": None, "draft_updated_at": None,
               "submitted_by_id": None, "sent_by_id": None, "completed_at": None,
               "created_at": created, "updated_at": created}
        row.update(self._deadline(rng, day))
        for role, units in (("lead", leads), ("coordinating", coordinating)):
            for upos, unit in enumerate(units):
                self.rows[TaskUnit].append({"task_id": task_id, "unit_id": unit, "role": role, "position": upos})
        self.rows[Task].append(row)
        return {"row": row, "leads": leads, "coordinating": coordinating, "steps": _walk(state, rng)}

    def _deadline(self, rng: random.Random, day: date) -> dict:
        """A yearly day (mostly 05/12), a date (some already past), or none."""
        draw = rng.random()
        if draw < 0.45:
            month, dd = (12, 5) if rng.random() < 0.9 else (6, 26)
            return {"recurrence": "yearly", "recurrence_month": month, "recurrence_day": dd,
                    "deadline_text": f"Định kỳ hằng năm (trước ngày {dd:02d}/{month:02d})"}
        if draw < 0.9:
            if rng.random() < 0.15:
                return {"due_on": day + timedelta(days=10),
                        "deadline_text": "chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành"}
            low = max(day + timedelta(days=30), self.as_of - timedelta(days=240))
            due = low + timedelta(days=rng.randrange(max(1, (self.as_of + timedelta(days=300) - low).days)))
            return {"due_on": due, "deadline_text": f"Trước ngày {due:%d/%m/%Y}"}
        return {}

    def _history(self, specs: list[dict]) -> None:
        """Audit events replaying each task's path to its state, padded with draft edits to the volume."""
        rng = self.rng("history")
        extra = self.volume.audit - sum(len(s["steps"]) for s in specs)
        editable = [i for i, s in enumerate(specs) if "edit_draft" in s["steps"]]
        for i in rng.choices(editable, k=extra) if extra > 0 and editable else ():
            specs[i]["extra"] = specs[i].get("extra", 0) + 1
        events = []
        for spec in specs:
            events += self._replay(rng, spec)
        events.sort(key=lambda e: (e["created_at"], e["entity_id"], e["seq"]))
        for event, event_id in zip(events, self.ids.take(AuditEvent, len(events))):
            event["id"] = event_id
            del event["seq"]
        self.rows[AuditEvent] = events

    def _replay(self, rng: random.Random, spec: dict) -> list[dict]:
        row, lead = spec["row"], spec["leads"][0]
        steps = _with_edits(rng, spec["steps"], spec.get("extra", 0))
        staff, head = rng.choice(self.staff[lead]), rng.choice(self.heads[lead])
        people = {"staff": staff, "head": head, "reviewer": rng.choice(self.reviewers),
                  "admin": self.admins[0]}
        start = row["created_at"] + timedelta(hours=1)
        span = max(3600.0, (self.end - start).total_seconds())
        moments = sorted(start + timedelta(seconds=int(rng.random() * span)) for _ in steps)
        state, events = "assigned", []
        for seq, (step, moment) in enumerate(zip(steps, moments)):
            actor = people[ACTORS[step]]
            if step == "edit_draft" and rng.random() < 0.2:
                actor = rng.choice(self.staff[lead])
            event = {"entity_type": "task", "entity_id": row["id"], "action": step, "reason": None,
                     "actor_id": actor, "unit_id": self.user_unit[actor], "created_at": moment,
                     "seq": seq}
            if step == "edit_draft":
                event.update(action_label=EDIT_LABEL, from_state=None, to_state=None)
                row["draft_updated_at"] = moment
            else:
                move = TASK.transition(step, state)
                event.update(action_label=move.label, from_state=state, to_state=move.dest,
                             reason=rng.choice(REASONS[step]) if move.needs_reason else None)
                _apply(row, step, move.dest, actor, moment)
                state = move.dest
            events.append(event)
        assert state == row["state"], (state, row["state"])
        if row["draft_updated_at"]:
            row["draft"] = rng.choice(DRAFTS).format(
                a=rng.randint(2, 40), b=rng.randint(50, 3000), c=rng.randint(1, 500))
        row["version"] = 1 + len(events)
        row["updated_at"] = moments[-1] if moments else row["created_at"]
        return events

    def _comments(self, specs: list[dict]) -> None:
        rng, comments = self.rng("comments"), []
        for n, i in enumerate(rng.choices(range(len(specs)), k=self.volume.comments) if specs else ()):
            spec = specs[i]
            row, lead = spec["row"], spec["leads"][0]
            pools = [self.staff[lead], self.heads[lead], self.reviewers]
            pools += [self.staff[u] for u in spec["coordinating"] if u in self.staff]
            span = max(3600.0, (self.end - row["created_at"]).total_seconds())
            comments.append({"task_id": row["id"], "author_id": rng.choice(rng.choice(pools)),
                             "body": rng.choice(COMMENTS), "seq": n,
                             "created_at": row["created_at"] + timedelta(seconds=int(rng.random() * span))})
        comments.sort(key=lambda c: (c["created_at"], c["task_id"], c["seq"]))
        for comment, comment_id in zip(comments, self.ids.take(Comment, len(comments))):
            comment["id"] = comment_id
            del comment["seq"]
        self.rows[Comment] = comments


def _walk(final: str, rng: random.Random) -> list[str]:
    """Triggers (and draft edits) that take a new task to `final`, with some returns on the way."""
    if final == "assigned":
        return []
    if final == "cancelled":
        before = rng.choice(TASK.transition("cancel", "assigned").source)
        return _walk(before, rng) + ["cancel"]
    steps = ["start_draft", "edit_draft"]
    for _ in range(rng.choices((0, 1, 2), (70, 22, 8))[0]):
        point = rng.choices(list(RETURNS), (40, 10, 45, 5))[0]
        steps += _forward(point) + [RETURNS[point], "edit_draft"]
    return steps + _forward(final)


def _forward(state: str) -> list[str]:
    """Triggers from drafting up to `state`."""
    return [STEP_TO[s] for s in FORWARD[1:FORWARD.index(state) + 1]]


def _with_edits(rng: random.Random, steps: list[str], extra: int) -> list[str]:
    """Repeat `extra` draft edits within the task's drafting phases."""
    if not extra:
        return steps
    spots = [i for i, step in enumerate(steps) if step == "edit_draft"]
    repeats = Counter(rng.choice(spots) for _ in range(extra))
    return [step for i, step in enumerate(steps) for _ in range(1 + repeats[i])]


def _apply(row: dict, trigger: str, dest: str, actor: int, moment: datetime) -> None:
    """The task columns a move sets, as tasks.services._apply_side_effects does."""
    if trigger == "submit":
        row["submitted_by_id"] = actor
    elif trigger == "send":
        row["sent_by_id"] = actor
    elif trigger == "approve":
        row["completed_at"] = moment
    if dest == "drafting":
        row["submitted_by_id"] = row["sent_by_id"] = row["completed_at"] = None


SECTIONS = [
    {"heading": "I. MỤC ĐÍCH, YÊU CẦU", "number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "blocks": [
        {"type": "heading", "number": "1", "text": "Mục đích"},
        {"type": "paragraph", "text": "Phòng ngừa, ngăn chặn, đẩy lùi tội phạm và tệ nạn ma túy trong thanh, "
                                      "thiếu niên; giảm số lượng thanh, thiếu niên sử dụng trái phép chất ma túy."},
        {"type": "heading", "number": "2", "text": "Yêu cầu"},
        {"type": "bullet", "text": "Quản lý chặt chẽ số thanh, thiếu niên sử dụng trái phép chất ma túy, "
                                   "nghiện ma túy, sau cai nghiện ma túy theo quy định."}]},
    {"heading": "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "number": "II", "title": "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
     "blocks": [{"type": "bullet", "text": "Tăng cường công tác lãnh đạo, chỉ đạo; nâng cao hiệu lực, hiệu quả "
                                           "quản lý nhà nước về phòng, chống ma túy trong thanh, thiếu niên."},
                {"type": "bullet", "text": "Tăng cường công tác tuyên truyền, giáo dục phòng, chống ma túy "
                                           "trong thanh, thiếu niên."}]},
    {"heading": "III. TỔ CHỨC THỰC HIỆN", "number": "III", "title": "TỔ CHỨC THỰC HIỆN", "blocks": [
        {"type": "paragraph", "text": "Các cơ quan, đơn vị căn cứ nội dung Kế hoạch xây dựng kế hoạch thực hiện "
                                      "(chậm nhất sau 10 ngày); định kỳ hằng năm (trước ngày 05/12) báo cáo "
                                      "kết quả về Công an tỉnh để tổng hợp."}]},
]


def _legal_basis(day: date) -> list[str]:
    basis = ["Căn cứ Luật Phòng, chống ma túy năm 2021;"]
    if day >= date(2024, 2, 2):
        basis.append("Căn cứ Quyết định số 140/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ ban hành "
                     "Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030;")
    else:
        basis.append("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường, nâng cao "
                     "hiệu quả công tác phòng, chống và kiểm soát ma túy;")
    return basis


def _post(role: str, kind: str) -> str:
    """Job title of a generated account."""
    if role == "unit_head":
        return {"standing_agency": "Trưởng phòng PC04", "commune": "Phó Chủ tịch UBND",
                "people_committee": "Chánh Văn phòng", "mass_organisation": "Phó Chủ tịch"
                }.get(kind, "Phó Giám đốc")
    if role == "staff":
        return {"standing_agency": "Cán bộ Phòng PC04",
                "commune": "Công chức Văn hóa - Xã hội"}.get(kind, "Chuyên viên")
    return {"admin": "Quản trị hệ thống", "viewer": "Phó Chủ tịch UBND", "reviewer": "Cán bộ thường trực PC04",
            "signer": "Phó Giám đốc Công an"}[role]


def provinces_for(scale: str, count: int | None = None) -> list[tuple[int, str, str]]:
    """(index, name, prefix) of each province to generate: one unprefixed, or pNN- for the nation."""
    if scale == "province":
        return [(0, "Quảng Ninh", "")]
    if scale != "nation":
        raise GenerationError(f"Quy mô không hợp lệ: {scale}.")
    count = count or len(PROVINCES)
    return [(n, PROVINCES[(n - 1) % len(PROVINCES)], f"p{n:02d}-") for n in range(1, count + 1)]


def generate(scale: str = "province", *, seed: int = 1, factor: float = 1.0, multiplier: int = 1,
             provinces: int | None = None, as_of: date = AS_OF, **overrides) -> dict:
    """Insert generated provinces in the current transaction; return row counts per table and seconds."""
    started = time.perf_counter()
    volume = volume_for(factor, multiplier, **overrides)
    conn = db.session.connection()
    targets = provinces_for(scale, provinces)
    for _, name, prefix in targets:
        taken = conn.scalar(select(func.count()).select_from(User).where(User.username == f"{prefix}u0001"))
        taken += conn.scalar(select(func.count()).select_from(OrgUnit).where(OrgUnit.code == f"{prefix}dv001"))
        if taken:
            raise GenerationError(f"Dữ liệu sinh cho {name} ({prefix or 'không tiền tố'}) đã có trong "
                                  "cơ sở dữ liệu; hãy dùng một cơ sở dữ liệu mới.")
    ids = _Ids(conn)
    counts = {m.__tablename__: 0 for m in TABLES}
    for index, name, prefix in targets:
        rows = _Province(seed=seed, index=index, name=name, prefix=prefix, national=scale == "nation",
                         volume=volume, as_of=as_of, ids=ids).build()
        for model in TABLES:
            _insert(conn, model, rows[model])
            counts[model.__tablename__] += len(rows[model])
    _sync_sequences(conn)
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def _insert(conn, model, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(model.__table__), rows[start:start + CHUNK])


def _sync_sequences(conn) -> None:
    """Move PostgreSQL's id sequences past the ids assigned here, so the app's own inserts work."""
    if conn.dialect.name != "postgresql":
        return
    for model in TABLES:
        table = conn.dialect.identifier_preparer.format_table(model.__table__)
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                          f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"), {"table": table})
