// Grantsmith embed: puts the builder in an iframe (so the page's CSS cannot break it
// and its CSS cannot leak out) wherever the page asks for it, passes the starting
// values in the URL fragment (never sent to any server), and sizes the frame to its
// content. Two ways to ask:
//   <grantsmith-builder host="db.example.com" role="reporting"></grantsmith-builder>
//     a custom element: the frame lives in its shadow root, outside the tree React (or
//     any framework) owns, so hydration and re-renders leave it alone, and elements
//     added later (client-side navigation) mount by themselves.
//   <div data-grantsmith data-host="db.example.com" data-role="reporting"></div>
//     the element's content is replaced by the frame (plain HTML pages).
//   <script src="https://YOUR-DOCS/grantsmith/embed.js" async></script>
// theme="auto" / data-theme="auto" (default) follows the docs page's own light/dark switch.
(function () {
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  // Where theme messages may go: the builder's own origin ("*" only from file://).
  var target = base.origin === "null" ? "*" : base.origin;
  var followers = [];
  // The docs page's own theme: Docusaurus' data-theme, MkDocs Material's
  // data-md-color-scheme, a Tailwind-style "dark" (or "light") class, or a
  // color-scheme style, on <html> or <body>; else "auto" (the
  // frame then follows the system's setting, as the page does).
  function hostTheme() {
    var els = [document.documentElement, document.body];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el) continue;
      var t = el.getAttribute("data-theme");
      if (t === "dark" || t === "light") return t;
      // MkDocs Material: its "slate" scheme is the dark one.
      var md = el.getAttribute("data-md-color-scheme");
      if (md === "slate") return "dark";
      if (md === "default") return "light";
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
  var watching = false;
  function watch() {
    if (watching) return;
    watching = true;
    var seen = new MutationObserver(function () { followers.forEach(tell); });
    [document.documentElement, document.body].forEach(function (el) {
      if (el) seen.observe(el, { attributes: true, attributeFilter: ["data-theme", "data-md-color-scheme", "class", "style"] });
    });
  }
  // The frame for `values` ([key, value] pairs, under the keys a share link uses),
  // `theme` ("auto", "light" or "dark") and `title`.
  function frameFor(values, theme, title) {
    var params = new URLSearchParams();
    values.forEach(function (kv) {
      // The password is never a starting value; "grantsmith" and "title" are the
      // embed's own.
      if (kv[0] !== "grantsmith" && kv[0] !== "title" && kv[0] !== "password" && kv[0] !== "theme") {
        params.set(kv[0], kv[1]);
      }
    });
    // "light" or "dark" fixes the theme; "auto" (the default) follows the docs page's
    // theme, live, as its own switch changes it.
    var follow = !theme || theme === "auto";
    params.set("theme", follow ? hostTheme() : theme);
    var frame = document.createElement("iframe");
    frame.src = new URL("index.html#" + params.toString(), base).href;
    if (follow) {
      var f = { frame: frame, theme: params.get("theme") };
      followers.push(f);
      // A lazy frame loads later: tell it the theme of that moment.
      frame.addEventListener("load", function () { f.theme = null; tell(f); });
    }
    frame.title = title || "Grantsmith: least-privilege PostgreSQL user generator";
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
    return frame;
  }
  function mount(el) {
    if (el.grantsmithMounted) return;
    el.grantsmithMounted = true;
    // Every data-* attribute is a starting value, under the key the page reads
    // (data-client-host is dataset.clientHost, key "client-host").
    var values = Object.keys(el.dataset).map(function (k) {
      return [k.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }), el.dataset[k]];
    });
    el.replaceChildren(frameFor(values, el.dataset.theme, el.dataset.title));
  }
  if (window.customElements && !customElements.get("grantsmith-builder")) {
    customElements.define("grantsmith-builder", class extends HTMLElement {
      connectedCallback() {
        // Moved by a framework: the same element keeps its frame.
        if (this.shadowRoot) return;
        var root = this.attachShadow({ mode: "open" });
        var css = document.createElement("style");
        css.textContent = ":host{display:block}";
        // Every attribute is a starting value, under its own name (client-host=…);
        // class, id and style are the page's.
        var values = Array.prototype.filter.call(this.attributes, function (a) {
          return a.name !== "class" && a.name !== "id" && a.name !== "style";
        }).map(function (a) { return [a.name, a.value]; });
        root.append(css, frameFor(values, this.getAttribute("theme"), this.getAttribute("title")));
        watch();
      }
    });
  }
  function all() { document.querySelectorAll("[data-grantsmith]").forEach(mount); watch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
