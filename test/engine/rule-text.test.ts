/**
 * engine/rules/ruleText.ts, the one renderer of rule and glossary
 * text: one-line messages within a length limit, `{match}` always filled,
 * curly quotes, hovers within VS Code's default hover, documentation links
 * only from a pack's `documentation:`, and no relative dates in pack text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, RuleInfo } from '../../server/src/engine/api';
import {
  fillMessage,
  findingHoverMarkdown,
  GLOSSARY_HOVER_BUDGET,
  glossaryHoverMarkdown,
  HOVER_BUDGET,
  MATCH_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  renderRuleReference,
  ruleExplanationMarkdown,
  ruleExplanationText,
  rulePickItem,
  ruleSummary,
  sarifRuleText,
} from '../../server/src/engine/rules/ruleText';
import { createEngine } from '../../server/src/engine/index';
import { builtinEngine } from '../helpers/builtinEngine';

const BUILTIN_PAGE = 'https://github.com/termguard/termguard/blob/main/docs/rules.md';

/** A team pack with a rule and a term; `documentation` adds a `documentation:` line. */
function teamPack(documentation?: string): string {
  return `pack: team
${documentation ? `documentation: ${documentation}\n` : ''}rules:
  - id: team/jargon
    category: style
    severity: warning
    message: "Avoid '{match}': it is jargon."
    reason: Plain words are easier to read.
    alternatives: [use]
    patterns: ["{synergy}"]
    examples:
      bad: ["We want synergy."]
      good: ["We want to work together."]
glossary:
  - id: widget
    term: Widget
    forms: ["^Widget"]
    definition: A small part of the product.
    guidance: Say widget.
`;
}

/** A finding of `rule`, as the engine would report it for the words `match`. */
function findingOf(rule: RuleInfo, match: string, evidence?: readonly string[]): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message: fillMessage(rule.message, match),
    range: { start: 0, end: match.length },
    matchedText: match,
    sentence: match,
    fixes: [],
    ...(evidence ? { evidence } : {}),
  };
}

/** Every sentence of pack text a person reads: rule messages, reasons, alternatives, glossary text. */
function packTexts(): { where: string; text: string }[] {
  const engine = builtinEngine();
  const texts: { where: string; text: string }[] = [];
  for (const rule of engine.rules()) {
    texts.push({ where: `${rule.id} message`, text: rule.message }, { where: `${rule.id} reason`, text: rule.reason });
    rule.alternatives.forEach((text) => texts.push({ where: `${rule.id} alternative`, text }));
  }
  for (const entry of engine.glossary()) {
    for (const text of [entry.term, entry.definition, entry.guidance, ...entry.facts]) texts.push({ where: `glossary ${entry.id}`, text });
  }
  return texts;
}

describe('rule messages', () => {
  const rules = builtinEngine().rules();

  it('are one line within the length limit, with the placeholder filled, for every built-in rule', () => {
    assert.ok(rules.length >= 8);
    for (const rule of rules) {
      const summary = ruleSummary(rule);
      assert.ok(!/[\r\n]/.test(summary), rule.id);
      assert.ok(!summary.includes('{match}'), rule.id);
      assert.ok(summary.length <= MESSAGE_MAX_LENGTH, `${rule.id}: ${summary.length} characters: ${summary}`);
    }
  });

  it('quote with curly quotes: no straight quote marks in built-in messages, only apostrophes', () => {
    for (const rule of rules) {
      assert.ok(!/"|(^|[^\p{L}])'|'($|[^\p{L}])/u.test(rule.message), `${rule.id}: ${rule.message}`);
    }
  });

  it('of findings are one line with the matched words filled in, for every bad example', () => {
    const engine = builtinEngine();
    for (const rule of rules) {
      for (const example of rule.examples.bad) {
        for (const finding of engine.check(example, 'plaintext').findings) {
          assert.ok(!/[\r\n]/.test(finding.message), finding.message);
          assert.ok(!finding.message.includes('{match}'), finding.message);
          assert.ok(finding.message.length <= MESSAGE_MAX_LENGTH + MATCH_MAX_LENGTH + 60, finding.message);
        }
      }
    }
  });

  it('fill the placeholder in curly quotes whatever the pack wrote, on one line, with long matches shortened', () => {
    assert.equal(fillMessage("Avoid '{match}': it's jargon.", 'synergy'), "Avoid “synergy”: it's jargon.");
    assert.equal(fillMessage('Avoid "{match}".', 'synergy'), 'Avoid “synergy”.');
    assert.equal(fillMessage('Avoid {match}.', undefined), 'Avoid ….');
    assert.equal(fillMessage('Two\nlines  here: “{match}”.', 'a\nb'), 'Two lines here: “a b”.');
    const long = fillMessage('“{match}”', 'word '.repeat(40).trim());
    assert.ok(long.length <= MATCH_MAX_LENGTH + 2, long);
    assert.ok(long.endsWith('…”'), long);
  });

  it('are shown readably where no match exists: SARIF, the rule picker, explain and docs never show {match}', () => {
    for (const rule of rules) {
      const shown = [
        JSON.stringify(sarifRuleText(rule)),
        JSON.stringify(rulePickItem(rule)),
        ruleExplanationText(rule),
        ruleExplanationMarkdown(rule),
      ];
      for (const text of shown) assert.ok(!text.includes('{match}'), `${rule.id}: ${text}`);
    }
    assert.ok(!renderRuleReference('Rules', rules, []).includes('{match}'));
  });
});

describe('finding hovers', () => {
  const engine = builtinEngine();

  it('fit the hover budget for every built-in rule, and add only why, alternatives and the link', () => {
    for (const rule of engine.rules()) {
      const finding = findingOf(rule, 'enables access to', rule.claimModel ? ['gives access', 'every analyst', 'GPT-5'] : undefined);
      const markdown = findingHoverMarkdown(finding, rule);
      const lines = markdown.split('\n').length;
      assert.ok(lines <= HOVER_BUDGET.lines, `${rule.id}: ${lines} lines\n${markdown}`);
      assert.ok(markdown.length <= HOVER_BUDGET.characters, `${rule.id}: ${markdown.length} characters\n${markdown}`);
      assert.ok(!markdown.includes(finding.message), `${rule.id}: the message is not repeated`);
      assert.ok(!markdown.includes(rule.id), `${rule.id}: the rule id is not repeated`);
      assert.ok(markdown.includes('*Why:*'), rule.id);
      assert.ok(markdown.endsWith(`(${BUILTIN_PAGE}#${rule.id.replace('/', '-')})`), `${rule.id}: ends with the documentation link`);
    }
  });
});

describe('glossary hovers', () => {
  it('lead with the definition and guidance, then facts, then the link, within the budget, for every built-in term', () => {
    for (const entry of builtinEngine().glossary()) {
      const markdown = glossaryHoverMarkdown(entry);
      const lines = markdown.split('\n');
      assert.ok(lines.length <= GLOSSARY_HOVER_BUDGET.lines, `${entry.id}: ${lines.length} lines\n${markdown}`);
      assert.ok(markdown.length <= GLOSSARY_HOVER_BUDGET.characters, `${entry.id}: ${markdown.length} characters\n${markdown}`);
      const [term, definition] = lines[0]!.replace(/\\/g, '').split('**: ');
      assert.equal(term, `**${entry.term}`, `${entry.id} leads with its term`);
      assert.ok(entry.definition.replace(/\s+/g, ' ').startsWith(definition!), `${entry.id} then its definition`);
      assert.match(lines[2]!, /^\*Guidance:\* /, entry.id);
      assert.equal(lines.at(-1), `[Full entry](${BUILTIN_PAGE}#term-${entry.id})`, entry.id);
    }
  });

  it('show at least one fact for every built-in term that has facts, shortening the guidance to its first sentence when it must', () => {
    const withoutFact = builtinEngine()
      .glossary()
      .filter((entry) => entry.facts.length > 0 && !glossaryHoverMarkdown(entry).includes('\n- '))
      .map((entry) => entry.id);
    assert.deepEqual(withoutFact, []);
  });

  it('pass over a fact too long to fit for a shorter one after it', () => {
    const [entry] = builtinEngine().glossary();
    const long = `${'A very long fact that cannot fit. '.repeat(30)}`;
    const markdown = glossaryHoverMarkdown({ ...entry!, facts: [long, 'Short fact.'] });
    assert.ok(!markdown.includes('A very long fact'), markdown);
    assert.ok(markdown.includes('- Short fact.'), markdown);
  });
});

describe('documentation links', () => {
  it("use a team pack's documentation: URL for its rules and terms, in every rendering", () => {
    const engine = createEngine([{ file: 'team.termguard.yaml', text: teamPack('https://docs.example.com/style') }]);
    const rule = engine.rule('team/jargon')!;
    const url = 'https://docs.example.com/style#team-jargon';
    assert.equal(rule.documentationUrl, url);
    assert.ok(findingHoverMarkdown(findingOf(rule, 'synergy'), rule).includes(`(${url})`));
    assert.equal(sarifRuleText(rule).helpUri, url);
    assert.ok(ruleExplanationText(rule).includes(`Documentation: ${url}`));
    assert.ok(ruleExplanationMarkdown(rule).includes(`[Documentation](${url})`));
    assert.ok(glossaryHoverMarkdown(engine.glossary()[0]!).endsWith('(https://docs.example.com/style#term-widget)'));
  });

  it('are absent for a team pack without documentation:, never pointing at the built-in page', () => {
    const engine = createEngine([{ file: 'team.termguard.yaml', text: teamPack() }]);
    const rule = engine.rule('team/jargon')!;
    assert.equal(rule.documentationUrl, undefined);
    const rendered = [
      findingHoverMarkdown(findingOf(rule, 'synergy'), rule),
      JSON.stringify(sarifRuleText(rule)),
      ruleExplanationText(rule),
      ruleExplanationMarkdown(rule),
      glossaryHoverMarkdown(engine.glossary()[0]!),
    ];
    for (const text of rendered) {
      assert.ok(!text.includes('http'), text);
      assert.ok(!text.includes('[Documentation]') && !text.includes('[Rule documentation]'), text);
    }
    assert.equal('helpUri' in sarifRuleText(rule), false);
  });
});

describe('pack text', () => {
  it('uses absolute dates: no rule or glossary text has relative date words', () => {
    const relative =
      /\b(yesterday|today|tomorrow|tonight|recently|(last|this|next|past|coming) (week|month|year|quarter|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)|the (week|month|year|day) (before|after)|\w+ (days|weeks|months|years) ago)\b/i;
    const texts = packTexts();
    assert.ok(texts.length > 50);
    for (const { where, text } of texts) assert.ok(!relative.test(text), `${where}: ${text}`);
  });
});
