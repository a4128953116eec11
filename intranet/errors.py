"""Domain errors and their Vietnamese 400/403/404/409/422 pages and fragments."""
from __future__ import annotations

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from workflows import Forbidden, ReasonRequired, WorkflowError


class ConflictError(Exception):
    """Someone else changed the item first; the user must reload."""

    message = ("Nội dung này vừa được người khác thay đổi. "
               "Vui lòng tải lại trang để xem phiên bản mới nhất rồi thao tác lại.")

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class ValidationError(Exception):
    """Bad input: nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


TITLES = {
    400: "Yêu cầu không hợp lệ",
    403: "Không có quyền truy cập",
    404: "Không tìm thấy trang",
    405: "Thao tác không được hỗ trợ",
    409: "Xung đột dữ liệu",
    413: "Tệp quá lớn",
    422: "Dữ liệu chưa hợp lệ",
    500: "Lỗi hệ thống",
}

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Bạn không có quyền xem hoặc thực hiện thao tác này.",
    404: "Trang hoặc nội dung bạn tìm không tồn tại.",
    405: "Thao tác này không được hỗ trợ.",
    409: "Thao tác không thực hiện được ở trạng thái hiện tại.",
    413: "Tệp tải lên vượt quá dung lượng cho phép.",
    422: "Dữ liệu nhập chưa hợp lệ.",
    500: "Đã xảy ra lỗi. Vui lòng thử lại sau hoặc liên hệ quản trị hệ thống.",
}


def error_response(status: int, message: str | None = None):
    """Render an error as a full page, or as a fragment for htmx requests."""
    from .extensions import db

    db.session.rollback()
    message = message or MESSAGES.get(status, MESSAGES[500])
    title = TITLES.get(status, TITLES[500])
    template = "errors/_message.html" if getattr(request, "htmx", False) else "errors/page.html"
    body = render_template(template, status=status, title=title, message=message)
    return body, status, {"Vary": "HX-Request"}


def register(app) -> None:
    """Install the error handlers."""

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return error_response(exc.code or 500, MESSAGES.get(exc.code) if exc.code != 400 else None)

    @app.errorhandler(CSRFError)
    def _csrf(exc):
        return error_response(400, "Phiên làm việc đã hết hạn hoặc thiếu mã bảo mật (CSRF). "
                                   "Vui lòng tải lại trang và thử lại.")

    @app.errorhandler(Forbidden)
    def _forbidden(exc):
        return error_response(403, exc.message)

    @app.errorhandler(ReasonRequired)
    def _reason(exc):
        return error_response(422, exc.message)

    @app.errorhandler(WorkflowError)
    def _workflow(exc):
        return error_response(409, exc.message)

    @app.errorhandler(ConflictError)
    def _conflict(exc):
        return error_response(409, exc.message)

    @app.errorhandler(ValidationError)
    def _invalid(exc):
        return error_response(422, exc.message)
