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

// A form being sent: its buttons stay disabled until the answer arrives, so a second click
// sends nothing. (A second submission that gets through all the same, from another tab or a
// replayed request, carries the same one-time token and changes nothing: web/once.py.)
document.addEventListener("submit", function (event) {
  var form = event.target;
  var submitter = event.submitter;
  var method = (submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method");
  if ((method || "").toLowerCase() !== "post") return;  // a dialog's Cancel sends nothing
  // After the browser has taken the form's data (the clicked button's name included).
  setTimeout(function () {
    if (event.defaultPrevented) return;
    var buttons = form.querySelectorAll("button, input[type=submit]");
    var outside = form.id ? document.querySelectorAll('[form="' + form.id + '"]') : [];
    [].forEach.call(buttons, function (b) { b.disabled = true; });
    [].forEach.call(outside, function (b) { b.disabled = true; });
    form.setAttribute("aria-busy", "true");
  }, 0);
});

// Back to a page from the browser's history: its forms can be sent again (with the tokens
// they carry, which the server answers with what was done).
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) return;
  document.querySelectorAll("form[aria-busy]").forEach(function (form) {
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button, input[type=submit]").forEach(function (b) { b.disabled = false; });
  });
});
