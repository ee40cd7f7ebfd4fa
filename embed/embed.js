// Grantsmith embed: replaces every element carrying `data-grantsmith` with the builder
// in an iframe (so the page's CSS cannot break it and its CSS cannot leak out), passes
// the element's data-* attributes as starting values in the URL fragment (never sent to
// any server), and sizes the frame to its content.
//   <div data-grantsmith data-host="db.example.com" data-role="reporting"></div>
//   <div data-grantsmith data-db="mysql" data-preset="connector-rw" data-role="etl"></div>
//   <script src="https://YOUR-DOCS/grantsmith/embed.js" async></script>
// data-theme="auto" (default) follows the docs page's own light/dark switch.
(function () {
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  // Where theme messages may go: the builder's own origin ("*" only from file://).
  var target = base.origin === "null" ? "*" : base.origin;
  var followers = [];
  // The docs page's own theme: Docusaurus' data-theme, a Tailwind-style "dark" (or
  // "light") class, or a color-scheme style, on <html> or <body>; else "auto" (the
  // frame then follows the system's setting, as the page does).
  function hostTheme() {
    var els = [document.documentElement, document.body];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el) continue;
      var t = el.getAttribute("data-theme");
      if (t === "dark" || t === "light") return t;
      if (el.classList.contains("dark")) return "dark";
      if (el.classList.contains("light")) return "light";
      var cs = el.style.colorScheme;
      if (cs === "dark" || cs === "light") return cs;
    }
    return "auto";
  }
  function tell(f) {
    var t = hostTheme();
    if (f.theme !== t && f.frame.contentWindow) {
      f.theme = t;
      f.frame.contentWindow.postMessage({ grantsmith: "theme", theme: t }, target);
    }
  }
  function watch() {
    var seen = new MutationObserver(function () { followers.forEach(tell); });
    [document.documentElement, document.body].forEach(function (el) {
      if (el) seen.observe(el, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
    });
  }
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
    // data-theme="light" or "dark" fixes the theme; "auto" (the default) follows the
    // docs page's theme, live, as its own switch changes it.
    var follow = !el.dataset.theme || el.dataset.theme === "auto";
    if (follow) params.set("theme", hostTheme());
    var frame = document.createElement("iframe");
    frame.src = new URL("index.html#" + params.toString(), base).href;
    if (follow) {
      var f = { frame: frame, theme: params.get("theme") };
      followers.push(f);
      // A lazy frame loads later: tell it the theme of that moment.
      frame.addEventListener("load", function () { f.theme = null; tell(f); });
    }
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
  function all() { document.querySelectorAll("[data-grantsmith]").forEach(mount); watch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
