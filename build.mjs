// Bundles the entry points with esbuild: the CLI, the Node server and the VS Code
// extension, and the browser builds of the extension and the server (web
// worker) for vscode.dev and github.dev. Type checking is `tsc -b`'s job.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

/**
 * Rewrites every non-ASCII UTF-16 unit left in a bundle as a `\uXXXX` escape.
 * esbuild already escapes string and template literals; what it leaves are
 * regular-expression literals (compromise's `/[-–—]/`) and comments, where
 * the escape means the same character. It matters for memory: Node keeps a
 * script's source text, and one character above U+00FF makes V8 store all of
 * it two bytes per character (the server's 4 MB bundle then holds 8.5 MB).
 */
function escapeNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  // A backslash before the character (an identity escape in a regular expression) is dropped: `\–` reads as `\u2013`.
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, backslashes, unit) => {
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes;
    return `${kept}\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (escaped !== text) writeFileSync(file, escaped);
}

const bundles = [
  { ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...browser, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', external: ['vscode'] },
  {
    ...browser,
    format: 'iife',
    entryPoints: ['server/src/lsp/web/workerMain.ts'],
    outfile: 'dist/web/server.js',
    plugins: [builtinPacksModule, nodeBuiltinsAbsent],
  },
];
await Promise.all(bundles.map((options) => esbuild.build(options)));
for (const { outfile } of bundles) escapeNonAscii(outfile);
