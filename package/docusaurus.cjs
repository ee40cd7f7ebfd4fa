// The Docusaurus plugin of the grantsmith package: one line in docusaurus.config.js,
//   plugins: [require.resolve("grantsmith/docusaurus")],
// serves the builder's files from the site's own origin (under /grantsmith/, or the
// `path` option) in `docusaurus start` and in `docusaurus build`, and loads embed.js on
// every page, so an MDX page needs only the tag: <grantsmith-builder …>.
// Plugin API: https://docusaurus.io/docs/api/plugin-methods (configureWebpack,
// injectHtmlTags).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const DIST = path.join(__dirname, "dist");

/** Every file of the builder, as [name under the route, absolute path]: the pages and
 * their files at the top, the dry run's PGlite in dist/pglite/ (and its contrib/). */
function files(dir = DIST, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() ? [[`${prefix}${e.name}`, path.join(dir, e.name)]] : []);
}

/**
 * @param {{ baseUrl: string }} context
 * @param {{ path?: string }} [options] where the files are served, under the site's
 *   baseUrl ("grantsmith" by default)
 */
module.exports = function grantsmith(context, options = {}) {
  const route = String(options.path ?? "grantsmith").replace(/^\/+|\/+$/g, "");
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(route)) {
    throw new Error(`grantsmith/docusaurus: "path" must be a folder name such as "grantsmith", not ${JSON.stringify(options.path)}`);
  }
  return {
    name: "grantsmith",
    // The files go into the client bundle's output as assets: the dev server serves
    // them from memory and the build writes them to the output folder, from one place.
    configureWebpack(config, isServer) {
      if (isServer) return {};
      return {
        plugins: [{
          apply(compiler) {
            const { Compilation, sources } = compiler.webpack;
            compiler.hooks.thisCompilation.tap("grantsmith", (compilation) => {
              compilation.hooks.processAssets.tap({ name: "grantsmith", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
                for (const [name, file] of files()) {
                  // As built: the site's minifiers must not touch them (the pages hold
                  // the scripts' integrity hashes).
                  compilation.emitAsset(`${route}/${name}`, new sources.RawSource(fs.readFileSync(file)), { minimized: true });
                }
              });
            });
          },
        }],
      };
    },
    injectHtmlTags() {
      return { headTags: [{ tagName: "script", attributes: { src: `${context.baseUrl}${route}/embed.js`, async: true } }] };
    },
  };
};
