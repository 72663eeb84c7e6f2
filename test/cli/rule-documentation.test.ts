/**
 * How the command line shows a team pack's rules, with the real engine: the
 * pack's `documentation:` URL in `termguard explain` and as SARIF helpUri,
 * none for a pack without one, and the message's `{match}` filled in curly
 * quotes (in findings) or as “…” (in explain and SARIF rule descriptions).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEngine } from '../../server/src/engine/index';
import { run, tempTree } from '../helpers/cliRun';

/** A team pack with one rule; `documentation` adds a `documentation:` line. */
function teamPack(name: string, word: string, documentation?: string): string {
  return `pack: ${name}
${documentation ? `documentation: ${documentation}\n` : ''}rules:
  - id: ${name}/jargon
    category: jargon
    severity: warning
    message: "Avoid '{match}': it is jargon."
    reason: Jargon hides meaning.
    alternatives: [cooperation]
    patterns: ["{${word}}"]
    examples:
      bad: ["We value ${word}."]
      good: ["We value cooperation."]
`;
}

const DOCS = 'https://docs.example.com/house-style';

function project(): string {
  return tempTree({
    '.termguard.yaml': 'builtin: false\npacks: [linked.termguard.yaml, unlinked.termguard.yaml]\n',
    'linked.termguard.yaml': teamPack('linked', 'synergy', DOCS),
    'unlinked.termguard.yaml': teamPack('unlinked', 'leverage'),
    'doc.md': 'We value synergy and leverage.\n',
  });
}

const realEngine = { builtin: [], dependencies: { engineFactory: createEngine } };

test("explain shows a team rule's documentation: URL, its message with “…” for the match, and no link without one", async () => {
  const root = project();
  const linked = await run(root, ['explain', 'linked/jargon'], realEngine);
  assert.equal(linked.code, 0, linked.err);
  assert.match(linked.out, new RegExp(`^Documentation: ${DOCS}#linked-jargon$`, 'm'));
  assert.match(linked.out, /^Avoid “…”: it is jargon\.$/m);
  assert.ok(!linked.out.includes('{match}'));
  const unlinked = await run(root, ['explain', 'unlinked/jargon'], realEngine);
  assert.equal(unlinked.code, 0, unlinked.err);
  assert.doesNotMatch(unlinked.out, /Documentation:|https?:/);
});

test("SARIF gives a team rule its pack's documentation: URL as helpUri, and none without one", async () => {
  const root = project();
  const result = await run(root, ['check', '--format', 'sarif', 'doc.md'], realEngine);
  assert.equal(result.code, 0, result.err);
  const log = JSON.parse(result.out) as {
    runs: { results: { ruleId: string; message: { text: string } }[]; tool: { driver: { rules: Record<string, unknown>[] } } }[];
  };
  const rules = new Map(log.runs[0]!.tool.driver.rules.map((rule) => [rule.id as string, rule]));
  assert.equal(rules.get('linked/jargon')!.helpUri, `${DOCS}#linked-jargon`);
  assert.equal('helpUri' in rules.get('unlinked/jargon')!, false);
  assert.deepEqual(rules.get('linked/jargon')!.shortDescription, { text: 'Avoid “…”: it is jargon.' });
  assert.deepEqual(
    log.runs[0]!.results.map((finding) => finding.message.text),
    ['Avoid “synergy”: it is jargon.', 'Avoid “leverage”: it is jargon.'],
  );
});
