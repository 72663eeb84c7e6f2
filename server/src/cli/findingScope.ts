/**
 * Which findings a `check` run is about: `--rule` and `--category` select
 * rules, `--changed-since` selects lines. Findings outside the scope are not
 * reported, fixed or recorded in a baseline.
 */
import type { Finding, Problem, RuleInfo } from '../engine/api';
import type { LineChanges } from './changedLines';
import { closestMatches } from '../engine/index';
import { DOCUMENT_PROBLEM_PREFIX, type ReportRange } from './formatters/report';

/** The rule and category selection of `--rule` and `--category`. */
export class RuleSelection {
  private readonly rules: ReadonlySet<string>;
  private readonly categories: ReadonlySet<string>;

  constructor(rules: readonly string[], categories: readonly string[]) {
    this.rules = new Set(rules);
    this.categories = new Set(categories);
  }

  /** False when neither option was given: everything is selected. */
  get active(): boolean {
    return this.rules.size > 0 || this.categories.size > 0;
  }

  /** Whether a finding's rule or category was asked for. */
  includesFinding(finding: Finding): boolean {
    return !this.active || this.rules.has(finding.ruleId) || this.categories.has(finding.category);
  }

  /** Whether a document problem was asked for: by its id `termguard/CODE` under `--rule`. */
  includesProblem(problem: Problem): boolean {
    return !this.active || this.rules.has(`${DOCUMENT_PROBLEM_PREFIX}${problem.code}`);
  }

  /** Warnings for names that no rule has (`known` are the rules of every engine of the run), with suggestions. */
  unknownNames(known: readonly RuleInfo[]): string[] {
    const ids = known.map((rule) => rule.id);
    const categories = [...new Set(known.map((rule) => rule.category))];
    const warnings: string[] = [];
    for (const id of this.rules) {
      if (id.startsWith(DOCUMENT_PROBLEM_PREFIX) || ids.includes(id)) continue;
      warnings.push(`no rule has the id \`${id}\` given to --rule${didYouMean(id, ids)}`);
    }
    for (const category of this.categories) {
      if (categories.includes(category)) continue;
      warnings.push(`no rule has the category \`${category}\` given to --category${didYouMean(category, categories)}`);
    }
    return warnings;
  }
}

function didYouMean(wanted: string, candidates: readonly string[]): string {
  const close = closestMatches(wanted, candidates);
  return close.length > 0 ? `; did you mean ${close.join(', ')}?` : '';
}

/** True when a range (0-based lines) touches a changed line: any line from its start to its end. */
export function touchesChangedLines(range: ReportRange, changes: LineChanges): boolean {
  if (changes === 'all') return true;
  for (let line = range.start.line; line <= range.end.line; line++) if (changes.has(line)) return true;
  return false;
}
