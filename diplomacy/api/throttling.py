"""API throttling: one counter per client in the shared cache."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """Token holders are counted per user at the "user" rate, everyone else per
    address at the "anon" rate; rates are read from settings on each request."""

    scope = "anon"

    def __init__(self) -> None:
        # The rate depends on who is asking; it is set in allow_request.
        pass

    def allow_request(self, request, view) -> bool:
        self.scope = "user" if request.user and request.user.is_authenticated else "anon"
        self.rate = api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        ident = request.user.pk if self.scope == "user" else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
