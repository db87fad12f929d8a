'use strict';
// In an event's participants, the "position" autocomplete offers only the
// positions of the person chosen on the same row (PositionAdmin reads the
// `person` parameter this adds to its search).
(function($) {
    let opened = null;
    $(document).on('select2:opening', 'select[name$="-position"]', function() {
        opened = this;
    });
    $.ajaxPrefilter(function(options) {
        if (!opened || typeof options.data !== 'string' || !options.data.includes('field_name=position')) {
            return;
        }
        const row = opened.closest('tr, .inline-related');
        const person = row && row.querySelector('select[name$="-person"]');
        if (person && person.value) {
            options.data += '&person=' + encodeURIComponent(person.value);
        }
    });
})(django.jQuery);
