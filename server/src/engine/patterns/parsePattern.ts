/**
 * The pattern language of rule packs, parsed into a tree.
 *
 * | syntax      | meaning                                                        |
 * | ----------- | -------------------------------------------------------------- |
 * | `word`      | any inflection of the word, any case (enable: enables, enabled) |
 * | `=word`     | exactly this form, any case                                     |
 * | `^Word`     | exactly this form and case                                      |
 * | `~Word`     | this word with any casing except the one written (a mis-casing) |
 * | `(a | b c)` | one of the alternatives                                         |
 * | `[a b]`     | optional words                                                  |
 * | `*N`        | a gap of up to N words (1 to 9)                                 |
 * | `@name`     | any member of the word set `name`                               |
 * | `%name`     | any member of the meaning class `name` (see meaning/meaningClasses) |
 * | `{ ... }`   | the focus: what the finding underlines and a fix replaces       |
 *
 * The language has no unbounded repetition, so every pattern matches a
 * bounded number of words and matching is linear in the text.
 */
import { readableWord } from '../text/readableText';

/** How a pattern word compares with a word of text. */
export type WordMode = 'forms' | 'exact' | 'case' | 'miscase';

export type PatternNode =
  | { readonly type: 'word'; readonly mode: WordMode; readonly text: string; readonly column: number }
  | { readonly type: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly type: 'alternatives'; readonly options: readonly PatternNode[] }
  | { readonly type: 'optional'; readonly body: PatternNode }
  | { readonly type: 'gap'; readonly max: number }
  | { readonly type: 'set'; readonly name: string; readonly column: number }
  | { readonly type: 'focus'; readonly body: PatternNode }
  /** Any one of many exact lower-case words, as one node: built by large meaning classes (thousands of nouns), never by the parser. */
  | { readonly type: 'words'; readonly keys: ReadonlySet<string> };

/** Looks a word set up by name; returns its members as parsed patterns (`@name` and `%name` nodes refer to sets). */
export type SetResolver = (name: string) => readonly PatternNode[] | undefined;

/** A pattern that does not parse, with the 0-based column in the pattern string. */
export class PatternSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Longest gap a pattern may ask for; keeps every match short and matching linear. */
export const MAX_GAP = 9;
/** Patterns longer than this are refused, as a guard against pathological packs. */
const MAX_PATTERN_LENGTH = 2000;
const MAX_NESTING = 20;

function isPatternWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code > 0xbf;
}

function isJoiner(code: number): boolean {
  return code === 45 || code === 46 || code === 39 || code === 0x2019;
}

/** A pattern that is one ASCII word without joiners, with an optional mode mark: the parser reads it as that one word. */
const PLAIN_WORD = /^([=^~]?)([A-Za-z0-9_]+)$/;
const PLAIN_WORD_MODES: Readonly<Record<string, WordMode>> = { '': 'forms', '=': 'exact', '^': 'case', '~': 'miscase' };

/** Parses a pattern string; throws PatternSyntaxError with a column on bad input. */
export function parsePattern(source: string): PatternNode {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternSyntaxError(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`, 0);
  }
  // Word sets of thousands of members are mostly one plain word each: read them without the parser's closures.
  const plain = PLAIN_WORD.exec(source);
  if (plain) return { type: 'word', mode: PLAIN_WORD_MODES[plain[1]!]!, text: plain[2]!, column: 0 };
  let pos = 0;
  let depth = 0;
  let focusCount = 0;

  const skipSpaces = (): void => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };

  const parseAlternatives = (closers: string): PatternNode => {
    const options: PatternNode[] = [parseSequence(closers + '|')];
    while (source[pos] === '|') {
      pos++;
      options.push(parseSequence(closers + '|'));
    }
    return options.length === 1 ? options[0]! : { type: 'alternatives', options };
  };

  const parseGroup = (open: string, close: string, build: (body: PatternNode) => PatternNode): PatternNode => {
    const openColumn = pos;
    pos++;
    if (++depth > MAX_NESTING) throw new PatternSyntaxError('groups are nested too deeply', openColumn);
    const body = parseAlternatives(close);
    depth--;
    if (source[pos] !== close) throw new PatternSyntaxError(`\`${open}\` is never closed`, openColumn);
    pos++;
    return build(body);
  };

  const parseWord = (mode: WordMode, column: number): PatternNode[] => {
    const start = pos;
    while (pos < source.length) {
      const code = source.charCodeAt(pos);
      if (isPatternWordChar(code)) pos++;
      else if (isJoiner(code) && pos > start && pos + 1 < source.length && isPatternWordChar(source.charCodeAt(pos + 1))) pos += 2;
      else break;
    }
    if (pos === start) throw new PatternSyntaxError(`expected a word after \`${source[column]}\``, column);
    const written = source.slice(start, pos).replace(/\u2019/g, "'");
    // Read as the tokenizer reads text, so a pattern word with look-alike letters means what the text's words mean.
    const text = /[^\x00-\x7f]/.test(written) ? readableWord(written).text : written;
    if (text.length === 0) throw new PatternSyntaxError('expected a word, found only invisible characters', column);
    // The tokenizer reads "OpenAI's" as OpenAI + 's, so the pattern must too.
    if (text.length > 2 && text.toLowerCase().endsWith("'s")) {
      return [
        { type: 'word', mode, text: text.slice(0, -2), column },
        { type: 'word', mode: 'exact', text: "'s", column: column + text.length - 2 },
      ];
    }
    return [{ type: 'word', mode, text, column }];
  };

  const parseSequence = (closers: string): PatternNode => {
    const items: PatternNode[] = [];
    for (;;) {
      skipSpaces();
      if (pos >= source.length) break;
      const char = source[pos]!;
      const column = pos;
      if (closers.includes(char)) break;
      if (char === '(') {
        items.push(parseGroup('(', ')', (body) => body));
      } else if (char === '[') {
        items.push(parseGroup('[', ']', (body) => ({ type: 'optional', body })));
      } else if (char === '{') {
        if (++focusCount > 1) throw new PatternSyntaxError('a pattern can have only one `{ }` focus', column);
        items.push(parseGroup('{', '}', (body) => ({ type: 'focus', body })));
      } else if (char === '*') {
        pos++;
        const digits = /^\d+/.exec(source.slice(pos))?.[0];
        if (!digits) throw new PatternSyntaxError('`*` must be followed by the largest number of words to skip, e.g. `*2`', column);
        const max = Number(digits);
        if (max < 1 || max > MAX_GAP) throw new PatternSyntaxError(`a gap must skip between 1 and ${MAX_GAP} words`, column);
        pos += digits.length;
        items.push({ type: 'gap', max });
      } else if (char === '@') {
        pos++;
        const name = /^[a-z0-9][a-z0-9-]*/.exec(source.slice(pos))?.[0];
        if (!name) throw new PatternSyntaxError('`@` must be followed by a word-set name such as `@openai-model`', column);
        pos += name.length;
        items.push({ type: 'set', name, column });
      } else if (char === '%') {
        // A meaning class is resolved like a word set; its name keeps the `%` so the two never clash.
        pos++;
        const name = /^[a-z0-9][a-z0-9-]*/.exec(source.slice(pos))?.[0];
        if (!name) throw new PatternSyntaxError('`%` must be followed by a meaning-class name such as `%contact`', column);
        pos += name.length;
        items.push({ type: 'set', name: `%${name}`, column });
      } else if (char === '=' || char === '^' || char === '~') {
        pos++;
        const mode: WordMode = char === '=' ? 'exact' : char === '^' ? 'case' : 'miscase';
        items.push(...parseWord(mode, column));
      } else if (isPatternWordChar(source.charCodeAt(pos)) || char === "'") {
        if (char === "'") {
          // Only a standalone possessive is allowed to start with an apostrophe.
          if (source.slice(pos, pos + 2).toLowerCase() !== "'s") throw new PatternSyntaxError("unexpected `'`", column);
          pos += 2;
          items.push({ type: 'word', mode: 'exact', text: "'s", column });
        } else {
          items.push(...parseWord('forms', column));
        }
      } else if (char === ')' || char === ']' || char === '}' || char === '|') {
        throw new PatternSyntaxError(`unexpected \`${char}\``, column);
      } else {
        throw new PatternSyntaxError(`unexpected \`${char}\`: patterns hold words, ( | ), [ ], { }, *N, @set and %class`, column);
      }
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  };

  const tree = parseAlternatives('');
  if (pos < source.length) throw new PatternSyntaxError(`unexpected \`${source[pos]}\``, pos);
  if (canMatchEmpty(tree)) throw new PatternSyntaxError('the pattern can match no words at all', 0);
  if (startsOrEndsWithGap(tree)) throw new PatternSyntaxError('a pattern cannot begin or end with a gap', 0);
  return tree;
}

/** True when the node can match zero words (set references count as non-empty). */
export function canMatchEmpty(node: PatternNode): boolean {
  switch (node.type) {
    case 'word':
    case 'words':
    case 'set':
      return false;
    case 'gap':
    case 'optional':
      return true;
    case 'sequence':
      return node.items.every(canMatchEmpty);
    case 'alternatives':
      return node.options.some(canMatchEmpty);
    case 'focus':
      return canMatchEmpty(node.body);
  }
}

function startsOrEndsWithGap(node: PatternNode): boolean {
  if (node.type !== 'sequence') return node.type === 'gap';
  const items = node.items;
  return items[0]?.type === 'gap' || items[items.length - 1]?.type === 'gap';
}

/** The names of all word sets a pattern refers to, with their columns. */
export function setReferences(node: PatternNode, into: { name: string; column: number }[] = []): { name: string; column: number }[] {
  switch (node.type) {
    case 'set':
      into.push({ name: node.name, column: node.column });
      break;
    case 'sequence':
      node.items.forEach((item) => setReferences(item, into));
      break;
    case 'alternatives':
      node.options.forEach((option) => setReferences(option, into));
      break;
    case 'optional':
    case 'focus':
      setReferences(node.body, into);
      break;
    default:
      break;
  }
  return into;
}
