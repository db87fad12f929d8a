"""The API's own error answers, in drf-standardized-errors' shape
({"type", "errors": [{"code", "detail", "attr"}]}), and the exception handler
that also turns a lost database into a 503 the client may retry."""

from drf_standardized_errors.handler import ExceptionHandler
from rest_framework import exceptions, status

from diplomacy.outage import RETRY_AFTER_SECONDS, is_database_outage, report_outage


class PreconditionFailed(exceptions.APIException):
    """If-Match named a version that is no longer the current one."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = (
        "The record changed since you read it (If-Match does not match its ETag); "
        "read it again, apply your change to what it holds now, and retry."
    )

    def __init__(self, etag: str) -> None:
        super().__init__()
        self.etag = etag


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"
    default_detail = (
        "Send the ETag you read as If-Match: this server refuses writes that could "
        "overwrite a change made since."
    )


class Conflict(exceptions.APIException):
    """Other records refer to this one, so it cannot be deleted."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "protected"
    default_detail = "Other records refer to this one; remove those references first."


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "service_unavailable"
    default_detail = "The service is briefly unavailable; retry after the time given."

    def __init__(self) -> None:
        super().__init__()
        self.wait = RETRY_AFTER_SECONDS


class ApiExceptionHandler(ExceptionHandler):
    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if is_database_outage(exc):
            report_outage(exc)
            return ServiceUnavailable()
        return super().convert_known_exceptions(exc)

    def report_exception(self, exc, response) -> None:
        # An outage is logged by report_outage, once, not per request.
        if isinstance(exc, ServiceUnavailable):
            return
        super().report_exception(exc, response)
