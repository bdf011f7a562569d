/* BFS Companion draws no Rive animations. The compiled Flutter client still loads the Rive runtime
 * at start-up (about 1 MB gzipped of WebAssembly to fetch, cache and compile); this stands in for
 * it. The client calls `RiveNative()`; a refusal is its documented "Rive is not available" path
 * (it tries the SIMD-less build next, which is this same file, then carries on without Rive). */
window.RiveNative = () => Promise.reject(new Error("BFS Companion does not use Rive"));
