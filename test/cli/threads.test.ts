/**
 * `termguard check` on many files checks them in worker threads (started
 * from server/src/cli/bin.ts, as the built CLI starts itself), with output
 * identical to one thread's, in the same order; a worker that fails costs
 * nothing but time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../server/src/engine/api';
import { builtinPackFiles } from '../../server/src/project/builtinPacks';
import { createEngine } from '../../server/src/engine/index';
import { run, tempTree } from '../helpers/cliRun';

/** A worker script that loads the TypeScript executable through tsx, as the built CLI loads dist/cli.js. */
const bin = path.join(tempTree({}), 'worker.cjs');
fs.writeFileSync(
  bin,
  `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.join(__dirname, '../../server/src/cli/bin.ts'))});\n`,
);
const CLAIMS = ['The SRE calls on ChatGPT.', 'GPT-4o is now available in Amazon Bedrock.', 'Frontier runs on AWS bedrock.'];

/** 240 files (more than the 200 that start threads), most with a finding, one that cannot be read. */
function manyFiles(): string {
  const files: Record<string, string | Uint8Array> = {};
  for (let index = 0; index < 240; index++) {
    const folder = `part-${Math.floor(index / 50)}`;
    files[`${folder}/doc-${String(index).padStart(3, '0')}.md`] =
      `# Document ${index}\n\nPlain words.\n\n${index % 7 === 0 ? 'Nothing here.' : CLAIMS[index % CLAIMS.length]}\n`;
  }
  files['part-2/binary.md'] = new Uint8Array([0x66, 0x00, 0x01]);
  return tempTree(files);
}

/** Counts the checks made on the main thread. */
function counting(counter: { checks: number }): (engine: Engine) => Engine {
  // The real engine is frozen, so the wrapper is a copy with its own `check`.
  return (engine) => ({
    ...engine,
    check: (text, kind, options) => {
      counter.checks++;
      return engine.check(text, kind, options);
    },
  });
}

async function check(
  root: string,
  args: string[],
  workerScript: string | undefined,
  counter = { checks: 0 },
  idleCores = 0,
): Promise<{ code: number; out: string; err: string }> {
  const wrap = counting(counter);
  return run(root, ['check', ...args], {
    builtin: builtinPackFiles(),
    dependencies: { engineFactory: (packs) => wrap(createEngine(packs)), idleCores, ...(workerScript ? { workerScript } : {}) },
  });
}

test('many files: worker threads give the same report, in the same order, as one thread', { timeout: 120_000 }, async () => {
  const root = manyFiles();
  for (const format of ['json', 'stylish', 'sarif']) {
    const single = await check(root, ['--format', format, '--jobs', '1'], bin);
    const counter = { checks: 0 };
    // Threads start on their own with three idle cores (see checkJobs.ts for why not with two).
    const threaded = await check(root, ['--format', format], bin, counter, 3);
    assert.equal(threaded.out, single.out, format);
    assert.equal(threaded.err, single.err, format);
    assert.equal(threaded.code, single.code);
    assert.ok(
      counter.checks > 0 && counter.checks < 240,
      `${format}: the main thread checked ${counter.checks} of 240 files, workers the rest`,
    );
  }
  const counter = { checks: 0 };
  const two = await check(root, ['--format', 'json', '--jobs', '2'], bin, counter);
  assert.equal(two.out, (await check(root, ['--format', 'json', '--jobs', '1'], bin)).out);
  assert.ok(counter.checks < 240, '--jobs 2 starts a worker whatever the machine');
  assert.match(two.err, /part-2\/binary\.md looks binary/);
});

test(
  '--fix, small inputs and too few idle cores stay on one thread; so does a CLI that cannot start workers',
  { timeout: 60_000 },
  async () => {
    const small = tempTree({ 'a.md': CLAIMS[0]!, 'b.md': CLAIMS[1]! });
    const counter = { checks: 0 };
    await check(small, ['--format', 'json'], bin, counter, 8);
    assert.equal(counter.checks, 2);
    const root = manyFiles();
    const withoutScript = { checks: 0 };
    await check(root, ['--format', 'json'], undefined, withoutScript, 8);
    assert.equal(withoutScript.checks, 240);
    // Two idle cores are not enough to pay for threads.
    const twoCores = { checks: 0 };
    await check(root, ['--format', 'json'], bin, twoCores, 2);
    assert.equal(twoCores.checks, 240);
    const fixing = { checks: 0 };
    await check(root, ['--format', 'json', '--fix'], bin, fixing, 8);
    assert.ok(fixing.checks >= 240, 'every file was checked (and fixed) on the main thread');
  },
);

test('a worker that dies leaves its files to the main thread: nothing is lost', { timeout: 120_000 }, async () => {
  const root = manyFiles();
  const broken = path.join(tempTree({}), 'broken-worker.cjs');
  fs.writeFileSync(broken, 'process.exit(3);\n');
  const single = await check(root, ['--format', 'json', '--jobs', '1'], bin);
  const counter = { checks: 0 };
  const fallback = await check(root, ['--format', 'json', '--jobs', '2'], broken, counter);
  assert.equal(fallback.out, single.out);
  assert.equal(counter.checks, 240, 'every file was checked on the main thread');
});
