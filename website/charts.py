"""Bar charts as inline SVG, drawn on the server: no script, no external library,
nothing for the Content-Security-Policy to block, and readable in any browser.

Each row is its label over a bar, so long names need no truncating and the
chart stays legible when a phone scales it down. The geometry is computed
here; templates/includes/bar_chart.html draws it and adds the same figures as
a table for screen readers and for copying.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# In SVG user units; the chart scales down to narrower containers.
WIDTH = 480
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
ROW_GAP = 12
VALUE_SPACE = 48  # room after the longest bar for its figure
# Characters that fit the chart's width in wide (Cyrillic) letters; the
# table below the chart gives the full name.
LABEL_LIMIT = 44


@dataclass(frozen=True)
class Bar:
    label: str  # shortened to fit the chart
    full_label: str  # for the table
    value: int
    url: str
    width: float
    label_y: float
    bar_y: float
    height: float

    @property
    def value_x(self) -> float:
        return self.width + 6

    @property
    def value_y(self) -> float:
        return self.bar_y + self.height / 2


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    label_heading: str  # what the rows are: "Year", "Country"…
    bars: list[Bar]
    width: int
    height: int

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _shorten(text: str) -> str:
    """The text, or as many whole words of it as fit, and an ellipsis."""
    if len(text) <= LABEL_LIMIT:
        return text
    cut = text[: LABEL_LIMIT - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


def bar_chart(
    chart_id: str, title: str, rows: Sequence[tuple[str, int, str]], *, label_heading: str
) -> BarChart:
    """A bar per (label, value, url) row, the longest for the largest value."""
    largest = max((value for _label, value, _url in rows), default=0) or 1
    space = WIDTH - VALUE_SPACE
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    bars = []
    for index, (label, value, url) in enumerate(rows):
        top = index * row_height
        bars.append(
            Bar(
                label=_shorten(label),
                full_label=label,
                value=value,
                url=url,
                # A zero still shows as a sliver, so the row does not look missing.
                width=round(max(space * value / largest, 2), 1),
                label_y=top + LABEL_HEIGHT - 5,
                bar_y=top + LABEL_HEIGHT,
                height=BAR_HEIGHT,
            )
        )
    height = max(len(rows) * row_height - ROW_GAP, row_height)
    return BarChart(
        id=chart_id,
        title=title,
        label_heading=label_heading,
        bars=bars,
        width=WIDTH,
        height=height,
    )
