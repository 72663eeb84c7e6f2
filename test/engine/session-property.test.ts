/**
 * A property of the engine's incremental sessions: after any sequence of
 * `applyEdits` calls, including deletions of more than half the text, edits
 * at its very end, every kind of line break and astral characters, the
 * session's text and result equal a fresh `Engine.check` of the same text,
 * and a splice it reports describes the change of its findings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentEdit, DocumentKind, Finding } from '../../server/src/engine/api';
import { builtinEngine } from '../helpers/builtinEngine';
import { changeSpec, documentText, toOffsetEdit } from '../helpers/editArbitraries';

describe('incremental sessions (property)', () => {
  const engine = builtinEngine();

  for (const kind of ['markdown', 'plaintext'] as DocumentKind[]) {
    it(`equal a fresh check after random edits of ${kind} documents`, () => {
      fc.assert(
        fc.property(
          documentText(30),
          fc.array(fc.array(changeSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
          (initial, batches) => {
            const reference = TextDocument.create('file:///s', kind, 0, initial);
            const session = engine.openDocument(initial, kind);
            let previous: readonly Finding[] = session.result().findings;
            for (const specs of batches) {
              // Each edit of a call is in the coordinates left by the one before, as the reference library applies them.
              const edits: DocumentEdit[] = specs.map((spec) => {
                const edit = toOffsetEdit(reference, spec);
                TextDocument.update(
                  reference,
                  [
                    {
                      range: { start: reference.positionAt(edit.range.start), end: reference.positionAt(edit.range.end) },
                      text: edit.newText,
                    },
                  ],
                  0,
                );
                return edit;
              });
              const splice = session.applyEdits(edits);
              const text = reference.getText();
              assert.equal(session.text, text);
              const result = session.result();
              assert.deepEqual(result, engine.check(text, kind), `result for ${JSON.stringify(text)}`);
              if (splice) {
                const kept = previous.length - splice.start - splice.removed;
                assert.ok(kept >= 0, 'the splice removes findings that existed');
                assert.equal(result.findings.length, splice.start + splice.added.length + kept, 'the splice accounts for every finding');
                assert.deepEqual(result.findings.slice(splice.start, splice.start + splice.added.length), splice.added);
              }
              previous = result.findings;
            }
          },
        ),
        { seed: 42, numRuns: 200 },
      );
    });
  }
});
