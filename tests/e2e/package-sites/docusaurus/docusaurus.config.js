// A Docusaurus site with the grantsmith package, as its README says: the plugin's one
// line (it serves the builder's files from the site and loads embed.js on every page),
// the tag in an MDX page (tests/e2e/docusaurus-site/docs). Built by
// tests/e2e/package-docusaurus.test.mjs with Docusaurus 3 on React 19.
module.exports = {
  title: "Acme docs",
  url: "http://127.0.0.1",
  baseUrl: "/",
  onBrokenLinks: "throw",
  // No favicon file: the browser's /favicon.ico request would be a 404 in the console.
  headTags: [{ tagName: "link", attributes: { rel: "icon", href: "data:," } }],
  presets: [["classic", { docs: { routeBasePath: "/" }, blog: false }]],
  plugins: [require.resolve("grantsmith/docusaurus")],
};
