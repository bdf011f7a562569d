/* Starts the Python worker as soon as the page loads, in parallel with Flutter's own start-up,
 * once this page holds the data lock; and asks the worker to push pending writes to IndexedDB
 * when the page is hidden or closed.
 *
 * One window at a time: each tab runs its own Python with its own in-memory copy of the files,
 * and a tab that pushed its stale copy would overwrite another tab's entries. So the page takes
 * the Web Lock "bfs-companion-data" before starting Python and holds it until it is closed; a
 * second tab says, calmly, that the app is open elsewhere and starts by itself (reading the
 * latest data) as soon as the first one closes. Browsers without Web Locks start at once.
 *
 * flet-web 1.0.5's python.js creates the worker only when the Flutter client calls jsConnect,
 * about 1.5 s after navigation; Pyodide then needs several seconds more. Here the worker is
 * created at once with the same init message, and the first jsConnect (Flet passes empty args)
 * adopts it; anything else falls through to flet's own jsConnect. Relies on python.js's global
 * `_apps` and jsSend/jsDisconnect, which is why flet-web is pinned exactly. */
(() => {
  if (!flet.pyodide) return;
  const baseUrl = flet.entrypointBaseUrl.endsWith("/") ? flet.entrypointBaseUrl.slice(0, -1) : flet.entrypointBaseUrl;
  const LOCK = "bfs-companion-data";
  const SLOW_START_MS = 45000;

  // The calm splash (pwa/web/splash.html, part of index.html's first paint) stays until the app
  // says Home is built, then fades; if Python cannot start it says so, with "Try again".
  const splash = () => document.getElementById("bfs-splash");
  let splashGone = false;
  function hideSplash() {
    const box = splash();
    if (!box || splashGone) return;
    splashGone = true;
    // Two frames after the app's first screen arrived, so Flutter has painted it underneath.
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      box.classList.add("done");
      setTimeout(() => box.remove(), 400);
    }, 120)));
  }
  function splashProblem(text) {
    const box = splash();
    if (!box || splashGone) return;
    box.classList.add("failed");
    document.getElementById("bfs-splash-problem").textContent = text;
    const retry = document.getElementById("bfs-splash-retry");
    retry.onclick = () => location.reload();
    retry.focus();
  }
  function startFailed(reason) {
    splashProblem(
      "BFS Companion could not start in this browser. Nothing you saved has been changed. " +
      "Closing other tabs or freeing some space on the device can help." + (reason ? ` (Details: ${reason})` : "")
    );
  }
  setTimeout(() => {
    if (!splashGone && !document.getElementById("bfs-open-elsewhere")) {
      splashProblem("Opening is taking much longer than usual. It may still finish; if not, try again.");
    }
  }, SLOW_START_MS);
  const early = [];
  let deliver = (data) => early.push(data);
  let error;
  let markInitialized;
  const initialized = new Promise((resolve) => (markInitialized = resolve));

  function startWorker() {
    let worker;
    try {
      worker = new Worker(baseUrl + "/python-worker.js", { type: "module" });
    } catch (problem) {
      startFailed(String(problem));
      throw problem;
    }
    worker.onerror = (event) => startFailed(event.message || "the Python worker stopped");
    worker.onmessage = (event) => {
      if (event.data === "bfs-home-ready") {
        hideSplash();
      } else if (event.data === "bfs-snapshot-wanted") {
        makeSnapshot();
      } else if (typeof event.data === "string" && event.data.startsWith("bfs-start-failed:")) {
        startFailed(event.data.slice("bfs-start-failed:".length));
      } else if (typeof event.data === "string") {
        if (event.data !== "initialized") {
          error = event.data;
          // A Python traceback: its last line names the problem.
          const lines = error.split("\n").map((line) => line.trim()).filter(Boolean);
          startFailed((lines[lines.length - 1] || "").slice(0, 200));
        }
        markInitialized();
      } else {
        deliver(event.data);
      }
    };
    worker.postMessage({
      pyodideUrl: flet.pyodideUrl || "pyodide/pyodide.mjs",
      args: {},
      documentUrl: document.URL,
      appPackageUrl: flet.appPackageUrl,
      micropipIncludePre: flet.micropipIncludePre,
      pythonModuleName: flet.pythonModuleName,
    });
    return worker;
  }

  function openElsewhereNotice() {
    return window.bfsFullPageMessage(
      "bfs-open-elsewhere",
      "status",
      "BFS Companion is open in another tab or window. To keep your log safe, it runs in one place at a time. " +
        "Close it there, and it will open here by itself.",
    );
  }

  // The start-up snapshot (see snapshot-maker.js) is made once per version, in the background,
  // when the app says it is idle; not on devices that report little memory, since it briefly
  // needs a second Python.
  let snapshotMaker = null;
  function makeSnapshot() {
    if (snapshotMaker || (navigator.deviceMemory && navigator.deviceMemory <= 2)) return;
    snapshotMaker = new Worker(baseUrl + "/snapshot-maker.js", { type: "module" });
    snapshotMaker.onmessage = (event) => {
      if (event.data.stored) console.log(`BFS Companion: start-up snapshot stored (${event.data.stored} bytes)`);
      else console.warn("BFS Companion: no start-up snapshot this time:", event.data.error);
      snapshotMaker.terminate();
    };
  }

  const holdForever = () => new Promise(() => {}); // the lock is released when this page goes
  const workerReady = new Promise((ready) => {
    if (!navigator.locks) {
      ready(startWorker());
      return;
    }
    navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
      if (lock) {
        ready(startWorker());
        return holdForever();
      }
      const notice = openElsewhereNotice();
      navigator.locks.request(LOCK, () => {
        notice.remove();
        ready(startWorker());
        return holdForever();
      });
      return null;
    });
  });

  // Pending writes (the ones not yet acknowledged on screen) go to IndexedDB before the page can
  // be frozen or closed; the worker listens on this channel (pwa/adapters/browser_storage.py).
  const flushChannel = new BroadcastChannel("bfs-companion-flush");
  const flush = () => flushChannel.postMessage("flush");
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  addEventListener("pagehide", flush);

  const fletConnect = globalThis.jsConnect;
  let adopted = false;
  globalThis.jsConnect = async function (appId, args, dartOnMessage) {
    if (adopted || JSON.stringify(args) !== "{}") return fletConnect(appId, args, dartOnMessage);
    adopted = true;
    console.log(`Starting up Python worker: ${appId} (started early)`);
    const worker = await workerReady;
    _apps[appId] = { worker, dartOnMessage };
    deliver = dartOnMessage;
    early.splice(0).forEach((data) => dartOnMessage(data));
    await initialized;
    if (error) {
      console.error("Python worker init error:", error);
      await jsDisconnect(appId);
      throw error;
    }
    console.log(`Python worker initialized: ${appId}`);
  };
})();
