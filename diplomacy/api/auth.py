"""How a client gets a token: HTTP Basic, with django-axes' lockout answered
as the admin's log-in answers it."""

from axes.helpers import get_cool_off
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication


class LockedOut(exceptions.Throttled):
    default_detail = (
        "Too many failed log-ins with this user name from this address; "
        "it is locked out for a while, even with the right password."
    )


class LockoutAwareBasicAuthentication(BasicAuthentication):
    """HTTP Basic; after repeated failures django-axes refuses the user name
    and address, which is a 429 with Retry-After (the admin's answer too),
    not a misleading 401 "Invalid username/password"."""

    def authenticate_credentials(self, userid, password, request=None):
        try:
            return super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            # Set by axes on the request it was given when it refuses.
            if request is not None and getattr(request, "axes_locked_out", False):
                cool_off = get_cool_off(request)
                wait = int(cool_off.total_seconds()) if cool_off else None
                raise LockedOut(wait=wait) from None
            raise
