// Citation chips: a click shows (or hides) the cited source sentence under the brief sentence.
// Without JavaScript a chip is a plain link to the cited span of the article.
"use strict";

document.addEventListener("click", function (event) {
  var chip = event.target.closest("a.chip[data-quote]");
  if (!chip || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  var box = document.getElementById(chip.getAttribute("data-quote"));
  if (!box) {
    return;
  }
  event.preventDefault();
  var opening = box.hidden;
  box.hidden = !opening;
  chip.setAttribute("aria-expanded", opening ? "true" : "false");
  chip.classList.toggle("active", opening);
});

// Ingest forms: say that the work is under way and prevent a second submit.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList.contains("ingest")) {
    return;
  }
  var button = form.querySelector("button[type=submit]");
  if (button) {
    button.disabled = true;
    button.textContent = "Working…";
  }
});
