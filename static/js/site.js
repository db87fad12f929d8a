/* Progressive enhancement only: every page reads fully without this file.
 *
 * Times on the site are given in the venue's time zone, as the sources give
 * them. When the reader's own zone differs, this adds the same moment in
 * their time next to it: "10:00 (12:00 your time)".
 */
(function () {
  "use strict";

  function hasOffset(value) {
    return /T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(value);
  }

  function addLocalTimes() {
    var label = document.documentElement.getAttribute("data-your-time") || "your time";
    var lang = document.documentElement.lang || undefined;
    var nodes = document.querySelectorAll("time[data-local-time]");
    Array.prototype.forEach.call(nodes, function (node) {
      var value = node.getAttribute("datetime");
      if (!value || !hasOffset(value)) {
        return;
      }
      var moment = new Date(value);
      if (isNaN(moment.getTime())) {
        return;
      }
      var match = value.match(/([+-])(\d{2}):(\d{2})$/);
      var venueOffset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
      if (venueOffset === -moment.getTimezoneOffset()) {
        return; // the reader is in the venue's zone already
      }
      var local = moment.toLocaleString(lang, {
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit"
      });
      var note = document.createElement("span");
      note.className = "local-time";
      // Inside the venue's zone note when there is one, so the reader sees
      // one bracket: "(local time in Asia/Bishkek, UTC+06:00; 10 Dec, 05:00,
      // your time)"; otherwise in a bracket of its own after the time.
      var zone = node.parentNode && node.parentNode.querySelector(".tz");
      if (zone && /\)$/.test(zone.textContent)) {
        zone.textContent = zone.textContent.replace(/\)$/, "");
        note.textContent = "; " + local + ", " + label + ")";
        zone.appendChild(note);
      } else {
        note.textContent = " (" + local + ", " + label + ")";
        node.insertAdjacentElement("afterend", note);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addLocalTimes);
  } else {
    addLocalTimes();
  }
})();
