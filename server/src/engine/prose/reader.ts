/**
 * The contract between the engine and the readers of document formats
 * (Markdown and plain text today; MDX, HTML, AsciiDoc, reStructuredText and
 * source code comments next). A reader turns a document into blocks of prose
 * with exact source offsets; everything else (matching, suppressions,
 * incremental re-checks, hovers) is the engine's and works the same for
 * every format.
 */
import type { DocumentKind } from '../api';
import type { ProseBlock } from './prose';

/** How comments are written in a kind of document, for editors that insert suppression comments. */
export interface CommentSyntax {
  /** What opens a comment, such as `<!--`. */
  readonly open: string;
  /** What closes it, such as `-->`; empty when a comment runs to the end of its line. */
  readonly close: string;
}

/**
 * A reader for one kind of document: cuts its text into blocks of prose.
 *
 * What a reader must guarantee (the tests of each reader check these, and
 * the engine relies on them without checking):
 *
 * 1. **Exact source ranges.** Every offset is an offset into the `text`
 *    given, never into a decoded, unescaped or normalised copy, so a finding
 *    and its fix land on the characters the user wrote. A prose segment is
 *    `text.slice(start, end)`, holds no line ending and no markup; markup
 *    between two segments counts as a space unless the later segment is
 *    `glued` (intraword emphasis). Content that is not prose but takes a
 *    word's place (code, URLs, images, inline tags) is an `opaque` segment,
 *    so the words on either side never read as neighbours.
 *
 * 2. **Tiling.** The blocks cover `text` from `from` to `text.length`
 *    without gap or overlap; each block is non-empty and starts at the start
 *    of a line (offset 0, or just after `\n`, `\r\n` or `\r`), and its units
 *    and comments lie inside it. A unit is what a sentence never crosses (a
 *    paragraph, a heading, a table cell); units appear in document order.
 *
 * 3. **Block independence (the restart contract).** Scanning from the
 *    `start` of any block a full scan yielded yields exactly the blocks the
 *    full scan yields from there on. So a block may depend on the text from
 *    its own start to its end (and may look ahead to decide where it ends),
 *    never on text before it. This is what lets the incremental checker
 *    re-scan only from the block before an edit until it meets an old block
 *    boundary. A construct that only the start of a document can open (front
 *    matter) is recognised only when scanning from offset 0; the checker
 *    scans later windows behind a blank line, which the reader must read as
 *    a block of its own (a reader whose first block is the only one that
 *    starts with the document's own syntax, as a notebook's, may instead
 *    keep blank top lines in that block and read any later start as a later
 *    block). If such a construct's extent depends on a closing line further
 *    down, the reader says so with {@link opensUnclosedPreamble}. If reading
 *    a block depends on a setting written elsewhere (a notebook's language,
 *    in its metadata at the end), the blocks carry it as their `context`,
 *    and a restart is given the context of the block it starts at (see
 *    {@link DocumentReader.scanBlocks}); only a scan without one looks for
 *    the setting in the whole text.
 *
 * 4. **Laziness and bounded work.** The scan reads only as far as the
 *    blocks it yields need, so a restart costs the blocks taken, not the
 *    document. Total work is linear in the text read, whatever the input:
 *    hostile input never makes it quadratic, never hangs and never throws.
 *
 * 5. **Comments for suppressions.** Every comment of the format (outside
 *    code) is reported in the block that holds it, with its exact range and
 *    its body trimmed; a body that starts with `termguard-` is a suppression
 *    directive. A format without comments reports none and has no
 *    suppressions.
 */
export interface DocumentReader {
  /** The kind of document this reader reads. */
  readonly kind: DocumentKind;

  /**
   * Cuts `text` into blocks, from `from` (0, or the `start` of a block that
   * a scan of the same text yielded) to the end, lazily.
   *
   * `context` is for readers whose blocks carry one (see
   * {@link ProseBlock.context}): the context of the block at `from`. With it
   * the reader reads as that context says instead of looking for the
   * setting in the rest of the text, so a restart stays lazy even where the
   * setting is written at the end. Every block of a scan has the same
   * context, except that a block holding the setting's declaration reports
   * what its own text declares: a block whose context differs from the one
   * given means the setting changed, and the caller must read the whole
   * document again.
   */
  scanBlocks(text: string, from?: number, context?: string): IterableIterator<ProseBlock>;

  /** How comments are written, for "disable for this line" actions; absent when the format has none. */
  readonly commentSyntax?: CommentSyntax;

  /**
   * True when `textFromStart`, the beginning of a document, opens a
   * construct that only the start of a document can open (such as front
   * matter) but does not close it: then what the first block is depends on
   * text further down, and an edit anywhere below may change it. The
   * incremental checker re-scans from offset 0 while this holds for the
   * first block, widening its window until the closing line is inside it.
   * Absent when the format has no such construct.
   */
  opensUnclosedPreamble?(textFromStart: string): boolean;
}
