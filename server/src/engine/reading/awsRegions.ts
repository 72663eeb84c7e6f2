import type { Token } from '../text/tokenize';
import { TAG_AWS_REGION } from './tags';

/**
 * Recognises AWS region codes by their shape (us-east-1, eu-west-2,
 * ap-southeast-1, us-gov-west-1), so that "GPT-5 is deployable in
 * us-east-1" places the model on AWS as "in Amazon Bedrock" does.
 */
const REGION = /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-(?:east|west|north|south|central|northeast|northwest|southeast|southwest)-\d{1,2}$/;

/** A regular-expression source (ASCII, case-insensitive, between `\b`) that every region code contains as a whole word, for the prose filter. */
export const AWS_REGION_SURFACE = '(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z-]+-\\d{1,2}';

/** True when a lower-cased word is an AWS region code. */
export function isAwsRegionWord(lower: string): boolean {
  // Every region code has a hyphen as its third character ("us-", "eu-"): a cheap test before the expression.
  return lower.charCodeAt(2) === 45 && REGION.test(lower);
}

/** Returns the tokens with region codes tagged `TAG_AWS_REGION`, or the same array when there are none. */
export function tagAwsRegions(tokens: readonly Token[]): readonly Token[] {
  let tagged: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tag === undefined && isAwsRegionWord(token.lower)) {
      tagged ??= tokens.slice();
      tagged[i] = { ...token, tag: TAG_AWS_REGION };
    }
  }
  return tagged ?? tokens;
}
