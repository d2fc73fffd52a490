"""The residents' forms: feedback to the local team and e-mail subscriptions.

Both carry the same protection without a CAPTCHA (besides CSRF and the rate limit in
the views): a honeypot field people never see, and a signed timestamp of when the form
was shown, so a form sent faster than `FEEDBACK_MIN_SECONDS`, older than
`FEEDBACK_FORM_MAX_AGE` or with a changed timestamp is refused with a clear message.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from promises.models import Locality, Promise

from .personnummer import contains_identity_number

FORM_SALT = "followup.forms.shown-at"
MESSAGE_MIN, MESSAGE_MAX = 10, 5000
TOO_LONG = _("Write at most %(limit_value)d characters (it has %(show_value)d).")


def shown_at_token(at=None):
    """A signed "shown at" timestamp for the hidden field."""
    return signing.dumps(round(at if at is not None else time.time(), 3), salt=FORM_SALT)


class ProtectedForm(forms.Form):
    """A form with a honeypot and a minimum and maximum time between showing and sending."""

    # Hidden from people (the wrapper has the `hidden` attribute); bots tend to fill it.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    shown_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")
        if not self.is_bound:
            self.initial.setdefault("shown_at", shown_at_token())

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean_shown_at(self):
        token = self.cleaned_data["shown_at"]
        try:
            age = time.time() - float(signing.loads(token, salt=FORM_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            self._renew_token()
            raise forms.ValidationError(
                _("The form could not be checked. Please send it again."), code="tampered"
            ) from None
        if age > settings.FEEDBACK_FORM_MAX_AGE:
            self._renew_token()
            raise forms.ValidationError(
                _("The form had been open too long. Please check your text and send it again."),
                code="stale",
            )
        if age < settings.FEEDBACK_MIN_SECONDS:
            raise forms.ValidationError(
                _("That was quick! Please wait a few seconds and send the form again."),
                code="too_fast",
            )
        return token

    def clean(self):
        cleaned = super().clean()
        if self.is_spam:
            raise forms.ValidationError(
                _("The form could not be sent. Leave the last field empty and try again."),
                code="honeypot",
            )
        return cleaned

    def _refuse_identity_number(self, field):
        value = self.cleaned_data[field]
        if contains_identity_number(value):
            raise forms.ValidationError(
                _(
                    "Please leave out personal identity numbers (personnummer or "
                    "samordningsnummer): we do not need them, and they should not be sent here. "
                    "If it is a phone number, write it with a hyphen or spaces, "
                    "e.g. 070-123 45 67."
                ),
                code="identity_number",
            )
        return value

    def _renew_token(self):
        """The form shown again carries a fresh timestamp, so the next try can pass."""
        self.data = self.data.copy()
        self.data[self.add_prefix("shown_at")] = shown_at_token()


class FeedbackForm(ProtectedForm):
    """Synpunkter, tips och idéer: message required, place, name and e-mail optional."""

    locality = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Locality.objects.all(),
        empty_label=_("Choose an area"),
        error_messages={"required": _("Choose the area your message is about.")},
    )
    promise = forms.ModelChoiceField(
        queryset=Promise.objects.published().select_related("locality"),
        required=False,
        widget=forms.HiddenInput,
    )
    message = forms.CharField(
        label=_("Your message"),
        min_length=MESSAGE_MIN,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Between 10 and 5 000 characters."),
        error_messages={
            "required": _("Write your message."),
            "min_length": _(
                "Your message is too short: write at least %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
            "max_length": _(
                "Your message is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
    place = forms.CharField(
        label=_("Place (optional)"),
        max_length=200,
        required=False,
        help_text=_("E.g. a street, a square or a bus stop."),
        error_messages={"max_length": TOO_LONG},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only if you would like an answer."),
        error_messages={"invalid": _("Enter an e-mail address such as namn@example.se.")},
    )

    field_order = ["locality", "promise", "message", "place", "name", "email"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback_%s")  # unique ids beside the subscribe form
        super().__init__(*args, **kwargs)
        for name in ("message", "place", "name"):
            self.fields[name].widget.attrs.setdefault("maxlength", self.fields[name].max_length)
        self.fields["message"].widget.attrs.pop("minlength", None)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    @property
    def retention_days(self):
        return settings.FEEDBACK_RETENTION_DAYS

    @property
    def personal_data_days(self):
        return settings.FEEDBACK_HANDLED_PERSONAL_DATA_DAYS

    # Every field a resident writes in is checked, not only the message.
    def clean_message(self):
        return self._refuse_identity_number("message")

    def clean_place(self):
        return self._refuse_identity_number("place")

    def clean_name(self):
        return self._refuse_identity_number("name")

    def clean_email(self):
        return self._refuse_identity_number("email")

    def clean(self):
        cleaned = super().clean()
        promise, locality = cleaned.get("promise"), cleaned.get("locality")
        if promise and locality and promise.locality_id != locality.pk:
            self.add_error("promise", _("This promise belongs to another area."))
        return cleaned


class SubscribeForm(ProtectedForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as namn@example.se."),
        },
    )
    promise = forms.ModelChoiceField(
        queryset=Promise.objects.published(), required=False, widget=forms.HiddenInput
    )
    locality = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Locality.objects.all(),
        required=False,
        empty_label=_("Choose an area"),
    )

    field_order = ["locality", "promise", "email"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "subscribe_%s")
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_email(self):
        return self._refuse_identity_number("email")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("promise") or cleaned.get("locality")) and not self.errors:
            raise forms.ValidationError(
                _("Choose a promise or an area to follow."), code="no_target"
            )
        return cleaned

    @property
    def target(self):
        return self.cleaned_data.get("promise") or self.cleaned_data.get("locality")
