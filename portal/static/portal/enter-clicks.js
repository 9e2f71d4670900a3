// Enter in a field marked data-enter-clicks="<button id>" presses that button instead of the form's
// default one: in the goal form, Enter in the offer search searches while Enter elsewhere saves.
document.querySelectorAll("[data-enter-clicks]").forEach((field) => {
  field.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    const button = document.getElementById(field.dataset.enterClicks);
    if (!button) return;
    event.preventDefault();
    button.click();
  });
});
