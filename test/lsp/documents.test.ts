/**
 * Open-document bookkeeping: the piece-table text, queued edits handed to
 * the engine session (merged when close together) and full replacements
 * must always leave the session equal to a full check of the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentText } from '../../server/src/lsp/documentText';
import { OpenDocument } from '../../server/src/lsp/documents';
import { builtinEngine } from '../helpers/builtinEngine';
import { changeSpec, documentText, toChange } from '../helpers/editArbitraries';

function randomSource(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

describe('lsp documents: DocumentText', () => {
  it('reads, slices and joins like a string through 2,000 random replacements', () => {
    const random = randomSource(3);
    let reference = 'The quick brown fox.\nJumps over\r\nthe lazy dog.';
    const text = new DocumentText(reference);
    const pieces = ['', 'x', 'long insertion ', '\n', 'é😀'];
    for (let i = 0; i < 2000; i++) {
      const start = random(reference.length + 1);
      const end = Math.min(reference.length, start + random(6));
      const inserted = pieces[random(pieces.length)]!;
      reference = reference.slice(0, start) + inserted + reference.slice(end);
      text.replace(start, end, inserted);
      assert.equal(text.length, reference.length);
      const probe = random(reference.length + 2) - 1;
      assert.equal(Number.isNaN(text.charCodeAt(probe)), Number.isNaN(reference.charCodeAt(probe)));
      if (!Number.isNaN(reference.charCodeAt(probe))) assert.equal(text.charCodeAt(probe), reference.charCodeAt(probe));
      const a = random(reference.length + 1);
      const b = a + random(20);
      assert.equal(text.slice(a, b), reference.slice(a, b));
      if (i % 97 === 0) assert.equal(text.toString(), reference);
    }
    assert.equal(text.toString(), reference);
  });
});

describe('lsp documents: OpenDocument', () => {
  const engine = builtinEngine();
  const sentences = [
    ' The SRE enables access to ChatGPT.',
    ' Agents call on GPT-5.',
    '\n\n',
    ' AWS bedrock',
    'x',
    '\n- item calls on ChatGPT\n',
  ];

  it('keeps the engine session equal to a full check through batches of queued edits, merged or not', () => {
    const random = randomSource(11);
    // Over 16 KB, so that far-apart edits are handed over separately and nearby ones merged.
    const initial = `# Title\n\nFirst paragraph mentions the SRE.\n\n${'A filler paragraph about release notes.\n\n'.repeat(500)}Last paragraph.\n`;
    let client = TextDocument.create('file:///d.md', 'markdown', 1, initial);
    const document = new OpenDocument('file:///d.md', 'markdown', 1, initial);
    const options = { severityOverrides: {} };
    let version = 1;
    for (let batch = 0; batch < 60; batch++) {
      // Between checks: a burst of nearby keystrokes, sometimes with an edit far away, sometimes a multi-change event.
      const count = 1 + random(12);
      let position = random(client.getText().length + 1);
      for (let i = 0; i < count; i++) {
        const length = client.getText().length;
        const far = random(8) === 0;
        const at = far ? random(length + 1) : Math.min(position, length);
        const deleting = random(4) === 0 && at < length;
        const inserted = deleting ? '' : sentences[random(sentences.length)]!;
        const end = deleting ? Math.min(length, at + 1 + random(3)) : at;
        const changes: TextDocumentContentChangeEvent[] = [
          { range: { start: client.positionAt(at), end: client.positionAt(end) }, text: inserted },
        ];
        version++;
        client = TextDocument.update(client, changes, version);
        document.applyChanges(changes, version);
        position = at + inserted.length;
      }
      assert.equal(document.text, client.getText());
      const { session } = document.session(engine, options, '{}');
      assert.equal(session.text, client.getText(), `session text after batch ${batch}`);
      assert.deepEqual(session.result(), engine.check(client.getText(), 'markdown', options), `result after batch ${batch}`);
      for (let probe = 0; probe < 5; probe++) {
        const offset = random(client.getText().length + 1);
        assert.deepEqual(document.lines.positionAt(offset), client.positionAt(offset));
      }
    }
  });

  it('keeps its text, line table and session equal to the client through random changes, including deletions of over half the text', () => {
    const options = { severityOverrides: {} };
    fc.assert(
      fc.property(
        documentText(24),
        fc.array(fc.array(changeSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (initial, batches, checkBetween) => {
          const client = TextDocument.create('file:///p.md', 'markdown', 1, initial);
          const document = new OpenDocument('file:///p.md', 'markdown', 1, initial);
          document.session(engine, options, '{}');
          batches.forEach((specs, index) => {
            const changes = specs.map((spec) => {
              const change = toChange(client, spec);
              TextDocument.update(client, [change], client.version);
              return change;
            });
            document.applyChanges(changes, index + 2);
            const text = client.getText();
            assert.equal(document.text, text);
            assert.equal(document.length, text.length);
            assert.equal(document.lines.lineCount, client.lineCount);
            for (let offset = 0; offset <= text.length; offset++) {
              const expected = client.positionAt(offset);
              // Between the two characters of a CRLF the reference library answers the line's end; the table counts the `\r`.
              if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
              assert.deepEqual(document.lines.positionAt(offset), expected, `position of offset ${offset} in ${JSON.stringify(text)}`);
              assert.equal(document.lines.offsetAt(expected), client.offsetAt(expected));
            }
            for (let line = 0; line <= client.lineCount; line++) {
              for (const character of [0, 1, 3, 1000])
                assert.equal(
                  document.lines.offsetAt({ line, character }),
                  client.offsetAt({ line, character }),
                  `offset of ${line}:${character}`,
                );
            }
            if (checkBetween || index === batches.length - 1) {
              const { session } = document.session(engine, options, '{}');
              assert.equal(session.text, text);
              assert.deepEqual(session.result(), engine.check(text, 'markdown', options));
            }
          });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reopens the session after a full-text change and when the engine options change', () => {
    const document = new OpenDocument('file:///e.md', 'markdown', 1, 'Nothing.\n');
    const first = document.session(engine, {}, '{}').session;
    document.applyChanges([{ text: 'Agents call on ChatGPT.\n' }], 2);
    const { session: second, change } = document.session(engine, {}, '{}');
    assert.equal(change, undefined, 'a new session has no change to describe');
    assert.notEqual(second, first);
    assert.equal(second.result().findings.length, 1);
    assert.equal(document.session(engine, {}, '{}').change, 'unchanged');
    const third = document.session(engine, { severityOverrides: { 'memo/calls-on': 'off' } }, 'off').session;
    assert.notEqual(third, second);
    assert.equal(third.result().findings.length, 0);
  });
});
