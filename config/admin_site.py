"""The admin site: two-factor login (django-otp, TOTP) for staff when ADMIN_REQUIRE_2FA is on."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm


class AdminSite(admin.AdminSite):
    site_header = _("Medborgarlöften – administration")
    site_title = _("Medborgarlöften")
    index_title = _("Promises, follow-up and feedback")

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/login_otp.html" if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
