// Small conveniences on top of pages that work without them: print and copy-link buttons.
document.documentElement.classList.add("js");

document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
    return;
  }
  const copy = event.target.closest("[data-copy-link]");
  if (copy && navigator.clipboard) {
    event.preventDefault();
    navigator.clipboard.writeText(copy.href).then(() => {
      copy.textContent = copy.dataset.copied;
    });
  }
});
