/** The glossary of the loaded packs: looks a term up by name and finds the term at a place in a document, for hovers. */
import type { GlossaryEntry, TermOccurrence } from '../api';
import type { CompiledGlossaryEntry } from '../packs/loadPack';
import type { Program } from '../patterns/program';
import { runProgram } from '../patterns/runProgram';
import type { ProseBlock } from '../prose/prose';
import { tokenizeUnit, type Token } from '../text/tokenize';

interface IndexedForm {
  readonly entry: GlossaryEntry;
  readonly program: Program;
}

/**
 * The glossary of all loaded packs, indexed by the first word of each form.
 * Forms are patterns, so "SRE" also finds "SREs" and `^Bedrock` finds the
 * product but not the common noun.
 */
export class GlossaryIndex {
  private readonly byFirstWord = new Map<string, IndexedForm[]>();
  private readonly entries: GlossaryEntry[] = [];

  constructor(compiled: readonly CompiledGlossaryEntry[]) {
    for (const { entry, programs } of compiled) {
      this.entries.push(entry);
      for (const program of programs) {
        const keys = new Set<string>();
        for (const test of program.firstTests) for (const key of test.keys) keys.add(key);
        for (const key of keys) {
          let list = this.byFirstWord.get(key);
          if (!list) this.byFirstWord.set(key, (list = []));
          list.push({ entry, program });
        }
      }
    }
  }

  all(): readonly GlossaryEntry[] {
    return this.entries;
  }

  /** The longest glossary term in `block` whose words cover `offset`. */
  termAt(text: string, block: ProseBlock, offset: number): TermOccurrence | undefined {
    let best: TermOccurrence | undefined;
    for (const unit of block.units) {
      const first = unit.segments[0];
      const last = unit.segments[unit.segments.length - 1];
      if (!first || !last || offset < first.start || offset > last.end) continue;
      tokenizeUnit(text, unit, (sentence) => {
        const tokens = sentence.tokens;
        if (tokens.length === 0 || offset < tokens[0]!.start || offset > tokens[tokens.length - 1]!.end) return;
        for (const occurrence of this.occurrences(tokens)) {
          if (occurrence.range.start <= offset && offset <= occurrence.range.end) {
            if (!best || occurrence.range.end - occurrence.range.start > best.range.end - best.range.start) best = occurrence;
          }
        }
      });
    }
    return best;
  }

  /** Every glossary term occurrence among these tokens. */
  occurrences(tokens: readonly Token[]): TermOccurrence[] {
    const found: TermOccurrence[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const forms = this.byFirstWord.get(tokens[i]!.lower);
      if (!forms) continue;
      for (const { entry, program } of forms) {
        const match = runProgram(program, tokens, i, undefined);
        if (match) found.push({ entry, range: { start: tokens[match.start]!.start, end: tokens[match.end - 1]!.end } });
      }
    }
    return found;
  }

  /**
   * The entry named by `query`: its id, its term (ignoring case and a
   * parenthesised acronym), or any text its forms match in full.
   */
  define(query: string): GlossaryEntry | undefined {
    const wanted = query.trim().toLowerCase();
    const byName = this.entries.find(
      (entry) =>
        entry.id === wanted || entry.term.toLowerCase() === wanted || entry.term.toLowerCase().replace(/\s*\(.*\)\s*$/, '') === wanted,
    );
    if (byName) return byName;
    let whole: GlossaryEntry | undefined;
    tokenizeUnit(query, { segments: [{ start: 0, end: query.length }] }, (sentence) => {
      for (const occurrence of this.occurrences(sentence.tokens)) {
        const tokens = sentence.tokens;
        if (occurrence.range.start === tokens[0]!.start && occurrence.range.end === tokens[tokens.length - 1]!.end)
          whole ??= occurrence.entry;
      }
    });
    return whole;
  }
}
