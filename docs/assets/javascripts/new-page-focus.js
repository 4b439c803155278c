// Instant navigation swaps a page in without loading it, so neither focus nor
// a screen reader follows the reader: focus stays on the link they used, or
// falls to the body when that link was in the content just replaced, and the
// next Tab starts again from the top of the page.  Put focus where a page load
// would start reading: the new page's heading, or the section its anchor
// names; after Back or Forward, where the reader was.  A classic script, so a
// page opened from a folder (file://), where there is no instant navigation,
// runs it too.
(() => {
  let firstPage = true;
  // The address Back or Forward went to.  Compared with the page that comes
  // in, so a Back between two anchors of one page (no new page) is not taken
  // for a return when the reader next follows a link.  Only a popstate with a
  // state is one: Material reaches an anchor by clicking a link of its own,
  // which in Chromium fires a popstate (state null) just before the new page
  // is announced, and every link to a section was taken for a return.
  let returningTo = null;
  window.addEventListener("popstate", (event) => {
    if (event.state !== null) returningTo = location.href;
  });

  // The link last followed from each page, found again when the reader comes back.
  const leftBy = new Map();
  const pageOf = (where) => where.pathname + where.search;
  const linksTo = (href) => [...document.querySelectorAll("a[href]")].filter((link) => link.href === href);
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link) leftBy.set(pageOf(location), { href: link.href, nth: linksTo(link.href).indexOf(link) });
    },
    true,
  );

  const headerBottom = () => document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
  const inView = (node) => {
    const box = node.getBoundingClientRect();
    return box.height > 0 && box.top >= headerBottom() && box.bottom <= window.innerHeight;
  };

  // Focus without scrolling: the page is already where it should be.  An
  // element that takes no focus of its own takes it from here on only as a
  // starting point, so the next Tab goes on from it.
  const focusOn = (node) => {
    if (!node.matches("a[href], button, input, select, textarea, summary, [tabindex]")) node.tabIndex = -1;
    node.focus({ preventScroll: true });
    return document.activeElement === node;
  };

  // Material has put back the scroll position the reader left, and the
  // content they left from is a new copy: the link they followed if it is
  // in view again, else the first part of the page text in view.
  const focusFirstInView = () => {
    const top = headerBottom();
    const parts = document.querySelectorAll(".md-content .md-typeset > *");
    const first = [...parts].find((part) => part.getBoundingClientRect().bottom > top);
    if (first) focusOn(first);
  };
  // offline.js's "Not now" removes the focused button; with nowhere the
  // reader came from, the reading place stays where they are.
  globalThis.matchPlanBFocusFirstInView = focusFirstInView;

  // The link they followed, brought into view if it is not: Material can put
  // the page back a little off the reader's place (it saves a scroll
  // position clamped on the shorter page being left), and the link then sat
  // across the window's foot while focus went to a list straddling its top,
  // half out of view (flakes audit s39, 1; seen in fresh-clone CI).
  const focusWhereTheReaderWas = () => {
    const left = leftBy.get(pageOf(location));
    const link = left && linksTo(left.href)[left.nth];
    if (link && link.getBoundingClientRect().height > 0) {
      if (!inView(link)) link.scrollIntoView({ block: "center" });
      if (focusOn(link)) return;
    }
    focusFirstInView();
  };

  // A hand-trimmed address may end in half a character's escape.
  const sectionNamedBy = (hash) => {
    try {
      const id = decodeURIComponent(hash.slice(1));
      return id ? document.getElementById(id) : null;
    } catch {
      return null;
    }
  };

  globalThis.document$?.subscribe?.(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    const back = returningTo === location.href;
    returningTo = null;
    if (back) {
      focusWhereTheReaderWas();
      return;
    }
    // Material does not move focus to an anchor's section, and now and then
    // leaves the new page scrolled where the old one was: it takes a position
    // saved a moment after the link was followed for one to restore.
    const section = sectionNamedBy(location.hash);
    if (section) {
      section.scrollIntoView();
      focusOn(section);
      return;
    }
    const heading = document.querySelector(".md-content h1");
    if (!heading) return;
    // A page without an anchor starts at its top, where its heading is.
    window.scrollTo(0, 0);
    focusOn(heading);
  });
})();
