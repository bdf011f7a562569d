/* One full-page message for the page scripts: "open in another tab" (python-prestart.js, offline
 * build) and "stopped on this computer" (served.js, served run). Calm colours in light and dark,
 * above everything Flutter draws, read by screen readers through its role. */
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
