/** `termguard explain RULE_ID`: a rule's message, reason, alternatives and examples. */
import type { RuleInfo } from '../../engine/api';
import type { CommandContext } from '../cliIO';
import { closestMatches, projectEngine } from './projectEngine';

/** How a rule without patterns finds what it reports. */
function claimModelNote(rule: RuleInfo): string {
  return `Found by the built-in claim model, not by patterns: it reports sentences that name an OpenAI model and that it reads as a claim of this kind (${rule.claimModel}), where no other ${rule.category} rule matched. Switch it off with \`claim-model: false\` in .termguard.yaml.`;
}

/** Renders a rule for the terminal. */
export function renderRule(rule: RuleInfo): string {
  const lines = [`${rule.id}  (${rule.severity}, category ${rule.category})`, '', rule.message];
  if (rule.reason) lines.push('', `Why: ${rule.reason}`);
  if (rule.alternatives.length > 0) lines.push('', 'Instead, write:', ...rule.alternatives.map((alt) => `  - ${alt}`));
  if (rule.claimModel !== undefined) lines.push('', claimModelNote(rule));
  if (rule.examples.bad.length > 0) lines.push('', 'Flagged:', ...rule.examples.bad.map((example) => `  ✗ ${example}`));
  if (rule.examples.good.length > 0) lines.push('', 'Fine:', ...rule.examples.good.map((example) => `  ✓ ${example}`));
  lines.push('', `Defined in ${rule.source.file}:${rule.source.line + 1}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `termguard explain`; exit 2 for an unknown rule, with suggestions. */
export function runExplain(ruleId: string, configFile: string | undefined, context: CommandContext): number {
  const built = projectEngine(context, configFile);
  if ('exitCode' in built) return built.exitCode;
  const rule = built.engine.rule(ruleId);
  if (!rule) {
    const suggestions = closestMatches(ruleId, built.engine.rules().map((candidate) => candidate.id));
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    context.io.stderr.write(`termguard: unknown rule \`${ruleId}\`.${hint}\n`);
    return 2;
  }
  context.io.stdout.write(renderRule(rule));
  return 0;
}
