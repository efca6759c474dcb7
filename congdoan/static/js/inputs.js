// Inputs in Vietnamese whatever the browser's language (core/fields.py):
// - numbers typed in <input data-grouped> are shown grouped when the field is left: "1000000" -> "1.000.000"
//   (the server reads both, so this is only for the eye);
// - a file picker (<span class="file-picker">) shows the chosen file's name beside its "Chọn tệp" button.
(function () {
  "use strict";
  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-grouped]")) return;
    var text = input.value.trim();
    if (!/^\d{4,}$/.test(text)) return;
    input.value = text.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".file-picker input[type=file]")) return;
    var name = input.parentNode.querySelector(".file-picker-name");
    if (!name) return;
    if (!name.dataset.empty) name.dataset.empty = name.textContent;
    name.textContent = input.files && input.files.length ? input.files[0].name : name.dataset.empty;
  });
})();
