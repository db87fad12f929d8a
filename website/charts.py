"""Bar charts drawn on the server as HTML: a row per bar, its label as text
that wraps (never cut), the bar, its figure, the whole row a link to the
events behind it. No script, nothing for the Content-Security-Policy to
block (the bar is a small SVG, not an inline style), and the full width of
the page on any screen. templates/includes/bar_chart.html draws them, with
the same figures as a table.
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str
    length: float  # per cent of the longest bar


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    label_heading: str  # what the rows are: "Year", "Country"…
    bars: list[Bar]


def bar_chart(
    chart_id: str, title: str, rows: Sequence[tuple[str, int, str]], *, label_heading: str
) -> BarChart:
    """A bar per (label, value, url) row, the longest for the largest value."""
    largest = max((value for _label, value, _url in rows), default=0) or 1
    bars = [
        # A zero still shows as a sliver, so the row does not look missing.
        Bar(label=label, value=value, url=url, length=round(max(100 * value / largest, 0.5), 1))
        for label, value, url in rows
    ]
    return BarChart(id=chart_id, title=title, label_heading=label_heading, bars=bars)
