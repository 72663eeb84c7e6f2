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

/** A notebook as Jupyter writes it: in turn a Markdown cell with `markdown` and a code cell with `code` lines, `count` cells in all. */
function notebookText(count: number, language = 'python', metadataFirst = false): string {
  const cells = [];
  for (let i = 0; i < count; i++) {
    cells.push(
      i % 2 === 0
        ? { cell_type: 'markdown', metadata: {}, source: [`## Part ${i}\n`, '\n', `The SRE calls on ChatGPT in part ${i}.`] }
        : {
            cell_type: 'code',
            execution_count: 1,
            metadata: {},
            outputs: [{ output_type: 'stream', name: 'stdout', text: ['The SRE calls on ChatGPT.\n'] }],
            source: ['# The SRE calls on ChatGPT.\n', '// Agents call on GPT-5.\n', `x = ${i}`],
          },
    );
  }
  const metadata = { kernelspec: { display_name: 'Kernel', language, name: 'kernel' } };
  const notebook = metadataFirst ? { metadata, cells, nbformat: 4 } : { cells, metadata, nbformat: 4, nbformat_minor: 5 };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** Pieces of notebook JSON typed anywhere: escapes, brackets, whole cells, language names, suppressions. */
const NOTEBOOK_SNIPPETS = [
  '"',
  '\\',
  '\\n',
  '\\"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  '\r\n',
  ' ',
  'x',
  'The SRE calls on ChatGPT.',
  ' enables access to ChatGPT ',
  '# ',
  '// ',
  '"python"',
  '"javascript"',
  'javascript',
  '"metadata": {"kernelspec": {"language": "javascript"}},\n',
  '  {\n   "cell_type": "code",\n   "source": ["// The SRE calls on ChatGPT.\\n"]\n  },\n',
  '{"cell_type": "markdown", "source": ["Agents call upon GPT-5."]},',
  '"<!-- termguard-disable-next-line -->\\n",\n',
  '"# termguard-disable-next-line\\n",\n',
  '"vscode": {"languageId": "javascript"}',
];

describe('incremental re-checking of notebooks', () => {
  const engine = builtinEngine();

  it('re-checks only the cells around an edit inside one cell of a large notebook', () => {
    let text = notebookText(2000);
    const session = engine.openDocument(text, 'notebook');
    const findings = session.result().findings.length;
    assert.ok(findings >= 2000, `every cell has a finding (${findings})`);
    const at = text.indexOf('The SRE calls on ChatGPT in part 1000.');
    const splice = session.applyEdits([{ range: { start: at, end: at }, newText: 'Now ' }]);
    text = `${text.slice(0, at)}Now ${text.slice(at)}`;
    assert.ok(splice, 'the edit is described as a splice');
    // Findings are re-made only for the blocks read again: a few cells, not the 2,000 of the notebook.
    assert.ok(
      splice.removed <= 12 && splice.added.length <= 12,
      `findings made again: ${splice.removed} removed, ${splice.added.length} added`,
    );
    assert.ok(splice.start > findings / 2 - 12, `the findings before the edit are kept (${splice.start})`);
    assert.deepEqual(summary(session.result()), summary(engine.check(text, 'notebook')));
  });

  for (const metadataFirst of [false, true]) {
    it(`reads every code cell again when the notebook's language changes in its metadata (metadata ${metadataFirst ? 'first' : 'last'})`, () => {
      let text = notebookText(200, 'python', metadataFirst);
      const session = engine.openDocument(text, 'notebook');
      const lineOf = (offset: number): string => text.slice(text.lastIndexOf('\n', offset) + 1, text.indexOf('\n', offset));
      const edit = (from: string, to: string): void => {
        const at = text.indexOf(from);
        assert.ok(at >= 0, `${from} is in the notebook`);
        session.update([{ range: { start: at, end: at + from.length }, newText: to }]);
        text = text.slice(0, at) + to + text.slice(at + from.length);
        assert.deepEqual(summary(session.result()), summary(engine.check(text, 'notebook')), `after ${from} → ${to}`);
      };
      const codeFindingLines = (): string[] =>
        [...new Set(session.result().findings.map((finding) => lineOf(finding.range.start).trim()))].filter(
          (line) => !line.includes('part'),
        );
      assert.deepEqual(codeFindingLines(), ['"# The SRE calls on ChatGPT.\\n",']);
      edit('"language": "python"', '"language": "javascript"');
      assert.deepEqual(codeFindingLines(), ['"// Agents call on GPT-5.\\n",']);
      edit('"language": "javascript"', '"language": "python"');
      assert.deepEqual(codeFindingLines(), ['"# The SRE calls on ChatGPT.\\n",']);
      // A cell's own language changes that cell only.
      const cell = text.indexOf('"metadata": {},\n   "outputs"', text.length / 2);
      session.update([{ range: { start: cell, end: cell + 15 }, newText: '"metadata": {"vscode": {"languageId": "typescript"}},' }]);
      text = `${text.slice(0, cell)}"metadata": {"vscode": {"languageId": "typescript"}},${text.slice(cell + 15)}`;
      assert.deepEqual(summary(session.result()), summary(engine.check(text, 'notebook')));
      // Half-typed metadata, then none: Python, the default.
      edit('"language": "python"', '"language": "java');
      edit('"kernelspec"', '"kernel');
      edit('"metadata": {\n  "kernel', '"meta": {\n  "kernel');
      edit('"meta": {\n  "kernel', '"metadata": {\n  "kernelspec"');
    });
  }

  it('gives the same result as a full check after 1500 random edits of a notebook', () => {
    const next = seededRandom(2024);
    let text = notebookText(30);
    const session = engine.openDocument(text, 'notebook');
    let previous = session.result().findings;
    const pick = (list: readonly string[]): string => list[Math.floor(next() * list.length)]!;
    for (let step = 0; step < 1500; step++) {
      let start = Math.floor(next() * (text.length + 1));
      let end = Math.min(text.length, start + (next() < 0.6 ? 0 : Math.floor(next() * 40)));
      let newText = next() < 0.2 ? '' : pick(NOTEBOOK_SNIPPETS);
      if (step % 150 === 149) {
        // Now and then the whole text is replaced: a fresh notebook in either language, or its first half.
        const fresh = notebookText(10 + Math.floor(next() * 30), next() < 0.5 ? 'python' : 'javascript', next() < 0.3);
        [start, end, newText] = [0, text.length, fresh.slice(0, next() < 0.7 ? fresh.length : fresh.length / 2)];
      } else if (next() < 0.75) {
        // Mostly, prose typed just inside a string, which keeps the notebook whole.
        start = end = text.indexOf('"', start) + 1;
        newText = pick(['x', ' ', 'The SRE calls on ChatGPT. ', 'Agents call upon GPT-5 ', '# ', '// ', 'javascript']);
      }
      const splice = session.applyEdits([{ range: { start, end }, newText }]);
      text = text.slice(0, start) + newText + text.slice(end);
      const result = session.result();
      if (splice) {
        const kept = previous.length - splice.start - splice.removed;
        assert.equal(
          result.findings.length,
          splice.start + splice.added.length + kept,
          `the splice accounts for every finding (step ${step})`,
        );
        assert.deepEqual(result.findings.slice(splice.start, splice.start + splice.added.length), splice.added);
      }
      previous = result.findings;
      if (step % 10 === 9 || step === 1499) {
        assert.equal(session.text, text);
        assert.deepEqual(summary(result), summary(engine.check(text, 'notebook')), `after step ${step}`);
        const offset = Math.floor(next() * text.length);
        assert.deepEqual(
          session.termAt(offset)?.range,
          engine.termAt(text, 'notebook', offset)?.range,
          `term at ${offset} after step ${step}`,
        );
      }
    }
  });
});
