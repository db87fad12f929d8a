from website.charts import bar_chart


def test_long_labels_are_kept_whole_and_bars_scale_to_the_largest():
    name = "Министерство культуры, информации, спорта и молодёжной политики Кыргызской Республики"
    chart = bar_chart(
        "top",
        "Top",
        [("АНР", 5, "/ru/a/"), (name, 3, "/ru/b/"), ("Нуль", 0, "/ru/c/")],
        label_heading="Name",
    )
    assert [(bar.label, bar.value, bar.url, bar.length) for bar in chart.bars] == [
        ("АНР", 5, "/ru/a/", 100.0),
        (name, 3, "/ru/b/", 60.0),
        # A zero still shows as a sliver, so the row does not look missing.
        ("Нуль", 0, "/ru/c/", 0.5),
    ]
