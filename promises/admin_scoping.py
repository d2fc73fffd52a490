"""The one scoping mechanism every model admin and inline of the project uses.

A model admin says which rows a non-administrator may reach with `scope`:

- `Scope.LOCALITY` (the default): rows of the user's localities, found through the
  model's `LocalityScopedQuerySet` (`editable_by` / `in_localities`); a write counts only
  in a locality where the user holds a role that grants it (promises.permissions);
- `Scope.SHARED`: reference data everybody with the model permission may see (and pick);
  only administrators change it, since no role grants that;
- `Scope.ADMINISTRATORS`: superusers only (users, groups, residents' subscriptions, ...).

Everything goes through `get_queryset` (change list, change/delete/history views,
autocomplete, list filters, the "view on site" shortcut), `_may` (object permissions),
`choices_for` (foreign-key and many-to-many choices in forms and inlines),
`response_action` (bulk actions) and the inline formsets' delete rule, so an object of
another locality answers exactly like an id that does not exist.

Malformed input in an admin address (an id that is not a number, a filter or a prefilled
value the database cannot take) answers 404 (ids) or 400 (filters, prefilled values),
never a server error. History pages are read-only for everybody: no revert.
"""

from django.contrib import admin
from django.contrib.admin.utils import get_deleted_objects, unquote
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models
from django.db.models import TextChoices
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import LocalityScopedQuerySet, Membership
from .permissions import perm_code, roles_granting


class Scope(TextChoices):
    LOCALITY = "locality", _("Localities of the user")
    SHARED = "shared", _("Shared reference data")
    ADMINISTRATORS = "administrators", _("Administrators only")


INVALID_CHOICE = _(
    "You can only choose among the localities you work in, and what belongs to them."
)


BAD_FILTER = _("The address holds a filter that cannot be used. Remove it and try again.")
BAD_INITIAL = _("The address holds a value for “%(field)s” that is not valid.")
NOT_DELETABLE = _(
    "“%(object)s” cannot be deleted here: you may not delete it, or what would go with it."
)


class _BadInitial(Exception):
    def __init__(self, field):
        super().__init__(field)
        self.field = field


class _BadFilter(Exception):
    pass


def bad_request(request, admin_site, message):
    """A 400 answer in the admin's layout that says what is wrong."""
    context = {**admin_site.each_context(request), "title": _("Bad request"), "message": message}
    return TemplateResponse(request, "admin/bad_request.html", context, status=400)


def valid_pk(model, value):
    """`value` (from a URL) as `model`'s primary key; 404, like a missing id, if it cannot
    be one (not a number, out of range, NUL characters)."""
    field = model._meta.pk
    try:
        if "\x00" in str(value):
            raise ValidationError("NUL")
        pk = field.to_python(value)
        field.run_validators(pk)
    except (ValidationError, ValueError, TypeError, OverflowError):
        raise Http404 from None
    return pk


def is_locality_scoped(model):
    return isinstance(model._default_manager.all(), LocalityScopedQuerySet)


def _localities(user, model, *actions):
    roles = {role for action in actions for role in roles_granting(perm_code(model, action))}
    return Membership.objects.filter(user=user, role__in=roles).values("locality")


class ScopedMixin:
    """Shared by ScopedAdmin and ScopedInline; `model` is the admin's (or inline's) model."""

    scope = Scope.LOCALITY
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        user = request.user
        if user.is_superuser:
            return queryset
        if self.scope == Scope.ADMINISTRATORS or not user.is_active:
            return queryset.none()
        if self.scope == Scope.SHARED:
            return queryset
        return queryset.in_localities(_localities(user, self.model, "view"))

    def _may(self, request, action, obj):
        """Object-level rule on top of the model permission: `obj` (this admin's object, or
        an inline's parent) must lie in a locality where one of the user's roles grants
        `action` on this admin's model."""
        user = request.user
        if user.is_superuser:
            return True
        if self.scope == Scope.ADMINISTRATORS:
            return False
        if obj is None or self.scope == Scope.SHARED or obj.pk is None:
            return True
        if not is_locality_scoped(type(obj)):
            return False
        localities = _localities(user, self.model, action)
        return type(obj)._default_manager.filter(pk=obj.pk).in_localities(localities).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may(request, "view", obj)

    def has_add_permission(self, request, *args):
        # ModelAdmin: (request); inlines: (request, parent) — adding rows edits the parent.
        if not super().has_add_permission(request, *args):
            return False
        return self._may(request, "add", args[0] if args else None)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may(request, "change", obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may(request, "delete", obj)

    def has_module_permission(self, request):
        if self.scope == Scope.ADMINISTRATORS and not request.user.is_superuser:
            return False
        return super().has_module_permission(request)

    # Choices in forms and inlines

    def choices_for(self, db_field, request):
        """The rows a foreign-key or many-to-many field of this admin's form may point at,
        or None for Django's default (administrators, shared reference data)."""
        user = request.user
        related = db_field.related_model
        if user.is_superuser:
            return None
        registered = self.admin_site._registry.get(related)
        if registered is not None and registered.scope == Scope.ADMINISTRATORS:
            return related._default_manager.none()
        if not is_locality_scoped(related):
            return None
        # Where the user may add or change this admin's model: the target's localities.
        return related._default_manager.in_localities(
            _localities(user, self.model, "add", "change")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        queryset = self.choices_for(db_field, request)
        if queryset is not None:
            kwargs["queryset"] = queryset
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None:
            field.error_messages["invalid_choice"] = INVALID_CHOICE
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        queryset = self.choices_for(db_field, request)
        if queryset is not None:
            kwargs["queryset"] = queryset
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None:
            field.error_messages["invalid_choice"] = INVALID_CHOICE
        return field


class ScopedAdmin(ScopedMixin, admin.ModelAdmin):
    """The base of every model admin of the project."""

    def get_changeform_initial_data(self, request):
        # A prefilled value from the address (?promise=12) must fit its field, or the form
        # cannot even be drawn (?promise=abc, ?locality=%00, ids past the integer range).
        initial = super().get_changeform_initial_data(request)
        for name, value in initial.items():
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            target = field.target_field if field.is_relation and field.concrete else field
            values = value if isinstance(value, list) else [value]
            try:
                for one in values:
                    if "\x00" in str(one):
                        raise ValidationError("NUL")
                    target.run_validators(target.to_python(one))
            except (ValidationError, ValueError, TypeError, OverflowError):
                raise _BadInitial(capfirst(field.verbose_name)) from None
        return initial

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _BadInitial as error:
            return bad_request(request, self.admin_site, BAD_INITIAL % {"field": error.field})

    def get_changelist_instance(self, request):
        # Django turns a filter it cannot build into a redirect to "?e=1"; a value the
        # database cannot compare (?created_at__year=0) fails only when the list is read.
        try:
            return super().get_changelist_instance(request)
        except (ValidationError, ValueError, TypeError, OverflowError, DatabaseError):
            raise _BadFilter from None

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except _BadFilter:
            return bad_request(request, self.admin_site, BAD_FILTER)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django's admin answers an unknown id with a redirect to the index; ours answers
        # 404, so an id that does not exist and an object of another locality give the
        # same plain not-found answer, whatever the role.
        raise Http404

    def writable(self, request, action, queryset):
        """The part of `queryset` the user may `action` (bulk actions)."""
        user = request.user
        if user.is_superuser:
            return queryset
        if self.scope != Scope.LOCALITY:
            return queryset.none()
        return queryset.in_localities(_localities(user, self.model, action))

    def response_action(self, request, queryset):
        # A bulk action reaches only the selected rows the user may act on (view scope
        # already applies through get_queryset); ids of other localities are ignored.
        actions = self.get_actions(request)
        action = actions.get(request.POST.get("action", ""))
        if action is not None:
            for permission in getattr(action[0], "allowed_permissions", ()):
                if permission in ("add", "change", "delete", "view"):
                    queryset = self.writable(request, permission, queryset)
        return super().response_action(request, queryset)


class ScopedHistoryAdmin(ScopedAdmin, SimpleHistoryAdmin):
    """A scoped admin with django-simple-history's history pages (who changed what, when)."""

    history_list_display = []

    def _in_scope(self, request, object_id):
        pk = valid_pk(self.model, unquote(object_id))
        if request.user.is_superuser:
            return True
        return self.get_queryset(request).filter(pk=pk).exists()

    def history_view(self, request, object_id, extra_context=None):
        if not self._in_scope(request, object_id):
            raise Http404  # what django-simple-history answers for an unknown id
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One old version, to read. django-simple-history would save any valid POST here
        (SIMPLE_HISTORY_REVERT_DISABLED only hides the button), with nothing but view
        rights checked: nobody reverts, so only GET is answered."""
        if not self._in_scope(request, object_id):
            raise Http404
        history_model = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        valid_pk(history_model.model, version_id)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each record's changes as editors read them: the field's Swedish name, a choice's
        label ("Publicerad", not "published"), "(tom)" rather than "None"."""
        from .history import readable_changes

        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(current, foreign_keys_are_objs=True)
                previous.readable_changes = readable_changes(self.model, delta)
            previous = current


class ScopedInline(ScopedMixin):
    """Mix into TabularInline / StackedInline: `class X(ScopedInline, admin.TabularInline)`.

    A row ticked for deletion is deleted only where its own delete page would delete it:
    its admin's delete permission for that object, and the right to delete everything the
    deletion would take with it (Django's inline formsets check neither)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        admin_site = self.admin_site

        class DeletesAsOnItsPage(formset):
            def clean(self):
                super().clean()
                for form in self.forms:
                    instance = form.instance
                    if instance.pk is None or not self._should_delete_form(form):
                        continue
                    if not may_delete(request, admin_site, instance):
                        raise ValidationError(NOT_DELETABLE % {"object": instance})

        DeletesAsOnItsPage.__name__ = formset.__name__
        return DeletesAsOnItsPage


def may_delete(request, admin_site, obj):
    """Whether `request.user` may delete `obj` as on its delete page: its admin's delete
    permission for it, and no protected or forbidden object among what goes with it."""
    registered = admin_site._registry.get(type(obj))
    if registered is not None and not registered.has_delete_permission(request, obj):
        return False
    _deleted, _counts, perms_needed, protected = get_deleted_objects([obj], request, admin_site)
    return not perms_needed and not protected
