/* Makes the start-up snapshot on this device, in the background, once per app version: a second
 * Pyodide (Pyodide 314.0.7's private `_makeSnapshot`) that imports flet and the app the way a
 * launch does, then `makeMemorySnapshot()` into Cache Storage (python-boot.mjs). The page starts it
 * when the app says it is idle (pwa/browser.py) and the device reports more than 2 GB of memory.
 *
 * Rules a snapshot must follow: no compiled extension modules in it (the wasm table is not
 * restored), so msgpack runs as pure Python here (MSGPACK_PUREPYTHON) and the worker swaps the C
 * version back in; Python may hold only JS objects reachable by a global path (`js.flet_js`); no
 * app module may touch the browser when it is imported. */
import { fetchAppFiles, storeSnapshot, writeAppFiles } from "./python-boot.mjs";

self.flet_js = {};
try {
  const appFiles = fetchAppFiles(new URL("app.tar.gz", self.location.href).href);
  const { loadPyodide, version } = await import(new URL("pyodide/pyodide.mjs", self.location.href).href);
  const pyodide = await loadPyodide({ _makeSnapshot: true, env: { MSGPACK_PUREPYTHON: "1" } });
  const { digest, files } = await appFiles;
  writeAppFiles(pyodide.FS, files);
  pyodide.runPython(`
import sys
sys.path.insert(0, "__pypackages__")
import js
sys.modules["flet_js"] = js.flet_js
import msgpack
assert msgpack.Packer.__module__ == "msgpack.fallback", msgpack.Packer.__module__
import runpy, flet, flet.messaging.pyodide_connection, pwa.browser
import gc
gc.collect()
`);
  const snapshot = pyodide.makeMemorySnapshot();
  await storeSnapshot(snapshot, version, digest);
  self.postMessage({ stored: snapshot.length });
} catch (error) {
  self.postMessage({ error: String(error) });
}
