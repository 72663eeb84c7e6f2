/**
 * Recognises places on AWS that a word list cannot name:
 *
 * - region codes by their shape (us-east-1, eu-west-2, ap-southeast-1,
 *   us-gov-west-1), so that "GPT-5 is deployable in us-east-1" places the
 *   model on AWS as "in Amazon Bedrock" does;
 * - the company's full name, "Amazon Web Services", which becomes one token
 *   so that a pattern reads it as one word ("Amazon Web Services now hosts
 *   GPT-4o" as "AWS now hosts GPT-4o");
 * - compounds that name a part of AWS ("bedrock-runtime", "aws-console",
 *   "Bedrock-endpoint"), which place what is in them on AWS as the name
 *   does; they are tagged as the full name is. Adjectives ("AWS-hosted")
 *   are not places: they describe the noun after them ("an AWS-hosted state
 *   layer"), which the patterns read.
 */
import type { Token } from '../text/tokenize';
import { TAG_AWS_NAME, TAG_AWS_REGION } from './tags';

const REGION =
  /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-(?:east|west|north|south|central|northeast|northwest|southeast|southwest)-\d{1,2}$/;

/** A regular-expression source (ASCII, case-insensitive, between `\b`) that every region code contains as a whole word, for the prose filter. */
export const AWS_REGION_SURFACE = '(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z-]+-\\d{1,2}';

/** A hyphenated word that names a part of AWS: "bedrock-runtime", "bedrock-agent-runtime", "aws-console". */
const AWS_COMPOUND =
  /^(?:aws|bedrock|amazon)-(?:bedrock-)?(?:agent-)?(?:runtime|console|endpoints?|marketplace|catalog|playground|region|api)$/;

/** True when a lower-cased word is an AWS region code. */
export function isAwsRegionWord(lower: string): boolean {
  // Every region code has a hyphen as its third character ("us-", "eu-"): a cheap test before the expression.
  return lower.charCodeAt(2) === 45 && REGION.test(lower);
}

/**
 * Returns the tokens with region codes tagged `TAG_AWS_REGION` and "Amazon
 * Web Services" made one token tagged `TAG_AWS_NAME`, or the same array when
 * there are none. Linear in the sentence.
 */
export function tagAwsPlaces(tokens: readonly Token[]): readonly Token[] {
  let tagged: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tag === undefined && isAwsRegionWord(token.lower)) {
      (tagged ??= tokens.slice(0, i)).push({ ...token, tag: TAG_AWS_REGION });
    } else if (token.tag === undefined && isAwsCompound(token.lower)) {
      (tagged ??= tokens.slice(0, i)).push({ ...token, tag: TAG_AWS_NAME });
    } else if (token.lower === 'amazon' && isFullName(tokens, i)) {
      const last = tokens[i + 2]!;
      (tagged ??= tokens.slice(0, i)).push({
        ...token,
        end: last.end,
        text: `${token.text} ${tokens[i + 1]!.text} ${last.text}`,
        lower: 'amazon web services',
        tag: TAG_AWS_NAME,
      });
      i += 2;
    } else {
      tagged?.push(token);
    }
  }
  return tagged ?? tokens;
}

/** True when a lower-cased word is a compound that names a part of AWS ("bedrock-runtime"); cheap tests before the expression. */
function isAwsCompound(lower: string): boolean {
  const hyphen = lower.indexOf('-');
  return (hyphen === 3 || hyphen === 6 || hyphen === 7) && AWS_COMPOUND.test(lower);
}

/** "Amazon Web Services" at `i`, written as three words with nothing but spaces between. */
function isFullName(tokens: readonly Token[], i: number): boolean {
  const web = tokens[i + 1];
  const services = tokens[i + 2];
  return (
    web !== undefined &&
    services !== undefined &&
    web.lower === 'web' &&
    services.lower === 'services' &&
    !web.punctBefore &&
    !services.punctBefore &&
    !web.opaque &&
    !services.opaque
  );
}
