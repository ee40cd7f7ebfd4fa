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
  function mount(el) {
    if (el.grantsmithMounted) return;
    el.grantsmithMounted = true;
    // Every data-* attribute is a starting value, under the key the page reads
    // (data-client-host is dataset.clientHost, key "client-host"): the same keys as a
    // share link, so no value can be left out here. The password is never one of them.
    var params = new URLSearchParams();
    Object.keys(el.dataset).forEach(function (k) {
      if (k === "grantsmith" || k === "title" || k === "password") return;
      params.set(k.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }), el.dataset[k]);
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
