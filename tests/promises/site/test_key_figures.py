"""Key figures instead of one-bar charts; a chart from two dated values, with its baseline,
target and table, labels at least 14 px."""

import datetime
import re
from decimal import Decimal

import pytest

from followup.models import Indicator, Measurement
from promises.site import charts

pytestmark = pytest.mark.django_db


def test_a_one_value_indicator_is_a_key_figure_as_written(client, make_promise):
    promise = make_promise()
    indicator = Indicator.objects.create(
        promise=promise,
        name="Beslag av narkotika",
        slug="narkotika",
        unit="kilo",
        direction=Indicator.Direction.NONE,
    )
    Measurement.objects.create(
        indicator=indicator,
        value=Decimal("35"),
        qualifier="drygt",
        period_text="det senaste året",
        source="Polisen",
    )
    html = client.get(promise.get_absolute_url()).content.decode()
    assert 'class="chart key-figure"' in html
    assert "<strong>drygt 35</strong> kilo" in html
    assert "Det senaste året" in html and "Polisen" in html
    assert "<svg" not in html.split('id="indicator-narkotika"')[1].split("</figure>")[0]


def test_two_dated_values_draw_a_chart_with_baseline_target_and_table(client, make_promise):
    promise = make_promise()
    indicator = Indicator.objects.create(
        promise=promise,
        name="Anmälda brott",
        slug="brott",
        unit="st",
        baseline_value=Decimal("120"),
        target_value=Decimal("80"),
        direction=Indicator.Direction.LOWER,
    )
    for month, value in [(1, 110), (6, 95)]:
        Measurement.objects.create(
            indicator=indicator, value=value, measured_on=datetime.date(2026, month, 1)
        )
    html = client.get(promise.get_absolute_url()).content.decode()
    figure = html.split('id="indicator-brott"')[1].split("</figure>")[0]
    assert '<svg class="chart-svg"' in figure
    assert "Utgångsläge 120" in figure and "Mål 80" in figure
    assert "<table>" in figure
    assert "Lägre är bättre" in figure
    sizes = {int(size) for size in re.findall(r'font-size="(\d+)"', figure)}
    assert sizes and min(sizes) >= 14
    assert charts.WIDTH <= 260  # drawn at least this wide (min-width), so 14 units >= 14 px


def test_two_undated_values_are_key_figures_too(make_promise):
    indicator = Indicator.objects.create(promise=make_promise(), name="Patruller", slug="p")
    Measurement.objects.create(indicator=indicator, value=3, period_text="i år")
    Measurement.objects.create(indicator=indicator, value=4, period_text="förra året")
    chart = charts.bar_chart(indicator)
    assert chart.bars == [] and len(chart.key_figures) == 2
