"""Server-rendered figures for indicators: geometry only, drawn by a template.

An indicator with fewer than two dated values is a key figure (`Chart.key_figures`): its
value(s) as written, with qualifier, unit, period and source; one bar on a scale of its own
would draw "mer än 1 000" as tall as "24". From two dated values it is a bar chart in time
order (followup.selectors.series_for: measurements, or a survey question's answers), with
lines for `baseline_value` and `target_value`, its labels at least 14 px at any width (the
drawing is never narrower than WIDTH pixels: see .chart-svg in site.css), and the table.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from followup.selectors import indicator_series, series_for

WIDTH = 260  # in px at the narrowest (320 px screens): FONT units are then FONT px or more
HEIGHT = 200
FONT = 14
TOP = 22
BOTTOM = 30  # room for the dates under the bars
LEFT = 4
RIGHT = 4
PLOT = HEIGHT - TOP - BOTTOM
MAX_LABELLED = 4  # beyond this many bars, only the first and last are labelled (the table has all)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    point: object  # a followup.selectors.Point
    labelled: bool = True

    @property
    def value_y(self):
        return round(self.y - 5, 1)


@dataclass
class Line:
    y: float
    value: Decimal
    kind: str  # "baseline" or "target"

    @property
    def label_y(self):
        return round(self.y - 4, 1)


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: float = TOP + PLOT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bars: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    label_y: int = HEIGHT - 10
    has_groups: bool = False
    font: int = FONT
    key_figures: list = field(default_factory=list)  # points shown as key figures instead

    @property
    def empty(self):
        return not self.bars and not self.key_figures


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
    if len({p.date or p.year for p in points if p.date or p.year}) < 2:
        chart.key_figures = points
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
                labelled=len(points) <= MAX_LABELLED or index in (0, len(points) - 1),
            )
        )
    chart.lines = [Line(y=y_of(value), value=value, kind=kind) for kind, value in reference]
    return chart
