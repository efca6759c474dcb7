// "In" buttons: any element with data-print opens the browser's print dialog (no inline script: strict CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
