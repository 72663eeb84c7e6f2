/**
 * The stdio encoder keeps each diagnostic's UTF-8 JSON and assembles a
 * publication from those bytes: whatever the diagnostics hold (curly quotes,
 * astral characters, lone surrogates) and however often the same diagnostic
 * objects are sent again, the bytes must be those of `JSON.stringify`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { cachingJsonEncoder, encodeMessageBytes } from '../../server/src/lsp/wireEncoding';

const diagnosticArbitrary: fc.Arbitrary<Diagnostic> = fc.record({
  range: fc.record({
    start: fc.record({ line: fc.nat(), character: fc.nat() }),
    end: fc.record({ line: fc.nat(), character: fc.nat() }),
  }),
  severity: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  code: fc.string(),
  source: fc.constant('termguard'),
  message: fc.string({ unit: 'binary' }),
  data: fc.record({ fixes: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }) }),
});

function jsonBytes(message: unknown): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

describe('lsp wire encoding: remembered diagnostic bytes', () => {
  it('writes publications and full pulled reports byte for byte as JSON.stringify, also when the same diagnostics go out again', () => {
    fc.assert(
      fc.property(fc.array(diagnosticArbitrary, { maxLength: 6 }), fc.option(fc.integer()), fc.string(), (diagnostics, version, uri) => {
        const again = [...diagnostics].reverse();
        const messages: Message[] = [
          {
            jsonrpc: '2.0',
            method: 'textDocument/publishDiagnostics',
            params: { uri, ...(version === null ? {} : { version }), diagnostics },
          } as Message,
          { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: again } } as Message,
          { jsonrpc: '2.0', id: uri, result: { kind: 'full', resultId: String(version), items: diagnostics } } as Message,
          { jsonrpc: '2.0', id: 3, result: { kind: 'full', items: again } } as Message,
        ];
        for (const message of messages) assert.deepEqual(encodeMessageBytes(message), jsonBytes(message));
      }),
      { numRuns: 300 },
    );
  });

  it('a lone surrogate in a message is escaped as JSON.stringify escapes it', () => {
    const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'a\ud800b “c” 😀' };
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a.md', diagnostics: [diagnostic] },
    } as Message;
    assert.deepEqual(encodeMessageBytes(message), jsonBytes(message));
    assert.match(encodeMessageBytes(message).toString('utf8'), /\\ud800/);
  });

  it('the stream encoder sends other messages as JSON and honours another charset', async () => {
    const message = { jsonrpc: '2.0', id: 1, result: { kind: 'unchanged', resultId: '4' } } as Message;
    assert.deepEqual(Buffer.from(await cachingJsonEncoder.encode(message, { charset: 'utf-8' } as never)), jsonBytes(message));
    const latin = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'é', diagnostics: [] } } as Message;
    assert.deepEqual(
      Buffer.from(await cachingJsonEncoder.encode(latin, { charset: 'ascii' } as never)),
      Buffer.from(JSON.stringify(latin), 'ascii'),
    );
  });
});
