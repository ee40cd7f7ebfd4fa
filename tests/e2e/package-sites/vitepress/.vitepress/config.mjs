// A VitePress 1.x site with the grantsmith package, as docs/install-package.md says:
// embed.js in `head` from the site's own folder (public/grantsmith, copied from
// node_modules/grantsmith/dist), and Vue told the tag is a custom element, not a
// component it should resolve (https://vuejs.org/guide/extras/web-components#using-custom-elements-in-vue).
// Built by tests/e2e/package-vitepress.test.mjs.
import { defineConfig } from "vitepress";

export default defineConfig({
  title: "Acme docs",
  // The icon: no favicon file, and the browser's /favicon.ico request would log a 404.
  head: [["script", { src: "/grantsmith/embed.js", async: "" }], ["link", { rel: "icon", href: "data:," }]],
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === "grantsmith-builder" } } },
  themeConfig: { nav: [{ text: "Setup", link: "/setup" }] },
});
