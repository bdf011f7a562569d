/* What the Python worker and the snapshot maker share: the app archive unpacked in JS, and where
 * the start-up snapshot lives. Pyodide 314.0.7 (flet-web 1.0.5, pinned exactly).
 *
 * app.tar.gz is fetched, hashed and unpacked here (DecompressionStream and a small reader for the
 * GNU tar that pwa/tools/build_pwa.py writes), while Pyodide starts, instead of by Python after
 * it has started. Its SHA-256 names the app version a snapshot belongs to. */

export const SNAPSHOT_CACHE = "bfs-startup-snapshot"; // deleted by sw.js whenever a new version activates
export const SNAPSHOT_KEY = "snapshot";

function text(bytes, start, length) {
  const value = new TextDecoder().decode(bytes.subarray(start, start + length));
  const end = value.indexOf("\0");
  return end >= 0 ? value.slice(0, end) : value;
}

export function untar(archive) {
  const files = [];
  let offset = 0;
  let longName = null;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header[0] === 0) break; // the end-of-archive blocks
    let name = text(header, 0, 100);
    const size = parseInt(text(header, 124, 12).trim(), 8) || 0;
    const type = String.fromCharCode(header[156]);
    offset += 512;
    const data = archive.subarray(offset, offset + size);
    offset += Math.ceil(size / 512) * 512;
    if (type === "L") { // GNU long name: the next entry's real name
      longName = text(data, 0, data.length);
      continue;
    }
    if (longName) {
      name = longName;
      longName = null;
    }
    if (type === "0" || type === "\0") files.push([name, data]);
  }
  return files;
}

export async function fetchAppFiles(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the app file could not be read (HTTP ${response.status} for ${url})`);
  const compressed = await response.arrayBuffer();
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", compressed)))
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
  const archive = new Uint8Array(await new Response(stream).arrayBuffer());
  return { digest, files: untar(archive) };
}

export function writeAppFiles(FS, files) {
  const made = new Set();
  for (const [name, data] of files) {
    const slash = name.lastIndexOf("/");
    if (slash > 0) {
      const folder = name.slice(0, slash);
      if (!made.has(folder)) {
        FS.mkdirTree(folder);
        made.add(folder);
      }
    }
    FS.writeFile(name, data);
  }
}

/* The stored snapshot if it was made by this Pyodide for this app, else null (a stale one is deleted). */
export async function readSnapshot(pyodideVersion, appDigest) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  const stored = await cache.match(SNAPSHOT_KEY);
  if (!stored) return null;
  if (stored.headers.get("x-pyodide-version") !== pyodideVersion || stored.headers.get("x-app-digest") !== appDigest) {
    await cache.delete(SNAPSHOT_KEY);
    return null;
  }
  return new Uint8Array(await stored.arrayBuffer());
}

export async function deleteSnapshot() {
  await caches.delete(SNAPSHOT_CACHE);
}

export async function storeSnapshot(bytes, pyodideVersion, appDigest) {
  const cache = await caches.open(SNAPSHOT_CACHE);
  await cache.put(SNAPSHOT_KEY, new Response(bytes, {
    headers: { "content-type": "application/octet-stream", "x-pyodide-version": pyodideVersion, "x-app-digest": appDigest },
  }));
}
