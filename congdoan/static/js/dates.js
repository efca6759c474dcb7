// Dates are typed and picked as dd/mm/yyyy whatever the browser's locale: every <input data-datepicker>
// (core/fields.py DateInput) gets the vendored flatpickr picker in Vietnamese, and typing digits inserts the
// slashes ("31122026" -> "31/12/2026"). The server parses the text, so the field works without this script.
(function () {
  "use strict";

  function mask(input) {
    // Only digits typed without slashes are masked; "1/2/2026" typed by hand is left for the server to read.
    input.addEventListener("input", function (event) {
      if (event.inputType && event.inputType.indexOf("delete") === 0) return;
      var raw = input.value;
      // Digits alone, or after a day the mask already closed ("31/122" once the month's second digit comes).
      if (!/^\d{3,8}$/.test(raw) && !/^\d{2}\/\d{3,6}$/.test(raw)) return;
      var digits = raw.replace("/", "");
      input.value = digits.slice(0, 2) + "/" + digits.slice(2, 4) + (digits.length > 4 ? "/" + digits.slice(4) : "");
    });
  }

  // dd/mm/yyyy (d/m/yyyy too) or ISO yyyy-mm-dd; anything else is not a date (undefined).
  function parse(text) {
    var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
    var y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; } else {
      m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
      if (!m) return undefined;
      y = +m[1]; mo = +m[2]; d = +m[3];
    }
    var date = new Date(y, mo - 1, d);
    return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : undefined;
  }

  // flatpickr empties a field whose text it cannot read when the officer clicks or tabs away; put the text back
  // so the server names the mistake ("ngày “31/02/2026” không hợp lệ") instead of the date silently vanishing.
  function keepTyped(input) {
    var typed = input.value;
    input.addEventListener("input", function () { typed = input.value; });
    function restore() {
      window.setTimeout(function () { if (typed && !input.value) input.value = typed; }, 0);
    }
    input.addEventListener("blur", restore);
    return restore;
  }

  function enhance(root) {
    root.querySelectorAll("input[data-datepicker]").forEach(function (input) {
      if (input.dataset.datepickerReady) return;
      input.dataset.datepickerReady = "1";
      mask(input);
      var restore = keepTyped(input);
      if (typeof window.flatpickr !== "function") return;
      var picker = window.flatpickr(input, {
        locale: (window.flatpickr.l10ns && window.flatpickr.l10ns.vn) || "default",
        dateFormat: "d/m/Y",
        parseDate: parse,
        allowInput: true,
        disableMobile: true, // the phone's native picker would follow the phone's locale again
        onClose: restore,
      });
      // With allowInput flatpickr leaves keys typed in the field alone, Escape too: the calendar stayed open
      // (over the field above it when it opens upwards) until a click elsewhere.
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && picker.isOpen) picker.close();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
