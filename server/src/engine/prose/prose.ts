/**
 * The shape of prose extracted from a document. Readers (one per format, see
 * reader.ts) cut a document into blocks; the matcher only ever sees the prose
 * runs inside them, with their source offsets, so findings land on the words
 * the user wrote.
 */

/**
 * A run of prose characters, `text.slice(start, end)`, that contains no markup.
 * Consecutive segments of a unit are separated by whitespace-equivalent markup
 * (line breaks, block-quote markers, indentation) unless `glued` says the
 * segment continues the previous segment's word (intraword emphasis such as
 * `en**able**d`).
 */
export interface ProseSegment {
  readonly start: number;
  readonly end: number;
  /** True when nothing but markup without whitespace separates this segment from the previous one. */
  readonly glued?: boolean;
  /**
   * `opaque` segments stand for inline content that is not prose (code spans,
   * autolinks, bare URLs, inline HTML, images): the matcher treats each as one
   * word that matches no pattern, so "calls `x` on" never reads as "calls on".
   */
  readonly opaque?: boolean;
}

/** A unit of prose that sentences never cross: a paragraph, a heading, one table cell. */
export interface ProseUnit {
  readonly segments: readonly ProseSegment[];
}

/** An HTML comment (Markdown) found in the document, for suppression directives. */
export interface CommentSpan {
  readonly start: number;
  readonly end: number;
  /** The comment's inner text, without `<!--` and `-->`, trimmed. */
  readonly body: string;
}

/**
 * A top-level block. Blocks tile the document: the first starts at 0, each
 * next block starts where the previous one ends, the last ends at
 * `text.length`. A block starts at the beginning of a line. Re-scanning can
 * start at any block's start, which is what makes incremental re-checks
 * possible.
 */
export interface ProseBlock {
  readonly start: number;
  readonly end: number;
  readonly units: readonly ProseUnit[];
  readonly comments: readonly CommentSpan[];
  /**
   * What the reading of this block took from elsewhere in the document (a
   * notebook's language, declared in its metadata), for a reader whose
   * blocks depend on such a setting; absent for every other reader. See
   * `DocumentReader.scanBlocks`.
   */
  readonly context?: string;
}
