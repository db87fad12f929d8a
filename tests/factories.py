"""factory_boy factories for every model; translated fields get an English and a
Russian value so fallback and search in both scripts are exercised."""

import datetime

import factory
from django.contrib.auth.models import Group, User

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
from people.models import Country, Organization, Person, Position, Region

# Only codes ISO 3166 leaves to users (AA, QM–QZ, XA–XZ, ZZ), so a default
# country never turns out to be a real one from the reference data every test
# database holds; QQ and QR are left to tests that name their countries.
_COUNTRY_CODES = [
    *(f"X{letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    *(f"Q{letter}" for letter in "MNOPSTUVWXYZ"),
    "AA",
    "ZZ",
]


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: _COUNTRY_CODES[n % len(_COUNTRY_CODES)])
    alpha_3 = factory.LazyAttribute(lambda o: f"{o.code}X")
    name_en = factory.Sequence(lambda n: f"Country {n}")
    name_ru = factory.Sequence(lambda n: f"Страна {n}")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    country = factory.SubFactory(CountryFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.country.code}-R{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    name_ru = factory.Sequence(lambda n: f"Область {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    kind = Organization.Kind.NGO


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    given_name_en = "Ivan"
    given_name_ru = "Иван"
    family_name_en = factory.Sequence(lambda n: f"Petrov{n}")
    family_name_ru = factory.Sequence(lambda n: f"Петров{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title_en = factory.Sequence(lambda n: f"Chairman {n}")
    title_ru = factory.Sequence(lambda n: f"Председатель {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n}")


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competition

    slug = factory.Sequence(lambda n: f"competition-{n}")
    title_en = factory.Sequence(lambda n: f"Competition {n}")
    title_ru = factory.Sequence(lambda n: f"Конкурс {n}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    competition = factory.SubFactory(CompetitionFactory)
    year = factory.Sequence(lambda n: 2000 + n % 150)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    edition = factory.SubFactory(EditionFactory)
    title_en = factory.Sequence(lambda n: f"Nomination {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    edition = factory.SubFactory(EditionFactory)
    person = factory.SubFactory(PersonFactory)
    result = Entry.Result.LAUREATE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_en = factory.Sequence(lambda n: f"Round table {n}")
    title_ru = factory.Sequence(lambda n: f"Круглый стол {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.ROUND_TABLE
    status = Event.Status.PUBLISHED
    start_date = datetime.date(2023, 4, 24)
    timezone = "Asia/Bishkek"
    host_country = factory.SubFactory(CountryFactory)


class EventOrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganization

    event = factory.SubFactory(EventFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = EventOrganization.Role.ORGANIZER


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = Participation.Role.SPEAKER
    position = factory.SubFactory(PositionFactory, person=factory.SelfAttribute("..person"))
    position_title_en = factory.LazyAttribute(
        lambda o: o.position.title_en if o.position else "Director"
    )


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    text = "Relations between states are called people's relations for a reason."


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    event = factory.SubFactory(EventFactory)
    title_en = factory.Sequence(lambda n: f"Report {n}")
    url = factory.Sequence(lambda n: f"https://example.org/report/{n}")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    event = factory.SubFactory(EventFactory)
    slug = factory.Sequence(lambda n: f"outcome-{n}")
    kind = Outcome.Kind.MEMORANDUM
    title_en = factory.Sequence(lambda n: f"Memorandum of cooperation {n}")
    title_ru = factory.Sequence(lambda n: f"Меморандум о сотрудничестве {n}")


class OutcomePartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeParty

    outcome = factory.SubFactory(OutcomeFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = OutcomeParty.Role.SIGNATORY


class ReportedFiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedFigures

    event = factory.SubFactory(EventFactory)
    participants = 120
    countries = 14
    text_en = "More than 120 participants from 14 countries"
    text_ru = "Более 120 участников из 14 стран"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "correct horse battery")
        if create:
            self.save(update_fields=["password"])


class EditorFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Editors"))
