// Small behaviours the pages share; everything else is plain forms and htmx.
document.addEventListener("click", function (event) {
  // A confirmation dialog: the link works without scripts (?confirm=...), this opens it in place.
  var opener = event.target.closest("[data-open-dialog]");
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute("data-open-dialog"));
    if (dialog && dialog.showModal) {
      event.preventDefault();
      if (dialog.open) dialog.close();
      dialog.showModal();
    }
    return;
  }
  // Removing an ad hoc line, then refreshing the totals.
  var remover = event.target.closest("[data-remove-line]");
  if (remover) {
    var line = document.getElementById(remover.getAttribute("data-remove-line"));
    var form = remover.form;
    if (line) line.remove();
    if (form) form.dispatchEvent(new Event("change", { bubbles: true }));
  }
});

document.addEventListener("change", function (event) {
  // A product group's box ticks or clears all its lines; a line cleared clears its group's box.
  var target = event.target;
  var group = target.closest(".group");
  if (!group) return;
  if (target.matches("[data-group-toggle]")) {
    group.querySelectorAll("input[data-line]:not(:disabled)").forEach(function (box) {
      box.checked = target.checked;
    });
  } else if (target.matches("input[data-line]") && !target.checked) {
    var toggle = group.querySelector("[data-group-toggle]");
    if (toggle) toggle.checked = false;
  }
});
