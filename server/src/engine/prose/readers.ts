/**
 * The registry of document readers: which {@link DocumentReader} reads each
 * kind of document. A new format adds its kind to `DocumentKind` (api.ts)
 * and its reader here; the engine finds it through {@link readerFor}.
 */
import type { DocumentKind } from '../api';
import { markdownReader } from './markdown/markdownReader';
import { plainTextReader } from './plaintext/plainTextReader';
import type { DocumentReader } from './reader';

/** Typed as a record over every kind, so a kind without a reader does not compile. */
const READERS: Readonly<Record<DocumentKind, DocumentReader>> = Object.freeze({
  markdown: markdownReader,
  plaintext: plainTextReader,
});

/** Every reader, one per kind. */
export function allReaders(): readonly DocumentReader[] {
  return Object.values(READERS);
}

/** The reader for `kind`. A kind without a reader of its own (from a newer client, say) is read as plain text. */
export function readerFor(kind: DocumentKind): DocumentReader {
  return Object.hasOwn(READERS, kind) ? READERS[kind] : plainTextReader;
}
