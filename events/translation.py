"""Translated fields (en/ru/ky) and change history; see people/translation.py."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from events.models import (
    Competition,
    Edition,
    Entry,
    Event,
    EventOrganization,
    Nomination,
    Participation,
    Quote,
    Source,
    Topic,
)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Competition)
class CompetitionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("reported_figures",)


@register(Nomination)
class NominationTranslation(TranslationOptions):
    fields = ("title",)


@register(Entry)
class EntryTranslation(TranslationOptions):
    fields = ("title",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "venue", "city", "summary", "body")


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("position_title",)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "rubric")


register_history(
    Event, app=__package__, m2m_fields=["topics", "countries"], excluded_fields=["search_vector"]
)
register_history(Competition, app=__package__, m2m_fields=["organizers"])
register_history(Edition, app=__package__, m2m_fields=["countries"])
for model in (EventOrganization, Participation, Quote, Source, Nomination, Entry, Topic):
    register_history(model, app=__package__)
