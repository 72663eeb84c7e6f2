/** docs/rules.md, the reference page that built-in diagnostics link to. */
import { join } from 'node:path';
import { renderRuleReference } from '../../server/src/engine/rules/ruleText';
import { builtinEngine } from '../../test/helpers/builtinEngine';

/** Where the page lives. */
export const ruleReferenceFile = join(__dirname, '../../docs/rules.md');

/** The page's Markdown, as `npm run generate` writes it. */
export function renderRuleReferencePage(): string {
  const engine = builtinEngine();
  return renderRuleReference('Termguard built-in rules', engine.rules(), engine.glossary());
}
