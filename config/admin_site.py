"""The admin site: two-factor login (django-otp, TOTP) for staff when ADMIN_REQUIRE_2FA is on,
and a "view on site" shortcut that reaches only what the user may see in the admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice


class TOTPLoginForm(OTPAdminAuthenticationForm):
    """Username, password and the code of the user's authenticator app (TOTP).

    Any failure gets one message, so that it never tells whether the password was right; and a
    right password with a wrong or missing code is a failed login for django-axes' lockout too.
    """

    error_messages = {
        **OTPAdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct username, password and code. "
            "Note that the fields may be case-sensitive."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if self.user_cache is not None:
                # The password was right (a wrong one was already counted by authenticate()).
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": self.cleaned_data.get("username")},
                    request=self.request,
                )
                self.user_cache = None
                # django-otp shows the password again once it was right: that would tell too.
                self.fields["password"].widget.render_value = False
            raise ValidationError(
                self.error_messages["invalid_login"], code="invalid_login"
            ) from None

    def _chosen_device(self, user):
        # Staff have one authenticator app; without a choice, it is that one.
        return super()._chosen_device(user) or (
            TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
        )


def _changeable(model):
    perms = model.get("perms", {})
    return bool(perms.get("add") or perms.get("change") or perms.get("delete"))


UNLINKED_SHOWN = 20  # problems and commitments without a link listed on the start page


class AdminSite(admin.AdminSite):
    site_header = _("Medborgarlöften – administration")
    site_title = _("Medborgarlöften")
    index_title = _("To do")

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

    def index(self, request, extra_context=None):
        """The start page ("Att göra"): per locality, what the editor has to do, each row a
        link straight to the action; then the modules they can change, and the reference
        data they may only read folded away."""
        from followup.selectors import editor_worklist
        from promises.models import Locality
        from promises.permissions import localities_where
        from situation.selectors import unlinked_for

        user = request.user
        if user.is_superuser:
            may_report = Locality.objects.values_list("pk", flat=True)
        else:
            may_report = localities_where(user, "followup.add_update").values_list(
                "locality", flat=True
            )
        editable, reference = [], []
        for app in self.get_app_list(request):
            for wanted, target in ((True, editable), (False, reference)):
                models = [m for m in app["models"] if _changeable(m) == wanted]
                if models:
                    target.append({**app, "models": models})
        problems, commitments = unlinked_for(user)
        context = {
            "worklist": editor_worklist(user, may_report_in=list(may_report)),
            "unlinked_problems": problems.order_by("picture__locality__name", "pk")[
                :UNLINKED_SHOWN
            ],
            "unlinked_problem_count": problems.count(),
            "unlinked_commitments": commitments.order_by(
                "promise__locality__name", "promise__title", "order", "pk"
            )[:UNLINKED_SHOWN],
            "unlinked_commitment_count": commitments.count(),
            "app_list": editable,
            "reference_apps": reference,
            "may_add_verdict": user.has_perm("followup.add_verdict"),
            "stale_after_days": settings.STALE_AFTER_DAYS,
            **(extra_context or {}),
        }
        return super().index(request, context)

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
