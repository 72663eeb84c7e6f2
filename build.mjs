// Bundles the entry points with esbuild: the CLI, the Node server and the VS Code
// extension, and the browser builds of the extension and the server (web
// worker) for vscode.dev and github.dev. Type checking is `tsc -b`'s job.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** `termguard:builtin-packs`: the built-in packs' texts, bundled into the browser build of the server. */
const builtinPacksModule = {
  name: 'termguard-builtin-packs',
  setup(build) {
    build.onResolve({ filter: /^termguard:builtin-packs$/ }, (args) => ({ path: args.path, namespace: 'termguard-builtin-packs' }));
    build.onLoad({ filter: /.*/, namespace: 'termguard-builtin-packs' }, () => {
      const packs = readdirSync('packs')
        .filter((name) => name.endsWith('.termguard.yaml'))
        .sort()
        .map((name) => ({ file: `builtin:${name}`, text: readFileSync(`packs/${name}`, 'utf8') }));
      return {
        contents: `export default ${JSON.stringify(packs)};`,
        loader: 'js',
        watchFiles: packs.map((pack) => `packs/${pack.file.slice('builtin:'.length)}`),
      };
    });
  },
};

/**
 * Modules shared with the Node server import a few Node built-ins for code the
 * browser build never runs (reading a baseline file, file URLs): they resolve
 * to an empty module there, so a call would fail loudly rather than at load.
 */
const nodeBuiltinsAbsent = {
  name: 'node-builtins-absent',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-builtins-absent' }));
    build.onLoad({ filter: /.*/, namespace: 'node-builtins-absent' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  alias: { 'vscode-languageserver/node': 'vscode-languageserver/browser' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...browser, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', external: ['vscode'] }),
  esbuild.build({
    ...browser,
    format: 'iife',
    entryPoints: ['server/src/lsp/web/workerMain.ts'],
    outfile: 'dist/web/server.js',
    plugins: [builtinPacksModule, nodeBuiltinsAbsent],
  }),
]);
