/** Runs a rule's own examples (bad, good, fixed) against an engine, for pack authors and the pack tests. */
import type { Engine, ExampleResult, Finding } from '../api';
import { applyEdits } from '../fixes/applyEdits';
import type { CompiledRule } from '../packs/loadPack';

function findingsOf(engine: Engine, text: string, ruleId: string): Finding[] {
  return engine.check(text, 'markdown').findings.filter((finding) => finding.ruleId === ruleId);
}

/**
 * Runs one rule's examples against an engine: every `bad` sentence must give
 * a finding of the rule, and applying each of that finding's fixes must leave
 * no finding of the same rule; every `good` sentence must give none; every
 * `fixed` pair must turn into its expected text under the first fix.
 */
export function runRuleExamples(engine: Engine, rule: CompiledRule): ExampleResult[] {
  const results: ExampleResult[] = [];
  const id = rule.info.id;
  const file = rule.info.source.file;
  rule.info.examples.bad.forEach((text, index) => {
    const source = { file, line: rule.exampleLine('bad', index) };
    const findings = findingsOf(engine, text, id);
    if (findings.length === 0) {
      results.push({ ruleId: id, kind: 'bad', text, passed: false, detail: `expected a finding of ${id}, got none`, source });
      return;
    }
    for (const fix of findings[0]!.fixes) {
      const fixed = applyEdits(text, fix.edits);
      const after = findingsOf(engine, fixed, id);
      if (after.length >= findings.length) {
        results.push({
          ruleId: id,
          kind: 'bad',
          text,
          passed: false,
          detail: `applying the fix "${fix.title}" gives "${fixed}", which still has ${after.length} finding(s) of ${id}`,
          source,
        });
        return;
      }
    }
    results.push({ ruleId: id, kind: 'bad', text, passed: true, source });
  });
  rule.info.examples.good.forEach((text, index) => {
    const source = { file, line: rule.exampleLine('good', index) };
    const findings = findingsOf(engine, text, id);
    results.push(
      findings.length === 0
        ? { ruleId: id, kind: 'good', text, passed: true, source }
        : {
            ruleId: id,
            kind: 'good',
            text,
            passed: false,
            detail: `expected no finding of ${id}, got one on "${findings[0]!.matchedText}"`,
            source,
          },
    );
  });
  rule.fixedExamples.forEach(({ from, to }, index) => {
    const source = { file, line: rule.exampleLine('fixed', index) };
    const finding = findingsOf(engine, from, id)[0];
    const fix = finding?.fixes[0];
    const actual = fix ? applyEdits(from, fix.edits) : undefined;
    results.push(
      actual === to
        ? { ruleId: id, kind: 'fixed', text: from, passed: true, source }
        : {
            ruleId: id,
            kind: 'fixed',
            text: from,
            passed: false,
            detail: `expected the first fix to give "${to}", got ${actual === undefined ? 'no fix' : `"${actual}"`}`,
            source,
          },
    );
  });
  return results;
}
