import json

import pytest

from events.assistant import ReportError, propose_event
from events.assistant.language import detect_language
from events.assistant.text import clean_report

GERMAN = (
    "Am 24. April fand in Bischkek ein internationaler runder Tisch über die Rolle der "
    "öffentlichen Diplomatie statt. Die Teilnehmer sprachen über die Zusammenarbeit der "
    "Hochschulen und die Zukunft der Beziehungen zwischen den Völkern."
)
CHINESE = "2023年4月24日，比什凯克举办了关于公共外交在俄吉关系发展中作用的国际圆桌会议。"
KYRGYZ = (
    "Бишкекте эл аралык тегерек үстөл өттү. Анда коомдук дипломатиянын ролу жана "
    "өлкөлөрдүн ортосундагы мамилелерди өнүктүрүү маселелери талкууланды. Катышуучулар "
    "жаштар менен иштөөнүн маанилүүлүгүн белгилешти."
)


def _error(text: str, **kwargs) -> str:
    with pytest.raises(ReportError) as caught:
        propose_event(text, **kwargs)
    return str(caught.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The text is empty; paste the report."),
        ("   \n\t  ", "The text is empty; paste the report."),
        (
            GERMAN,
            "The text is not in English or Russian; the assistant reads only those two.",
        ),
        (CHINESE, "The text is not in Russian or English; the assistant reads only those two."),
        (
            KYRGYZ,
            "The text is not in Russian or English (Kyrgyz or another Cyrillic language?); "
            "the assistant reads only those two.",
        ),
        (
            "x" * 1_000_001,
            "The text is larger than 1 MB; paste the report itself, not a whole page.",
        ),
        (
            "<html><head><script>var a = 1;</script></head><body><p>  </p></body></html>",
            "Nothing readable remains once the web page's markup is removed.",
        ),
    ],
    ids=["empty", "blank", "german", "chinese", "kyrgyz", "one-megabyte", "only-markup"],
)
def test_unreadable_input_is_refused_with_one_line(text, message):
    assert _error(text) == message


@pytest.mark.django_db
def test_language_asked_for_must_be_the_texts(seed_text):
    assert _error(seed_text, language="ru") == "The text is not in Russian."


def test_detect_language_tells_russian_from_english(seed_text):
    assert detect_language(seed_text) == "en"
    assert (
        detect_language("Вчера в Москве прошёл форум, и его участники говорили о дружбе.") == "ru"
    )


@pytest.mark.django_db
def test_markup_pasted_from_a_web_page_never_reaches_the_proposal(seed_text):
    paragraphs = "".join(f"<p>{p}</p>" for p in seed_text.split("\n\n"))
    page = (
        "<!DOCTYPE html><html><head><style>p { color: red }</style>"
        "<script>alert('x')</script></head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{paragraphs.replace('Kosachev', '<b>Kosachev</b>')}</article></body></html>"
    )

    from_page = propose_event(page)
    from_text = propose_event(seed_text)

    dumped = json.dumps(from_page.to_dict(), ensure_ascii=False)
    assert [marker for marker in ("<", ">", "alert", "color:") if marker in dumped] == []
    assert [(p.name, p.title, p.role) for p in from_page.people] == [
        (p.name, p.title, p.role) for p in from_text.people
    ]
    assert from_page.event.start_date == from_text.event.start_date


def test_clean_report_normalises_spaces_and_line_ends():
    assert clean_report("Line\u00a0one\r\n\r\n\r\n\r\nLine   two\u200b") == "Line one\n\nLine two"
