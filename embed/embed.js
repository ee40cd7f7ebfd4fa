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
// A vendor's profile (product, databases, fixed/hide, note-<field>…) comes as more
// attributes, or as a JSON child: <script type="application/json">{"product": …}</script>.
// theme="auto" / data-theme="auto" (default) follows the docs page's own light/dark switch.
(function () {
  var script = document.currentScript;
  var base = new URL(".", script ? script.src : location.href);
  // The keys index.html reads itself (src/ui/entry.rs, KEYS).
  var ORIGINAL_KEYS = ["host", "port", "role", "database", "scope", "all-schemas", "schemas", "owners", "rls", "theme", "accent"];
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
      // The password is never a starting value (it would be in the frame's address):
      // the author is told so instead. "grantsmith" and "title" are the embed's own.
      if (kv[0] === "password") {
        params.append("profile-error", "\"password\": never a starting value; the reader types it in the frame");
      } else if (kv[0] === "profile-error") {
        params.append(kv[0], kv[1]);
      } else if (kv[0] !== "grantsmith" && kv[0] !== "title" && kv[0] !== "theme") {
        params.set(kv[0], kv[1]);
      }
    });
    // "light" or "dark" fixes the theme; "auto" (the default) follows the docs page's
    // theme, live, as its own switch changes it.
    var follow = !theme || theme === "auto";
    params.set("theme", follow ? hostTheme() : theme);
    var frame = document.createElement("iframe");
    // The smallest page that serves the tag: index.html is the original applet alone
    // (its fields, options and the look); any other key (a profile, a preset, a
    // provider…) needs postgres.html, and a builder that starts on another database the
    // all-databases page, loaded at once rather than through a hand-over.
    var start = params.get("db") || (params.get("databases") || "").split(",")[0].trim();
    var page = start && start !== "postgresql" ? "all.html" : "index.html";
    params.forEach(function (v, k) {
      // A key index.html does not read, or an accent it would not check (the profile
      // reader of postgres.html refuses a bad one with a message to the docs author).
      var bad = k === "accent" && !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v);
      if (page === "index.html" && (ORIGINAL_KEYS.indexOf(k) < 0 || bad)) page = "postgres.html";
    });
    frame.src = new URL(page + "#" + params.toString(), base).href;
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
  // What a value of a JSON profile is, for a docs author's message.
  function kind(v) {
    return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : "a " + typeof v;
  }
  // A JSON child profile as the pairs the page reads: text as is, numbers and
  // true/false as text, lists of text joined with commas, "notes" and "privileges"
  // objects spread into their keys. Anything else becomes a "profile-error" pair, which
  // the page shows as text; nothing in it is ever interpreted here.
  function jsonPairs(el) {
    var child = el.querySelector('script[type="application/json"]');
    if (!child) return [];
    var data;
    try { data = JSON.parse(child.textContent); } catch (e) {
      return [["profile-error", "The <script type=\"application/json\"> profile is not valid JSON: " + e.message]];
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return [["profile-error", "The JSON profile must be an object ({\"product\": …}), not " + kind(data)]];
    }
    var out = [];
    function text(key, v) {
      if (typeof v === "string") return out.push([key, v]);
      if (typeof v === "number" || typeof v === "boolean") return out.push([key, String(v)]);
      if (Array.isArray(v) && v.every(function (x) { return typeof x === "string"; })) return out.push([key, v.join(",")]);
      out.push(["profile-error", "\"" + key + "\": expected text, a number, true/false or a list of text, not " + kind(v)]);
    }
    Object.keys(data).forEach(function (k) {
      var v = data[k];
      var spread = (k === "notes" || k === "privileges") && v && typeof v === "object" && !Array.isArray(v);
      if (k === "notes" && spread) {
        Object.keys(v).forEach(function (f) { text("note-" + f, v[f]); });
      } else if (k === "privileges" && spread) {
        // {"table": ["SELECT", "TRIGGER"], "sequence": ["USAGE"]} → table.SELECT,…
        var items = [];
        Object.keys(v).forEach(function (kind_) {
          var list = Array.isArray(v[kind_]) ? v[kind_] : [v[kind_]];
          list.forEach(function (p) { items.push(typeof p === "string" ? kind_ + "." + p : null); });
        });
        if (items.indexOf(null) >= 0) text(k, v); else out.push([k, items.join(",")]);
      } else {
        text(k, v);
      }
    });
    return out;
  }
  function mount(el) {
    if (el.grantsmithMounted) return;
    el.grantsmithMounted = true;
    // Every data-* attribute is a starting value, under the key the page reads
    // (data-client-host is dataset.clientHost, key "client-host").
    var values = jsonPairs(el).concat(Object.keys(el.dataset).map(function (k) {
      return [k.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }), el.dataset[k]];
    }));
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
        // Every attribute is a starting value or profile key, under its own name
        // (client-host=…); the page's own global attributes are not. A JSON child
        // profile comes first, so attributes win.
        var own = /^(class|id|style|slot|part|lang|dir|tabindex|hidden|inert|aria-.*|data-.*)$/;
        // Markdown built with rehype (Astro's, so Starlight's .md pages) writes an
        // attribute named data… as data-… (property-information's find():
        // databases="…" arrives as data-bases="…"): those are read as written.
        var rehyped = { "data-base": "database", "data-bases": "databases" };
        var attrs = Array.prototype.filter.call(this.attributes, function (a) {
          return rehyped[a.name] || !own.test(a.name);
        }).map(function (a) { return [rehyped[a.name] || a.name, a.value]; });
        var el = this;
        var build = function () {
          root.append(css, frameFor(jsonPairs(el).concat(attrs), el.getAttribute("theme"), el.getAttribute("title")));
          watch();
        };
        // Met while the page is still parsing: the JSON child may not be there yet.
        if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build); else build();
      }
    });
  }
  function all() { document.querySelectorAll("[data-grantsmith]").forEach(mount); watch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
})();
