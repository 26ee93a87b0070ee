// Progressive enhancement only: every page works without it. After a form with errors (or a form that was
// not sent yet, or a secret shown once), focus goes to that message, so that a screen reader reads it
// first (WCAG 3.3.1).
document.addEventListener("DOMContentLoaded", () => {
  const melding = document.querySelector('.utrecht-alert[role="alert"]');
  if (melding) {
    melding.setAttribute("tabindex", "-1");
    melding.focus();
  }
});
