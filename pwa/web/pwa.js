/* BFS Companion page script: registers the service worker, asks for persistent storage, and
 * tells the user, calmly, when an update is ready or has been applied. No network of its own. */
(() => {
  const STORAGE_KEY = "bfs-companion.sw-version";

  function notice(text) {
    const box = document.createElement("div");
    box.setAttribute("role", "status");
    box.id = "bfs-update-notice";
    box.textContent = text;
    box.style.cssText = [
      "position:fixed", "left:50%", "bottom:88px", "transform:translateX(-50%)", "z-index:10",
      "max-width:min(90vw,420px)", "padding:12px 16px", "border-radius:12px",
      "background:#2F4F49", "color:#F3F8F6", "font:15px/1.4 Roboto,system-ui,sans-serif",
      "box-shadow:0 2px 8px rgba(0,0,0,.25)",
    ].join(";");
    document.body.appendChild(box);
    setTimeout(() => box.remove(), 8000);
  }

  function askVersion(worker) {
    return new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("message", function once(event) {
        if (event.data && event.data.version) {
          navigator.serviceWorker.removeEventListener("message", once);
          resolve(event.data.version);
        }
      });
      worker.postMessage("version");
    });
  }

  async function start() {
    if (navigator.storage && navigator.storage.persist) {
      try {
        window.bfsStoragePersisted = await navigator.storage.persist();
      } catch (error) {
        window.bfsStoragePersisted = false;
      }
    }
    if (!("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.register("sw.js");
    const announceWaiting = () => notice("An update is ready. It will be used the next time you open the app.");
    if (registration.waiting && navigator.serviceWorker.controller) announceWaiting();
    registration.addEventListener("updatefound", () => {
      const incoming = registration.installing;
      incoming.addEventListener("statechange", () => {
        if (incoming.state === "installed" && navigator.serviceWorker.controller) announceWaiting();
      });
    });
    const active = navigator.serviceWorker.controller || (await navigator.serviceWorker.ready).active;
    const version = await askVersion(active);
    const previous = localStorage.getItem(STORAGE_KEY);
    if (previous && previous !== version) notice("BFS Companion was updated.");
    localStorage.setItem(STORAGE_KEY, version);
  }

  window.addEventListener("load", () => {
    start().catch((error) => console.error("BFS Companion offline setup failed", error));
  });
})();
