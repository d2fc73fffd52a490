"""What was promised: localities, parties, promises, commitments, goals, contacts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import search

# First path segments the portal uses itself; a locality with one of these slugs would hide
# (or be hidden by) a fixed page, so they are refused.
# First path segments the site itself uses (in either language), which a locality's
# /<slug>/ must not shadow.
RESERVED_SLUGS = frozenset(
    {
        "loften",
        "om",
        "tillganglighet",
        "en",
        "sv",
        "i18n",
        "admin",
        "static",
        "media",
        "api",
        "feeds",
        "embed",
        "synpunkter",
        "feedback",
        "prenumerera",
        "subscribe",
        "healthz",
        "readyz",
        "samverkan",
        "oversikt",
        "fragor",
        "omrade",
        "oppna-data",
    }
)


class LocalityScopedQuerySet(models.QuerySet):
    """Rows an editor may touch, found through the locality they hang on."""

    locality_lookup = "locality"

    def editable_by(self, user, roles=None):
        """Rows of the user's localities; with `roles`, only where they hold one of them."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        mine = Membership.objects.filter(user=user)
        if roles is not None:
            mine = mine.filter(role__in=roles)
        return self.in_localities(mine.values("locality"))

    def in_localities(self, localities):
        """Rows hanging on `localities` (ids, objects or a subquery of ids)."""
        if self.locality_lookup == "":
            return self.filter(pk__in=localities)
        return self.filter(**{f"{self.locality_lookup}__in": localities})


class PoliceArea(models.Model):
    """A lokalpolisområde; one may cover several localities."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("police area")
        verbose_name_plural = _("police areas")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Agreement(models.Model):
    """A city-wide collaboration agreement, e.g. "Trygg i Göteborg"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    signatories = models.TextField(
        _("signatories"), blank=True, help_text=_("One per line: name, title.")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    parties = models.ManyToManyField(
        "Party",
        related_name="agreements",
        blank=True,
        verbose_name=_("parties"),
        help_text=_("The organisations that made the agreement."),
    )
    quotes = models.TextField(
        _("quotes"),
        blank=True,
        help_text=_(
            "As the source quotes them, one a paragraph (a blank line between), each with "
            "who says it."
        ),
    )
    source_url = models.URLField(_("source link"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("collaboration agreement")
        verbose_name_plural = _("collaboration agreements")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("promises:agreement", kwargs={"slug": self.slug})

    @property
    def quote_list(self):
        return [q.strip() for q in self.quotes.split("\n\n") if q.strip()]


class LocalityQuerySet(LocalityScopedQuerySet):
    locality_lookup = ""

    # Beside its own name, what a locality is known by (the area finder).
    OTHER_NAMES = ("names__name", "municipalities__name", "places__name")

    def named(self, name):
        """Localities known by `name`, whatever its case, accents, spaces or hyphens: their
        own name, an alternative name, one of their municipalities or one of their places."""
        key = search.squash(name)
        if not key:
            return self.none()
        condition = Q(Exact(search.Squashed("name"), key))
        for path in self.OTHER_NAMES:
            known = self.model._base_manager.filter(pk=OuterRef("pk"))
            condition |= Q(Exists(known.filter(Exact(search.Squashed(path), key))))
        return self.filter(condition)


class Locality(models.Model):
    class Kind(models.TextChoices):
        CITY_DISTRICT = "city_district", _("City district")
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPALITY_GROUP = "municipality_group", _("Group of municipalities")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    municipalities = models.ManyToManyField(
        Municipality, related_name="localities", blank=True, verbose_name=_("municipalities")
    )
    police_area = models.ForeignKey(
        PoliceArea,
        on_delete=models.PROTECT,
        related_name="localities",
        null=True,
        blank=True,
        verbose_name=_("police area"),
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        related_name="localities",
        null=True,
        blank=True,
        verbose_name=_("collaboration agreement"),
        help_text=_("The wider agreement this locality's work belongs to, if any."),
    )
    collaboration_name = models.CharField(
        _("collaboration name"), max_length=200, blank=True, help_text=_('E.g. "Trygg i Mölndal".')
    )
    description = models.TextField(_("description"), blank=True)

    objects = LocalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("promises:locality", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is used by the site itself; choose another slug.")
                    % {"slug": self.slug}
                }
            )


class LocalityName(models.Model):
    """Another name residents know a locality by: a city district, a village, a part of a
    municipality ("Biskopsgården" for Västra Hisingen). The area finder and the search use
    them."""

    # The names are part of the locality (its admin edits them inline): they go with it.
    locality = models.ForeignKey(
        Locality, on_delete=models.CASCADE, related_name="names", verbose_name=_("locality")
    )
    name = models.CharField(_("name"), max_length=200)

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("alternative name")
        verbose_name_plural = _("alternative names")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "name"], name="localityname_unique_per_locality"
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """Who may edit what: a user's role in one locality."""

    class Role(models.TextChoices):
        KOMMUNPOLIS = "kommunpolis", _("Kommunpolis")
        SAMORDNARE = "samordnare", _("Coordinator (samordnare)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("locality")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "locality"], name="membership_unique_user_locality"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.locality} ({self.get_role_display()})"


class Party(models.Model):
    """An organisation that commits: the police, a municipality, or a partner."""

    class Kind(models.TextChoices):
        POLICE = "police", _("Police")
        MUNICIPALITY = "municipality", _("Municipality")
        PARTNER = "partner", _("Partner")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return self.name


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


SEARCH_MAX_WORDS = 10  # words of a text search that count; the rest are ignored


def published_q(path=""):
    """What makes a promise public, as a filter on the promise at `path` ("" on promises,
    "promise__" on notes and indicators, "update__promise__" on notifications): the one
    definition that every reader of published data uses."""
    return Q(**{f"{path}state": Promise.State.PUBLISHED})


class PromiseQuerySet(LocalityScopedQuerySet):
    def published(self):
        return self.filter(published_q())

    def visible_to(self, user):
        """Published promises, and the drafts of the user's own localities (preview)."""
        if user.is_authenticated and user.is_active and user.is_superuser:
            return self
        published = published_q()
        if not (user.is_authenticated and user.is_active):
            return self.filter(published)
        mine = Membership.objects.filter(user=user).values("locality")
        return self.filter(published | Q(locality__in=mine))

    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.published().filter(starts_on__lte=on, ends_on__gte=on)

    def upcoming(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__gt=on)

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(ends_on__lt=on)

    def in_phase(self, phase, on=None):
        on = on or timezone.localdate()
        if phase == Promise.Phase.UPCOMING:
            return self.upcoming(on)
        if phase == Promise.Phase.ACTIVE:
            return self.filter(starts_on__lte=on, ends_on__gte=on)
        if phase == Promise.Phase.ENDED:
            return self.ended(on)
        if phase == Promise.Phase.UNDATED:
            return self.filter(Q(starts_on__isnull=True) | Q(ends_on__isnull=True))
        return self.none()

    # The filtering of promises: the public list (promises.site.filters.PromiseFilter) and the
    # open-data API (promises.api.views.list_promises) both go through `matching`. Every
    # condition is a subquery, so a promise is never listed twice.

    def matching(
        self,
        *,
        locality=None,
        municipality=None,
        actor=None,
        theme=None,
        phase=None,
        status=None,
        q=None,
    ):
        """Promises of the locality (slug), of a locality in the municipality (slug), with a
        commitment of the actor (Actor value), on
        the theme (slug), in the phase (Promise.Phase value), with a commitment of the
        status (Commitment.Status value), and containing every word of `q`; a condition
        left empty does not filter."""
        queryset = self
        if locality:
            queryset = queryset.filter(locality__slug=locality)
        if municipality:
            in_municipality = Locality.objects.filter(municipalities__slug=municipality)
            queryset = queryset.filter(locality__in=in_municipality.values("pk"))
        if actor:
            queryset = queryset.with_commitment(Commitment.objects.by_actor(actor))
        if theme:
            queryset = queryset.on_theme(theme)
        if phase:
            queryset = queryset.in_phase(Promise.Phase(phase))
        if status:
            queryset = queryset.with_commitment(Commitment.objects.filter(status=status))
        if q:
            queryset = queryset.search(q)
        return queryset

    def with_commitment(self, commitments):
        """Promises with at least one of the given commitments."""
        return self.filter(Exists(commitments.filter(promise=OuterRef("pk"))))

    def on_theme(self, slug):
        """Promises tagged with the theme, themselves or through one of their commitments."""
        own = Exists(
            Promise.themes.through.objects.filter(promise=OuterRef("pk"), theme__slug=slug)
        )
        in_commitment = Exists(Commitment.objects.filter(promise=OuterRef("pk"), themes__slug=slug))
        return self.filter(own | in_commitment)

    # What a promise is found by, beside its own text: a path from the promise to a text.
    SEARCH_RELATED = (
        "commitments__text",
        "goals__text",
        "locality__names__name",
        "locality__municipalities__name",
        "locality__places__name",
        "situation_pictures__problems__description",
        "situation_pictures__problems__places__name",
        "indicators__name",
    )
    SEARCH_OWN = (
        "title",
        "summary",
        "background",
        "pledge_heading",
        "pledge",
        "follow_up",
        "source_title",
        "locality__name",
    )

    def search(self, q):
        """Promises containing every word of `q` (at most SEARCH_MAX_WORDS), in any order,
        case and accents, compound words written apart or together (promises.search), each
        in the promise's own text, its locality's names, municipalities and places, or the
        text of one of its commitments, goals, problems or indicators."""
        vendor = connections[self.db].vendor
        own = search.Joined(*self.SEARCH_OWN)
        queryset = self
        for word in search.words(q, SEARCH_MAX_WORDS):
            condition = Q(search.word_condition(own, word, vendor))
            for path in self.SEARCH_RELATED:
                related = self.model._base_manager.filter(pk=OuterRef("pk")).filter(
                    search.word_condition(path, word, vendor)
                )
                condition |= Q(Exists(related))
            queryset = queryset.filter(condition)
        return queryset

    def ranked(self, q):
        """With `search_rank` and a highlighted `search_snippet` on PostgreSQL, best first;
        elsewhere unchanged (the snippet is made in Python, promises.search.python_snippet)."""
        if connections[self.db].vendor != "postgresql" or not search.words(q, SEARCH_MAX_WORDS):
            return self
        return self.annotate(
            search_rank=search.rank(q, SEARCH_MAX_WORDS),
            search_snippet=search.snippet(q, SEARCH_MAX_WORDS),
        ).order_by("-search_rank", *self.query.order_by)

    def in_reading_order(self, on=None):
        """In force first, then those without dates, then upcoming, then ended; newest first
        within each (the home page and the list)."""
        on = on or timezone.localdate()
        phase_rank = Case(
            When(Q(starts_on__isnull=True) | Q(ends_on__isnull=True), then=Value(1)),
            When(starts_on__lte=on, ends_on__gte=on, then=Value(0)),
            When(starts_on__gt=on, then=Value(2)),
            default=Value(3),
            output_field=models.IntegerField(),
        )
        return self.alias(phase_rank=phase_rank).order_by(
            "phase_rank", F("starts_on").desc(nulls_last=True), "-created_at", "title", "pk"
        )


class Promise(models.Model):
    """A medborgarlöfte: a time-boxed commitment to the residents of a locality."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Phase(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        ACTIVE = "active", _("In force")
        ENDED = "ended", _("Ended")
        UNDATED = "undated", _("Dates not given")

    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="promises", verbose_name=_("locality")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.DRAFT, db_index=True
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    period_text = models.CharField(
        _("period in words"),
        max_length=200,
        blank=True,
        help_text=_('When the source gives only a length, e.g. "under en tvåårsperiod".'),
    )
    summary = models.TextField(_("summary"), blank=True)
    background = models.TextField(_("background"), blank=True)
    pledge_heading = models.CharField(
        _("heading of the commitments"),
        max_length=200,
        blank=True,
        help_text=_('As the source heads its commitments, e.g. "Vårt medborgarlöfte 2022-2023".'),
    )
    pledge = models.TextField(
        _("introduction to the commitments"),
        blank=True,
        help_text=_("What the source says before listing its commitments (“Det här lovar vi”)."),
    )
    parties = models.ManyToManyField(
        Party, related_name="promises", blank=True, verbose_name=_("parties")
    )
    themes = models.ManyToManyField(
        Theme, related_name="promises", blank=True, verbose_name=_("themes")
    )
    follow_up = models.TextField(
        _("how it is followed up"),
        blank=True,
        help_text=_('E.g. "Målen följs upp kontinuerligt genom trygghetsgruppens försorg."'),
    )
    signatories = models.TextField(
        _("signatories"), blank=True, help_text=_("One per line: name, title.")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    source_publisher = models.CharField(
        _("source publisher"),
        max_length=200,
        blank=True,
        help_text=_('Who published the source document, e.g. "Polisen" or "Stenungsunds kommun".'),
    )
    source_published_on = models.DateField(
        _("source published on"),
        null=True,
        blank=True,
        help_text=_("The date the source document gives, if any."),
    )
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("previous period's promise"),
        help_text=_("The promise this one renews (promises are renewed every one or two years)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PromiseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = [F("starts_on").desc(nulls_last=True), "title"]
        verbose_name = _("citizen promise")
        verbose_name_plural = _("citizen promises")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "slug"], name="promise_slug_unique_per_locality"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="promise_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="promise_period_idx")]

    def __str__(self):
        return f"{self.title} ({self.locality})"

    def get_absolute_url(self):
        return self.url_of(self.locality.slug, self.slug)

    @staticmethod
    def url_of(locality_slug, slug):
        """The public page of the promise `slug` of the locality `locality_slug`."""
        return reverse("promises:detail", kwargs={"locality": locality_slug, "slug": slug})

    def phase(self, on=None):
        """Upcoming, in force or ended, from the dates; undated when they are not known."""
        return self.phase_of(self.starts_on, self.ends_on, on)

    @classmethod
    def phase_of(cls, starts_on, ends_on, on=None):
        """The phase of a promise running from `starts_on` to `ends_on`, on `on` (today)."""
        if starts_on is None or ends_on is None:
            return cls.Phase.UNDATED
        on = on or timezone.localdate()
        if on < starts_on:
            return cls.Phase.UPCOMING
        if on > ends_on:
            return cls.Phase.ENDED
        return cls.Phase.ACTIVE

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED


class Actor(models.TextChoices):
    """Who owns a commitment, derived from its parties."""

    POLICE = "police", _("The police")
    MUNICIPALITY = "municipality", _("The municipality")
    BOTH = "both", _("Together")
    PARTNER = "partner", _("Partners")


def actor_of(kinds):
    """Who owns a commitment whose owning parties are of `kinds` (Party.Kind values): the
    police, the municipality, both together, or (neither of them) partners."""
    police = Party.Kind.POLICE in kinds
    municipality = Party.Kind.MUNICIPALITY in kinds
    if police and municipality:
        return Actor.BOTH
    if police:
        return Actor.POLICE
    if municipality:
        return Actor.MUNICIPALITY
    return Actor.PARTNER


class CommitmentQuerySet(LocalityScopedQuerySet):
    locality_lookup = "promise__locality"

    def by_actor(self, actor):
        """Commitments whose owning parties make them the actor's (Actor value; see
        `actor_of`)."""
        police = Exists(Party.objects.filter(commitments=OuterRef("pk"), kind=Party.Kind.POLICE))
        town = Exists(
            Party.objects.filter(commitments=OuterRef("pk"), kind=Party.Kind.MUNICIPALITY)
        )
        return self.filter(
            {
                Actor.POLICE: police & ~town,
                Actor.MUNICIPALITY: town & ~police,
                Actor.BOTH: police & town,
                Actor.PARTNER: ~police & ~town,
            }[Actor(actor)]
        )


class Commitment(models.Model):
    """One activity a promise commits to, owned by one or more parties."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        UNREPORTED = "unreported", _("Not reported")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("promise")
    )
    text = models.TextField(_("text"))
    parties = models.ManyToManyField(
        Party, related_name="commitments", blank=True, verbose_name=_("owning parties")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNREPORTED, db_index=True
    )
    themes = models.ManyToManyField(
        Theme, related_name="commitments", blank=True, verbose_name=_("themes")
    )

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "…"

    def save(self, *args, **kwargs):
        if self._state.adding and self.status != self.Status.UNREPORTED:
            # No status without its reason: a new commitment starts as "not reported".
            raise ValidationError(
                _("A new commitment starts as “not reported”: its status comes from a note.")
            )
        if self._status_changed_without_note():
            raise ValidationError(_("A status change needs a follow-up note that says why."))
        super().save(*args, **kwargs)
        self._saved_status = self.status
        self._status_note = ""

    def get_absolute_url(self):
        return f"{self.promise.get_absolute_url()}#commitment-{self.pk}"

    # The public status is the one set by the latest published status note: only the
    # publish and unpublish services of followup.services call `set_status`; a plain
    # `status = ...; save()` is refused here, outside the admin too.
    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_status = instance.__dict__.get("status")
        return instance

    def set_status(self, status, *, note):
        if not (note or "").strip():
            raise ValidationError({"status": _("A status change needs a note that says why.")})
        self.status = status
        self._status_note = note

    def _status_changed_without_note(self):
        saved = getattr(self, "_saved_status", None)
        return (
            not self._state.adding
            and saved is not None
            and self.status != saved
            and not getattr(self, "_status_note", "")
        )

    def clean(self):
        super().clean()
        if self._status_changed_without_note():
            raise ValidationError(
                {
                    "status": _(
                        "The status changes only with a follow-up note that says why: "
                        "post a follow-up note with the new status."
                    )
                }
            )

    @property
    def actor(self):
        """Police, municipality, both, or partner, from the owning parties (prefetch them,
        as `parties` or, cheaper for many commitments, into `party_list`)."""
        parties = getattr(self, "party_list", None)
        return actor_of(
            {party.kind for party in (self.parties.all() if parties is None else parties)}
        )


class GoalQuerySet(LocalityScopedQuerySet):
    locality_lookup = "promise__locality"


class Goal(models.Model):
    """ "Det här ska vi åstadkomma tillsammans": what the promise aims to achieve."""

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="goals", verbose_name=_("promise")
    )
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = GoalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["promise", "order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "…"


class Contact(models.Model):
    """A contact person as published: kommunpolis, BRÅ- or trygghetssamordnare."""

    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("locality")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    promises = models.ManyToManyField(
        Promise, related_name="contacts", blank=True, verbose_name=_("promises")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = LocalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["locality", "order", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "name"], name="contact_unique_name_per_locality"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name
