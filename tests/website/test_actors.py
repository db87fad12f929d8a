"""The pages of people and organizations (website/views/actors.py, website/pages/actors.py)."""

import datetime
import itertools

import pytest

from events.models import Event
from tests.factories import (
    EditionFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
)
from tests.pages import (
    fetch_page,
    items_of,
    queries_before_and_after_growth,
    section_of,
    text,
)

pytestmark = pytest.mark.django_db


def test_person_page_shows_names_in_both_scripts_and_positions(client, seed):
    tree = fetch_page(client, "/en/people/vladimir-zorin/")
    assert text(tree.find(".//h1")) == "Vladimir Zorin"
    assert text(tree.find(".//header[@class='profile']//p[@class='muted']")) == (
        "Also written: Владимир Юрьевич Зорин"
    )
    assert tree.find(".//header[@class='profile']//span").get("lang") == "ru"
    positions = section_of(tree, "positions-heading")
    assert items_of(positions) == [
        "Co-Chairman of the Council of the Assembly of Peoples of Russia, Assembly of the "
        "Peoples of Russia dates not given",
        "Chairman of the Civic Chamber of the Russian Federation for Harmonization of "
        "Interethnic and Interregional Relations, Civic Chamber of the Russian Federation "
        "dates not given",
        "Member of the Presidium of the Council under the President of the Russian Federation "
        "for Interethnic Relations, Council under the President of the Russian Federation for "
        "Interethnic Relations dates not given",
    ]


def test_person_page_orders_positions_current_first_then_latest(client):
    person = PersonFactory()
    PositionFactory(
        person=person,
        title_en="Old post",
        start_date=datetime.date(2001, 1, 1),
        end_date=datetime.date(2005, 1, 1),
    )
    PositionFactory(person=person, title_en="Undated post")
    PositionFactory(person=person, title_en="Current post", start_date=datetime.date(2019, 3, 1))
    PositionFactory(
        person=person, title_en="Earlier current post", start_date=datetime.date(2010, 1, 1)
    )
    positions = section_of(fetch_page(client, person.get_absolute_url()), "positions-heading")
    titles = [text(item.find("span")) for item in positions.iter("li")]
    assert titles == ["Current post", "Earlier current post", "Undated post", "Old post"]
    periods = [text(item.find("span[@class='muted']")) for item in positions.iter("li")]
    assert periods == [
        "since 1 March 2019",
        "since 1 January 2010",
        "dates not given",
        "from 1 January 2001 to 1 January 2005",
    ]


def test_person_page_lists_events_by_role_with_the_title_as_worded(client, seed):
    tree = fetch_page(client, "/en/people/konstantin-kosachev/")
    events = section_of(tree, "person-events-heading")
    assert [text(h3) for h3 in events.iter("h3")] == ["Welcome address"]
    assert items_of(events) == [
        "International round table on the role of public diplomacy in the development of "
        "Russian-Kyrgyz relations 24 April 2023, Kyrgyzstan · as “Senator of the Russian "
        "Federation, Deputy Chairman of the Federation Council”"
    ]
    quotes = section_of(tree, "person-quotes-heading")
    assert text(quotes.find(".//figcaption")).startswith("— International round table")


def test_person_page_groups_roles_in_order_and_hides_drafts(client):
    person = PersonFactory()
    ParticipationFactory(person=person, role="attendee", event=EventFactory(title_en="Heard"))
    ParticipationFactory(person=person, role="moderator", event=EventFactory(title_en="Led"))
    ParticipationFactory(
        person=person, role="speaker", event=EventFactory(title_en="Secret", status="draft")
    )
    events = section_of(fetch_page(client, person.get_absolute_url()), "person-events-heading")
    assert [text(h3) for h3 in events.iter("h3")] == ["Moderator", "Attendee"]
    assert [text(link) for link in events.iter("a")][:-1] == ["Led", "Heard"]
    assert events.findall(".//p/a")[-1].get("href") == f"/en/events/?person={person.slug}"


def test_person_page_caps_each_role_and_links_to_the_full_list(client):
    person = PersonFactory(slug="busy")
    for day in range(27):
        ParticipationFactory(
            person=person,
            role="speaker",
            event=EventFactory(start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day)),
        )
    events = section_of(fetch_page(client, person.get_absolute_url()), "person-events-heading")
    assert len(list(events.iter("li"))) == 25
    more = events.find(".//a[@class='more']")
    assert (text(more), more.get("href")) == ("All 27 events", "/en/events/?person=busy")


def test_person_page_lists_competition_entries(client):
    entry = EntryFactory(edition=EditionFactory(year=2022), result="winner")
    entries = section_of(
        fetch_page(client, entry.person.get_absolute_url()), "person-entries-heading"
    )
    assert items_of(entries) == [f"{entry.edition.competition.title_en} 2022 Winner"]


def test_person_page_queries_do_not_grow_with_rows(client, count_queries):
    person = PersonFactory()
    roles = itertools.cycle(["speaker", "attendee", "moderator"])

    def grow():
        for _ in range(2):
            event = EventFactory()
            ParticipationFactory(person=person, event=event, role=next(roles))
            QuoteFactory(person=person, event=event)
            EntryFactory(person=person, edition=EditionFactory())

    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get(person.get_absolute_url()), grow
    )
    assert before == after


def test_organization_page_lists_members_events_and_partners(client, seed):
    tree = fetch_page(client, "/en/organizations/assembly-of-the-peoples-of-russia/")
    assert text(tree.find(".//h1")) == "Assembly of the Peoples of Russia"
    assert text(tree.find(".//p[@class='eyebrow']")) == "Non-governmental organization"
    members = section_of(tree, "members-heading")
    assert [text(h3) for h3 in members.iter("h3")] == ["Current"]
    assert [text(item.find("a")) for item in members.iter("li")] == [
        "Svetlana Smirnova",
        "Vladimir Zorin",
    ]
    events = section_of(tree, "organization-events-heading")
    assert [text(h3) for h3 in events.iter("h3")] == ["Organizer", "Represented by its people"]
    represented = list(events.iter("ul"))[1]
    # Smirnova spoke as the Eurasian Assembly's; Zorin as this assembly's co-chairman.
    assert [text(item.find("span")) for item in represented.iter("li")] == [
        "24 April 2023 · Vladimir Zorin, attendee",
    ]
    # The list of its events counts its people's too; a role's list only the role.
    assert [link.get("href") for link in events.iter("a") if "events/?" in link.get("href")] == [
        "/en/events/?organization_involved=assembly-of-the-peoples-of-russia"
    ]
    partners = section_of(tree, "organization-partners-heading")
    assert items_of(partners)[:2] == [
        "Assembly of the Peoples of Kyrgyzstan 1 event together",
        "Association of Higher Educational Institutions of the Kyrgyz Republic 1 event together",
    ]
    assert len(items_of(partners)) == 10
    competitions = section_of(tree, "organization-competitions-heading")
    assert items_of(competitions) == ["Leader of People’s Diplomacy"]


def test_organization_page_ranks_organizations_it_appears_with(client):
    organization = OrganizationFactory()
    often = OrganizationFactory(name_en="Often")
    once = OrganizationFactory(name_en="Once")
    for index in range(3):
        event = EventFactory()
        EventOrganizationFactory(event=event, organization=organization)
        EventOrganizationFactory(event=event, organization=often, role="partner")
        if index == 0:
            ParticipationFactory(
                event=event,
                organization=once,
                person=None,
                position=None,
                position_title_en="Director",
            )
    hidden = EventFactory(status=Event.Status.DRAFT)
    EventOrganizationFactory(event=hidden, organization=organization)
    EventOrganizationFactory(event=hidden, organization=OrganizationFactory(name_en="Hidden"))
    partners = section_of(
        fetch_page(client, organization.get_absolute_url()), "organization-partners-heading"
    )
    assert items_of(partners) == ["Often 3 events together", "Once 1 event together"]


def test_organization_page_separates_current_and_former_members(client):
    organization = OrganizationFactory()
    PositionFactory(
        organization=organization, title_en="Head", start_date=datetime.date(2020, 1, 1)
    )
    PositionFactory(
        organization=organization,
        title_en="Former head",
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    members = section_of(fetch_page(client, organization.get_absolute_url()), "members-heading")
    assert [text(h3) for h3 in members.iter("h3")] == ["Current", "Former"]
    assert [item.split(" — ")[1] for item in items_of(members)] == [
        "Head since 1 January 2020",
        "Former head from 1 January 2010 to 31 December 2019",
    ]


def test_organization_page_caps_each_role_and_links_to_the_events_of_that_role(client):
    organization = OrganizationFactory(slug="busy")
    for day in range(26):
        EventOrganizationFactory(
            organization=organization,
            event=EventFactory(start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day)),
        )
    ParticipationFactory(person=PersonFactory(), position=None, organization=organization)
    tree = fetch_page(client, organization.get_absolute_url())
    events = section_of(tree, "organization-events-heading")
    more = events.find(".//a[@class='more']")
    assert (text(more), more.get("href")) == ("All 26 events", "/en/events/?organization=busy")
    listed = fetch_page(client, more.get("href"))
    assert text(listed.find(".//h2[@id='results-heading']")) == "26 events"
    everything = fetch_page(client, "/en/events/?organization_involved=busy")
    assert text(everything.find(".//h2[@id='results-heading']")) == "27 events"


def test_organization_page_queries_do_not_grow_with_rows(client, count_queries):
    organization = OrganizationFactory()
    roles = itertools.cycle(["organizer", "partner", "supporter"])

    def grow():
        for _ in range(2):
            event = EventFactory()
            EventOrganizationFactory(event=event, organization=organization, role=next(roles))
            EventOrganizationFactory(event=event)
            ParticipationFactory(event=event, organization=organization)
            PositionFactory(organization=organization)
            OrganizationFactory(parent=organization)
            EntryFactory(organization=organization, edition=EditionFactory())
        EditionFactory().competition.organizers.add(organization)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get(organization.get_absolute_url()), grow
    )
    assert before == after
