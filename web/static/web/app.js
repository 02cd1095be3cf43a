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
  if (event.defaultPrevented) return;
  if (form.hasAttribute("data-sending")) {  // the second click of a double click
    event.preventDefault();
    return;
  }
  form.setAttribute("data-sending", "");
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
  document.querySelectorAll("form[aria-busy], form[data-sending]").forEach(function (form) {
    form.removeAttribute("aria-busy");
    form.removeAttribute("data-sending");
    form.querySelectorAll("button, input[type=submit]").forEach(function (b) { b.disabled = false; });
  });
});

// Confirmations that say what will happen (web/confirmations.py). The first press of Pay
// out, Reverse or Close (step=confirm) opens the form's question here, filled in from what
// is typed and the server's figures (data-*); the question's button sends the form, Cancel
// changes nothing. An amount this script cannot read, or beyond the figures, goes to the
// server, which asks or says what is wrong; the same goes without the script.
(function () {
  function minorUnits(text, digits) {
    var m = /^\s*(\d{1,13})(?:\.(\d*))?\s*$/.exec(text);
    if (!m) return null;
    var fraction = m[2] || "";
    if (fraction.length > digits) return null;
    while (fraction.length < digits) fraction += "0";
    return parseInt(m[1] + fraction, 10);
  }
  function money(units, digits, currency) {
    var text = String(units);
    while (text.length <= digits) text = "0" + text;
    var cut = text.length - digits;
    return (digits ? text.slice(0, cut) + "." + text.slice(cut) : text) + " " + currency;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }
  // {text, button}, {error, field} (said beside the field), or null (the server decides).
  function question(form) {
    var d = form.dataset, digits = parseInt(d.digits, 10), currency = d.currency;
    var remaining = minorUnits(d.remaining, digits);
    var values = { left: money(0, digits, currency) };
    if (d.confirm === "close") {
      var field = form.querySelector("[data-reason]");
      values.reason = field.value.trim();
      if (!values.reason) return { error: d.noReason, field: field };
      values.number = d.number;
      values.amount = money(remaining, digits, currency);
    } else {
      var limit = d.confirm === "payout" ? remaining : minorUnits(d.applied, digits);
      var typed = form.querySelector("[data-amount]").value.trim();
      var amount = typed ? minorUnits(typed, digits) : limit;
      if (amount === null || remaining === null || limit === null || amount <= 0 ||
          amount > limit) return null;
      values.amount = money(amount, digits, currency);
      if (d.confirm === "payout") {
        values.method = d.method || form.querySelector("[data-method]").value.trim() || "card";
        values.left = money(remaining - amount, digits, currency);
      } else {
        values.invoice = d.invoice;
        values.applied_left = money(limit - amount, digits, currency);
        values.left = money(remaining + amount, digits, currency);
      }
    }
    return { text: fill(d.template, values), button: fill(d.button, values) };
  }
  function sayBeside(field, message) {
    var id = field.id + "-error";
    var note = document.getElementById(id);
    if (!note) {
      note = document.createElement("p");
      note.className = "error";
      note.id = id;
      note.setAttribute("data-client-error", "");
      field.insertAdjacentElement("afterend", note);
    }
    note.textContent = message;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", id);
    field.focus();
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (!form || !form.dataset.confirm) return;
    var said = document.getElementById(event.target.id + "-error");
    if (said && said.hasAttribute("data-client-error") && event.target.value.trim()) {
      said.remove();
      event.target.removeAttribute("aria-invalid");
      event.target.removeAttribute("aria-describedby");
    }
    var summary = form.querySelector("[data-summary]");
    if (summary) {
      var asked = question(form);
      summary.textContent = asked && asked.text ? asked.text : "";
    }
  });

  // Capturing, so that a press that only asks is stopped before the handler above takes the
  // form as being sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    if (!form.dataset.confirm || !submitter || submitter.name !== "step") return;
    var asked = question(form);
    if (!asked) return;
    event.preventDefault();
    if (asked.error) {
      sayBeside(asked.field, asked.error);
      return;
    }
    var dialog = form.querySelector("[data-confirm-dialog]");
    dialog.querySelector("[data-confirm-text]").textContent = asked.text;
    dialog.querySelector("[data-confirm-button]").textContent = asked.button;
    if (dialog.open) dialog.close();
    dialog.showModal();
  }, true);

  document.addEventListener("click", function (event) {
    var cancel = event.target.closest("[data-close-dialog]");
    var dialog = cancel && cancel.closest("dialog");
    if (!dialog) return;
    event.preventDefault();
    dialog.close();
  });
})();
