'use strict';
// Rows of an ordered inline (diplomacy/admin.py, OrderedInlineMixin) are
// moved by dragging their handle; when the form is sent, each row's hidden
// `order` is its place on the page, so nobody types an order by hand.
(function() {
    const ROW = 'tr.form-row, div.inline-related';

    function rows(group) {
        return Array.from(group.querySelectorAll(ROW)).filter(
            (row) => !row.classList.contains('empty-form') && row.querySelector('input[name$="-order"]')
        );
    }

    function addHandle(row) {
        if (row.querySelector('.drag-handle') || row.classList.contains('empty-form')) {
            return;
        }
        const handle = document.createElement('span');
        handle.className = 'drag-handle';
        handle.title = handle.ariaLabel = row.closest('.inline-group').dataset.dragLabel || '⇅';
        handle.textContent = '⠿';
        handle.draggable = true;
        const cell = row.querySelector('td.original, td') || row.querySelector('h3') || row;
        cell.prepend(handle);
        handle.addEventListener('dragstart', (event) => {
            row.classList.add('dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', row.id);
        });
        handle.addEventListener('dragend', () => row.classList.remove('dragging'));
    }

    function setUp(group) {
        if (!group.querySelector('input[name$="-order"]')) {
            return;
        }
        group.classList.add('ordered-rows');
        rows(group).forEach(addHandle);
        group.addEventListener('dragover', (event) => {
            const moving = group.querySelector('.dragging');
            const target = event.target.closest(ROW);
            if (!moving || !target || target === moving || target.classList.contains('empty-form')) {
                return;
            }
            event.preventDefault();
            const box = target.getBoundingClientRect();
            const after = event.clientY > box.top + box.height / 2;
            target.parentNode.insertBefore(moving, after ? target.nextSibling : target);
        });
        group.addEventListener('drop', (event) => event.preventDefault());
    }

    document.addEventListener('DOMContentLoaded', () => {
        const groups = document.querySelectorAll('.inline-group');
        groups.forEach(setUp);
        document.addEventListener('formset:added', (event) => {
            const group = event.target.closest('.inline-group');
            if (group && group.classList.contains('ordered-rows')) {
                addHandle(event.target);
            }
        });
        const form = document.querySelector('#content-main form');
        if (form) {
            form.addEventListener('submit', () => {
                groups.forEach((group) => rows(group).forEach((row, index) => {
                    row.querySelector('input[name$="-order"]').value = index;
                }));
            });
        }
    });
})();
