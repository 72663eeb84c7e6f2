/**
 * Open documents, synchronised incrementally.
 *
 * Each open document keeps its text (a piece table, see documentText.ts), a
 * {@link LineTable} for it, and an engine {@link DocumentSession} that is
 * re-checked incrementally. Content changes are converted to offset edits one
 * after the other, each in the coordinates of the text left by the previous
 * one (as LSP defines them), and queued; the session receives the queued
 * edits only when a check runs, merged into one edit when they are close
 * together, so a burst of keystrokes costs one re-check of one place.
 */
import type {
  Connection,
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { CheckOptions, DocumentEdit, DocumentKind, DocumentSession, Engine, FindingsSplice } from '../engine/api';
import { documentKindOf } from './languageIds';
import { DocumentText } from './documentText';
import { LineTable, toOffsetRange, wellFormedRange } from './positions';

/**
 * Replaying more queued edits than this costs more than checking the text
 * afresh, so past it the session is dropped and rebuilt at the next check.
 */
const MAX_QUEUED_EDITS = 1000;

/** Queued edits within a span this long are handed to the engine as one edit. */
const MAX_MERGED_SPAN = 16 * 1024;

/** The engine session of a document and what it was opened with. */
interface SessionSlot {
  readonly engine: Engine;
  readonly kind: DocumentKind;
  readonly optionsKey: string;
  readonly session: DocumentSession;
  /** Edits made since the session last saw the text, in order. */
  queued: DocumentEdit[];
}

/**
 * An engine session brought up to date, and how its findings changed since
 * it was last brought up to date: `unchanged` (no edits), a splice, or
 * undefined (a new session, or edits the engine cannot describe locally).
 */
export interface UpdatedSession {
  readonly session: DocumentSession;
  readonly change: FindingsSplice | 'unchanged' | undefined;
}

/** One open text document. Its text and version change only through {@link DocumentStore}. */
export class OpenDocument {
  private readonly content: DocumentText;
  private versionValue: number;
  private revisionValue = 0;
  private readonly table: LineTable;
  private slot: SessionSlot | undefined;
  /** The kind a config's `readers` glob gives the document, which wins over its language. */
  private configuredKind: DocumentKind | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.content = new DocumentText(text);
    this.versionValue = version;
    this.table = new LineTable(text);
  }

  /** The whole text (joined from its pieces if edits are pending: prefer {@link length} and {@link lines} on hot paths). */
  get text(): string {
    return this.content.toString();
  }

  /** The text's length in UTF-16 code units. */
  get length(): number {
    return this.content.length;
  }

  /** The client's version number of the text (a client may repeat or lower it: do not key caches on it). */
  get version(): number {
    return this.versionValue;
  }

  /** How many `didChange` notifications have been applied: unlike {@link version}, it grows with every change. */
  get revision(): number {
    return this.revisionValue;
  }

  /** The engine's document kind for this document's language. */
  get kind(): DocumentKind {
    return this.configuredKind ?? documentKindOf(this.languageId, this.uri);
  }

  /** Reads the document as `kind` (a config's `readers` glob matched it), or by its language again when undefined. */
  readAs(kind: DocumentKind | undefined): void {
    this.configuredKind = kind;
  }

  /** Offset ↔ position mapping of the current text. */
  get lines(): LineTable {
    return this.table;
  }

  /**
   * The session for `engine` and `options` with every queued edit applied
   * (this is where the incremental re-check runs). A different engine or
   * options key opens a new session on the current text.
   */
  session(engine: Engine, options: CheckOptions, optionsKey: string): UpdatedSession {
    const slot = this.slot;
    const kind = this.kind;
    if (slot && slot.engine === engine && slot.optionsKey === optionsKey && slot.kind === kind) {
      if (slot.queued.length === 0) return { session: slot.session, change: 'unchanged' };
      const queued = slot.queued;
      slot.queued = [];
      return { session: slot.session, change: slot.session.applyEdits(this.merge(queued)) };
    }
    const session = engine.openDocument(this.text, kind, options);
    this.slot = { engine, kind, optionsKey, session, queued: [] };
    return { session, change: undefined };
  }

  /**
   * The queued edits as one edit when they all fall in a small span (typing
   * a word is one edit per character): the engine then re-scans the touched
   * blocks and copies its text once instead of once per keystroke. Edits far
   * apart (multiple cursors) stay separate, since one edit spanning them would
   * re-check everything in between.
   */
  private merge(queued: readonly DocumentEdit[]): readonly DocumentEdit[] {
    if (queued.length < 2) return queued;
    let start = queued[0]!.range.start;
    let oldEnd = queued[0]!.range.end;
    let newEnd = start + queued[0]!.newText.length;
    for (let i = 1; i < queued.length; i++) {
      const { range, newText } = queued[i]!;
      // [start, newEnd) is the merged region in the current text, [start, oldEnd) in the text before the first edit.
      oldEnd += Math.max(0, range.end - newEnd);
      newEnd = Math.max(newEnd, range.end) + newText.length - (range.end - range.start);
      start = Math.min(start, range.start);
      if (Math.max(oldEnd, newEnd) - start > MAX_MERGED_SPAN) return queued;
    }
    return [{ range: { start, end: oldEnd }, newText: this.content.slice(start, newEnd) }];
  }

  /** Forgets the session (the document is no longer checked, or its engine changed). */
  dropSession(): void {
    this.slot = undefined;
  }

  /** Applies content changes in order and moves to `version`. */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = toOffsetRange(this.table, wellFormedRange(change.range));
        const edit: DocumentEdit = { range, newText: change.text };
        this.content.replace(range.start, range.end, change.text);
        this.table.applyEdit(edit, this.content);
        if (this.slot) {
          this.slot.queued.push(edit);
          if (this.slot.queued.length > MAX_QUEUED_EDITS) this.slot = undefined;
        }
      } else {
        const whole: DocumentEdit = { range: { start: 0, end: this.content.length }, newText: change.text };
        this.content.reset(change.text);
        this.table.applyEdit(whole, this.content);
        this.slot = undefined;
      }
    }
    this.versionValue = version;
    this.revisionValue++;
  }
}

/** What the store reports to the rest of the server. */
export interface DocumentEvents {
  opened(document: OpenDocument): void;
  changed(document: OpenDocument): void;
  closed(uri: string): void;
}

/** The open documents, fed by `textDocument/didOpen`, `didChange` and `didClose`. */
export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  /** Installs the text-synchronisation handlers on `connection`. */
  listen(connection: Connection, events: DocumentEvents): void {
    connection.onDidOpenTextDocument((params: DidOpenTextDocumentParams) => {
      const { uri, languageId, version, text } = params.textDocument;
      const document = new OpenDocument(uri, languageId, version, text);
      this.documents.set(uri, document);
      events.opened(document);
    });
    connection.onDidChangeTextDocument((params: DidChangeTextDocumentParams) => {
      const document = this.documents.get(params.textDocument.uri);
      if (!document) return;
      document.applyChanges(params.contentChanges, params.textDocument.version);
      events.changed(document);
    });
    connection.onDidCloseTextDocument((params) => {
      if (this.documents.delete(params.textDocument.uri)) events.closed(params.textDocument.uri);
    });
  }
}
