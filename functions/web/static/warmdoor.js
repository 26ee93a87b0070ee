// Progressive enhancement only: every page works without it. After a form with errors, focus goes to the
// summary of errors, so that a screen reader reads them first (WCAG 3.3.1).
document.addEventListener("DOMContentLoaded", () => {
  const fouten = document.querySelector(".utrecht-alert--error");
  if (fouten) {
    fouten.setAttribute("tabindex", "-1");
    fouten.focus();
  }
});
