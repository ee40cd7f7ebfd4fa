// Grantsmith embed: replaces every element carrying `data-grantsmith` with the builder
// in an iframe (so the page's CSS cannot break it and its CSS cannot leak out), passes
// the element's data-* attributes as starting values in the URL fragment (never sent to
// any server), and sizes the frame to its content.
//   <div data-grantsmith data-host="db.example.com" data-role="reporting"></div>
//   <div data-grantsmith data-db="mysql" data-preset="connector-rw" data-role="etl"></div>
//   <script src="https://YOUR-DOCS/grantsmith/embed.js" async></script>
(function () {
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  var KEYS = ["db", "preset", "host", "port", "role", "database", "schemas", "owners", "scope", "rls",
    "ssl", "client-host", "warehouse", "location"];
  function mount(el) {
    if (el.grantsmithMounted) return;
    el.grantsmithMounted = true;
    var params = new URLSearchParams();
    KEYS.forEach(function (k) {
      // data-client-host is dataset.clientHost.
      var v = el.dataset[k.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); })];
      if (v != null) params.set(k, v);
    });
    var frame = document.createElement("iframe");
    frame.src = new URL("index.html#" + params.toString(), base).href;
    frame.title = el.dataset.title || "Grantsmith: least-privilege PostgreSQL user generator";
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("loading", "lazy");
    // !important inline styles: a docs theme's global rules cannot resize or hide it.
    var style = function (k, v) { frame.style.setProperty(k, v, "important"); };
    [["display", "block"], ["width", "100%"], ["height", "720px"], ["border", "0"], ["margin", "0"],
     ["padding", "0"], ["visibility", "visible"], ["opacity", "1"]].forEach(function (kv) { style(kv[0], kv[1]); });
    window.addEventListener("message", function (e) {
      if (e.source === frame.contentWindow && e.data && e.data.grantsmith === "height") {
        style("height", Math.max(200, e.data.height) + "px");
      }
    });
    el.replaceChildren(frame);
  }
  function all() { document.querySelectorAll("[data-grantsmith]").forEach(mount); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
