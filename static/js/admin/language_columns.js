'use strict';
// A tabular inline's translated columns (title_en, title_ru, title_ky) take
// one column, not three: a switch above the table shows one language at a
// time, so the participant row fits the screen (loaded with the ordered
// inlines of diplomacy/admin.py). Every language's input stays in the form.
(function() {
    const SUFFIX = /_(en|ru|ky)$/;

    function columnsOf(table) {
        const languages = new Set();
        table.querySelectorAll('thead th[class*="column-"]').forEach((th) => {
            const name = Array.from(th.classList).find((c) => c.startsWith('column-'));
            const match = name && name.match(SUFFIX);
            if (match) {
                languages.add(match[1]);
            }
        });
        return Array.from(languages);
    }

    function show(table, language, buttons) {
        table.querySelectorAll('th[class*="column-"], td[class*="field-"]').forEach((cell) => {
            const name = Array.from(cell.classList).find((c) => c.startsWith('column-') || c.startsWith('field-'));
            const match = name && name.match(SUFFIX);
            if (match) {
                cell.hidden = match[1] !== language;
            }
        });
        buttons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.language === language)));
    }

    function setUp(table) {
        const languages = columnsOf(table);
        if (languages.length < 2) {
            return;
        }
        const bar = document.createElement('div');
        bar.className = 'language-columns';
        bar.setAttribute('role', 'group');
        const buttons = languages.map((language) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'button';
            button.dataset.language = language;
            button.textContent = language.toUpperCase();
            button.addEventListener('click', () => show(table, language, buttons));
            bar.append(button);
            return button;
        });
        table.closest('fieldset, .tabular').prepend(bar);
        show(table, languages[0], buttons);
        document.addEventListener('formset:added', () => {
            const pressed = buttons.find((b) => b.getAttribute('aria-pressed') === 'true');
            show(table, pressed ? pressed.dataset.language : languages[0], buttons);
        });
    }

    document.addEventListener('DOMContentLoaded', () => {
        document.querySelectorAll('.inline-group .tabular table').forEach(setUp);
    });
})();
