# «2023-жылдын 24-апрели», «10:00»: the year in the genitive, then the day
# with the month in its possessive form (see diplomacy/formats/__init__.py).
DATE_FORMAT = "Y-жылдын j-E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y-жылдын j-E, H:i"
YEAR_MONTH_FORMAT = "Y-жылдын E"
MONTH_DAY_FORMAT = "j-E"
