"""The Django admin works under the strict Content-Security-Policy: no violation, no error."""

import pytest
from django.urls import reverse

from promises.models import Theme


@pytest.fixture
def csp_violations(page):
    """CSP violations reported by the page itself (securitypolicyviolation events)."""
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return lambda: page.evaluate("window.__csp")


def test_admin_login_change_list_and_change_form_raise_no_csp_violation(
    page, live_demo, csp_violations, django_user_model
):
    django_user_model.objects.create_superuser("admin", "admin@example.se", "a-long-password-1")
    theme = Theme.objects.first()

    response = page.goto(reverse("admin:login"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-password-1")
    page.click("input[type=submit]")
    page.wait_for_url("**" + reverse("admin:index"))

    page.goto(reverse("admin:promises_promise_changelist"))
    assert page.locator("#result_list").is_visible()
    page.goto(reverse("admin:promises_theme_change", args=[theme.pk]))
    assert page.locator("#theme_form").is_visible()
    # The admin's own scripts run (they are files, allowed by script-src 'self').
    assert page.evaluate("typeof django !== 'undefined' && typeof django.jQuery === 'function'")

    assert csp_violations() == []
    assert page.console_errors == []
