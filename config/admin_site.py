"""The admin site: two-factor login (django-otp, TOTP) for staff when ADMIN_REQUIRE_2FA is on."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice


class TOTPLoginForm(OTPAdminAuthenticationForm):
    """Username, password and the code of the user's authenticator app (TOTP)."""

    def _chosen_device(self, user):
        # Staff have one authenticator app; without a choice, it is that one.
        return super()._chosen_device(user) or (
            TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
        )


class AdminSite(admin.AdminSite):
    site_header = _("Medborgarlöften – administration")
    site_title = _("Medborgarlöften")
    index_title = _("Promises, follow-up and feedback")

    @property
    def login_form(self):
        return TOTPLoginForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/login_otp.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
