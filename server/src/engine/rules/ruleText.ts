/**
 * Rule and glossary text for every audience: the one-line finding message,
 * the diagnostic hover, the glossary hover, the Explain Rule view and its
 * picker, `termguard explain`, SARIF rule descriptors and docs/rules.md.
 * It also owns the rule and glossary URLs, so a pack's `documentation:`
 * link is the same wherever a rule is shown, and a rule whose pack has no
 * `documentation:` gets no link at all.
 *
 * Pure: no Node or LSP imports, so the language server, the CLI and the
 * VS Code client all call it.
 */
import type { Finding, GlossaryEntry, RuleInfo } from '../api';

/** What stands for the matched words where no finding supplies them (rule summaries, SARIF, the picker). */
export const NO_MATCH_TEXT = '…';

/** The longest a rule's message may be with {@link NO_MATCH_TEXT} for its match, to fit on one line of the Problems panel. */
export const MESSAGE_MAX_LENGTH = 120;

/** The longest the matched words may be inside a message; longer matches are cut at a word and end in “…”. */
export const MATCH_MAX_LENGTH = 60;

/** The budget of a finding's hover, in lines and characters of Markdown: it must fit VS Code's default hover without scrolling. */
export const HOVER_BUDGET = { lines: 8, characters: 500 } as const;

/**
 * The budget of a glossary hover: the same lines, and room for the link to
 * the full entry (its URL, about a hundred characters, is not shown).
 */
export const GLOSSARY_HOVER_BUDGET = { lines: 8, characters: 600 } as const;

/** `{match}` with the quotes a pack author put around it, straight or curly. */
const MATCH_PLACEHOLDER = /(['"‘“]?)\{match\}(['"’”]?)/g;

/** The anchor a rule's section has in a rule reference (`memo/calls-on` -> `memo-calls-on`). */
export function ruleAnchor(ruleId: string): string {
  return ruleId.replace(/\//g, '-');
}

/** The anchor a glossary entry has in a rule reference (`sre` -> `term-sre`). */
export function glossaryAnchor(entryId: string): string {
  return `term-${entryId}`;
}

/** A rule's link under its pack's `documentation:` base URL (`BASE#memo-calls-on`). */
export function ruleUrlUnder(base: string, ruleId: string): string {
  return `${base}#${ruleAnchor(ruleId)}`;
}

/** A glossary entry's link under its pack's `documentation:` base URL (`BASE#term-sre`). */
export function glossaryUrlUnder(base: string, entryId: string): string {
  return `${base}#${glossaryAnchor(entryId)}`;
}

/** Where a rule is documented: its pack's `documentation:` URL with the rule's anchor, or undefined. */
export function ruleUrl(rule: RuleInfo | undefined): string | undefined {
  return rule?.documentationUrl;
}

/** Text on one line: line breaks and runs of white space become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `words` cut at a word boundary to at most `limit` characters, ending in “…” when cut. */
function shorten(words: string, limit: number): string {
  if (words.length <= limit) return words;
  const cut = words.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A rule's message template with `{match}` filled by `match` (shortened to
 * {@link MATCH_MAX_LENGTH}) or, with no match, by {@link NO_MATCH_TEXT}; on
 * one line, and with the placeholder in curly quotes whatever quotes the
 * pack author used, so a quote never collides with an apostrophe.
 */
export function fillMessage(template: string, match: string | undefined): string {
  const words = match === undefined ? NO_MATCH_TEXT : shorten(oneLine(match), MATCH_MAX_LENGTH);
  return oneLine(
    template.replace(MATCH_PLACEHOLDER, (_placeholder, open: string, close: string) =>
      open !== '' && close !== '' ? `“${words}”` : `${open}${words}${close}`,
    ),
  );
}

/** A rule's message as a summary, where no finding supplies the matched words (picker, SARIF, explain). */
export function ruleSummary(rule: Pick<RuleInfo, 'message'>): string {
  return fillMessage(rule.message, undefined);
}

/**
 * Escapes the characters that would turn pack text into unintended Markdown
 * (emphasis, links, HTML); pack authors write plain sentences.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}

/** Items in curly quotes, joined with commas. */
function quoted(items: readonly string[], escape: (text: string) => string = (text) => text): string {
  return items.map((item) => `“${escape(item)}”`).join(', ');
}

/**
 * Markdown hover for a finding: only what its message lacks, namely why the
 * rule exists, the approved alternatives, for the claim model the words that
 * weighed most, and the documentation link. Editors show the message and the
 * rule id beside the hover already, so neither is repeated.
 */
export function findingHoverMarkdown(finding: Finding, rule: RuleInfo | undefined): string {
  const paragraphs: string[] = [];
  if (rule?.reason) paragraphs.push(`*Why:* ${escapeMarkdown(oneLine(rule.reason))}`);
  if (rule && rule.alternatives.length > 0) paragraphs.push(`*Write instead:* ${quoted(rule.alternatives, escapeMarkdown)}`);
  if (finding.evidence && finding.evidence.length > 0)
    paragraphs.push(`*Words that weighed most:* ${quoted(finding.evidence, escapeMarkdown)}`);
  const url = ruleUrl(rule);
  if (url !== undefined) paragraphs.push(`[Rule documentation](${url})`);
  return paragraphs.join('\n\n');
}

/** The first sentence of `text`. */
function firstSentence(text: string): string {
  const flat = oneLine(text);
  const end = /[.!?](?=\s+["“(]?[A-Z])/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/** True when Markdown fits a hover budget. */
export function fitsHoverBudget(markdown: string, budget: { readonly lines: number; readonly characters: number } = HOVER_BUDGET): boolean {
  return markdown.split('\n').length <= budget.lines && markdown.length <= budget.characters;
}

/**
 * Markdown hover for a glossary term: what it is (the term in bold, then the
 * definition's first sentence) and how to write about it first, then as many facts as fit the hover budget, then a link to the full
 * entry (when its pack has `documentation:`), where the rest is.
 */
export function glossaryHoverMarkdown(entry: GlossaryEntry): string {
  const link = entry.documentationUrl !== undefined ? `[Full entry](${entry.documentationUrl})` : undefined;
  const assemble = (lead: string[], facts: string[]): string =>
    [...lead, ...(facts.length > 0 ? [facts.join('\n')] : []), ...(link ? [link] : [])].join('\n\n');
  const definition = `**${escapeMarkdown(oneLine(entry.term))}**: ${escapeMarkdown(firstSentence(entry.definition))}`;
  const guidance = entry.guidance ? `*Guidance:* ${escapeMarkdown(oneLine(entry.guidance))}` : undefined;
  const shortGuidance = entry.guidance ? `*Guidance:* ${escapeMarkdown(firstSentence(entry.guidance))}` : undefined;
  const leads = [
    guidance ? [definition, guidance] : [definition],
    ...(shortGuidance && shortGuidance !== guidance ? [[definition, shortGuidance]] : []),
  ];
  // The full guidance when it leaves room for a fact, else its first sentence: a hover with no fact reads like a dictionary stub.
  let best: { lead: string[]; facts: string[] } | undefined;
  for (const lead of leads) {
    if (!fitsHoverBudget(assemble(lead, []), GLOSSARY_HOVER_BUDGET)) continue;
    const facts = factsThatFit(entry, (candidate) => fitsHoverBudget(assemble(lead, candidate), GLOSSARY_HOVER_BUDGET));
    if (best === undefined || (best.facts.length === 0 && facts.length > 0)) best = { lead, facts };
    if (facts.length > 0 || entry.facts.length === 0) break;
  }
  const { lead, facts } = best ?? { lead: leads[leads.length - 1]!, facts: [] };
  return assemble(lead, facts);
}

/** The entry's facts, in the pack's order, that fit together: a fact too long to fit is passed over for a shorter one after it. */
function factsThatFit(entry: GlossaryEntry, fits: (facts: string[]) => boolean): string[] {
  const facts: string[] = [];
  for (const fact of entry.facts) {
    const line = `- ${escapeMarkdown(oneLine(fact))}`;
    if (fits([...facts, line])) facts.push(line);
  }
  return facts;
}

/** A glossary entry for the terminal (`termguard define`): definition, facts, guidance, forms, link and source. */
export function glossaryEntryText(entry: GlossaryEntry): string {
  const lines = [entry.term, '', oneLine(entry.definition)];
  if (entry.facts.length > 0) lines.push('', 'Facts:', ...entry.facts.map((fact) => `  - ${fact}`));
  if (entry.guidance) lines.push('', `Guidance: ${oneLine(entry.guidance)}`);
  if (entry.forms.length > 0) lines.push('', `Forms: ${entry.forms.join(', ')}`);
  if (entry.documentationUrl !== undefined) lines.push('', `Documentation: ${entry.documentationUrl}`);
  lines.push('', `Defined in ${entry.source.file}:${entry.source.line + 1}`);
  return `${lines.join('\n')}\n`;
}

/** A glossary entry as a Markdown page (the editor's Show Glossary view). */
export function glossaryPageMarkdown(entry: GlossaryEntry): string {
  const lines = [`# ${escapeMarkdown(entry.term)}`, '', escapeMarkdown(oneLine(entry.definition))];
  if (entry.facts.length > 0) lines.push('', '## Facts', '', ...entry.facts.map((fact) => `- ${escapeMarkdown(fact)}`));
  if (entry.guidance) lines.push('', '## Guidance', '', escapeMarkdown(oneLine(entry.guidance)));
  lines.push('', `*Recognised as:* ${entry.forms.map((form) => `\`${form}\``).join(', ')}`);
  const source = `\`${entry.source.file}:${entry.source.line + 1}\``;
  lines.push(
    '',
    entry.documentationUrl !== undefined ? `[Documentation](${entry.documentationUrl}) · *defined in* ${source}` : `*Defined in* ${source}`,
  );
  return lines.join('\n');
}

/** How a rule without patterns finds what it reports; `modelName` names the model (plain, or as a link). */
function claimModelNote(rule: RuleInfo, modelName: string): string {
  return `Found by the built-in ${modelName}, not by patterns: it reports sentences that name an OpenAI model and that it reads as a claim of this kind (${rule.claimModel}), where no other ${rule.category} rule matched.`;
}

/** A rule for the terminal (`termguard explain`): summary, reason, alternatives, examples, link and source. */
export function ruleExplanationText(rule: RuleInfo): string {
  const lines = [`${rule.id}  (${rule.severity}, category ${rule.category})`, '', ruleSummary(rule)];
  if (rule.reason) lines.push('', `Why: ${oneLine(rule.reason)}`);
  if (rule.alternatives.length > 0) lines.push('', 'Instead, write:', ...rule.alternatives.map((alternative) => `  - ${alternative}`));
  if (rule.claimModel !== undefined)
    lines.push('', `${claimModelNote(rule, 'claim model')} Switch it off with \`claim-model: false\` in .termguard.yaml.`);
  if (rule.examples.bad.length > 0) lines.push('', 'Flagged:', ...rule.examples.bad.map((example) => `  ✗ ${example}`));
  if (rule.examples.good.length > 0) lines.push('', 'Fine:', ...rule.examples.good.map((example) => `  ✓ ${example}`));
  const url = ruleUrl(rule);
  if (url !== undefined) lines.push('', `Documentation: ${url}`);
  lines.push('', `Defined in ${rule.source.file}:${rule.source.line + 1}`);
  return `${lines.join('\n')}\n`;
}

/** A rule as a Markdown page (the editor's Explain Rule view). */
export function ruleExplanationMarkdown(rule: RuleInfo): string {
  const lines = [`### ${rule.id}`, '', `*${rule.severity}* · category \`${rule.category}\``, '', escapeMarkdown(ruleSummary(rule))];
  if (rule.reason) lines.push('', `**Why:** ${escapeMarkdown(oneLine(rule.reason))}`);
  if (rule.alternatives.length > 0)
    lines.push('', '**Write instead:**', '', ...rule.alternatives.map((alternative) => `- ${escapeMarkdown(alternative)}`));
  if (rule.claimModel !== undefined) lines.push('', claimModelNote(rule, 'claim model'));
  if (rule.examples.bad.length > 0)
    lines.push('', '**Flagged:**', '', ...rule.examples.bad.map((example) => `- ✗ ${escapeMarkdown(example)}`));
  if (rule.examples.good.length > 0)
    lines.push('', '**Fine:**', '', ...rule.examples.good.map((example) => `- ✓ ${escapeMarkdown(example)}`));
  const url = ruleUrl(rule);
  const source = `defined in \`${rule.source.file}:${rule.source.line + 1}\``;
  lines.push('', url !== undefined ? `[Documentation](${url}) · ${source}` : `Rule ${source}`);
  return lines.join('\n');
}

/** What a quick pick of rules shows for a rule: id, severity and category, and its summary. */
export function rulePickItem(rule: RuleInfo): { label: string; description: string; detail: string } {
  return { label: rule.id, description: `${rule.severity} · ${rule.category}`, detail: ruleSummary(rule) };
}

/** The text parts of a SARIF `reportingDescriptor` for a rule. */
export interface SarifRuleText {
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
}

/** A rule's descriptions, help and help URI for SARIF. */
export function sarifRuleText(rule: RuleInfo): SarifRuleText {
  const summary = ruleSummary(rule);
  const reason = rule.reason ? oneLine(rule.reason) : summary;
  const text: string[] = [reason];
  const markdown: string[] = [escapeMarkdown(reason)];
  if (rule.alternatives.length > 0) {
    text.push(`Instead, write: ${quoted(rule.alternatives)}.`);
    markdown.push(`**Instead, write:** ${rule.alternatives.map((alternative) => `\`${alternative}\``).join(', ')}`);
  }
  if (rule.examples.bad.length > 0) {
    text.push(`Flagged: ${quoted(rule.examples.bad)}`);
    markdown.push(['**Flagged:**', ...rule.examples.bad.map((example) => `- ❌ ${escapeMarkdown(example)}`)].join('\n'));
  }
  if (rule.examples.good.length > 0) {
    text.push(`Fine: ${quoted(rule.examples.good)}`);
    markdown.push(['**Fine:**', ...rule.examples.good.map((example) => `- ✅ ${escapeMarkdown(example)}`)].join('\n'));
  }
  const url = ruleUrl(rule);
  return {
    shortDescription: { text: summary },
    fullDescription: { text: reason },
    help: { text: text.join('\n'), markdown: markdown.join('\n\n') },
    ...(url !== undefined ? { helpUri: url } : {}),
  };
}

/**
 * The rule reference as Markdown: one section per rule (its message, reason,
 * the wording to use instead, patterns and examples) and the glossary. This
 * is the page diagnostics link to, so every section carries an explicit anchor.
 */
export function renderRuleReference(title: string, rules: readonly RuleInfo[], glossary: readonly GlossaryEntry[]): string {
  const lines: string[] = [
    `# ${title}`,
    '',
    '<!-- termguard-disable-file -->',
    '<!-- Generated by `npm run generate` from the built-in packs; edit the packs instead. -->',
    '',
  ];
  for (const rule of rules) {
    lines.push(`<a id="${ruleAnchor(rule.id)}"></a>`, '', `## ${rule.id}`, '');
    lines.push(
      `Category: ${rule.category}. Severity: ${rule.severity}.`,
      '',
      `Message: ${ruleSummary(rule)}`,
      '',
      oneLine(rule.reason),
      '',
    );
    if (rule.alternatives.length > 0) lines.push('Write instead:', '', ...rule.alternatives.map((alternative) => `- ${alternative}`), '');
    if (rule.claimModel !== undefined) {
      lines.push(`${claimModelNote(rule, '[claim model](claim-model.md)')}`, '');
    } else {
      lines.push('Patterns:', '', ...rule.patterns.map((pattern) => `- \`${pattern}\``), '');
    }
    if (rule.examples.bad.length > 0) lines.push('Reported:', '', ...rule.examples.bad.map((example) => `- ${example}`), '');
    if (rule.examples.good.length > 0) lines.push('Not reported:', '', ...rule.examples.good.map((example) => `- ${example}`), '');
  }
  if (glossary.length > 0) {
    lines.push('## Glossary', '');
    for (const entry of glossary) {
      lines.push(`<a id="${glossaryAnchor(entry.id)}"></a>`, '', `### ${entry.term}`, '', oneLine(entry.definition), '');
      if (entry.facts.length > 0) lines.push(...entry.facts.map((fact) => `- ${fact}`), '');
      if (entry.guidance) lines.push(`Guidance: ${oneLine(entry.guidance)}`, '');
    }
  }
  return lines.join('\n');
}
