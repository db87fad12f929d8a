"""Translated fields (en/ru/ky) and change history; see people/translation.py."""

from modeltranslation.translator import register
from simple_history import register as register_history

from events.models import (
    Competition,
    Edition,
    Entry,
    Event,
    EventOrganization,
    Nomination,
    Outcome,
    OutcomeParty,
    Participation,
    Quote,
    ReportedFigures,
    Source,
    Topic,
)
from people.translation import Translated


@register(Topic)
class TopicTranslation(Translated):
    fields = ("name",)


@register(Competition)
class CompetitionTranslation(Translated):
    fields = ("title", "description")


@register(Edition)
class EditionTranslation(Translated):
    fields = ("reported_figures",)


@register(Nomination)
class NominationTranslation(Translated):
    fields = ("title",)


@register(Entry)
class EntryTranslation(Translated):
    fields = ("title",)


@register(Event)
class EventTranslation(Translated):
    fields = ("title", "venue", "city", "summary", "body")


@register(Participation)
class ParticipationTranslation(Translated):
    fields = ("position_title",)


@register(Quote)
class QuoteTranslation(Translated):
    fields = ("translation",)


@register(Source)
class SourceTranslation(Translated):
    fields = ("title", "rubric")


@register(Outcome)
class OutcomeTranslation(Translated):
    fields = ("title", "text")


@register(ReportedFigures)
class ReportedFiguresTranslation(Translated):
    fields = ("text",)


register_history(
    Event, app=__package__, m2m_fields=["topics", "countries"], excluded_fields=["search_vector"]
)
register_history(Competition, app=__package__, m2m_fields=["organizers"])
register_history(Edition, app=__package__, m2m_fields=["countries"])
for model in (EventOrganization, Participation, Quote, Source, Nomination, Entry, Topic):
    register_history(model, app=__package__)
for model in (Outcome, OutcomeParty, ReportedFigures):
    register_history(model, app=__package__)
