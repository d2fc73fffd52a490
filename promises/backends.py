from axes.backends import AxesStandaloneBackend


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
