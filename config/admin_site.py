"""The admin site: two-factor login (django-otp, TOTP) for staff when ADMIN_REQUIRE_2FA is on,
and a "view on site" shortcut that reaches only what the user may see in the admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import path
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

    def get_urls(self):
        from django.contrib.contenttypes import views as contenttype_views

        def scoped_shortcut(request, content_type_id, object_id):
            """Django's shortcut (/r/<content type>/<id>/ -> the object's public page) for
            objects the user may view in the admin only; anything else answers like an id
            that does not exist."""
            from django.contrib.contenttypes.models import ContentType

            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
            except ContentType.DoesNotExist:
                raise Http404 from None
            model_admin = self._registry.get(model)
            if model_admin is None:
                if not request.user.is_superuser:
                    raise Http404
            else:
                obj = model_admin.get_object(request, unquote(object_id))
                if obj is None or not model_admin.has_view_permission(request, obj):
                    raise Http404
            return contenttype_views.shortcut(request, content_type_id, object_id)

        shortcut = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(scoped_shortcut),
            name="view_on_site",
        )
        return [
            shortcut if getattr(url, "name", None) == "view_on_site" else url
            for url in super().get_urls()
        ]
