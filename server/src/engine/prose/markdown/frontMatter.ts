/**
 * YAML front matter: a `---` line at the very start of a document, closed by
 * a `---` or `...` line. It is metadata, not prose.
 */
import type { BlockState } from './blockState';
import { Char } from './characters';
import { isBlankFrom, setLine } from './lines';

/** End of the front matter whose opening line starts at `pos` (after its closing line), or -1. */
export function frontMatterEnd(state: BlockState, pos: number): number {
  const text = state.text;
  setLine(state, pos);
  if (!text.startsWith('---', pos) || !isBlankFrom(text, pos + 3, state.lineEnd)) return -1;
  pos = state.nextLineStart;
  while (pos < state.length) {
    setLine(state, pos);
    const lineEnd = state.lineEnd;
    const c = text.charCodeAt(pos);
    if ((c === Char.Hyphen || c === Char.Period) && lineEnd - pos >= 3) {
      if (text.charCodeAt(pos + 1) === c && text.charCodeAt(pos + 2) === c && isBlankFrom(text, pos + 3, lineEnd)) return state.nextLineStart;
    }
    pos = state.nextLineStart;
  }
  return -1;
}
