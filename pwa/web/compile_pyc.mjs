// Compiles the staged app's Python files to bytecode with the very Pyodide the build ships
// (CPython 3.14 in WebAssembly, run by Node), so the browser skips compiling on every launch.
// Usage: node compile_pyc.mjs <pyodide dir> <staged app dir>
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, appDir] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep });
pyodide.FS.mkdirTree("/app");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: appDir }, "/app");
const ok = pyodide.runPython(`
import compileall, pathlib, py_compile

# Third-party wheels ship as bytecode only, without docstrings (-OO): smaller and faster to load.
vendored = pathlib.Path("/app/__pypackages__")
ok = compileall.compile_dir(vendored, quiet=1, legacy=True, optimize=2)
for source in vendored.rglob("*.py"):
    source.unlink()
# The app keeps its source beside the bytecode, for readable tracebacks. Unchecked hashes: the
# bytecode is trusted as built, whatever times the unpacked files get.
for folder in pathlib.Path("/app").iterdir():
    if folder != vendored and folder.is_dir():
        ok &= compileall.compile_dir(folder, quiet=1,
                                     invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
ok &= compileall.compile_file("/app/main.py", quiet=1,
                              invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
bool(ok)
`);
if (!ok) {
  console.error("compileall reported errors");
  process.exit(1);
}
