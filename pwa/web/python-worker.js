/* BFS Companion's Python worker: the project's own version of flet-web 1.0.5's python-worker.js
 * (flet-web is pinned exactly; the page protocol is unchanged: an init message, then Flet's frames
 * both ways, "initialized" or an error string when Python is up or failed).
 *
 * What differs, for a fast offline start:
 * - app.tar.gz is fetched and unpacked in JS while Pyodide starts (python-boot.mjs);
 * - a Pyodide memory snapshot of an interpreter that has already imported flet and the app is
 *   restored when Cache Storage holds one for this Pyodide and this exact app archive (Pyodide
 *   314.0.7's private `_loadSnapshot`); it is made on the device after a normal start
 *   (snapshot-maker.js). Any problem restoring deletes it and starts normally, in the same launch;
 * - no micropip, requirements.txt or pyproject.toml handling: every wheel is in app.tar.gz. */
import { SNAPSHOT_CACHE, SNAPSHOT_KEY, deleteSnapshot, fetchAppFiles, readSnapshot, writeAppFiles } from "./python-boot.mjs";

self.flet_js = {}; // namespace for Python global functions (Python reaches it as `js.flet_js`)
self.userAppRunning = false;
self.flet_js.userAppStarting = () => { self.userAppRunning = true; };

function pythonOutput(text, isStderr) {
  if (!self.userAppRunning || !self.flet_js.send_python_output) {
    (isStderr ? console.error : console.log)(text);
    return;
  }
  // Pyodide calls this with the GIL released; calling back into Python must wait a microtask.
  queueMicrotask(() => self.flet_js.send_python_output(text, isStderr));
}

const BOOT = `
import flet_js, os, runpy, sys
import random
random.seed()  # a restored interpreter would otherwise repeat the snapshot's random state
try:  # a snapshot holds msgpack's pure-Python code (no compiled modules in a snapshot): use the C one
    import msgpack
    from msgpack import _cmsgpack
    msgpack.Packer, msgpack.Unpacker, msgpack.unpackb = _cmsgpack.Packer, _cmsgpack.Unpacker, _cmsgpack.unpackb
except ImportError:
    pass
if "__pypackages__" not in sys.path:
    sys.path.insert(0, "__pypackages__")

def _send_python_output(text, is_stderr):
    # Framed like PyodideConnection.send_message: a 0x00 type byte, then msgpack [action, body].
    flet_js.receive_callback(bytes([0]) + msgpack.packb([7, {"text": text, "is_stderr": bool(is_stderr)}]))

flet_js.send_python_output = _send_python_output
flet_js.userAppStarting()
try:
    runpy.run_module("main", run_name="__main__")
except SystemExit as _exit:
    if _exit.code not in (None, 0):
        raise
`;

async function startPython(init) {
  const appFiles = fetchAppFiles(init.appPackageUrl);
  const { loadPyodide, version } = await import(init.pyodideUrl);
  const options = { stdout: (text) => pythonOutput(text, false), stderr: (text) => pythonOutput(text, true) };
  let pyodide = null;
  if (await (await caches.open(SNAPSHOT_CACHE)).match(SNAPSHOT_KEY)) {
    try {
      const snapshot = await readSnapshot(version, (await appFiles).digest);
      if (snapshot) {
        pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
        self.flet_js.restoredFromSnapshot = true;
        console.log("BFS Companion: Python restored from the start-up snapshot");
      }
    } catch (problem) {
      console.warn("BFS Companion: the start-up snapshot could not be used, so it was deleted; starting normally.", problem);
      await deleteSnapshot();
      pyodide = null;
    }
  }
  if (!pyodide) {
    self.flet_js.restoredFromSnapshot = false;
    pyodide = await loadPyodide(options);
  }
  writeAppFiles(pyodide.FS, (await appFiles).files);
  pyodide.registerJsModule("flet_js", self.flet_js);
  self.pyodide = pyodide;
  await pyodide.runPythonAsync(BOOT);
  if (typeof self.flet_js.start_connection !== "function") {
    throw new Error("the app finished without starting its screen");
  }
  await self.flet_js.start_connection(receiveCallback);
}

function receiveCallback(message) {
  // A JsProxy of Python bytes: a fresh Uint8Array whose buffer can be handed over without a copy.
  const bytes = message.toJs();
  self.postMessage(bytes, [bytes.buffer]);
}
self.flet_js.receive_callback = receiveCallback;

let started = false;
self.onmessage = async (event) => {
  if (!started) {
    started = true;
    self.flet_js.args = event.data.args;
    self.flet_js.documentUrl = event.data.documentUrl;
    try {
      await startPython(event.data);
      self.postMessage("initialized");
    } catch (error) {
      self.postMessage(String(error && error.stack ? `${error}\n${error.stack}` : error));
    }
  } else if (typeof self.flet_js.send === "function") {
    self.flet_js.send(event.data);
  } else {
    console.error("Flet: dropped a message for a Python app that never started.");
  }
};
