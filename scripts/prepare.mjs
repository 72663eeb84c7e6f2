// npm runs `prepare` after `npm install` in a checkout and when it installs a
// package from git, as pre-commit does with this repository. A checkout that
// already has dist/cli.js keeps it (development builds are `npm run build`'s
// job); one without it (a fresh clone) gets the bundles built, so the
// installed `termguard` command exists. Without esbuild (an install that
// left out development dependencies) there is nothing to build with, and the
// script says so instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function hasEsbuild() {
  try {
    createRequire(join(root, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(join(root, 'dist', 'cli.js'))) {
  // Already built.
} else if (!hasEsbuild()) {
  console.log('termguard: esbuild is not installed, so dist/ was not built; run `npm install` and then `npm run build`.');
} else {
  const build = spawnSync(process.execPath, [join(root, 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
