from website.charts import LABEL_LIMIT, bar_chart


def test_long_labels_are_cut_at_a_word_with_an_ellipsis():
    name = "Министерство культуры, информации, спорта и молодёжной политики Кыргызской Республики"
    chart = bar_chart("top", "Top", [(name, 3, "/ru/"), ("АНР", 5, "/ru/")], label_heading="Name")
    assert [bar.label for bar in chart.bars] == [
        "Министерство культуры, информации, спорта…",
        "АНР",
    ]
    assert all(len(bar.label) <= LABEL_LIMIT for bar in chart.bars)
    assert chart.bars[0].full_label == name
    assert [bar.width for bar in chart.bars] == [259.2, 432.0]
