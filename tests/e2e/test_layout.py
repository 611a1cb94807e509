"""No text or control drawn over another, on the key pages, in both languages, phone and desktop.

Text is compared per line box (``Range.getClientRects``), so a link that wraps onto two lines
counts as two boxes and not as one rectangle spanning both lines.
"""

import pytest

pytestmark = pytest.mark.django_db

WIDTHS = [390, 1280]
PAGES = [
    "/",
    "/formats/",
    "/formats/KA122-VET/",
    "/compare/?formats=KA210-VET&formats=KA220-VET&formats=KA122-VET",
    "/check/?country=BE&community=nl&goal=cooperate&partners=DE&partners=ES&partners=MA",
    "/check/?country=NL&goal=send_learners&partners=ES&participants=20",
    "/check/start/?country=DE&goal=send_learners&first_time=1&participants=10",
    "/check/plan/?activity=learner_short_term&participants=20&days=21&city=Valencia"
    "&origin=Utrecht&months=12",
    "/activities/",
    "/deadlines/",
    "/agencies/",
    "/search/?q=stage",
]
# Every visible line of text and every control, then each pair whose boxes overlap by more
# than 2 px both ways, unless one holds the other (a button and its label).
OVERLAPS = """() => {
  const boxes = [];
  // Clipped away like .visually-hidden: there for screen readers, not drawn.
  const clipped = new Map();
  const isClipped = (element) => {
    if (!element) return false;
    if (!clipped.has(element)) {
      clipped.set(element, getComputedStyle(element).clipPath.startsWith('inset(50%')
        || isClipped(element.parentElement));
    }
    return clipped.get(element);
  };
  const shown = (element) =>
    element.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true }) &&
    !element.closest('option, script, style, template') && !isClipped(element);
  const name = (element) => element.tagName.toLowerCase() +
    (element.id ? '#' + element.id : '') +
    (element.classList.length ? '.' + [...element.classList].join('.') : '');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.data.trim() || !shown(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 1 && rect.height > 1) boxes.push({ element, rect, text: node.data.trim() });
    }
  }
  const controls = 'input:not([type=hidden]), select, textarea, button';
  for (const element of document.querySelectorAll(controls)) {
    const rect = element.getBoundingClientRect();
    if (shown(element) && rect.width > 1 && rect.height > 1) {
      boxes.push({ element, rect, text: element.name || element.textContent.trim() });
    }
  }
  boxes.sort((a, b) => a.rect.top - b.rect.top);
  const found = [];
  // Cut off at the right edge (inside a box that hides its overflow, the page does not scroll).
  for (const box of boxes) {
    if (box.rect.right > window.innerWidth + 1 && !box.element.closest('.table-scroll')) {
      found.push(`${name(box.element)} "${box.text.slice(0, 30)}" runs past the right edge`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].rect.top < a.rect.bottom - 2; j++) {
      const b = boxes[j];
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const wide = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const high = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (wide > 2 && high > 2) {
        const say = (box) => `${name(box.element)} "${box.text.slice(0, 30)}"`;
        found.push(`${say(a)} and ${say(b)}`);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_text_or_control_overlaps_another(page, live_programme, language):
    problems = []
    for path in PAGES:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(f"{live_programme.url}/{language}{path}")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                problems.append(f"{path} at {width}px is {wide}px wide")
            problems += [f"{path} at {width}px: {pair}" for pair in page.evaluate(OVERLAPS)]
    assert not problems, "\n".join(problems)


def test_the_overlap_check_finds_text_drawn_over_a_field(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/")
    page.evaluate(
        "Object.assign(document.getElementById('id_country').style,"
        " {position: 'relative', top: '-2.5rem'})"
    )

    assert any("select#id_country" in pair for pair in page.evaluate(OVERLAPS))
