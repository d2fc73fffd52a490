from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins that come with a request (every login form).

    Code that authenticates without a request (e.g. the test client's `login()`) is not
    counted by django-axes at all, so it is let through to the next backend here instead of
    failing with an error.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer while a username and IP address are locked out (in Swedish)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/lockout.html", context, status=429)
