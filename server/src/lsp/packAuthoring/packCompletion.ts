/**
 * Completion in rule packs and configs, chosen from the text before the
 * cursor and the indentation of the lines above it:
 *
 * - keys the JSON schema allows at that place (top level, rule, condition,
 *   fix, example, glossary keys; config keys), minus the keys already there;
 * - fixed values after `key:` (severities, `off` in config `rules`, booleans);
 * - word-set names after `@` in patterns, and as items of
 *   `sentence-mentions` / `not-followed-by`;
 * - rule ids (and `category:NAME`) as keys of a config's `rules`, and after a
 *   `termguard-disable…`/`termguard-enable` directive.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import type { RuleInfo } from '../../engine/api';
import { ruleSummary } from '../../engine/rules/ruleText';
import configSchema from '../../../../schema/termguard-config.schema.json';
import packSchema from '../../../../schema/termguard-pack.schema.json';
import type { KnownSet, PackContext, PackDocumentAnalysis } from './packContext';
import { ITEM, pathAt, propertiesAt, siblingKeys, valuesAt, type SchemaNode, type YamlPath } from './yamlContext';

/** Characters that open completion on their own. */
export const PACK_COMPLETION_TRIGGERS: readonly string[] = ['@', ':', ' '];

const DIRECTIVE = /termguard-(?:disable-next-line|disable-file|disable|enable)(?:[ \t]+[\w/:-]+[ \t,]*)*?[ \t]+([\w/:-]*)$/;

/** The schema of a document kind. */
export function schemaOf(analysis: PackDocumentAnalysis): SchemaNode {
  return (analysis.kind === 'pack' ? packSchema : configSchema) as SchemaNode;
}

/** The completions at `position`, or null when nothing fits there. */
export function packCompletion(
  analysis: PackDocumentAnalysis,
  context: PackContext,
  position: Position,
  triggerCharacter?: string,
): CompletionList | null {
  const line = analysis.lines[position.line];
  if (line === undefined) return null;
  const prefix = line.slice(0, position.character);
  const replace = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });
  const list = (items: CompletionItem[]): CompletionList | null => (items.length > 0 ? { isIncomplete: false, items } : null);

  const directive = DIRECTIVE.exec(prefix);
  if (directive) return list(ruleItems(context.knownRules(analysis), replace(directive[1]!.length), false));

  const setReference = /@([a-z0-9-]*)$/.exec(prefix);
  if (triggerCharacter === '@' && !setReference) return null;
  if (setReference && analysis.kind === 'pack') return list(setItems(context.setsOf(analysis), replace(setReference[1]!.length)));

  const schema = schemaOf(analysis);
  const valueContext = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s"'#[{][^:#]*?)\s*:(?:(\s+)(\[[^\]#]*|[^\s#]*))?$/.exec(prefix);
  if (valueContext) {
    const [, indent, dashes, rawKey] = valueContext as unknown as [string, string, string, string];
    const space = valueContext[4] ?? '';
    const fragment = valueContext[5] ?? '';
    const key = rawKey.replace(/^(["'])(.*)\1$/, '$2');
    const keyCol = indent.length + dashes.length;
    const path = pathAt(analysis.lines, position.line, keyCol, dashes.length > 0 ? indent.length : undefined);
    const flowSets = /^\[(?:[^\]]*,)?\s*([a-z0-9-]*)$/.exec(fragment);
    if (analysis.kind === 'pack' && (key === 'sentence-mentions' || key === 'not-followed-by') && flowSets) {
      return list(setItems(context.setsOf(analysis), replace(flowSets[1]!.length), false));
    }
    const values = valuesAt(schema, [...path, key]);
    const lead = space.length === 0 ? ' ' : '';
    return list(
      values.map((value, index) => ({
        label: value,
        kind: CompletionItemKind.Value,
        textEdit: { range: replace(fragment.length), newText: lead + value },
        filterText: lead + value,
        sortText: String(index).padStart(3, '0'),
      })),
    );
  }
  const keyContext = /^(\s*)((?:-\s+)*)([\w/:.-]*)$/.exec(prefix);
  // Typing spaces or colons must not pop keys up: a space triggers completion only after `key:`.
  if (keyContext && triggerCharacter !== ' ' && triggerCharacter !== ':') {
    const [, indent, dashes, fragment] = keyContext as unknown as [string, string, string, string];
    const keyCol = indent.length + dashes.length;
    const startsItem = dashes.length > 0;
    const path = pathAt(analysis.lines, position.line, keyCol, startsItem ? indent.length : undefined);
    const range = replace(fragment.length);
    if (analysis.kind === 'pack' && isSetList(path)) return list(setItems(context.setsOf(analysis), range, false));
    if (analysis.kind === 'config' && path.length === 1 && path[0] === 'rules' && !startsItem) {
      const present = siblingKeys(analysis.lines, position.line, keyCol, false);
      return list(
        ruleItems(
          context.knownRules(analysis).filter((rule) => !present.has(rule.id)),
          range,
          true,
        ),
      );
    }
    if (fragment.includes('/') || fragment.includes(':')) return null;
    const present = siblingKeys(analysis.lines, position.line, keyCol, startsItem);
    return list(keyItems(schema, path, present, range));
  }

  return null;
}

function isSetList(path: YamlPath): boolean {
  const [last, owner] = [path[path.length - 1], path[path.length - 2]];
  return last === ITEM && (owner === 'sentence-mentions' || owner === 'not-followed-by');
}

function keyItems(schema: SchemaNode, path: YamlPath, present: ReadonlySet<string>, range: Range): CompletionItem[] {
  return propertiesAt(schema, path)
    .filter((property) => !present.has(property.name))
    .map((property, index) => {
      const type = property.schema.type ?? (property.schema.enum ? 'string' : property.schema.oneOf ? 'string' : 'object');
      const structured = type === 'array' || type === 'object';
      return {
        label: property.name,
        kind: CompletionItemKind.Property,
        detail: property.required ? `${String(type)} (required)` : String(type),
        ...(property.schema.description ? { documentation: { kind: MarkupKind.Markdown, value: property.schema.description } } : {}),
        textEdit: { range, newText: structured ? `${property.name}:` : `${property.name}: ` },
        insertTextFormat: InsertTextFormat.PlainText,
        // Required keys first, then in schema order.
        sortText: `${property.required ? 0 : 1}${String(index).padStart(3, '0')}`,
        ...(structured ? {} : { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } }),
      };
    });
}

function setItems(sets: readonly KnownSet[], range: Range, withAt = true): CompletionItem[] {
  return sets.map((set) => ({
    label: withAt ? `@${set.name}` : set.name,
    kind: CompletionItemKind.Variable,
    detail: `word set of ${set.pack} (${set.members.length} member${set.members.length === 1 ? '' : 's'})`,
    documentation: {
      kind: MarkupKind.Markdown,
      value:
        set.members
          .slice(0, 10)
          .map((member) => `- \`${member}\``)
          .join('\n') + (set.members.length > 10 ? `\n- … and ${set.members.length - 10} more` : ''),
    },
    filterText: set.name,
    textEdit: { range, newText: set.name },
  }));
}

function ruleItems(rules: readonly RuleInfo[], range: Range, asKey: boolean): CompletionItem[] {
  const items: CompletionItem[] = rules.map((rule) => ({
    label: rule.id,
    kind: CompletionItemKind.Reference,
    detail: `${rule.severity} · ${rule.category}`,
    documentation: { kind: MarkupKind.Markdown, value: [ruleSummary(rule), rule.reason].filter(Boolean).join('\n\n') },
    textEdit: { range, newText: asKey ? `${rule.id}: ` : rule.id },
    ...(asKey ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
  }));
  if (asKey) {
    for (const category of [...new Set(rules.map((rule) => rule.category))].sort()) {
      items.push({
        label: `category:${category}`,
        kind: CompletionItemKind.Module,
        detail: 'every rule of the category',
        textEdit: { range, newText: `category:${category}: ` },
      });
    }
  }
  return items;
}
