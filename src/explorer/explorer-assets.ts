import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A file the explorer page loads, served by the API itself (never a CDN). */
export interface ExplorerAsset {
  contentType: string;
  body: Buffer | string;
}

/**
 * The explorer runs GraphiQL's prebuilt bundle on React 18's UMD builds, read from the project's own
 * dependencies (`graphiql`, `react`, `react-dom`), plus the script below that mounts it. An inline
 * script would need `'unsafe-inline'` in the page's CSP; a file of ours keeps it at `script-src 'self'`.
 */
const MOUNT_SCRIPT = `'use strict';
(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });
  var defaultQuery = '# The ChartBridge API. Open the documentation explorer (top left) for every type and field.\\n' +
    '# Operations that need a token: add a header {"Authorization": "Bearer <accessToken>"} below.\\n\\n' +
    'query Directory {\\n  coders(first: 5) {\\n    totalCount\\n    edges { node { id headline ratingAverage accuracyScore } }\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
  );
})();
`;

// Through each package's package.json: their `exports` maps do not all list the prebuilt files.
const fromPackage = (pkg: string, file: string, contentType: string): ExplorerAsset => ({ contentType, body: readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file)) });

/** Reads the explorer's files once, at start-up (about 1.5 MB; only when the explorer is enabled). */
export function loadExplorerAssets(): Map<string, ExplorerAsset> {
  const javascript = 'text/javascript; charset=utf-8';
  return new Map([
    ['react.production.min.js', fromPackage('react', 'umd/react.production.min.js', javascript)],
    ['react-dom.production.min.js', fromPackage('react-dom', 'umd/react-dom.production.min.js', javascript)],
    ['graphiql.min.js', fromPackage('graphiql', 'graphiql.min.js', javascript)],
    ['graphiql.min.css', fromPackage('graphiql', 'graphiql.min.css', 'text/css; charset=utf-8')],
    ['explorer.js', { contentType: javascript, body: MOUNT_SCRIPT }],
  ]);
}
