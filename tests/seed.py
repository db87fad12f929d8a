"""The seed record as the demo data loads it (events/demo_data.py)."""

SEED = "round-table-public-diplomacy-russia-kyrgyzstan-2023"
SEED_URL = f"/en/events/{SEED}/"
SEED_TITLE = (
    "International round table on the role of public diplomacy in the development "
    "of Russian-Kyrgyz relations"
)

# The title of the draft in the draft_world fixture, which no public answer may show.
SECRET = "Secret summit"
