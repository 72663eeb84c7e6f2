/**
 * How a character reference (`&amp;`, `&nbsp;`, `&#8217;`) reads as prose.
 *
 * A segment can only point at source text, and the source of a reference is
 * not the character it stands for. So each reference is mapped onto what the
 * word tokenizer would make of its character, using characters that the
 * reference itself contains: the `&` reads as punctuation and the `;` ends a
 * clause, like the punctuation they stand for.
 */
import { isBlank } from '../shared/unitBuilder';
import type { UnitBuilder } from '../shared/unitBuilder';

/** Characters that take no room: a soft hyphen or a joiner inside a word keeps the word whole. */
function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff;
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 0x2026 || code === 0x3002;
}

/** Letters and digits as the word tokenizer reads them. */
function isWordCharacter(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  if (code <= 0xbf || code === 0xd7 || code === 0xf7) return false;
  if ((code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff0f)) return false;
  return true;
}

/**
 * Adds the reference `[start, end)` (from its `&` to its last character),
 * which stands for `codePoint`, to `unit`: whitespace separates words, an
 * invisible character is dropped (the word continues across it), a letter
 * becomes an opaque word, a full stop, `!`, `?` or `;` ends the clause (read
 * from the reference's `;`, or its `&` when it has none), and any other
 * punctuation reads as punctuation (its `&`).
 */
export function addCharacterReference(unit: UnitBuilder, text: string, start: number, end: number, codePoint: number): void {
  if (isInvisible(codePoint)) return;
  if (isBlank(codePoint)) {
    unit.separate();
    return;
  }
  if (isWordCharacter(codePoint)) {
    unit.addOpaque(start, end);
    return;
  }
  if (isSentenceEnd(codePoint) && text.charCodeAt(end - 1) === 59) {
    // Only the `;` is added: as a segment of its own it ends the clause, which is what a sentence end does to matching.
    unit.addText(end - 1, end);
    return;
  }
  unit.addText(start, start + 1);
}
