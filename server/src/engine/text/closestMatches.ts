/**
 * "Did you mean" suggestions: the known names closest to a mistyped one
 * (rule ids, word sets, commands). Pure string work, shared by the CLI and
 * the language server's quick fixes.
 */

/** Edit distance between two strings (case-insensitive), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** Up to `limit` candidates close to `wanted`: containing it, or within a third of its length in edits. */
export function closestMatches(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const lower = wanted.toLowerCase();
  const threshold = Math.max(2, Math.ceil(wanted.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => {
      const candidateLower = candidate.toLowerCase();
      const contains = candidateLower.includes(lower) || (lower.length >= 3 && lower.includes(candidateLower));
      const tail = candidateLower.slice(candidateLower.lastIndexOf('/') + 1);
      const distance = Math.min(editDistance(lower, candidateLower), editDistance(lower, tail));
      return { candidate, score: contains ? 0 : distance };
    })
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
