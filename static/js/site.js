/* Progressive enhancement only: every page reads fully without this file.
 *
 * Times on the site are given at the venue, named by its city ("10:00
 * Bishkek time"). When the reader's own zone differs, this adds the same
 * moment in their time after that phrase: "(08:00 your time)", in the
 * page's words. The words, the months and the order of day and month come
 * from the page (<html data-your-time data-day-month data-months>, filled by
 * the server), not from the browser's Intl, which has no Kyrgyz month names
 * in Chromium and would print «M04 24».
 */
(function () {
  "use strict";

  var OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/;

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function venueOffset(value) {
    var match = value.match(/([+-])(\d{2}):(\d{2})$/);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_all, name) {
      return values[name] === undefined ? "" : values[name];
    });
  }

  // The moment in the reader's zone: "08:00", or "23 April, 23:00" when the
  // day differs from the venue's.
  function readerTime(value, page) {
    var parts = value.match(OFFSET);
    var moment = new Date(value);
    if (!parts || isNaN(moment.getTime())) {
      return null;
    }
    var time = pad(moment.getHours()) + ":" + pad(moment.getMinutes());
    var sameDay = moment.getFullYear() === Number(parts[1]) &&
      moment.getMonth() + 1 === Number(parts[2]) && moment.getDate() === Number(parts[3]);
    if (sameDay || page.months.length !== 12) {
      return time;
    }
    var day = fill(page.dayMonth, { day: String(moment.getDate()), month: page.months[moment.getMonth()] });
    return day + ", " + time;
  }

  function addLocalTimes() {
    var root = document.documentElement;
    var page = {
      yourTime: root.getAttribute("data-your-time") || "%(time)s your time",
      dayMonth: root.getAttribute("data-day-month") || "%(day)s %(month)s",
      months: (root.getAttribute("data-months") || "").split("|")
    };
    var groups = [];
    Array.prototype.forEach.call(document.querySelectorAll("time[data-local-time]"), function (node) {
      var holder = node.closest(".zoned") || node;
      if (groups.indexOf(holder) === -1) {
        groups.push(holder);
      }
    });
    groups.forEach(function (holder) {
      var nodes = holder.matches("time") ? [holder] : holder.querySelectorAll("time[data-local-time]");
      var times = [];
      var differs = false;
      Array.prototype.forEach.call(nodes, function (node) {
        var value = node.getAttribute("datetime") || "";
        var moment = new Date(value);
        if (!OFFSET.test(value) || isNaN(moment.getTime())) {
          return;
        }
        if (venueOffset(value) !== -moment.getTimezoneOffset()) {
          differs = true;
        }
        times.push(readerTime(value, page));
      });
      if (!differs || times.length === 0 || times.indexOf(null) !== -1) {
        return; // the reader is in the venue's zone already
      }
      var note = document.createElement("span");
      note.className = "local-time";
      note.textContent = " (" + fill(page.yourTime, { time: times.join("–") }) + ")";
      holder.insertAdjacentElement("afterend", note);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addLocalTimes);
  } else {
    addLocalTimes();
  }
})();

/* The event list's filters are behind a "Filters" button on phones, so the
 * results come first; on a wide screen there is room for both, so they are
 * opened (without this script they stay one click away). */
(function () {
  "use strict";
  function openFiltersOnWideScreens() {
    var filters = document.querySelector("details.filters");
    if (filters && window.matchMedia && window.matchMedia("(min-width: 64rem)").matches) {
      filters.open = true;
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openFiltersOnWideScreens);
  } else {
    openFiltersOnWideScreens();
  }
})();
