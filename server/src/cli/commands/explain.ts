/** `termguard explain RULE_ID`: a rule's summary, reason, alternatives, examples and documentation link; `explain class:NAME`: a meaning class. */
import { closestMatches, meaningClassInfo, meaningClassNames, type MeaningClassInfo } from '../../engine/index';
import type { CommandContext } from '../cliIO';
import { projectEngine } from './projectEngine';
import { ruleExplanationText } from '../../engine/rules/ruleText';

/** Renders a meaning class for the terminal: what it means, where it comes from, its members and what was left out. */
export function renderMeaningClass(info: MeaningClassInfo): string {
  const lines = [
    `%${info.name}  (meaning class, ${info.members.length} members)`,
    '',
    info.meaning,
    '',
    `From: ${info.source}`,
    '',
    'Members:',
    ...info.members.map((member) => `  - ${member}`),
  ];
  const added = Object.entries(info.added);
  if (added.length > 0) lines.push('', 'Added by hand:', ...added.map(([word, reason]) => `  + ${word}: ${reason}`));
  const pruned = Object.entries(info.pruned);
  if (pruned.length > 0) lines.push('', 'Left out:', ...pruned.map(([word, reason]) => `  - ${word}: ${reason}`));
  return `${lines.join('\n')}\n`;
}

/** The class a `class:NAME` or `%NAME` argument names, if it is written that way. */
function className(argument: string): string | undefined {
  if (argument.startsWith('class:')) return argument.slice('class:'.length);
  if (argument.startsWith('%')) return argument.slice(1);
  return undefined;
}

/** Runs `termguard explain`; exit 2 for an unknown rule or class, with suggestions. */
export function runExplain(ruleId: string, configFile: string | undefined, context: CommandContext): number {
  const requestedClass = className(ruleId);
  if (requestedClass !== undefined) {
    const info = meaningClassInfo(requestedClass);
    if (!info) {
      const suggestions = closestMatches(requestedClass, meaningClassNames()).map((name) => `class:${name}`);
      const hint =
        suggestions.length > 0
          ? ` Did you mean: ${suggestions.join(', ')}?`
          : ` Known classes: ${meaningClassNames()
              .map((name) => `class:${name}`)
              .join(', ')}.`;
      context.io.stderr.write(`termguard: unknown meaning class \`${requestedClass}\`.${hint}\n`);
      return 2;
    }
    context.io.stdout.write(renderMeaningClass(info));
    return 0;
  }
  const built = projectEngine(context, configFile);
  if ('exitCode' in built) return built.exitCode;
  const rule = built.engine.rule(ruleId);
  if (!rule) {
    const suggestions = closestMatches(
      ruleId,
      built.engine.rules().map((candidate) => candidate.id),
    );
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    context.io.stderr.write(`termguard: unknown rule \`${ruleId}\`.${hint}\n`);
    return 2;
  }
  context.io.stdout.write(ruleExplanationText(rule));
  return 0;
}
