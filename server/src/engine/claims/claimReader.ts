/**
 * Runs the claim model for the rules that report its findings (rules with
 * `claim-model` in a pack, such as memo/likely-access) and turns its
 * verdicts into findings. The rule set calls it once per sentence, after the
 * pattern rules, and only for sentences that name an OpenAI model, so a
 * document without such names never pays for it.
 */
import type { Finding, Severity } from '../api';
import type { CompiledRule, SeverityResolver } from '../packs/loadPack';
import { fillMessage } from '../rules/ruleText';
import type { Sentence } from '../text/tokenize';
import { claimWords, deniesAnything } from './claimFeatures';
import { ClaimModel, type ClaimModelData } from './claimModel';
import claimModelData from './claimModel.generated.json';

let builtinModel: ClaimModel | undefined;

/** The shipped model, built from its JSON on first use (engines without claim-model rules never build it). */
export function builtinClaimModel(): ClaimModel {
  builtinModel ??= new ClaimModel(claimModelData as unknown as ClaimModelData);
  return builtinModel;
}

/**
 * Reads sentences with the claim model on behalf of a set of claim-model
 * rules. A claim-model rule stands in for the pattern rules of its category,
 * so it is silent where they are all switched off: a team that turns
 * memo/enables-access off wants no access findings, not the model's.
 */
export class ClaimReader {
  /** Per category, the pattern rules a claim-model rule of that category stands in for. */
  private readonly patternRules = new Map<string, CompiledRule[]>();

  constructor(
    private readonly rules: readonly CompiledRule[],
    allRules: readonly CompiledRule[],
    private readonly model: () => ClaimModel = builtinClaimModel,
  ) {
    for (const rule of allRules) {
      if (rule.claimModel !== undefined) continue;
      let list = this.patternRules.get(rule.info.category);
      if (!list) this.patternRules.set(rule.info.category, (list = []));
      list.push(rule);
    }
  }

  /** True when the rule is on and so is some pattern rule of its category. */
  private isActive(rule: CompiledRule, severityOf: SeverityResolver): boolean {
    return severityOf(rule) !== 'off' && (this.patternRules.get(rule.info.category) ?? []).some((other) => severityOf(other) !== 'off');
  }

  /**
   * Reports, for each rule whose category the pattern rules did not report
   * in this sentence (`reported`), a finding when the model reads the
   * sentence as that rule's claim. The caller has made sure the sentence
   * names an OpenAI model ({@link namesOpenAI}). Silent on a question
   * answered "No".
   */
  read(sentence: Sentence, reported: ReadonlySet<string>, severityOf: SeverityResolver, onFinding: (finding: Finding) => void): void {
    // A one-word sentence ("GPT-5.", a heading, a table cell) names something; it claims nothing.
    if (sentence.tokens.length < 2 || sentence.takenBack === true || deniesAnything(sentence.tokens)) return;
    const active = this.rules.filter((rule) => !reported.has(rule.info.category) && this.isActive(rule, severityOf));
    if (active.length === 0) return;
    const model = this.model();
    const tokens = sentence.tokens;
    const words = claimWords(tokens);
    const verdicts = model.judge(words);
    for (const rule of active) {
      if (!verdicts.find((verdict) => verdict.category === rule.claimModel)?.reported) continue;
      const evidence = model.evidence(rule.claimModel!, words, tokens);
      // The finding covers the words that weighed most; the whole sentence if none stands out.
      const first = evidence.length > 0 ? Math.min(...evidence.map((item) => item.firstToken)) : 0;
      const last = evidence.length > 0 ? Math.max(...evidence.map((item) => item.lastToken)) : tokens.length - 1;
      onFinding({
        ruleId: rule.info.id,
        category: rule.info.category,
        severity: severityOf(rule) as Severity,
        message: fillMessage(rule.info.message, plainWords(sentence, first, last + 1)),
        range: { start: tokens[first]!.start, end: tokens[last]!.end },
        matchedText: plainWords(sentence, first, last + 1),
        sentence: tokens
          .filter((token) => !token.opaque)
          .map((token) => token.text)
          .join(' '),
        fixes: [],
        evidence: evidence.map((item) => item.text),
      });
    }
  }
}

/** The words of tokens `[start, end)`, markup stripped, as the pattern rules write matched text. */
function plainWords(sentence: Sentence, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) {
    const token = sentence.tokens[i]!;
    if (token.opaque) continue;
    text += text.length === 0 || token.lower === "'s" ? token.text : ' ' + token.text;
  }
  return text;
}
