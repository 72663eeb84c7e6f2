/**
 * The examples of a saved rule pack, run: every `bad`, `good` and `fixed`
 * example of the pack's rules against an engine built from the built-in
 * packs and this pack (as `termguard test` does), each failing example a
 * diagnostic on the example's line.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Engine, ExampleResult, OffsetRange, PackSource, Problem } from '../../engine/api';
import { problemToDiagnostic } from '../diagnostics';
import type { PositionMap } from '../positions';

/** The problem code of a failing example. */
export const EXAMPLE_FAILED = 'example-failed';

/** Offset ↔ position mapping plus line extents, as an open document's line table offers. */
export interface LineMap extends PositionMap {
  lineStart(line: number): number;
  lineContentEnd(line: number): number;
}

/**
 * Where the example `text` is written on `line`: the text itself (inside its
 * quotes) when it appears there, else the line without its indentation,
 * dash and key.
 */
export function exampleRange(documentText: string, lines: LineMap, line: number, text: string): OffsetRange {
  const start = lines.lineStart(line);
  const end = lines.lineContentEnd(line);
  const content = documentText.slice(start, end);
  const found = text.length > 0 ? content.indexOf(text) : -1;
  if (found >= 0) return { start: start + found, end: start + found + text.length };
  const lead = /^\s*(?:-\s+)*(?:(?:from|to)\s*:\s*)?/.exec(content)?.[0].length ?? 0;
  return { start: start + Math.min(lead, content.length), end: start + content.trimEnd().length };
}

function describe(result: ExampleResult): string {
  const what = result.kind === 'fixed' ? 'fixed example' : `${result.kind} example`;
  return `${what} of ${result.ruleId} fails: ${result.detail ?? 'unexpected result'}`;
}

/**
 * Runs the examples of the pack `source` (with the `builtins` loaded first,
 * so it is checked with the rules it will run with; leave `source` itself
 * out of them) and returns a problem per failing example. Nothing for a
 * pack that does not load.
 */
export function failingExamples(
  source: PackSource,
  builtins: readonly PackSource[],
  engineFactory: (sources: readonly PackSource[]) => Engine,
  lines: LineMap,
): Problem[] {
  const engine = engineFactory([...builtins, source]);
  return engine
    .runExamples([source.file])
    .filter((result) => !result.passed)
    .map((result) => {
      const range = exampleRange(source.text, lines, result.source.line, result.text);
      const position = lines.positionAt(range.start);
      return {
        file: source.file,
        line: position.line,
        column: position.character,
        range,
        severity: 'error',
        message: describe(result),
        code: EXAMPLE_FAILED,
      } satisfies Problem;
    });
}

/** The failing examples of a pack as diagnostics. */
export function exampleDiagnostics(problems: readonly Problem[], map: PositionMap): Diagnostic[] {
  return problems.map((problem) => problemToDiagnostic(problem, map));
}
