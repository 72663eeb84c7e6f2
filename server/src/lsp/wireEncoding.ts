/**
 * How messages are turned into bytes on a stream transport. A changed
 * document's diagnostics go out whole (published, or as a full pulled
 * report); most of them are the very same objects as last time (the converter reuses a diagnostic whose position
 * and content did not change), so each diagnostic's JSON is remembered and a
 * publication is assembled from those pieces instead of serialising
 * thousands of objects again.
 */
import type { ContentTypeEncoder, Diagnostic, Message, MessageWriterOptions } from 'vscode-languageserver/node';

const diagnosticJson = new WeakMap<Diagnostic, string>();

function jsonOf(diagnostic: Diagnostic): string {
  let json = diagnosticJson.get(diagnostic);
  if (json === undefined) {
    json = JSON.stringify(diagnostic);
    diagnosticJson.set(diagnostic, json);
  }
  return json;
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

/** The JSON text of a message; for diagnostics, built from remembered pieces. */
export function encodeMessage(message: Message): string {
  if (isFullReportResponse(message)) {
    const { jsonrpc, id, result } = message;
    const resultIdPart = result.resultId === undefined ? '' : `,"resultId":${JSON.stringify(result.resultId)}`;
    return `{"jsonrpc":${JSON.stringify(jsonrpc)},"id":${JSON.stringify(id)},"result":{"kind":"full"${resultIdPart},"items":[${result.items.map(jsonOf).join(',')}]}}`;
  }
  if (!isPublishDiagnostics(message)) return JSON.stringify(message);
  const { uri, version, diagnostics } = message.params;
  const versionPart = version === undefined ? '' : `,"version":${JSON.stringify(version)}`;
  return `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${versionPart},"diagnostics":[${diagnostics.map(jsonOf).join(',')}]}}`;
}

/** The `application/json` encoder for stream writers, using `encodeMessage`. */
export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options: MessageWriterOptions & { charset?: BufferEncoding }): Promise<Uint8Array> {
    try {
      return Promise.resolve(Buffer.from(encodeMessage(message), options.charset ?? 'utf-8'));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};
