"""factory_boy factories for every model of the three apps (and users).

Each factory makes a valid, published-where-it-applies row with Swedish sample text and
unique names; pass any field to override it. The `make_*` fixtures in tests/conftest.py and
tests/followup/conftest.py are thin wrappers around these.
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from followup.models import (
    CommitmentVerdict,
    Feedback,
    Indicator,
    Measurement,
    Notification,
    RateLimitCounter,
    Subscription,
    Update,
    Verdict,
)
from promises.models import (
    Agreement,
    Commitment,
    Contact,
    Goal,
    Locality,
    LocalityName,
    Membership,
    Municipality,
    Party,
    PoliceArea,
    Promise,
    Theme,
)
from situation.models import (
    Place,
    Problem,
    SituationPicture,
    Source,
    Survey,
    SurveyQuestion,
    SurveyResult,
)

_slug = factory.LazyAttribute(lambda o: slugify(o.name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct-horse-battery")


class PoliceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceArea

    name = factory.Sequence(lambda n: f"Lokalpolisområde {n}")
    slug = _slug


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Kommun {n}")
    slug = _slug


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    name = factory.Sequence(lambda n: f"Trygg i stad {n}")
    slug = _slug


class LocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locality

    name = factory.Sequence(lambda n: f"Område {n}")
    slug = _slug
    kind = Locality.Kind.MUNICIPALITY


class LocalityNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalityName

    locality = factory.SubFactory(LocalityFactory)
    name = factory.Sequence(lambda n: f"Stadsdel {n}")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    name = factory.Sequence(lambda n: f"Part {n}")
    slug = _slug
    kind = Party.Kind.POLICE


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = _slug


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, is_staff=True)
    locality = factory.SubFactory(LocalityFactory)
    role = Membership.Role.KOMMUNPOLIS


class PromiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promise

    locality = factory.SubFactory(LocalityFactory)
    title = factory.Sequence(lambda n: f"Löfte {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    state = Promise.State.PUBLISHED
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2027, 12, 31)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment
        skip_postgeneration_save = True

    promise = factory.SubFactory(PromiseFactory)
    text = factory.Sequence(lambda n: f"Åtagande {n}")

    @classmethod
    def _create(
        cls, model_class, *args, status=Commitment.Status.UNREPORTED, status_on=None, **kwargs
    ):
        """A commitment starts as "not reported"; `status=...` gives it the status with its
        reason, a published note that sets it (no status exists without one), dated
        `status_on` (default: the note's default date)."""
        commitment = super()._create(model_class, *args, **kwargs)
        if status != Commitment.Status.UNREPORTED:
            note = f"Status: {status}."
            Update.objects.create(
                promise=commitment.promise,
                commitment=commitment,
                text=note,
                old_status=commitment.status,
                new_status=status,
                published=True,
                published_at=timezone.now(),
                **({"date": status_on} if status_on else {}),
            )
            commitment.set_status(status, note=note)
            commitment.save(update_fields=["status"])
        return commitment

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    promise = factory.SubFactory(PromiseFactory)
    text = factory.Sequence(lambda n: f"Mål {n}")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    locality = factory.SubFactory(LocalityFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    role = "Kommunpolis"


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    locality = factory.SubFactory(LocalityFactory)
    name = factory.Sequence(lambda n: f"Torget {n}")
    slug = _slug
    kind = Place.Kind.SQUARE


class SituationPictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SituationPicture

    locality = factory.SubFactory(LocalityFactory)
    title = factory.Sequence(lambda n: f"Lägesbild {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    picture = factory.SubFactory(SituationPictureFactory)
    kind = Source.Kind.SURVEY


class ProblemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Problem

    picture = factory.SubFactory(SituationPictureFactory)
    description = factory.Sequence(lambda n: f"Otrygghet vid torget {n}")


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    locality = factory.SubFactory(LocalityFactory)
    title = factory.Sequence(lambda n: f"Trygghetsundersökning {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    text = factory.Sequence(lambda n: f"Känner sig trygg kvällstid {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.text))
    unit = "%"


class SurveyResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyResult

    survey = factory.SubFactory(SurveyFactory)
    question = factory.Sequence(lambda n: f"Känner du dig trygg? ({n})")
    value = Decimal("50")


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    promise = factory.SubFactory(PromiseFactory)
    text = "Uppföljning."
    published = True
    date = datetime.date(2026, 6, 1)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    promise = factory.SubFactory(PromiseFactory)
    name = factory.Sequence(lambda n: f"Nyckeltal {n}")
    slug = _slug


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = datetime.date(2025, 1, 1)
    value = Decimal("10")
    source = "Polisen"


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    promise = factory.SubFactory(
        PromiseFactory, starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2024, 12, 31)
    )
    summary = "Löftet hölls till största delen."


class CommitmentVerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitmentVerdict

    verdict = factory.SubFactory(VerdictFactory)
    commitment = factory.SubFactory(
        CommitmentFactory, promise=factory.SelfAttribute("..verdict.promise")
    )
    outcome = CommitmentVerdict.Outcome.DONE
    reason = "Genomfört enligt plan."


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    locality = factory.SubFactory(LocalityFactory)
    message = "Det är mörkt vid busshållplatsen på kvällarna."


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    email = factory.Sequence(lambda n: f"invanare{n}@example.se")
    promise = factory.SubFactory(PromiseFactory)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    subscription = factory.SubFactory(SubscriptionFactory)
    update = factory.SubFactory(
        UpdateFactory, promise=factory.SelfAttribute("..subscription.promise")
    )


class RateLimitCounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RateLimitCounter

    key = factory.Sequence(lambda n: f"ratelimit:feedback:{n:032x}")
    count = 1
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1))
