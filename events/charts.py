"""Bar charts as inline SVG, drawn on the server: no script, no external library,
nothing for the Content-Security-Policy to block, and readable in any browser.

The geometry is computed here; templates/includes/bar_chart.html draws it and
adds the same figures as a table for screen readers and for copying.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# In SVG user units; the chart scales to its container's width.
WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 48
BAR_HEIGHT = 22
GAP = 8
PADDING = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str
    x: float
    y: float
    width: float
    height: float
    text_y: float

    @property
    def value_x(self) -> float:
        return self.x + self.width + 6


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_x: float

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _shorten(text: str, limit: int = 30) -> str:
    # The table below the chart gives the full name.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, rows: Sequence[tuple[str, int, str]]) -> BarChart:
    """Horizontal bars for (label, value, url) rows, the longest for the largest value."""
    largest = max((value for _label, value, _url in rows), default=0) or 1
    space = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PADDING
    bars = []
    for index, (label, value, url) in enumerate(rows):
        y = PADDING + index * (BAR_HEIGHT + GAP)
        bars.append(
            Bar(
                label=_shorten(label),
                value=value,
                url=url,
                x=LABEL_WIDTH,
                y=y,
                # A zero still shows as a sliver, so the row does not look missing.
                width=round(max(space * value / largest, 1), 1),
                height=BAR_HEIGHT,
                text_y=y + BAR_HEIGHT / 2,
            )
        )
    height = 2 * PADDING + len(rows) * (BAR_HEIGHT + GAP) - (GAP if rows else 0)
    return BarChart(
        id=chart_id,
        title=title,
        bars=bars,
        width=WIDTH,
        height=max(height, BAR_HEIGHT),
        label_x=LABEL_WIDTH - 8,
    )
