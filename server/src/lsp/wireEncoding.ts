/**
 * How messages are turned into bytes on a stream transport. A changed
 * document's diagnostics go out whole (published, or as a full pulled
 * report); most of them are the very same objects as last time (the converter reuses a diagnostic whose position
 * and content did not change), so each diagnostic's UTF-8 JSON is remembered
 * and a publication is assembled from those bytes instead of serialising
 * thousands of objects again. Keeping bytes rather than strings matters at
 * that scale: joining thousands of strings and encoding the result to UTF-8
 * on every keystroke cost more than checking the edit, while copying the
 * remembered bytes into one buffer is a plain memory copy (and the bytes of
 * mostly ASCII JSON take half the memory of the same text as a string that
 * holds one curly quote).
 */
import type { ContentTypeEncoder, Diagnostic, Message, MessageWriterOptions } from 'vscode-languageserver/node';

const diagnosticBytes = new WeakMap<Diagnostic, Buffer>();

function bytesOf(diagnostic: Diagnostic): Buffer {
  let bytes = diagnosticBytes.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    diagnosticBytes.set(diagnostic, bytes);
  }
  return bytes;
}

interface PublishDiagnosticsMessage {
  readonly jsonrpc: string;
  readonly method: 'textDocument/publishDiagnostics';
  readonly params: { readonly uri: string; readonly version?: number; readonly diagnostics: readonly Diagnostic[] };
}

function isPublishDiagnostics(message: Message): message is Message & PublishDiagnosticsMessage {
  const candidate = message as Partial<PublishDiagnosticsMessage>;
  return candidate.method === 'textDocument/publishDiagnostics' && Array.isArray(candidate.params?.diagnostics);
}

interface FullReportResponse {
  readonly jsonrpc: string;
  readonly id: number | string | null;
  readonly result: { readonly kind: 'full'; readonly resultId?: string; readonly items: readonly Diagnostic[] };
}

/** A response carrying a full document diagnostic report (`textDocument/diagnostic`). */
function isFullReportResponse(message: Message): message is Message & FullReportResponse {
  const candidate = message as Partial<FullReportResponse>;
  return 'id' in message && candidate.result?.kind === 'full' && Array.isArray(candidate.result.items);
}

const COMMA = Buffer.from(',');

/** `head`, the diagnostics' JSON separated by commas, then `tail`, as one buffer. */
function assemble(head: string, diagnostics: readonly Diagnostic[], tail: string): Buffer {
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  for (let i = 0; i < diagnostics.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(diagnostics[i]!));
  }
  parts.push(Buffer.from(tail, 'utf8'));
  return Buffer.concat(parts);
}

/** The UTF-8 JSON of a message (the bytes of `JSON.stringify(message)`); for diagnostics, built from remembered pieces. */
export function encodeMessageBytes(message: Message): Buffer {
  if (isFullReportResponse(message)) {
    const { jsonrpc, id, result } = message;
    const resultIdPart = result.resultId === undefined ? '' : `,"resultId":${JSON.stringify(result.resultId)}`;
    return assemble(
      `{"jsonrpc":${JSON.stringify(jsonrpc)},"id":${JSON.stringify(id)},"result":{"kind":"full"${resultIdPart},"items":[`,
      result.items,
      ']}}',
    );
  }
  if (!isPublishDiagnostics(message)) return Buffer.from(JSON.stringify(message), 'utf8');
  const { uri, version, diagnostics } = message.params;
  const versionPart = version === undefined ? '' : `,"version":${JSON.stringify(version)}`;
  return assemble(
    `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${versionPart},"diagnostics":[`,
    diagnostics,
    ']}}',
  );
}

/** The JSON text of a message, the same as `JSON.stringify(message)` (see {@link encodeMessageBytes}). */
export function encodeMessage(message: Message): string {
  return encodeMessageBytes(message).toString('utf8');
}

/** The `application/json` encoder for stream writers, using {@link encodeMessageBytes} (other charsets go through the text). */
export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: MessageWriterOptions & { charset?: BufferEncoding }): Promise<Uint8Array> {
    try {
      const charset = options.charset ?? 'utf-8';
      return Promise.resolve(charset === 'utf-8' ? encodeMessageBytes(message) : Buffer.from(encodeMessage(message), charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
