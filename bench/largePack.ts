/**
 * A synthetic team pack at the scale issue 4 asks for: many rules, each with
 * a distinct phrase, and large word sets referenced from patterns.
 */
export function largePack(ruleCount: number, setMembers: number): string {
  const lines: string[] = ['pack: large', 'sets:'];
  const setCount = 10;
  const perSet = Math.ceil(setMembers / setCount);
  for (let set = 0; set < setCount; set++) {
    lines.push(`  group-${set}:`);
    for (let member = 0; member < perSet; member++) lines.push(`    - "=zq${set}x${member}"`);
  }
  lines.push('rules:');
  for (let rule = 0; rule < ruleCount; rule++) {
    const word = `term${rule.toString(36)}`;
    const pattern =
      rule % 4 === 0
        ? `${word} *2 @group-${rule % setCount}`
        : rule % 4 === 1
          ? `(${word}|${word}x) [really] phrase`
          : `=${word} word${rule % 97}`;
    lines.push(
      `  - id: large/rule-${rule}`,
      '    category: scale',
      '    severity: warning',
      `    message: "avoid {match}"`,
      '    reason: scale test',
      `    patterns: ["${pattern}"]`,
      '    examples: { bad: [], good: [] }',
    );
  }
  return lines.join('\n') + '\n';
}
