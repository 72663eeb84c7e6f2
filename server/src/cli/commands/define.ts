/** `termguard define TERM`: a glossary entry. */
import type { GlossaryEntry } from '../../engine/api';
import type { CommandContext } from '../cliIO';
import { closestMatches } from '../../engine/index';
import { projectEngine } from './projectEngine';

/** Renders a glossary entry for the terminal. */
export function renderGlossaryEntry(entry: GlossaryEntry): string {
  const lines = [entry.term, '', entry.definition];
  if (entry.facts.length > 0) lines.push('', 'Facts:', ...entry.facts.map((fact) => `  - ${fact}`));
  if (entry.guidance) lines.push('', `Guidance: ${entry.guidance}`);
  if (entry.forms.length > 0) lines.push('', `Forms: ${entry.forms.join(', ')}`);
  lines.push('', `Defined in ${entry.source.file}:${entry.source.line + 1}`);
  return `${lines.join('\n')}\n`;
}

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
  context.io.stdout.write(renderGlossaryEntry(entry));
  return 0;
}
