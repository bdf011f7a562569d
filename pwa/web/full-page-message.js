/* Page helpers both builds load before Flutter: one full-page message for the page scripts ("open
 * in another tab" from python-prestart.js in the offline build, "stopped on this computer" from
 * served.js in the served run; calm colours in light and dark, above everything Flutter draws,
 * read by screen readers through its role), and pinch-zoom kept on. */
window.bfsFullPageMessage = (id, role, words) => {
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  const box = document.createElement("div");
  box.id = id;
  box.setAttribute("role", role);
  box.style.cssText = [
    "position:fixed", "inset:0", "z-index:2147483647", "display:flex", "align-items:center", "justify-content:center",
    "padding:24px", "text-align:center", "font:17px/1.5 Roboto,system-ui,sans-serif",
    dark ? "background:#191C1B;color:#E0E3E1" : "background:#F5FBF8;color:#171D1B",
  ].join(";");
  const text = document.createElement("p");
  text.style.maxWidth = "30em";
  text.textContent = words;
  box.appendChild(text);
  const show = () => document.body.appendChild(box);
  if (document.body) show();
  else addEventListener("DOMContentLoaded", show);
  return box;
};

/* Pinch-zoom stays possible (WCAG 1.4.4): Flutter's full-page embedding in flet 1.0.5 replaces the
 * viewport meta with "maximum-scale=1.0, user-scalable=no"; each time it does, the plain one comes
 * back. Browser zoom (Ctrl +) is not affected either way. */
(() => {
  const ZOOMABLE = "width=device-width, initial-scale=1.0";
  const allowZoom = () => {
    for (const meta of document.querySelectorAll('meta[name="viewport"]')) {
      if (/user-scalable\s*=\s*no|maximum-scale/i.test(meta.content)) meta.content = ZOOMABLE;
    }
  };
  new MutationObserver(allowZoom).observe(document.head || document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["content"],
  });
  allowZoom();
})();

/* The device's "reduce motion" setting reaches Python: Flutter's web engine (flet 1.0.5) does not
 * report prefers-reduced-motion, so it is written where Flutter's shared preferences read it
 * (localStorage, "flutter." + key, JSON). Python reads it with ft.SharedPreferences
 * (pwa/adapters/device_motion.py); a change while the app is open is written at once. */
(() => {
  const query = matchMedia("(prefers-reduced-motion: reduce)");
  const remember = () => {
    try {
      localStorage.setItem("flutter.bfs.device.reduce_motion", JSON.stringify(query.matches));
    } catch (error) { /* storage refused (private mode): the app keeps full motion unless chosen in Settings */ }
  };
  query.addEventListener("change", remember);
  remember();
})();

/* A visible keyboard focus ring on every focusable control (WCAG 2.4.7, 2.4.13): Material 3's own
 * focus overlay changes a button's colour by about 1.2:1. Flutter's web engine (flet 1.0.5) keeps
 * its accessibility nodes over the canvas, hidden by `filter: opacity(0)` on the root node; with
 * that filter off (the nodes stay transparent: no text, background or border of their own) the
 * browser draws a white ring around a black one just inside the focused node's edge, which shows on light,
 * dark and coloured backgrounds alike. Only keyboard focus (:focus-visible) draws it, and a text
 * field's own <input> stays invisible (Flutter draws the field), its node ringed instead. */
(() => {
  const style = document.createElement("style");
  style.textContent = [
    "flt-semantics-host > flt-semantics { filter: none !important; }",
    // a text field's own <input> stays invisible (Flutter draws the field); its node gets the ring
    "flt-semantics input, flt-semantics textarea { opacity: 0 !important; }",
    // inside the control's edge, so a control at the window's edge (or filling it) shows it too
    "flt-semantics-host :focus-visible, flt-semantics:has(> input:focus, > textarea:focus) {",
    "  outline: 3px solid #FFFFFF !important; outline-offset: -3px !important;",
    "  box-shadow: inset 0 0 0 6px #000000 !important; }",
  ].join("\n");
  (document.head || document.documentElement).appendChild(style);
})();

/* Links in the guide are reachable with Tab and open with Enter (WCAG 2.1.1). Flutter's web engine
 * (flet 1.0.5) gives a text link an <a> without href or tabindex, so the keyboard never reaches it;
 * it still opens on a click event, which Enter now sends. */
(() => {
  const reachable = () => {
    for (const link of document.querySelectorAll("flt-semantics-host a[flt-tappable]:not([tabindex])")) link.tabIndex = 0;
  };
  const start = () => new MutationObserver(reachable).observe(document.body, { childList: true, subtree: true });
  if (document.body) start(); else addEventListener("DOMContentLoaded", start);
  addEventListener("keydown", (event) => {
    const link = event.target instanceof Element && event.target.closest("flt-semantics-host a[flt-tappable]");
    if (link && event.key === "Enter") {
      event.preventDefault();
      link.click();
    }
  }, true);
})();

/* Tab and Shift+Tab follow reading order (WCAG 2.4.3) and reach links (2.1.1). Flutter's own
 * traversal (flet 1.0.5 has no traversal groups) orders focus by position on screen: on a wide
 * window it went from a rail destination to a row of the screen and back, row by row, and it
 * never reaches a link in the text. With the accessibility tree on (a screen reader, or the
 * "Enable accessibility" button a keyboard user meets first), Tab moves instead through its
 * focusable nodes in document order, which is the tree's order: the app bar, the rail, then the
 * screen, each top to bottom, links where they are in the text. Focusing a node tells Flutter,
 * which moves its own focus there and scrolls it into view. Registered before Flutter's own key
 * handler, so Flutter never sees these Tabs. Without the tree, Flutter's traversal stays. */
(() => {
  const TABBABLE = '[tabindex]:not([tabindex="-1"]), input, textarea, button, select, a[href]';
  const usable = (e) => e.getAttribute("aria-disabled") !== "true" && !e.disabled;
  addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
    const host = document.querySelector("flt-semantics-host");
    if (!host || !Array.from(host.querySelectorAll(TABBABLE)).some(usable)) return;
    // The page's own boxes around Flutter's view (the install offer: ids "bfs-...") keep their
    // controls' place in the order, after the app's.
    const stops = Array.from(document.querySelectorAll(TABBABLE))
      .filter((e) => usable(e) && (host.contains(e) || e.closest('[id^="bfs-"]')));
    const active = document.activeElement;
    let at = stops.indexOf(active);
    if (at < 0) at = stops.findIndex((e) => e.contains(active));  // inside a stop: a field's node holds its input
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    event.preventDefault();
    event.stopImmediatePropagation();
    stops[next].focus();
  }, true);
})();
