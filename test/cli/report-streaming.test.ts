/**
 * Reports are written file by file while files are checked, so memory holds
 * one file's findings at a time; the JSON and SARIF they add up to are the
 * same as before streaming.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Engine } from '../../server/src/engine/api';
import type { CliWriter } from '../../server/src/cli/main';
import { run, tempTree } from '../helpers/cliRun';
import { manyFilesTree, normaliseSarif, sarifGoldenFile as GOLDEN_SARIF } from '../../tools/generators/sarifGolden';

test('json output of many files is the one array JSON.stringify would write', async () => {
  const { root, builtin } = manyFilesTree();
  const { code, out } = await run(root, ['check', '--format', 'json', 'docs'], { builtin });
  assert.equal(code, 1);
  const parsed = JSON.parse(out) as { file: string; diagnostics: { ruleId: string }[] }[];
  assert.equal(out, `${JSON.stringify(parsed, null, 2)}\n`);
  assert.deepEqual(
    parsed.map((entry) => entry.file),
    [...Array.from({ length: 12 }, (_, i) => `docs/${String(i).padStart(2, '0')}.md`), 'docs/my file.txt'],
  );
  assert.equal(parsed[1]!.diagnostics.length, 4);
  assert.ok(parsed[1]!.diagnostics.some((d) => d.ruleId === 'termguard/unused-suppression'));
  const none = await run(root, ['check', '--format', 'json', 'docs/02.md'], { builtin });
  assert.equal(none.out, '[\n  {\n    "file": "docs/02.md",\n    "diagnostics": []\n  }\n]\n');
});

test('sarif output of many files is the same log as before streaming (rule indexes included)', async () => {
  const { root, builtin } = manyFilesTree();
  const { code, out } = await run(root, ['check', '--format', 'sarif', 'docs'], { builtin });
  assert.equal(code, 1);
  assert.deepEqual(normaliseSarif(out), JSON.parse(fs.readFileSync(GOLDEN_SARIF, 'utf8')));
  const log = JSON.parse(out);
  for (const result of log.runs[0].results) assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, result.ruleId);
});

/** An engine wrapper and a stdout that log, in one sequence, each check and each write. */
function instrumented(options: { backPressureEvery?: number } = {}): {
  events: string[];
  stdout: CliWriter;
  wrapEngine: (engine: Engine) => Engine;
  text: () => string;
} {
  const events: string[] = [];
  let text = '';
  let writes = 0;
  let waiting: (() => void) | undefined;
  const stdout: CliWriter = {
    write(chunk: string): boolean {
      assert.equal(waiting, undefined, 'written to while the stream asked to wait for drain');
      text += chunk;
      writes++;
      events.push(`write ${[...new Set(chunk.match(/docs\/\d+\.md/g))].join(' ')}`.trim());
      return options.backPressureEvery === undefined || writes % options.backPressureEvery !== 0;
    },
    once(event: 'drain', listener: () => void): void {
      assert.equal(event, 'drain');
      events.push('wait');
      waiting = listener;
      setTimeout(() => {
        waiting = undefined;
        events.push('drain');
        listener();
      }, 1);
    },
  };
  const wrapEngine = (engine: Engine): Engine =>
    new Proxy(engine, {
      get(target, property, receiver) {
        if (property === 'check') {
          return (text: string, ...rest: unknown[]) => {
            events.push(`check ${/#(\d+)/.exec(text)?.[1] ?? '?'}`);
            return (target.check as (...args: unknown[]) => unknown)(text, ...rest);
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
  return { events, stdout, wrapEngine, text: () => text };
}

test('each file is reported as soon as it is checked, before the next file is read', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 5; i++) files[`docs/${i}.md`] = `File #${i} is forbidden.\n`;
  const root = tempTree(files);
  for (const format of ['json', 'sarif', 'stylish']) {
    const { events, stdout, wrapEngine, text } = instrumented();
    const { code } = await run(root, ['check', '--format', format, 'docs'], { stdout, wrapEngine });
    assert.equal(code, 1);
    const order = events.filter((event) => event.startsWith('check') || /docs/.test(event));
    assert.deepEqual(
      order,
      [0, 1, 2, 3, 4].flatMap((i) => [`check ${i}`, `write docs/${i}.md`]),
      `${format}: ${events.join(', ')}`,
    );
    if (format !== 'stylish') JSON.parse(text());
  }
});

test('output waits for drain when the stream is full, and nothing is lost', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`docs/${i}.md`] = `File #${i} is forbidden.\n`;
  const root = tempTree(files);
  const { events, stdout, wrapEngine, text } = instrumented({ backPressureEvery: 2 });
  const { code } = await run(root, ['check', '--format', 'json', 'docs'], { stdout, wrapEngine });
  assert.equal(code, 1);
  assert.ok(events.filter((event) => event === 'wait').length >= 2, events.join(', '));
  // After each wait, nothing else happens (no check, no write) until drain.
  events.forEach((event, index) => {
    if (event === 'wait') assert.equal(events[index + 1], 'drain', events.join(', '));
  });
  assert.equal(JSON.parse(text()).length, 6);
});

test('stylish output of a file with 130,000 findings does not overflow the stack', { timeout: 120_000 }, async () => {
  const count = 130_001;
  const root = tempTree({ 'many.md': 'meh.\n'.repeat(count) });
  const { code, out, err } = await run(root, ['check', 'many.md']);
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.match(out, new RegExp(`✖ ${count} problems \\(0 errors, ${count} warnings\\) in 1 file checked`));
  const lines = out.split('\n');
  assert.equal(lines[0], `many.md:1:1       warning  Avoid "meh".  no-meh`);
  assert.equal(lines[count - 1], `many.md:${count}:1  warning  Avoid "meh".  no-meh`);
});
