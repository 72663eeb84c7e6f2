/**
 * Where in a YAML file the cursor is, worked out from indentation alone, so
 * that it also works in a file that does not parse while it is being typed:
 * the path of keys (and sequence items, as {@link ITEM}) leading to the
 * mapping a line belongs to, and what the JSON schema says about that place.
 * Heuristics for block-style YAML; flow collections are not followed.
 */

/** A sequence item in a {@link YamlPath}. */
export const ITEM = '#';

/** Keys and sequence items from the document root to a mapping. */
export type YamlPath = readonly string[];

/** The parts of one line that matter for the structure. */
export interface LineShape {
  /** Column of the first non-space character (the line's length when blank). */
  readonly indent: number;
  /** Column of the first `- ` sequence dash, if the line starts an item. */
  readonly dash?: number;
  /** Column where the key (or scalar) after indentation and dashes starts. */
  readonly keyCol: number;
  /** The key, when the line holds `key:`. */
  readonly key?: string;
  /** Column just after the key's colon. */
  readonly valueCol?: number;
  /** Blank or comment-only. */
  readonly blank: boolean;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s"'#\-[{][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

/** The shape of one line. */
export function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  const rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#')) return { indent, keyCol: indent, blank: true };
  let keyCol = indent;
  let dash: number | undefined;
  const dashes = /^(?:-(?:\s+|$))+/.exec(rest);
  if (dashes) {
    dash = indent;
    keyCol = indent + dashes[0].length;
  }
  const match = KEY.exec(line.slice(keyCol));
  if (!match) return { indent, keyCol, blank: false, ...(dash !== undefined ? { dash } : {}) };
  const key = match[1]!.replace(/^(["'])(.*)\1$/, '$2');
  return { indent, keyCol, key, valueCol: keyCol + match[0].length, blank: false, ...(dash !== undefined ? { dash } : {}) };
}

/**
 * The path of the mapping whose keys start at column `keyCol` on line `row`
 * (`dash`: the column of a `- ` on that line that starts a new item).
 * Lines above are read until the root.
 */
export function pathAt(lines: readonly string[], row: number, keyCol: number, dash: number | undefined): YamlPath {
  const path: string[] = [];
  let col = keyCol;
  let dashCol = dash;
  let at = row;
  for (let guard = 0; guard < 100; guard++) {
    if (dashCol !== undefined) {
      // The mapping is an item of a sequence whose dashes sit at dashCol: find the sequence's key.
      path.push(ITEM);
      const owner = findUp(lines, at, (shape) => {
        if (shape.indent > dashCol! || (shape.dash === dashCol && shape.indent === dashCol)) return 'skip';
        if (shape.key !== undefined && shape.keyCol <= dashCol! && shape.dash !== dashCol) return 'found';
        return 'stop';
      });
      if (!owner) break;
      path.push(owner.shape.key!);
      col = owner.shape.keyCol;
      dashCol = owner.shape.dash;
      at = owner.row;
      continue;
    }
    const owner = findUp(lines, at, (shape) => {
      if (shape.keyCol === col && shape.dash !== undefined) return 'found'; // the first key of our item
      if (shape.indent >= col) return 'skip';
      if (shape.key !== undefined && shape.keyCol < col) return 'found';
      return 'stop';
    });
    if (!owner) break;
    if (owner.shape.keyCol === col && owner.shape.dash !== undefined) {
      dashCol = owner.shape.dash;
      at = owner.row;
      continue;
    }
    path.push(owner.shape.key!);
    col = owner.shape.keyCol;
    dashCol = owner.shape.dash;
    at = owner.row;
  }
  return path.reverse();
}

function findUp(
  lines: readonly string[],
  row: number,
  test: (shape: LineShape) => 'skip' | 'found' | 'stop',
): { row: number; shape: LineShape } | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const shape = shapeOf(lines[r]!);
    if (shape.blank) continue;
    const verdict = test(shape);
    if (verdict === 'found') return { row: r, shape };
    if (verdict === 'stop') return undefined;
  }
  return undefined;
}

/**
 * The keys already present in the mapping at column `col` that line `row`
 * belongs to (`startsItem`: the line itself starts a new sequence item).
 */
export function siblingKeys(lines: readonly string[], row: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!startsItem) {
    for (let r = row - 1; r >= 0; r--) {
      const shape = shapeOf(lines[r]!);
      if (shape.blank || shape.indent > col || shape.keyCol > col) continue;
      if (shape.keyCol !== col) break;
      if (shape.key !== undefined) keys.add(shape.key);
      if (shape.dash !== undefined) break;
    }
  }
  for (let r = row + 1; r < lines.length; r++) {
    const shape = shapeOf(lines[r]!);
    if (shape.blank || shape.indent > col) continue;
    if (shape.indent < col || shape.dash !== undefined) break;
    if (shape.key !== undefined) keys.add(shape.key);
  }
  return keys;
}

/** A JSON schema node, as far as completion needs it. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly required?: readonly string[];
  /** Only `else.required` is read: keys required unless the `if` holds (a rule's `patterns`, unless it has `claim-model`). */
  readonly else?: { readonly required?: readonly string[] };
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; current.$ref && guard < 10; guard++) {
    const name = /^#\/definitions\/(.+)$/.exec(current.$ref)?.[1];
    const target = name ? root.definitions?.[name] : undefined;
    if (!target) break;
    current = target;
  }
  return current;
}

/** The variants of a node (its `oneOf`/`anyOf` branches, or itself), references resolved. */
function variants(root: SchemaNode, node: SchemaNode): SchemaNode[] {
  const resolved = resolveRef(root, node);
  const branches = resolved.oneOf ?? resolved.anyOf;
  return branches ? branches.map((branch) => resolveRef(root, branch)) : [resolved];
}

/** The schema of the value at `path` (sequence items as {@link ITEM}), if the schema describes it. */
export function schemaAt(root: SchemaNode, path: YamlPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    for (const variant of variants(root, node)) {
      if (step === ITEM) next = variant.items;
      else
        next = variant.properties?.[step] ?? (typeof variant.additionalProperties === 'object' ? variant.additionalProperties : undefined);
      if (next) break;
    }
    node = next;
  }
  return node ? resolveRef(root, node) : undefined;
}

/** The properties an object at `path` may have, with their schemas. */
export function propertiesAt(
  root: SchemaNode,
  path: YamlPath,
): { readonly name: string; readonly schema: SchemaNode; readonly required: boolean }[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const result: { name: string; schema: SchemaNode; required: boolean }[] = [];
  for (const variant of variants(root, node)) {
    for (const [name, schema] of Object.entries(variant.properties ?? {})) {
      const required = (variant.required?.includes(name) ?? false) || (variant.else?.required?.includes(name) ?? false);
      if (!result.some((entry) => entry.name === name)) result.push({ name, schema: resolveRef(root, schema), required });
    }
  }
  return result;
}

/** The fixed values the schema allows at `path`: its enum, or true/false for a boolean. */
export function valuesAt(root: SchemaNode, path: YamlPath): string[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const values: string[] = [];
  for (const variant of variants(root, node)) {
    if (variant.enum) values.push(...variant.enum.map(String));
    else if (variant.type === 'boolean') values.push('true', 'false');
  }
  return [...new Set(values)];
}
