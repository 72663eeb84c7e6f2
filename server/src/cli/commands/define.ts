/** `termguard define TERM`: a glossary entry. */
import type { CommandContext } from '../cliIO';
import { closestMatches } from '../../engine/index';
import { projectEngine } from './projectEngine';
import { glossaryEntryText } from '../../engine/rules/ruleText';

/** Runs `termguard define`; exit 2 for an unknown term, with suggestions. */
export function runDefine(term: string, configFile: string | undefined, context: CommandContext): number {
  const built = projectEngine(context, configFile);
  if ('exitCode' in built) return built.exitCode;
  const entry = built.engine.define(term);
  if (!entry) {
    const suggestions = closestMatches(
      term,
      built.engine.glossary().map((candidate) => candidate.term),
    );
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    context.io.stderr.write(`termguard: no glossary entry for \`${term}\`.${hint}\n`);
    return 2;
  }
  context.io.stdout.write(glossaryEntryText(entry));
  return 0;
}
