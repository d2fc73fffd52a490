"""End-of-term verdicts: recorded only once the period has ended (undated: any time).

Verdicts are written in the admin; its forms validate with the models' rules
(`verdict_period_error`, `verdict_commitment_error`, required fields), which these tests
exercise through the same model forms."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.utils import timezone, translation

from followup.models import CommitmentVerdict, Verdict, verdict_period_error

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # the messages are matched in English
        yield


DONE, PARTLY = CommitmentVerdict.Outcome.DONE, CommitmentVerdict.Outcome.PARTLY
VerdictForm = modelform_factory(Verdict, fields=["promise", "summary", "decided_on"])
RowForm = modelform_factory(CommitmentVerdict, fields=["commitment", "outcome", "reason"])


def verdict_record(*, promise, summary, outcomes, decided_on=None):
    """What the admin does with a verdict and its commitment rows: validate each form with
    the models' rules, then save; the first error is raised."""
    form = VerdictForm(
        {"promise": promise.pk, "summary": summary, "decided_on": decided_on or TODAY}
    )
    if not form.is_valid():
        raise ValidationError(list(form.errors.values())[0])
    verdict = form.save(commit=False)
    rows = []
    for commitment, (outcome, reason) in outcomes.items():
        row = RowForm(
            {
                "commitment": getattr(commitment, "pk", commitment),
                "outcome": outcome,
                "reason": reason,
            },
            instance=CommitmentVerdict(verdict=verdict),
        )
        if not row.is_valid():
            raise ValidationError(list(row.errors.values())[0])
        rows.append(row)
    verdict.save()
    for row in rows:
        row.instance.verdict = verdict
        row.save()
    return verdict


def test_verdict_is_refused_while_the_promise_is_in_force(make_promise, make_commitment):
    promise = make_promise(ends_on=TODAY)
    commitment = make_commitment(promise=promise)

    with pytest.raises(ValidationError, match="period has ended"):
        verdict_record(promise=promise, summary="För tidigt.", outcomes={commitment: (DONE, "Ja")})
    assert not Verdict.objects.exists()


def test_verdict_is_recorded_after_the_end_with_a_reason_per_commitment(
    make_promise, make_commitment
):
    promise = make_promise(
        starts_on=datetime.date(2024, 1, 1), ends_on=TODAY - datetime.timedelta(days=1)
    )
    first, second = make_commitment(promise=promise), make_commitment(promise=promise)

    verdict = verdict_record(
        promise=promise,
        summary="Så har vi uppfyllt vårt löfte.",
        outcomes={first: (DONE, "Genomfört."), second.pk: (PARTLY, "Delvis.")},
    )

    assert verdict.decided_on == TODAY
    assert dict(verdict.commitment_verdicts.values_list("commitment", "outcome")) == {
        first.pk: DONE,
        second.pk: PARTLY,
    }


def test_undated_promise_may_be_judged_at_any_time(make_promise, make_commitment):
    promise = make_promise(starts_on=None, ends_on=None)
    commitment = make_commitment(promise=promise)

    verdict_record(promise=promise, summary="Klart.", outcomes={commitment: (DONE, "Klart.")})

    assert verdict_period_error(promise) is None
    assert promise.verdict.commitment_verdicts.count() == 1


@pytest.mark.parametrize(
    ("summary", "outcome", "reason", "message"),
    [
        ("", DONE, "Skäl", "required"),
        ("Sammanfattning", "great", "Skäl", "not one of the available choices"),
        ("Sammanfattning", DONE, "  ", "required"),
    ],
)
def test_incomplete_verdicts_are_refused(
    make_promise, make_commitment, summary, outcome, reason, message
):
    promise = make_promise(starts_on=None, ends_on=None)
    commitment = make_commitment(promise=promise)

    with pytest.raises(ValidationError, match=message):
        verdict_record(promise=promise, summary=summary, outcomes={commitment: (outcome, reason)})


def test_another_promises_commitment_is_refused(make_promise, make_commitment):
    promise = make_promise(starts_on=None, ends_on=None)
    stranger = make_commitment()

    with pytest.raises(ValidationError, match="does not belong"):
        verdict_record(promise=promise, summary="X", outcomes={stranger: (DONE, "X")})


def test_vastra_hisingen_has_a_promise_verdict_and_no_invented_commitment_verdicts(demo_data):
    verdict = Verdict.objects.get(promise__slug="gangrelaterat-vald")

    assert "Vi är på rätt väg men mer finns att göra" in verdict.summary
    assert verdict.commitment_verdicts.count() == 0


def test_a_future_decision_date_does_not_open_the_door_early(make_promise, make_commitment):
    promise = make_promise(ends_on=TODAY + datetime.timedelta(days=10))
    commitment = make_commitment(promise=promise)

    with pytest.raises(ValidationError, match="period has ended"):
        verdict_record(
            promise=promise,
            summary="Tidigt.",
            outcomes={commitment: (DONE, "Ja")},
            decided_on=TODAY + datetime.timedelta(days=20),
        )


def test_a_decision_dated_before_the_end_is_refused(make_promise, make_commitment):
    promise = make_promise(
        starts_on=datetime.date(2024, 1, 1), ends_on=TODAY - datetime.timedelta(days=10)
    )
    commitment = make_commitment(promise=promise)

    with pytest.raises(ValidationError, match="period has ended"):
        verdict_record(
            promise=promise,
            summary="Bakåtdaterat.",
            outcomes={commitment: (DONE, "Ja")},
            decided_on=TODAY - datetime.timedelta(days=20),
        )


def test_the_model_validation_applies_the_same_rule_for_forms(make_promise):
    in_force = make_promise(ends_on=TODAY)
    ended = make_promise(
        starts_on=datetime.date(2024, 1, 1), ends_on=TODAY - datetime.timedelta(days=1)
    )

    with pytest.raises(ValidationError, match="period has ended"):
        Verdict(promise=in_force, summary="Tidigt.").full_clean()
    Verdict(promise=ended, summary="I tid.", decided_on=TODAY).full_clean()
