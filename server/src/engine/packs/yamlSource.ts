/**
 * Parses and schema-checks a YAML file (a pack or a `.termguard.yaml`) while
 * keeping where each value came from, so problems point at a line and column.
 */
import { isNode, isScalar, isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import type { OffsetRange, Problem } from '../api';
import type { SchemaError, SchemaValidator } from './schemaValidators';

/** A path into parsed YAML data: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** Where a node of a YAML file sits in its text. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  readonly range: OffsetRange;
}

/** A parsed, schema-checked YAML file that can still say where each value came from. */
export interface YamlSource<T> {
  readonly file: string;
  /** The data, or undefined when the file could not be parsed or failed the schema. */
  readonly value: T | undefined;
  readonly problems: readonly Problem[];
  /** The location of the node at `path` (or of its closest existing ancestor). */
  locate(path: DataPath): SourceLocation;
  /** The location of the key of the map entry at `path`, falling back to the node. */
  locateKey(path: DataPath): SourceLocation;
  /**
   * The location of a character inside the scalar at `path`, given its index in
   * the scalar's value; exact for plain and single-line quoted scalars. The
   * range covers `length` characters, or runs to the end of the scalar
   * without one.
   */
  locateInScalar(path: DataPath, indexInValue: number, length?: number): SourceLocation;
}

/** YAML aliases beyond this count are refused, which defuses "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML text and validates it against a JSON Schema, turning every
 * syntax error and schema violation into a Problem located at the offending
 * line and column. Never throws: a broken file yields problems and no value.
 *
 * Valid files take a fast path (js-yaml, about ten times quicker on large
 * packs); positions are then worked out only if someone asks for one. Files
 * with errors, and files that use aliases, go through the `yaml` package,
 * which keeps source ranges and caps alias expansion.
 */
export function parseYamlSource<T>(text: string, file: string, validate: SchemaValidator): YamlSource<T> {
  let data: unknown;
  try {
    data = loadFast(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return parseYamlSourceWithPositions<T>(text, file, validate);
  }
  // An alias needs an anchor (`&name`), so a text without `&` cannot share nodes.
  if ((text.includes('&') && usesAliases(data)) || !validate(data)) return parseYamlSourceWithPositions<T>(text, file, validate);
  let located: YamlSource<T> | undefined;
  const positions = (): YamlSource<T> => (located ??= parseYamlSourceWithPositions<T>(text, file, validate));
  return {
    file,
    value: data as T,
    problems: [],
    locate: (path) => positions().locate(path),
    locateKey: (path) => positions().locateKey(path),
    locateInScalar: (path, index, length) => positions().locateInScalar(path, index, length),
  };
}

/** True when some object or array is reachable twice: the document uses anchors and aliases. */
function usesAliases(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) return true;
    seen.add(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child);
  }
  return false;
}

function parseYamlSourceWithPositions<T>(text: string, file: string, validate: SchemaValidator): YamlSource<T> {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  let document: Document.Parsed | undefined;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    problems.push(problemAt(file, lineCounter, { start: 0, end: 0 }, `cannot parse YAML: ${String(error)}`, 'yaml'));
    return { file, value: undefined, problems, locate: () => startOfFile, locateKey: () => startOfFile, locateInScalar: () => startOfFile };
  }

  const locateRange = (range: OffsetRange): SourceLocation => {
    const pos = lineCounter.linePos(range.start);
    return { line: pos.line - 1, column: pos.col - 1, range };
  };
  const locate = (path: DataPath): SourceLocation => locateRange(nodeRange(document!, path, false));
  const locateKey = (path: DataPath): SourceLocation => locateRange(nodeRange(document!, path, true));
  const locateInScalar = (path: DataPath, indexInValue: number, length?: number): SourceLocation => {
    const range = nodeRange(document!, path, false);
    const quoted = text[range.start] === '"' || text[range.start] === "'";
    const valueEnd = Math.max(range.start, range.end - (quoted ? 1 : 0));
    const start = Math.min(valueEnd, range.start + (quoted ? 1 : 0) + indexInValue);
    const end = length === undefined ? valueEnd : Math.min(valueEnd, start + length);
    return locateRange({ start, end: Math.max(start, end) });
  };

  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos;
    problems.push(problemAt(file, lineCounter, { start, end }, `YAML: ${firstLine(error.message)}`, 'yaml'));
  }
  if (document.errors.length > 0) return { file, value: undefined, problems, locate, locateKey, locateInScalar };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push(
      problemAt(file, lineCounter, { start: 0, end: 0 }, `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`, 'yaml'),
    );
    return { file, value: undefined, problems, locate, locateKey, locateInScalar };
  }

  if (!validate(data)) {
    for (const error of simplifyErrors(validate.errors ?? [])) {
      const path = dataPathOf(error);
      const location = error.keyword === 'additionalProperties'
        ? locateKey([...path, String((error.params as { additionalProperty: string }).additionalProperty)])
        : locate(path);
      problems.push({
        file,
        line: location.line,
        column: location.column,
        range: location.range,
        severity: 'error',
        message: describeSchemaError(error, path),
        code: 'schema',
      });
    }
    return { file, value: undefined, problems, locate, locateKey, locateInScalar };
  }
  return { file, value: data as T, problems, locate, locateKey, locateInScalar };
}

const startOfFile: SourceLocation = { line: 0, column: 0, range: { start: 0, end: 0 } };

function problemAt(file: string, lineCounter: LineCounter, range: OffsetRange, message: string, code: string): Problem {
  const pos = lineCounter.linePos(range.start);
  return { file, line: Math.max(0, pos.line - 1), column: Math.max(0, pos.col - 1), range, severity: 'error', message, code };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}

function nodeRange(document: Document.Parsed, path: DataPath, wantKey: boolean): OffsetRange {
  let node: unknown = document.contents;
  let best: OffsetRange = rangeOf(node) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return best;
      if (isLast && wantKey) return rangeOf(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      return best;
    }
    best = rangeOf(node) ?? best;
  }
  return best;
}

function rangeOf(node: unknown): OffsetRange | undefined {
  if (!isNode(node)) return undefined;
  const range = (node as YamlNode).range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

function dataPathOf(error: SchemaError): (string | number)[] {
  if (!error.instancePath) return [];
  return error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Ajv reports every failed branch of a oneOf/anyOf; keep the most specific ones so messages stay readable. */
function simplifyErrors(errors: readonly SchemaError[]): SchemaError[] {
  const deepest = new Map<string, SchemaError>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (!deepest.has(key)) deepest.set(key, error);
  }
  const kept = [...deepest.values()];
  return kept.length > 0 ? kept.slice(0, 20) : errors.slice(0, 1);
}

function describeSchemaError(error: SchemaError, path: DataPath): string {
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the document';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key \`${(error.params as { additionalProperty: string }).additionalProperty}\` in ${where}`;
    case 'required':
      return `${where} is missing the required key \`${(error.params as { missingProperty: string }).missingProperty}\``;
    case 'enum':
      return `${where} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).map(String).join(', ')}`;
    case 'type':
      return `${where} must be ${(error.params as { type: string }).type}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
