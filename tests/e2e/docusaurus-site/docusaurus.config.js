// A docs site as an integration's author would make one, with the README's snippet:
// embed.js loaded for the whole site, the tag in an MDX page. Built by
// tests/e2e/docusaurus.test.mjs with React 19 and React 18.
module.exports = {
  title: "Acme docs",
  url: "http://127.0.0.1",
  baseUrl: "/",
  favicon: "favicon.ico",
  onBrokenLinks: "throw",
  presets: [["classic", { docs: { routeBasePath: "/" }, blog: false }]],
  scripts: [{ src: "/grantsmith/embed.js", async: true }],
};
