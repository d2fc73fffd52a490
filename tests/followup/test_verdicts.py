"""End-of-term verdicts: recorded only once the period has ended (undated: any time)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from followup.models import CommitmentVerdict, Verdict
from followup.services import verdict_allowed, verdict_record

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # the messages are matched in English
        yield


DONE, PARTLY = CommitmentVerdict.Outcome.DONE, CommitmentVerdict.Outcome.PARTLY


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

    assert verdict_allowed(promise)
    assert promise.verdict.commitment_verdicts.count() == 1


def test_recording_again_replaces_the_verdict(make_promise, make_commitment):
    promise = make_promise(starts_on=None, ends_on=None)
    first, second = make_commitment(promise=promise), make_commitment(promise=promise)
    verdict_record(
        promise=promise, summary="Först.", outcomes={first: (DONE, "a"), second: (DONE, "b")}
    )

    verdict_record(promise=promise, summary="Sedan.", outcomes={first: (PARTLY, "c")})

    assert Verdict.objects.get().summary == "Sedan."
    assert list(CommitmentVerdict.objects.values_list("commitment", "outcome")) == [
        (first.pk, PARTLY)
    ]


@pytest.mark.parametrize(
    ("summary", "outcome", "reason", "message"),
    [
        ("", DONE, "Skäl", "summary"),
        ("Sammanfattning", "great", "Skäl", "Unknown outcome"),
        ("Sammanfattning", DONE, "  ", "reason"),
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
