"""The progress rule: done 1, in progress ½, others 0, cancelled out of the denominator."""

import pytest

from promises.progress import progress_of

S = {
    "d": "done",
    "p": "in_progress",
    "n": "not_started",
    "u": "unreported",
    "l": "delayed",
    "c": "cancelled",
}


@pytest.mark.parametrize(
    ("statuses", "percent"),
    [
        ("", None),  # no commitments: nothing to measure
        ("cc", None),  # all cancelled: nothing left to count
        ("dddd", 100),
        ("nnnn", 0),
        ("dp", 75),
        ("dnc", 50),  # the cancelled one is left out
        ("dddppppn", 62),  # 3 + 4 * 0.5 = 5 of 8
        ("lu", 0),
    ],
)
def test_progress_percent(statuses, percent):
    assert progress_of(S[s] for s in statuses).percent == percent


def test_cancelled_commitments_are_counted_but_not_in_the_denominator():
    progress = progress_of(["done", "cancelled", "in_progress"])

    assert (progress.total, progress.counted, progress.done, progress.cancelled) == (3, 2, 1, 1)


def test_a_promise_without_commitments_has_no_percent_and_nothing_counted():
    progress = progress_of([])

    assert (progress.percent, progress.total, progress.counted, progress.score) == (None, 0, 0, 0)


def test_all_cancelled_commitments_are_listed_but_give_no_percent():
    progress = progress_of(["cancelled"] * 3)

    assert (progress.percent, progress.total, progress.cancelled) == (None, 3, 3)


def test_percent_rounds_half_to_even_on_exact_halves():
    # 1 in progress of 4 = 12.5 %; Python's round() gives 12 (banker's rounding).
    assert progress_of(["in_progress", "not_started", "not_started", "not_started"]).percent == 12


def test_a_single_in_progress_commitment_is_half_way():
    assert progress_of(["in_progress"]).percent == 50


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError):
        progress_of(["finished"])


@pytest.mark.django_db
def test_promise_progress_reads_the_commitments_of_the_promise(make_promise, make_commitment):
    from promises.progress import promise_progress

    promise = make_promise()
    make_commitment(promise=promise, status="done")
    make_commitment(promise=promise, status="delayed")
    make_commitment(promise=promise, status="cancelled")
    make_commitment(status="done")  # another promise's

    progress = promise_progress(promise)

    assert (progress.percent, progress.total, progress.counted) == (50, 3, 2)


def test_unreported_commitments_are_told_apart_from_reported_ones():
    progress = progress_of(["unreported", "unreported", "done", "cancelled"])

    assert (progress.unreported, progress.reported, progress.counted) == (2, 1, 3)


@pytest.mark.django_db
def test_a_promise_with_no_reported_status_says_so_instead_of_zero_percent(client, demo_data):
    html = client.get("/molndal/molndals-innerstad/").content.decode()

    # Undated ("under en tvåårsperiod"): no "so far", no "has ended", and no 0 %.
    assert '<p class="progress-summary">Ingen status har rapporterats ännu.</p>' in html
    assert "0 av 6" not in html and "0 %" not in html


def _bar(statuses, language="sv"):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        return render_to_string(
            "promises/includes/_progress.html", {"progress": progress_of(statuses)}
        )


def test_the_bar_draws_done_and_in_progress_and_says_everything_in_words():
    html = _bar(["done", "in_progress", "unreported", "cancelled", "not_started"])

    # 20 a counted commitment: done drawn 20 wide, in progress 10 (it counts half), so the
    # drawn share, 30 of 80, is the stated 38 %.
    assert '<svg class="progress-bar" viewBox="0 0 80 10"' in html
    assert '<rect class="progress-done" width="20" height="10" fill="#1d6b3a"/>' in html
    assert '<rect class="progress-doing" x="20" width="10" height="10" fill="#7fb08f"/>' in html
    assert "1 av 4 åtaganden genomförda, 1 pågår, 1 utan uppgift, 1 inställt" in html
    assert '<p class="progress-summary">38 % uppfyllt hittills</p>' in html
    assert "Pågår (räknas till hälften)" in html  # the legend


def test_the_bar_speaks_english_and_singular():
    html = _bar(["done"], "en")

    assert "1 of 1 commitment done" in html
    assert "100 % kept so far" in html
    assert "in progress" not in html and "cancelled" not in html


@pytest.mark.parametrize(
    ("statuses", "text"),
    [
        (
            ["unreported", "unreported"],
            "Ingen status har rapporterats ännu.",
        ),
        (["cancelled"], "Alla åtaganden har ställts in."),
        ([], "Inga åtaganden har publicerats ännu."),
    ],
)
def test_without_anything_to_count_the_bar_says_why(statuses, text):
    html = _bar(statuses)

    assert text in html
    assert "<svg" not in html


@pytest.mark.django_db
def test_a_promise_card_escapes_what_editors_wrote(client, make_locality, make_promise):
    promise = make_promise(
        locality=make_locality(name="Ort <b>"), title="Löfte <script>", period_text="under <i>"
    )

    html = client.get("/loften/").content.decode()

    assert "Löfte &lt;script&gt;" in html and "<script>" not in html.split("<main")[1]
    assert "<span>Ort &lt;b&gt;</span>" in html
    assert f'href="{promise.get_absolute_url()}"' in html


@pytest.mark.django_db
def test_a_period_names_its_months_the_way_each_language_abbreviates_them(make_promise):
    import datetime

    from django.template.loader import render_to_string
    from django.utils import translation

    promise = make_promise(starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2024, 12, 31))

    def period():
        return render_to_string("promises/includes/_promise_period.html", {"promise": promise})

    with translation.override("sv"):
        assert "1 jan 2023 – 31 dec 2024" in period()
    with translation.override("en"):
        assert "1 Jan. 2023 – 31 Dec. 2024" in period()
