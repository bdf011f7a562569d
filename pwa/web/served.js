/* Served run only (`make run`): when the server on this computer stops, the open page says so
 * plainly, instead of Flet's endless reconnecting spinner, and clears the message once Flet's
 * client has reconnected to a server started again. Works by watching the page's WebSockets
 * (flet-web 1.0.5's client opens one to /ws and retries it when it closes). The offline build
 * removes this script (pwa/tools/build_pwa.py): there, nothing runs on a server. */
(() => {
  const NativeWebSocket = window.WebSocket;
  let connected = false;
  let notice = null;

  function show() {
    if (notice) return;
    notice = window.bfsFullPageMessage(
      "bfs-server-stopped",
      "alert",
      "BFS Companion has stopped on this computer, so this page cannot show it for now. Nothing you saved is lost. " +
        "To use it again, run make run in the BFS Companion folder; this page reconnects by itself.",
    );
  }

  function hide() {
    if (notice) notice.remove();
    notice = null;
  }

  function WatchedWebSocket(url, protocols) {
    const socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    socket.addEventListener("open", () => {
      connected = true;
      hide();
    });
    socket.addEventListener("close", () => {
      if (connected) show(); // only after a connection was made: a slow first start is not "stopped"
    });
    return socket;
  }
  WatchedWebSocket.prototype = NativeWebSocket.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) WatchedWebSocket[name] = NativeWebSocket[name];
  window.WebSocket = WatchedWebSocket;
})();
