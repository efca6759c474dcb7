// Numbers typed in <input data-grouped> (core/fields.py NumberInput) are shown grouped the Vietnamese way when
// the field is left: "1000000" -> "1.000.000". The server reads both, so this is only for the eye.
(function () {
  "use strict";
  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-grouped]")) return;
    var text = input.value.trim();
    if (!/^\d{4,}$/.test(text)) return;
    input.value = text.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  });
})();
