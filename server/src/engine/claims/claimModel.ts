/**
 * The claim model: one L2-regularised logistic regression per memo category
 * (access, calls-on, availability) over the hashed features of
 * claimFeatures.ts, trained by tools/train-claim-model.ts and shipped as
 * claimModel.generated.json. It is a second reader beside the rules: it
 * reads sentences that name an OpenAI model and says how much each one looks
 * like a forbidden claim, catching wordings no pattern lists. docs/claim-model.md
 * describes how it was trained and measured.
 *
 * Weights are stored sparsely (only buckets some training sentence had, as
 * integers over `scale`), so the artifact stays small and loads as plain
 * JSON in Node and in a browser.
 */
import { forEachFeature, type ClaimToken, type ClaimWord } from './claimFeatures';

/** The model categories, in the order of the artifact's weight columns. */
export type ClaimCategory = 'access' | 'calls-on' | 'availability';

/** The artifact as written by the training script. */
export interface ClaimModelData {
  readonly format: 1;
  readonly categories: readonly ClaimCategory[];
  /** Per category: the intercept, and the probability from which a sentence is reported. */
  readonly bias: readonly number[];
  readonly thresholds: readonly number[];
  /** Weights are integers; divide by this. */
  readonly scale: number;
  /** Buckets with a weight, ascending, each written as the difference to the previous one. */
  readonly bucketDeltas: readonly number[];
  /** For each bucket, one integer weight per category, category-major within a bucket. */
  readonly weights: readonly number[];
}

/** One category's verdict on a sentence. */
export interface ClaimVerdict {
  readonly category: ClaimCategory;
  readonly probability: number;
  readonly reported: boolean;
}

/**
 * A loaded model. Lookups go through an open-addressing table of the stored
 * buckets in one typed array, each slot holding the bucket and its weights
 * side by side, so a lookup costs about one memory access: scoring a
 * sentence is bound by cache misses, not arithmetic.
 */
export class ClaimModel {
  readonly categories: readonly ClaimCategory[];
  private readonly bias: Float64Array;
  private readonly thresholds: Float64Array;
  /**
   * Slot `i` is `table[i * stride]`, the bucket (-1 when empty; buckets are
   * below 2^18, exact in a float), followed by its weight per category.
   */
  private readonly table: Float32Array;
  private readonly stride: number;
  private readonly mask: number;

  constructor(data: ClaimModelData) {
    if (data.format !== 1) throw new Error(`unsupported claim model format ${String(data.format)}`);
    const width = data.categories.length;
    const { bucketDeltas, weights, scale } = data;
    if (weights.length !== bucketDeltas.length * width) throw new Error('claim model weights do not match its buckets');
    this.categories = data.categories;
    this.bias = Float64Array.from(data.bias);
    this.thresholds = Float64Array.from(data.thresholds);
    this.stride = width + 1;
    // At most two thirds full: probes stay short, and the table small enough to stay in cache.
    let capacity = 16;
    while (capacity * 2 < bucketDeltas.length * 3) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Float32Array(capacity * this.stride);
    for (let slot = 0; slot < capacity; slot++) this.table[slot * this.stride] = -1;
    let bucket = 0;
    for (let row = 0; row < bucketDeltas.length; row++) {
      bucket += bucketDeltas[row]!;
      let slot = spread(bucket) & this.mask;
      while (this.table[slot * this.stride] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot * this.stride] = bucket;
      for (let c = 0; c < width; c++) this.table[slot * this.stride + 1 + c] = weights[row * width + c]! / scale;
    }
  }

  /** Where in the table a bucket's weights start, or -1 when no training sentence had it. */
  private weightsAt(bucket: number): number {
    for (let slot = spread(bucket) & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.table[slot * this.stride]!;
      if (stored === bucket) return slot * this.stride + 1;
      if (stored === -1) return -1;
    }
  }

  /** The linear score (log-odds) of every category for a featurised sentence. */
  logits(words: readonly ClaimWord[]): Float64Array {
    const width = this.categories.length;
    const sums = new Float64Array(width);
    let count = 0;
    forEachFeature(words, (bucket) => {
      count++;
      const at = this.weightsAt(bucket);
      if (at < 0) return;
      for (let c = 0; c < width; c++) sums[c]! += this.table[at + c]!;
    });
    // Feature values are 1/sqrt(count): long sentences do not win by length alone.
    const norm = count > 0 ? 1 / Math.sqrt(count) : 0;
    for (let c = 0; c < width; c++) sums[c] = this.bias[c]! + sums[c]! * norm;
    return sums;
  }

  /** Every category's probability for a sentence, and whether it reaches the reporting threshold. */
  judge(words: readonly ClaimWord[]): ClaimVerdict[] {
    const logits = this.logits(words);
    return this.categories.map((category, c) => {
      const probability = 1 / (1 + Math.exp(-logits[c]!));
      return { category, probability, reported: probability >= this.thresholds[c]! };
    });
  }

  /**
   * The features that pushed a sentence towards `category` most, each
   * mapped back to the words it was built from, as written: at most `limit`
   * distinct phrases, strongest first. Names stand for themselves ("GPT-4o"),
   * even though the model saw only their entity token.
   */
  evidence(category: ClaimCategory, words: readonly ClaimWord[], tokens: readonly ClaimToken[], limit = 3): Evidence[] {
    const c = this.categories.indexOf(category);
    const features: { weight: number; firstWord: number; lastWord: number }[] = [];
    forEachFeature(words, (bucket, firstWord, lastWord) => {
      const at = this.weightsAt(bucket);
      const weight = at < 0 ? 0 : this.table[at + c]!;
      if (weight > 0) features.push({ weight, firstWord, lastWord });
    });
    // Stable order for equal weights: the earlier words first.
    features.sort((a, b) => b.weight - a.weight || a.firstWord - b.firstWord || a.lastWord - b.lastWord);
    const picked: Evidence[] = [];
    for (const feature of features) {
      const span = tokenSpan(words, feature.firstWord, feature.lastWord);
      if (!span) continue;
      const text = tokenText(tokens, span.firstToken, span.lastToken);
      // Overlapping phrases would name the same words twice ("on GPT-5", "GPT-5").
      if (text.length === 0 || picked.some((other) => other.firstToken <= span.lastToken && span.firstToken <= other.lastToken)) continue;
      picked.push({ text, ...span });
      if (picked.length === limit) break;
    }
    return picked;
  }
}

/** A phrase of the sentence that weighed towards a verdict, and the tokens it covers (inclusive). */
export interface Evidence {
  readonly text: string;
  readonly firstToken: number;
  readonly lastToken: number;
}

/** The tokens covered by words `[first, last]`, leaving out clause marks; undefined when only marks remain. */
function tokenSpan(words: readonly ClaimWord[], first: number, last: number): { firstToken: number; lastToken: number } | undefined {
  let firstToken = -1;
  let lastToken = -1;
  for (let w = first; w <= last; w++) {
    const word = words[w]!;
    if (word.firstToken < 0) continue;
    if (firstToken < 0) firstToken = word.firstToken;
    lastToken = word.lastToken;
  }
  return firstToken < 0 ? undefined : { firstToken, lastToken };
}

/** Mixes a bucket number so that neighbouring buckets do not cluster in the table. */
function spread(bucket: number): number {
  return Math.imul(bucket, 0x9e3779b1) >>> 13;
}

function tokenText(tokens: readonly ClaimToken[], first: number, last: number): string {
  let text = '';
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    if (token.opaque) continue;
    text += text.length === 0 || token.lower === "'s" ? token.text : ' ' + token.text;
  }
  return text;
}
