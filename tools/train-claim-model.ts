/**
 * Trains the claim model (server/src/engine/claims/) from the labelled
 * sentence files and writes server/src/engine/claims/claimModel.generated.json.
 *
 *   node --import tsx tools/train-claim-model.ts           train, measure, write the artifact
 *   node --import tsx tools/train-claim-model.ts --check   train and compare with the artifact; exit 1 if it differs
 *   add --verbose to list every text the rules miss and every text the model adds
 *
 * What it does, deterministically (no randomness at all, so no seed is
 * needed; the same inputs give the same bytes):
 * 1. Reads test/fixtures/*-sentences.jsonl, cuts each labelled text into
 *    sentences exactly as the engine does for Markdown, and notes which
 *    categories the rules alone report in each sentence.
 * 2. Featurises the sentences that name an OpenAI model (the only ones the
 *    model ever sees in the engine) with claimFeatures.ts; a labelled text
 *    is one training example, its label applying to all its sentences.
 * 3. Leave-one-file-out cross-validation: for every sentence file, trains on
 *    the other files and scores the left-out one, for each category and each
 *    regularisation strength of a small grid. Each model is an L2-regularised
 *    logistic regression fitted by L-BFGS from all-zero weights.
 * 4. Per category, picks the regularisation strength whose out-of-fold
 *    scores rank claims best (average precision of the model alone), then
 *    the lowest probability threshold at which rules + model keep precision
 *    at or above 0.97 over all out-of-fold predictions and at or above 0.95
 *    in every file (in a file whose rules alone are below 0.97: no more than
 *    0.02 below the rules alone). The model counts only where the engine would run it:
 *    sentences in which no rule reported the category.
 * 5. Trains on all files and writes the artifact; prints the per-file table
 *    of rules alone against rules + model (out-of-fold).
 *
 * The development sentences beside the repository (../shared/eval), when
 * present, are never trained on: they are scored once, with the final model,
 * as an extra held-out check.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { builtinPackFiles } from '../server/src/project/builtinPacks';
import { ClaimModel, type ClaimCategory, type ClaimModelData } from '../server/src/engine/claims/claimModel';
import { claimWords, FEATURE_BUCKETS, forEachFeature, namesOpenAI, type ClaimWord } from '../server/src/engine/claims/claimFeatures';
import { createEngine, type Engine } from '../server/src/engine/index';
import { scanMarkdownBlocks } from '../server/src/engine/prose/markdown/markdownReader';
import { tokenizeUnit, type Token } from '../server/src/engine/text/tokenize';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures');
export const ARTIFACT = join(ROOT, 'server/src/engine/claims/claimModel.generated.json');
const DEV_FILE = join(ROOT, '../shared/eval/dev-sentences.jsonl');

const CATEGORIES: readonly ClaimCategory[] = ['access', 'calls-on', 'availability'];
/** Regularisation strengths tried; the loss is a sum over sentences, so larger means simpler. */
const LAMBDAS = [0.01, 0.03, 0.1] as const;
/** Rules + model must keep at least this precision, per category, over all out-of-fold predictions ... */
const TARGET_PRECISION = 0.97;
/** ... and at least this in every file, the floor test/accuracy/memo-sentences.test.ts holds the rules to. */
const FILE_PRECISION_FLOOR = 0.95;
/** ... or, in a file whose rules alone fall within this of the floor, no more than this below the rules alone. */
const FILE_PRECISION_SLACK = 0.02;
/** Weights are stored as integers over this. */
const WEIGHT_SCALE = 1000;
/** Stored weights at or below this (over WEIGHT_SCALE) in every category leave their bucket out of the artifact. */
const NEGLIGIBLE_WEIGHT = 5;

interface LabelledSentence {
  readonly id: string;
  readonly text: string;
  readonly expect: readonly string[];
  readonly either: readonly string[];
}

/** One sentence of a labelled text, as the engine cuts it. */
interface Part {
  readonly tokens: readonly Token[];
  readonly words: readonly ClaimWord[];
  /** The model runs on it: it names an OpenAI model and is not a question answered "No". */
  readonly eligible: boolean;
  /** Categories the rules report in this sentence. */
  readonly ruleCategories: ReadonlySet<string>;
}

interface Item {
  readonly file: string;
  readonly sentence: LabelledSentence;
  readonly parts: readonly Part[];
}

/** A sparse, normalised feature vector: column indices and values. */
interface Row {
  readonly columns: Int32Array;
  readonly values: Float64Array;
}

function readLabelled(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledSentence);
}

/** The rules-only engine: the built-in packs with the model switched off. */
function rulesEngine(): Engine {
  return createEngine(builtinPackFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })));
}

/** Cuts a text into sentences as the engine does, and finds the rule categories of each. */
function partsOf(text: string, engine: Engine): Part[] {
  const findings = engine.check(text, 'markdown', { claimModel: false }).findings;
  const parts: Part[] = [];
  for (const block of scanMarkdownBlocks(text, 0)) {
    for (const unit of block.units) {
      tokenizeUnit(text, unit, (sentence) => {
        const tokens = sentence.tokens;
        const start = tokens[0]!.start;
        const end = tokens[tokens.length - 1]!.end;
        const ruleCategories = new Set(
          findings.filter((finding) => finding.range.start >= start && finding.range.start < end).map((finding) => finding.category),
        );
        parts.push({ tokens, words: claimWords(tokens), eligible: namesOpenAI(tokens) && sentence.takenBack !== true, ruleCategories });
      });
    }
  }
  return parts;
}

/** The features of the eligible sentences of an item, as bucket counts. */
function bucketCounts(parts: readonly Part[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const part of parts) {
    if (!part.eligible) continue;
    forEachFeature(part.words, (bucket) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1));
  }
  return counts;
}

/** Gives every bucket seen in training a dense column, in order of first appearance. */
class ColumnIndex {
  readonly buckets: number[] = [];
  private readonly columns = new Map<number, number>();
  column(bucket: number): number {
    let column = this.columns.get(bucket);
    if (column === undefined) {
      column = this.buckets.length;
      this.columns.set(bucket, column);
      this.buckets.push(bucket);
    }
    return column;
  }
}

/** The row of an item: each bucket's count over the square root of all counts, as the engine scores a sentence. */
function toRow(counts: Map<number, number>, index: ColumnIndex): Row {
  let total = 0;
  for (const count of counts.values()) total += count;
  const norm = 1 / Math.sqrt(total);
  const entries = [...counts.entries()].map(([bucket, count]) => [index.column(bucket), count * norm] as const).sort((a, b) => a[0] - b[0]);
  return { columns: Int32Array.from(entries, ([column]) => column), values: Float64Array.from(entries, ([, value]) => value) };
}

// ---------------------------------------------------------------------------
// Logistic regression by L-BFGS

interface Problem {
  readonly rows: readonly Row[];
  /** +1 or -1. */
  readonly labels: Float64Array;
  readonly dimension: number;
  readonly lambda: number;
}

/** Loss and gradient at `w` (the last entry is the unregularised intercept). */
function lossAndGradient(problem: Problem, w: Float64Array, gradient: Float64Array): number {
  const { rows, labels, dimension, lambda } = problem;
  gradient.fill(0);
  let loss = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let z = w[dimension]!;
    for (let k = 0; k < row.columns.length; k++) z += w[row.columns[k]!]! * row.values[k]!;
    const margin = labels[i]! * z;
    // log(1 + e^-m), computed without overflow either way.
    loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    const slope = -labels[i]! / (1 + Math.exp(margin));
    for (let k = 0; k < row.columns.length; k++) gradient[row.columns[k]!]! += slope * row.values[k]!;
    gradient[dimension]! += slope;
  }
  for (let j = 0; j < dimension; j++) {
    loss += 0.5 * lambda * w[j]! * w[j]!;
    gradient[j]! += lambda * w[j]!;
  }
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Minimises the regularised log loss with L-BFGS (10 corrections) and a
 * backtracking Armijo line search. Deterministic: plain loops in a fixed order.
 */
function trainLogistic(problem: Problem, maxIterations = 300): Float64Array {
  const size = problem.dimension + 1;
  const memory = 10;
  let w = new Float64Array(size);
  let gradient = new Float64Array(size);
  let loss = lossAndGradient(problem, w, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const direction = new Float64Array(size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Two-loop recursion: direction = -H * gradient.
    direction.set(gradient);
    const alphas: number[] = [];
    for (let m = steps.length - 1; m >= 0; m--) {
      const alpha = dot(steps[m]!, direction) / dot(changes[m]!, steps[m]!);
      alphas[m] = alpha;
      for (let j = 0; j < size; j++) direction[j]! -= alpha * changes[m]![j]!;
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const gamma = dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!);
      for (let j = 0; j < size; j++) direction[j]! *= gamma;
    }
    for (let m = 0; m < steps.length; m++) {
      const beta = dot(changes[m]!, direction) / dot(changes[m]!, steps[m]!);
      for (let j = 0; j < size; j++) direction[j]! += steps[m]![j]! * (alphas[m]! - beta);
    }
    for (let j = 0; j < size; j++) direction[j] = -direction[j]!;
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction: fall back to steepest descent and forget the history.
      for (let j = 0; j < size; j++) direction[j] = -gradient[j]!;
      slope = dot(direction, gradient);
      steps.length = 0;
      changes.length = 0;
    }
    let step = iteration === 0 && steps.length === 0 ? 1 / Math.sqrt(dot(gradient, gradient)) : 1;
    const next = new Float64Array(size);
    const nextGradient = new Float64Array(size);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 40; tries++, step *= 0.5) {
      for (let j = 0; j < size; j++) next[j] = w[j]! + step * direction[j]!;
      nextLoss = lossAndGradient(problem, next, nextGradient);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      s[j] = next[j]! - w[j]!;
      y[j] = nextGradient[j]! - gradient[j]!;
    }
    if (dot(s, y) > 1e-12) {
      steps.push(s);
      changes.push(y);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
      }
    }
    const improvement = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    w = next;
    gradient = nextGradient;
    loss = nextLoss;
    if (improvement < 1e-10 || Math.sqrt(dot(gradient, gradient)) < 1e-6) break;
  }
  return w;
}

// ---------------------------------------------------------------------------
// Training sets and models

/** Trains one model per category on `items` and returns it as artifact data with the given thresholds. */
function trainModel(items: readonly Item[], lambdas: readonly number[], thresholds: readonly number[]): ClaimModelData {
  const index = new ColumnIndex();
  const training = items.map((item) => ({ item, counts: bucketCounts(item.parts) })).filter(({ counts }) => counts.size > 0);
  const rows = training.map(({ counts }) => toRow(counts, index));
  const dimension = index.buckets.length;
  const perCategory = CATEGORIES.map((category, c) => {
    // A text whose label leaves this category open (`either`) teaches nothing about it.
    const kept = training.map(({ item }, i) => ({ item, row: rows[i]! })).filter(({ item }) => !item.sentence.either.includes(category));
    const labels = Float64Array.from(kept, ({ item }) => (item.sentence.expect.includes(category) ? 1 : -1));
    return trainLogistic({ rows: kept.map(({ row }) => row), labels, dimension, lambda: lambdas[c]! });
  });
  const order = index.buckets.map((bucket, column) => ({ bucket, column })).sort((a, b) => a.bucket - b.bucket);
  const bucketDeltas: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  for (const { bucket, column } of order) {
    const quantised = perCategory.map((w) => Math.round(w[column]! * WEIGHT_SCALE));
    // A bucket whose weights all round to within NEGLIGIBLE_WEIGHT of zero moves no score by more than a few
    // thousandths even when a sentence holds it several times: left out, it keeps the artifact under 1 MB.
    if (quantised.every((weight) => Math.abs(weight) <= NEGLIGIBLE_WEIGHT)) continue;
    bucketDeltas.push(bucket - previous);
    previous = bucket;
    // `+ 0` turns a negative zero into zero, so the JSON never says -0.
    for (const weight of quantised) weights.push(weight + 0);
  }
  return {
    format: 1,
    categories: CATEGORIES,
    bias: perCategory.map((w) => Math.round(w[dimension]! * 1e6) / 1e6),
    thresholds,
    scale: WEIGHT_SCALE,
    bucketDeltas,
    weights,
  };
}

/** One text's out-of-fold probabilities, per category. */
interface ItemScores {
  /** The highest over the sentences where the engine would run the model for the category (the rules did not report it there). */
  readonly gated: readonly number[];
  /** The highest over all sentences the model reads, as if there were no rules. */
  readonly alone: readonly number[];
}

function modelScores(model: ClaimModel, item: Item): ItemScores {
  const gated = CATEGORIES.map(() => 0);
  const alone = CATEGORIES.map(() => 0);
  for (const part of item.parts) {
    if (!part.eligible) continue;
    const verdicts = model.judge(part.words);
    CATEGORIES.forEach((category, c) => {
      const probability = verdicts.find((each) => each.category === category)!.probability;
      alone[c] = Math.max(alone[c]!, probability);
      if (!part.ruleCategories.has(category)) gated[c] = Math.max(gated[c]!, probability);
    });
  }
  return { gated, alone };
}

function rulesFound(item: Item, category: string): boolean {
  return item.parts.some((part) => part.ruleCategories.has(category));
}

// ---------------------------------------------------------------------------
// Measuring

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

/** Adds one item's verdict for one category; `either` categories count neither way, as in the accuracy tests. */
function tally(counts: Counts, item: Item, category: string, found: boolean): void {
  const expected = item.sentence.expect.includes(category);
  if (!expected && item.sentence.either.includes(category)) return;
  if (expected && found) counts.truePositives++;
  else if (expected) counts.falseNegatives++;
  else if (found) counts.falsePositives++;
}

function precision(counts: Counts): number {
  const reported = counts.truePositives + counts.falsePositives;
  return reported === 0 ? 1 : counts.truePositives / reported;
}

function recall(counts: Counts): number {
  const expected = counts.truePositives + counts.falseNegatives;
  return expected === 0 ? 1 : counts.truePositives / expected;
}

/**
 * The lowest threshold from which rules + model hold the target precision
 * over all texts, and the accuracy tests' floor in every file: thresholds
 * are walked down from the top, stopping before the first that breaks either.
 * A file's precision is counted as the accuracy tests count it, over all
 * categories (the other categories as the rules alone report them), so one
 * doubtful label in a file with few claims of this category does not switch
 * the category off everywhere.
 */
function chooseThreshold(items: readonly Item[], scores: readonly ItemScores[], c: number): number {
  const category = CATEGORIES[c]!;
  const candidates = [
    ...new Set(items.map((item, i) => (rulesFound(item, category) ? 0 : scores[i]!.gated[c]!)).filter((score) => score > 0)),
  ].sort((a, b) => b - a);
  const files = [...new Set(items.map((item) => item.file))];
  const othersByFile = new Map(files.map((file) => [file, emptyCounts()]));
  for (const item of items)
    for (const other of CATEGORIES) if (other !== category) tally(othersByFile.get(item.file)!, item, other, rulesFound(item, other));
  // A file whose rules alone sit near the floor (their own false findings) must not switch the model off
  // everywhere: there, the model may lower precision by FILE_PRECISION_SLACK at most.
  const floorByFile = new Map(
    files.map((file) => {
      const rulesAlone = { ...othersByFile.get(file)! };
      for (const item of items) if (item.file === file) tally(rulesAlone, item, category, rulesFound(item, category));
      return [file, Math.min(FILE_PRECISION_FLOOR, precision(rulesAlone) - FILE_PRECISION_SLACK)];
    }),
  );
  let chosen = 1;
  for (const threshold of candidates) {
    const all = emptyCounts();
    const perFile = new Map(files.map((file) => [file, { ...othersByFile.get(file)! }]));
    items.forEach((item, i) => {
      const found = rulesFound(item, category) || scores[i]!.gated[c]! >= threshold;
      tally(all, item, category, found);
      tally(perFile.get(item.file)!, item, category, found);
    });
    if (precision(all) < TARGET_PRECISION || [...perFile].some(([file, counts]) => precision(counts) < floorByFile.get(file)!)) break;
    chosen = threshold;
  }
  return chosen;
}

/**
 * Average precision of the model alone over every text that names an OpenAI
 * model: how well it ranks claims above non-claims, the measure the
 * regularisation strength is chosen by (the texts the rules miss are too few
 * to choose by).
 */
function averagePrecision(items: readonly Item[], scores: readonly ItemScores[], c: number): number {
  const category = CATEGORIES[c]!;
  const ranked = items
    .map((item, i) => ({ item, score: scores[i]!.alone[c]! }))
    .filter(({ item }) => !item.sentence.either.includes(category) && item.parts.some((part) => part.eligible))
    .sort((a, b) => b.score - a.score);
  let hits = 0;
  let sum = 0;
  ranked.forEach(({ item }, rank) => {
    if (!item.sentence.expect.includes(category)) return;
    hits++;
    sum += hits / (rank + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

function percent(value: number): string {
  return value.toFixed(3);
}

/** The per-file table: rules alone against rules + model, over the three model categories. */
function renderTable(files: readonly string[], items: readonly Item[], found: (item: Item, c: number) => boolean): string[] {
  const lines = [
    '| file | texts | rules P | rules R | rules + model P | rules + model R | model added (right / wrong) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const totalRules = emptyCounts();
  const totalBoth = emptyCounts();
  let totalRight = 0;
  let totalWrong = 0;
  for (const file of files) {
    const inFile = items.filter((item) => item.file === file);
    const rules = emptyCounts();
    const both = emptyCounts();
    let right = 0;
    let wrong = 0;
    for (const item of inFile) {
      CATEGORIES.forEach((category, c) => {
        const byRules = rulesFound(item, category);
        const byBoth = byRules || found(item, c);
        for (const counts of [rules, totalRules]) tally(counts, item, category, byRules);
        for (const counts of [both, totalBoth]) tally(counts, item, category, byBoth);
        if (byBoth && !byRules && !item.sentence.either.includes(category)) {
          if (item.sentence.expect.includes(category)) right++;
          else wrong++;
        }
      });
    }
    totalRight += right;
    totalWrong += wrong;
    lines.push(
      `| ${file} | ${inFile.length} | ${percent(precision(rules))} | ${percent(recall(rules))} | ${percent(precision(both))} | ${percent(recall(both))} | ${right} / ${wrong} |`,
    );
  }
  lines.push(
    `| all | ${items.length} | ${percent(precision(totalRules))} | ${percent(recall(totalRules))} | ${percent(precision(totalBoth))} | ${percent(recall(totalBoth))} | ${totalRight} / ${totalWrong} |`,
  );
  return lines;
}

// ---------------------------------------------------------------------------

/** A digest of everything the artifact is computed from: the sentence files, this script and the featuriser. */
function inputsDigest(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [
    ...files,
    __filename,
    join(ROOT, 'server/src/engine/claims/claimFeatures.ts'),
    join(ROOT, 'server/src/engine/claims/claimModel.ts'),
  ]) {
    hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The labelled sentence files trained on, sorted by name. */
export function trainingFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('-sentences.jsonl'))
    .sort()
    .map((name) => join(FIXTURES, name));
}

function loadItems(files: readonly string[], engine: Engine): Item[] {
  return files.flatMap((file) =>
    readLabelled(file).map((sentence) => ({ file: basename(file), sentence, parts: partsOf(sentence.text, engine) })),
  );
}

/** The artifact's JSON text, in a fixed key order, the two long arrays on one line each. */
function artifactText(data: ClaimModelData, digest: string, lambdas: readonly number[]): string {
  const { bucketDeltas, weights, ...head } = data;
  return `{\n  "comment": "Generated by tools/train-claim-model.ts; do not edit. See docs/claim-model.md.",\n  "inputsDigest": ${JSON.stringify(digest)},\n  "lambdas": ${JSON.stringify(lambdas)},\n${Object.entries(
    head,
  )
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`)
    .join('')}  "bucketDeltas": ${JSON.stringify(bucketDeltas)},\n  "weights": ${JSON.stringify(weights)}\n}\n`;
}

/** Trains everything and returns the artifact text and the report lines. */
/** Out-of-fold scores for every regularisation strength: each file scored by models trained on the other files. */
function crossValidate(items: readonly Item[], fileNames: readonly string[], log: (line: string) => void): ItemScores[][] {
  const oof: ItemScores[][] = LAMBDAS.map(() => items.map(() => ({ gated: [], alone: [] })));
  for (const file of fileNames) {
    const trainingItems = items.filter((item) => item.file !== file);
    LAMBDAS.forEach((lambda, l) => {
      const model = new ClaimModel(
        trainModel(
          trainingItems,
          CATEGORIES.map(() => lambda),
          CATEGORIES.map(() => 1),
        ),
      );
      items.forEach((item, i) => {
        if (item.file === file) oof[l]![i] = modelScores(model, item);
      });
    });
    log(`fold ${file} done`);
  }
  return oof;
}

/** Per category, the regularisation strength whose out-of-fold scores rank best, and the scores it gave. */
function chooseLambdas(items: readonly Item[], oof: readonly ItemScores[][]): { lambdas: number[]; scores: ItemScores[]; lines: string[] } {
  const lambdas: number[] = [];
  const gated = items.map(() => CATEGORIES.map(() => 0));
  const alone = items.map(() => CATEGORIES.map(() => 0));
  const lines: string[] = [];
  CATEGORIES.forEach((category, c) => {
    const quality = LAMBDAS.map((_, l) => averagePrecision(items, oof[l]!, c));
    const best = quality.indexOf(Math.max(...quality));
    lambdas.push(LAMBDAS[best]!);
    items.forEach((_, i) => {
      gated[i]![c] = oof[best]![i]!.gated[c]!;
      alone[i]![c] = oof[best]![i]!.alone[c]!;
    });
    lines.push(
      `${category}: lambda ${LAMBDAS[best]} (out-of-fold average precision of the model alone: ${LAMBDAS.map((lambda, l) => `${lambda}: ${quality[l]!.toFixed(3)}`).join(', ')})`,
    );
  });
  return { lambdas, scores: items.map((_, i) => ({ gated: gated[i]!, alone: alone[i]! })), lines };
}

/** Per category over all files: rules alone, model alone, rules + model, all out-of-fold for the model. */
function categoryTable(items: readonly Item[], scores: readonly ItemScores[], thresholds: readonly number[]): string[] {
  const lines = [
    '| category | rules P | rules R | model alone P | model alone R | rules + model P | rules + model R |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  CATEGORIES.forEach((category, c) => {
    const rules = emptyCounts();
    const model = emptyCounts();
    const both = emptyCounts();
    items.forEach((item, i) => {
      tally(rules, item, category, rulesFound(item, category));
      tally(model, item, category, scores[i]!.alone[c]! >= thresholds[c]!);
      tally(both, item, category, rulesFound(item, category) || scores[i]!.gated[c]! >= thresholds[c]!);
    });
    lines.push(
      `| ${category} | ${[rules, model, both].map((counts) => `${percent(precision(counts))} | ${percent(recall(counts))}`).join(' | ')} |`,
    );
  });
  return lines;
}

/** Texts the model scores this high without a label for them are listed too, to show what the threshold holds back. */
const NEAR_MISS = 0.5;

/** Every text the rules miss, every text the model adds, and the near misses, with their out-of-fold probability. */
function listDisagreements(items: readonly Item[], scores: readonly ItemScores[], thresholds: readonly number[]): string[] {
  const lines: string[] = [];
  items.forEach((item, i) => {
    CATEGORIES.forEach((category, c) => {
      if (rulesFound(item, category) || item.sentence.either.includes(category)) return;
      const expected = item.sentence.expect.includes(category);
      const added = scores[i]!.gated[c]! >= thresholds[c]!;
      if (!expected && !added && scores[i]!.gated[c]! < NEAR_MISS) return;
      const verdict = expected ? (added ? 'caught by model' : 'missed') : added ? 'wrongly added' : 'rightly left';
      lines.push(`- ${verdict} ${category} ${scores[i]!.gated[c]!.toFixed(3)} ${item.sentence.id}: ${JSON.stringify(item.sentence.text)}`);
    });
  });
  return lines;
}

/** Trains everything; returns the artifact text and the report lines. */
export function train(log: (line: string) => void = () => undefined, verbose = false): { text: string; report: string[] } {
  const engine = rulesEngine();
  const files = trainingFiles();
  const items = loadItems(files, engine);
  const fileNames = files.map((file) => basename(file));
  log(
    `${items.length} labelled texts in ${files.length} files; ${items.filter((item) => item.parts.some((part) => part.eligible)).length} name an OpenAI model.`,
  );

  const { lambdas, scores, lines } = chooseLambdas(items, crossValidate(items, fileNames, log));
  const thresholds = CATEGORIES.map((_, c) => chooseThreshold(items, scores, c));
  const report = [...lines, `thresholds: ${CATEGORIES.map((category, c) => `${category} ${thresholds[c]!.toFixed(4)}`).join(', ')}`];
  report.push('', 'Leave-one-file-out (each file scored by a model trained on the other files), access + calls-on + availability:', '');
  report.push(...renderTable(fileNames, items, (item, c) => scores[items.indexOf(item)]!.gated[c]! >= thresholds[c]!));
  report.push('', 'Per category, all files, out-of-fold:', '', ...categoryTable(items, scores, thresholds));
  if (verbose)
    report.push(
      '',
      'Texts the rules miss or the model adds (out-of-fold probability):',
      '',
      ...listDisagreements(items, scores, thresholds),
    );

  const data = trainModel(items, lambdas, thresholds);
  if (existsSync(DEV_FILE)) {
    const final = new ClaimModel(data);
    const devItems = loadItems([DEV_FILE], engine);
    report.push('', 'Development sentences (never trained on), final model:', '');
    report.push(...renderTable([basename(DEV_FILE)], devItems, (item, c) => modelScores(final, item).gated[c]! >= thresholds[c]!));
  }
  report.push('', `artifact: ${data.bucketDeltas.length} buckets with a weight (of ${FEATURE_BUCKETS})`);
  return { text: artifactText(data, inputsDigest(files), lambdas), report };
}

/**
 * The last step of {@link train} alone: the models trained on all files with
 * the regularisation strengths and thresholds the cross-validation chose
 * (read back from an artifact). Seconds rather than a minute, so a test can
 * check that the artifact is exactly what the script produces.
 */
export function trainFinal(lambdas: readonly number[], thresholds: readonly number[]): { text: string; digest: string } {
  const files = trainingFiles();
  const data = trainModel(loadItems(files, rulesEngine()), lambdas, thresholds);
  const digest = inputsDigest(files);
  return { text: artifactText(data, digest, lambdas), digest };
}

function main(): void {
  const check = process.argv.includes('--check');
  const { text, report } = train((line) => process.stderr.write(`${line}\n`), process.argv.includes('--verbose'));
  for (const line of report) console.log(line);
  if (check) {
    const same = existsSync(ARTIFACT) && readFileSync(ARTIFACT, 'utf8') === text;
    console.log(same ? `${ARTIFACT} is up to date.` : `${ARTIFACT} differs from what training gives now.`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(ARTIFACT, text);
  console.log(`wrote ${ARTIFACT} (${Buffer.byteLength(text)} bytes)`);
}

if (require.main === module) main();
