/* Starts the Python worker as soon as the page loads, in parallel with Flutter's own start-up.
 *
 * flet-web 1.0.5's python.js creates the worker only when the Flutter client calls jsConnect,
 * about 1.5 s after navigation; Pyodide then needs several seconds more. Here the worker is
 * created at once with the same init message, and the first jsConnect (Flet passes empty args)
 * adopts it; anything else falls through to flet's own jsConnect. Relies on python.js's global
 * `_apps` and jsSend/jsDisconnect, which is why flet-web is pinned exactly. */
(() => {
  if (!flet.pyodide) return;
  const baseUrl = flet.entrypointBaseUrl.endsWith("/") ? flet.entrypointBaseUrl.slice(0, -1) : flet.entrypointBaseUrl;
  const worker = new Worker(baseUrl + "/python-worker.js", { type: "module" });
  const early = [];
  let deliver = (data) => early.push(data);
  let error;
  let markInitialized;
  const initialized = new Promise((resolve) => (markInitialized = resolve));
  worker.onmessage = (event) => {
    if (typeof event.data === "string") {
      if (event.data !== "initialized") error = event.data;
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

  const fletConnect = globalThis.jsConnect;
  let adopted = false;
  globalThis.jsConnect = async function (appId, args, dartOnMessage) {
    if (adopted || JSON.stringify(args) !== "{}") return fletConnect(appId, args, dartOnMessage);
    adopted = true;
    console.log(`Starting up Python worker: ${appId} (started early)`);
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
