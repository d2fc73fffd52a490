"""Server-rendered bar charts for indicators: geometry only, drawn by an SVG template.

A bar for each value of the indicator's series (followup.selectors.series_for: measurements, or
a survey question's answers), lines for `baseline_value` and `target_value`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from followup.selectors import indicator_series, series_for

WIDTH = 320
HEIGHT = 180
TOP = 16
BOTTOM = 36  # room for the labels under the bars
LEFT = 8
RIGHT = 8
PLOT = HEIGHT - TOP - BOTTOM


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    point: object  # a followup.selectors.Point

    @property
    def value_y(self):
        return round(self.y - 4, 1)


@dataclass
class Line:
    y: float
    value: Decimal
    kind: str  # "baseline" or "target"

    @property
    def label_y(self):
        return round(self.y - 3, 1)


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: float = TOP + PLOT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bars: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    label_y: int = HEIGHT - 14
    has_groups: bool = False

    @property
    def empty(self):
        return not self.bars


def bar_charts(indicators):
    """{indicator pk: Chart} for the indicators, their series read together (series_for)."""
    indicators = list(indicators)
    series = series_for(indicators)
    return {i.pk: bar_chart(i, series[i.pk]) for i in indicators}


def bar_chart(indicator, points=None):
    """The chart of an indicator's series (`points`, read when not given)."""
    points = indicator_series(indicator) if points is None else list(points)
    reference = [
        (kind, value)
        for kind, value in (
            ("baseline", indicator.baseline_value),
            ("target", indicator.target_value),
        )
        if value is not None
    ]
    values = [p.value for p in points] + [value for _, value in reference]
    top = max([v for v in values if v > 0], default=Decimal(1))
    chart = Chart(has_groups=any(p.group for p in points))
    if not points:
        return chart

    def y_of(value):
        share = max(Decimal(0), min(Decimal(value), top)) / top
        return round(TOP + PLOT * (1 - float(share)), 1)

    slot = (WIDTH - LEFT - RIGHT) / len(points)
    bar_width = min(56.0, slot * 0.6)
    for index, point in enumerate(points):
        centre = LEFT + slot * index + slot / 2
        y = y_of(point.value)
        chart.bars.append(
            Bar(
                x=round(centre - bar_width / 2, 1),
                y=y,
                width=round(bar_width, 1),
                height=round(TOP + PLOT - y, 1),
                label_x=round(centre, 1),
                point=point,
            )
        )
    chart.lines = [Line(y=y_of(value), value=value, kind=kind) for kind, value in reference]
    return chart
