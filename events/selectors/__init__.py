"""Reads of the events app, grouped by what they read, for the public site and
the API alike:

- `events`: which events a user may see, what a page or an API row needs,
  the orderings of event lists, related events;
- `listing`: the one definition of the event list's filters, and search;
- `involvement`: the events a person, an organization or a country is part
  of, and who else is;
- `competitions`: competitions with their editions, figures and entries;
- `figures`: counts over all public events (statistics, most involved).

Each function runs a fixed number of queries whatever the number of rows; its
docstring says how many where that is more than one.
"""
