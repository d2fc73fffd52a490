"""The admin login: lockout after failures, two-factor login, idle expiry for staff."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff(make_user):
    return make_user(username="kim.polis", is_staff=True)


def _login(client, username, password, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, **extra},
        REMOTE_ADDR=extra.pop("ip", "10.0.0.1") if "ip" in extra else "10.0.0.1",
    )


def test_five_failures_lock_the_username_and_ip_with_a_swedish_message(client, staff):
    for _ in range(4):
        assert _login(client, "kim.polis", "wrong-password").status_code == 200

    fifth = _login(client, "kim.polis", "wrong-password")
    sixth = _login(client, "kim.polis", PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == 429
        body = response.content.decode()
        assert "Inloggningen har låsts efter 5 misslyckade försök" in body
        assert "Försök igen om 30 minuter" in body
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(client, staff):
    for _ in range(4):
        _login(client, "kim.polis", "wrong-password")

    assert _login(client, "kim.polis", PASSWORD).status_code == 302


def test_the_lock_is_per_ip_address(client, staff):
    for _ in range(5):
        client.post(
            reverse("admin:login"),
            {"username": "kim.polis", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
        )

    response = client.post(
        reverse("admin:login"),
        {"username": "kim.polis", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
    )

    assert response.status_code == 302


def test_lockout_lasts_30_minutes(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_staff_sessions_expire_after_30_idle_minutes(client, staff):
    client.force_login(staff)
    client.get(reverse("admin:index"))

    assert client.session.get_expiry_age() == 30 * 60
    assert client.session.get_expire_at_browser_close() is False


def test_non_staff_sessions_keep_the_default_expiry(client, make_user, settings):
    client.force_login(make_user())
    client.get("/")

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


def test_with_2fa_a_password_alone_does_not_open_the_admin(client, staff, two_factor):
    TOTPDevice.objects.create(user=staff, name="app")

    response = _login(client, "kim.polis", PASSWORD)

    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_2fa_a_logged_in_but_unverified_user_is_sent_to_login(client, staff, two_factor):
    client.force_login(staff)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_with_2fa_password_and_totp_code_open_the_admin(client, staff, two_factor):
    device = TOTPDevice.objects.create(user=staff, name="app")
    code = f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"

    response = _login(client, "kim.polis", PASSWORD, otp_token=code)

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_2fa_the_login_page_asks_for_the_code(client, two_factor):
    body = client.get(reverse("admin:login")).content.decode()

    assert 'name="otp_token"' in body


def test_without_2fa_the_password_opens_the_admin(client, staff, settings):
    settings.ADMIN_REQUIRE_2FA = False

    assert _login(client, "kim.polis", PASSWORD).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_add_totp_device_registers_a_confirmed_device(staff, capsys):
    call_command("add_totp_device", "kim.polis")

    assert TOTPDevice.objects.get(user=staff).confirmed
    assert "otpauth://totp/" in capsys.readouterr().out


def test_with_2fa_a_staff_session_without_the_second_factor_cannot_open_the_dashboard(
    client, staff, two_factor
):
    client.force_login(staff)

    response = client.get(reverse("followup:dashboard"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_with_2fa_a_staff_session_past_the_second_factor_opens_the_dashboard(
    client, staff, two_factor
):
    device = TOTPDevice.objects.create(user=staff, name="app")
    client.force_login(staff)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    assert client.get(reverse("followup:dashboard")).status_code == 200


# A wrong code counts as a failed login, and no message tells the password was right
# (issue 11, point 16)

GENERIC_ERROR = "Ange rätt användarnamn, lösenord och kod."


def _code(device, offset=0):
    value = totp(device.bin_key, step=device.step, digits=device.digits) + offset
    return f"{value % 10**device.digits:0{device.digits}d}"


def test_with_2fa_a_right_password_with_wrong_codes_locks_the_account(
    client, staff, two_factor, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    device = TOTPDevice.objects.create(user=staff, name="app")

    tries = [_login(client, "kim.polis", PASSWORD, otp_token=_code(device, 1)) for _ in range(3)]
    right_code = _login(client, "kim.polis", PASSWORD, otp_token=_code(device))

    assert [r.status_code for r in tries] == [200, 200, 429]
    assert GENERIC_ERROR in tries[0].content.decode()
    assert right_code.status_code == 429  # even the right code is refused while locked
    assert "Inloggningen har låsts efter 3 misslyckade försök" in right_code.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_with_2fa_a_missing_code_counts_as_a_failed_login_too(client, staff, two_factor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    device = TOTPDevice.objects.create(user=staff, name="app")

    tries = [_login(client, "kim.polis", PASSWORD) for _ in range(2)]

    assert [r.status_code for r in tries] == [200, 429]
    assert _login(client, "kim.polis", PASSWORD, otp_token=_code(device)).status_code == 429


def _page_without_token(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_with_2fa_every_failed_login_shows_the_same_swedish_message(client, staff, two_factor):
    device = TOTPDevice.objects.create(user=staff, name="app")

    wrong_password = _login(client, "kim.polis", "wrong-password", otp_token=_code(device))
    wrong_code = _login(client, "kim.polis", PASSWORD, otp_token=_code(device, 1))
    missing_code = _login(client, "kim.polis", PASSWORD)
    malformed_code = _login(client, "kim.polis", PASSWORD, otp_token="12ab")

    failures = (wrong_password, wrong_code, missing_code, malformed_code)
    pages = [_page_without_token(r) for r in failures]
    assert pages[0] == pages[1] == pages[2] == pages[3]
    assert GENERIC_ERROR in pages[0]
    assert "Invalid token" not in pages[0] and "OTP" not in pages[0]
    assert PASSWORD not in pages[0]  # django-otp would show a right password again
    assert {r.status_code for r in failures} == {200}
