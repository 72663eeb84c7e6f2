// Bundles bench/run.ts (with the engine) and runs it, so `npm run bench` measures shipped code.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile: 'out/bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'bundle',
  // The LSP benchmark bundles a fresh server with esbuild when dist/ is stale; esbuild must run from its own package.
  external: ['esbuild'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
const run = spawnSync(process.execPath, ['out/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
