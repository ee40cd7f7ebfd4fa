// An Astro Starlight site with the grantsmith package, as docs/install-package.md says:
// embed.js in Starlight's `head` from the site's own folder (public/grantsmith, copied
// from node_modules/grantsmith/dist), the tag in a Markdown page. Its Head is overridden
// to add Astro's client router (view transitions), the client-side navigation a
// Starlight site may opt into (https://starlight.astro.build/guides/overriding-components/,
// https://docs.astro.build/en/guides/view-transitions/). Built by
// tests/e2e/package-starlight.test.mjs.
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";

export default defineConfig({
  site: "http://127.0.0.1",
  integrations: [starlight({
    title: "Acme docs",
    head: [{ tag: "script", attrs: { src: "/grantsmith/embed.js", async: true } }],
    components: { Head: "./src/components/Head.astro" },
    sidebar: [{ label: "Acme", link: "/" }, { label: "Set up the database", link: "/setup/" }],
    pagefind: false,
  })],
});
