import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckResult, DocumentKind } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';
import { seededRandom } from '../helpers/seededRandom';

const SNIPPETS = [
  '\n',
  '\n\n',
  '```\n',
  '~~~\n',
  '> ',
  '- ',
  '1. ',
  '# ',
  '*',
  '_',
  '`',
  '<!-- ',
  ' -->',
  'enables access to ChatGPT',
  ' calls on GPT-5 ',
  'x',
  '|',
  '| a | b |\n|---|---|\n',
  '---\n',
  '    ',
  '\t',
  'AWS bedrock',
  '<div>\n',
  '\n</div>\n',
  '[x]: http://a\n',
  '===\n',
  '<!-- termguard-disable -->\n',
  '<!-- termguard-enable -->\n',
  '<!-- termguard-disable-next-line -->\n',
  'SRE',
];

function summary(result: CheckResult): string[] {
  return [
    ...result.findings.map(
      (f) =>
        `${f.range.start}-${f.range.end} ${f.ruleId} ${f.fixes.map((fix) => fix.edits.map((e) => `${e.range.start}:${e.newText}`).join()).join('|')}`,
    ),
    ...result.problems.map((p) => `problem ${p.range?.start} ${p.code}`),
  ];
}

describe('incremental re-checking', () => {
  const engine = builtinEngine();
  const examples = readdirSync(join(__dirname, '../../examples')).filter((name) => /\.(md|txt)$/.test(name));
  for (const name of examples) {
    it(`gives the same result as a full check after 1500 random edits of ${name}`, () => {
      const kind: DocumentKind = name.endsWith('.md') ? 'markdown' : 'plaintext';
      let text = readFileSync(join(__dirname, '../../examples', name), 'utf8');
      const session = engine.openDocument(text, kind);
      const next = seededRandom(name.length * 7919);
      for (let step = 0; step < 1500; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 30)));
        const newText = next() < 0.3 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)]!;
        session.update([{ range: { start, end }, newText }]);
        text = text.slice(0, start) + newText + text.slice(end);
        if (step % 25 === 24 || step === 1499) {
          assert.equal(session.text, text);
          assert.deepEqual(summary(session.result()), summary(engine.check(text, kind)), `after step ${step}`);
          const offset = Math.floor(next() * text.length);
          assert.deepEqual(session.termAt(offset)?.range, engine.termAt(text, kind, offset)?.range, `term at ${offset} after step ${step}`);
        }
      }
    });
  }

  for (const name of examples) {
    it(`describes each edit of ${name} as a splice of the previous findings`, () => {
      const kind: DocumentKind = name.endsWith('.md') ? 'markdown' : 'plaintext';
      // Without suppression comments, whose reach is not local (those documents get no splice).
      let text = readFileSync(join(__dirname, '../../examples', name), 'utf8').replace(/<!--\s*termguard-[^>]*-->/g, '');
      const session = engine.openDocument(text, kind);
      let previous = session.result().findings;
      const next = seededRandom(name.length * 104729);
      const snippets = SNIPPETS.filter((snippet) => !snippet.includes('termguard-'));
      let spliced = 0;
      for (let step = 0; step < 600; step++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 30)));
        const newText = next() < 0.3 ? '' : snippets[Math.floor(next() * snippets.length)]!;
        const splice = session.applyEdits([{ range: { start, end }, newText }]);
        text = text.slice(0, start) + newText + text.slice(end);
        const current = session.result().findings;
        if (splice) {
          spliced++;
          const suffix = previous.slice(splice.start + splice.removed);
          assert.equal(current.length, splice.start + splice.added.length + suffix.length, `length after step ${step}`);
          for (let i = 0; i < splice.start; i++)
            assert.equal(current[i], previous[i], `finding ${i} before the splice is the same object (step ${step})`);
          assert.deepEqual(current.slice(splice.start, splice.start + splice.added.length), splice.added, `added findings (step ${step})`);
          const moved = current.slice(splice.start + splice.added.length);
          moved.forEach((finding, i) => {
            const old = suffix[i]!;
            assert.equal(finding.range.start, old.range.start + splice.delta, `moved finding ${i} (step ${step})`);
            assert.equal(finding.message, old.message);
            assert.ok(finding.range.start >= splice.unchangedFrom, `moved findings lie after unchangedFrom (step ${step})`);
          });
          assert.ok(
            splice.unchangedFrom === 0 ||
              splice.unchangedFrom === text.length ||
              text[splice.unchangedFrom - 1] === '\n' ||
              text[splice.unchangedFrom - 1] === '\r',
            `unchangedFrom starts a line (step ${step})`,
          );
        }
        previous = current;
      }
      assert.ok(spliced > 500, `most single edits are described as splices (${spliced} of 600)`);
    });
  }

  it('applies several edits of one update in order', () => {
    const text = 'The SRE enables access to ChatGPT.\n\nAll good here.\n';
    const session = engine.openDocument(text, 'markdown');
    const result = session.update([
      { range: { start: 0, end: 0 }, newText: '# Title\n\n' },
      { range: { start: 9 + 8, end: 9 + 8 + 'enables access to'.length }, newText: 'integrates with' },
    ]);
    assert.equal(session.text, '# Title\n\nThe SRE integrates with ChatGPT.\n\nAll good here.\n');
    assert.deepEqual(result.findings, []);
  });
});
