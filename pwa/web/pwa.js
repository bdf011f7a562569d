/* BFS Companion page script: registers the service worker, asks for persistent storage, tells the
 * user calmly when the app is ready to use offline or an update is ready or applied, offers to
 * install it where the browser allows (or shows the two steps on iPhone and iPad), and answers the
 * app's question about this device on the "bfs-companion-status" channel (Settings shows it).
 * No network of its own. */
(() => {
  const STORAGE_KEY = "bfs-companion.sw-version";
  const INSTALL_LATER_KEY = "bfs-companion.install-later-until";
  const INSTALLED_KEY = "bfs-companion.installed";
  const LATER_DAYS = 30;
  const colours = () => matchMedia("(prefers-color-scheme: dark)").matches
    ? { background: "#DCEBE6", text: "#172320", button: "#2F4F49", buttonText: "#F3F8F6" }
    : { background: "#2F4F49", text: "#F3F8F6", button: "#F3F8F6", buttonText: "#2F4F49" };

  function notice(text, id = "bfs-update-notice") {
    const box = document.createElement("div");
    box.setAttribute("role", "status");
    box.id = id;
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
    // The first version is installed once every file is cached (sw.js precaches all before it activates).
    if (!previous) notice("Ready to use offline: BFS Companion now opens without a connection.", "bfs-offline-ready");
    localStorage.setItem(STORAGE_KEY, version);
  }

  const installed = () => matchMedia("(display-mode: standalone)").matches || navigator.standalone === true
    || localStorage.getItem(INSTALLED_KEY) === "yes";
  const laterChosen = () => Number(localStorage.getItem(INSTALL_LATER_KEY) || 0) > Date.now();

  function installOffer(text, actionLabel, onAction) {
    document.getElementById("bfs-install-offer")?.remove();
    const c = colours();
    const box = document.createElement("div");
    box.id = "bfs-install-offer";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Install BFS Companion");
    box.style.cssText = [
      "position:fixed", "left:50%", "top:12px", "transform:translateX(-50%)", "z-index:11",
      "max-width:min(92vw,440px)", "padding:12px 16px", "border-radius:12px", "display:flex", "flex-wrap:wrap",
      "gap:8px", "align-items:center", `background:${c.background}`, `color:${c.text}`,
      "font:15px/1.4 Roboto,system-ui,sans-serif", "box-shadow:0 2px 8px rgba(0,0,0,.25)",
    ].join(";");
    const words = document.createElement("p");
    words.style.cssText = "margin:0;flex:1 1 14em";
    words.textContent = text;
    box.appendChild(words);
    const button = (label, handler, primary) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.style.cssText = [
        "min-height:44px", "padding:0 16px", "border-radius:22px", "font:inherit", "cursor:pointer",
        primary ? `background:${c.button};color:${c.buttonText};border:0` : `background:transparent;color:${c.text};border:1px solid currentColor`,
      ].join(";");
      b.addEventListener("click", handler);
      box.appendChild(b);
      return b;
    };
    if (actionLabel) button(actionLabel, onAction, true);
    button(actionLabel ? "Not now" : "OK", () => {
      localStorage.setItem(INSTALL_LATER_KEY, String(Date.now() + LATER_DAYS * 86400000));
      box.remove();
    }, !actionLabel);
    document.body.appendChild(box);
    return box;
  }

  // Android and desktop Chromium: the browser's own install prompt, offered calmly, once in a while.
  let deferredPrompt = null;
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    deferredPrompt = event;
    if (installed() || laterChosen()) return;
    installOffer("Install BFS Companion on this device, to open it from your home screen, even offline.", "Install on this device", async () => {
      document.getElementById("bfs-install-offer")?.remove();
      deferredPrompt.prompt();
      const choice = await deferredPrompt.userChoice;
      if (choice && choice.outcome === "accepted") localStorage.setItem(INSTALLED_KEY, "yes");
      deferredPrompt = null;
    });
  });
  window.addEventListener("appinstalled", () => {
    localStorage.setItem(INSTALLED_KEY, "yes");
    document.getElementById("bfs-install-offer")?.remove();
  });

  // iPhone and iPad Safari have no install prompt: the two steps, once in a while.
  function offerStepsOnApple() {
    const apple = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
    if (!apple || installed() || laterChosen()) return;
    installOffer("To install BFS Companion: tap the Share button, then \u201cAdd to Home Screen\u201d.", null, null);
  }

  // What Settings shows about this device (the app runs in a worker and cannot look itself).
  const status = new BroadcastChannel("bfs-companion-status");
  status.addEventListener("message", async (event) => {
    if (event.data !== "status?") return;
    let persisted = false;
    try {
      persisted = !!(navigator.storage && navigator.storage.persisted && (await navigator.storage.persisted()));
    } catch (error) {
      persisted = false;
    }
    status.postMessage({
      installed: installed(),
      offlineReady: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
      persisted,
    });
  });

  window.addEventListener("load", () => {
    start().catch((error) => console.error("BFS Companion offline setup failed", error));
    offerStepsOnApple();
  });
})();
