// The navigation bar's toggler on narrow screens (Bootstrap's collapse without its JavaScript bundle).
// Any button with data-cd-toggle="#id" shows or hides that element; no inline script (strict CSP).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-cd-toggle]");
  if (!button) return;
  const target = document.querySelector(button.dataset.cdToggle);
  if (!target) return;
  const open = target.classList.toggle("show");
  button.setAttribute("aria-expanded", open ? "true" : "false");
});
// Escape closes an open menu and gives the focus back to its toggler.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("[data-cd-toggle][aria-expanded='true']").forEach((button) => {
    document.querySelector(button.dataset.cdToggle)?.classList.remove("show");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
});
// A click outside an open drop-down menu (data-cd-toggle on a .dropdown-toggle) closes it.
document.addEventListener("click", (event) => {
  document.querySelectorAll(".dropdown-toggle[data-cd-toggle][aria-expanded='true']").forEach((button) => {
    const menu = document.querySelector(button.dataset.cdToggle);
    if (button.contains(event.target) || menu?.contains(event.target)) return;
    menu?.classList.remove("show");
    button.setAttribute("aria-expanded", "false");
  });
});
