import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinEngine } from '../helpers/builtinEngine';

function ruleIdsByLine(text: string): string[] {
  const result = builtinEngine().check(text, 'markdown');
  return result.findings.map((finding) => `${text.slice(0, finding.range.start).split('\n').length} ${finding.ruleId}`);
}

function unusedSuppressionLines(text: string): number[] {
  return builtinEngine()
    .check(text, 'markdown')
    .problems.filter((problem) => problem.code === 'unused-suppression')
    .map((problem) => problem.line + 1);
}

const CALLS = 'The agent calls on ChatGPT.';
const NAME = 'It runs on AWS bedrock.';

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = `<!-- termguard-disable-next-line memo/calls-on -->\n${CALLS}\n${CALLS}\n`;
    assert.deepEqual(ruleIdsByLine(text), ['3 memo/calls-on']);
  });

  it('disable-next-line skips blank lines and leaves other rules alone', () => {
    const text = `<!-- termguard-disable-next-line names/bedrock -->\n\nThe agent calls on ChatGPT. It runs on AWS bedrock.\n`;
    assert.deepEqual(ruleIdsByLine(text), ['3 memo/calls-on']);
  });

  it('disable ... enable covers the lines between, for several rules', () => {
    const text = `<!-- termguard-disable memo/calls-on, names/bedrock -->\n${CALLS}\n\n${NAME}\n<!-- termguard-enable memo/calls-on -->\n${CALLS}\n\n${NAME}\n`;
    assert.deepEqual(ruleIdsByLine(text), ['6 memo/calls-on']);
  });

  it('disable without rule names covers every rule until enable', () => {
    const text = `<!-- termguard-disable -->\n${CALLS}\n\n${NAME}\n<!-- termguard-enable -->\n${NAME}\n`;
    assert.deepEqual(ruleIdsByLine(text), ['6 names/bedrock']);
  });

  it('disable-file covers the whole file, wherever it stands', () => {
    const text = `${CALLS}\n\n${NAME}\n\n<!-- termguard-disable-file names/bedrock -->\n`;
    assert.deepEqual(ruleIdsByLine(text), ['1 memo/calls-on']);
  });

  it('reports a suppression that suppresses nothing as a hint', () => {
    const text = `<!-- termguard-disable-next-line memo/calls-on -->\nNothing to see here.\n\n<!-- termguard-disable-next-line names/bedrock -->\n${NAME}\n`;
    assert.deepEqual(unusedSuppressionLines(text), [1]);
    const problem = builtinEngine().check(text, 'markdown').problems[0]!;
    assert.equal(problem.severity, 'hint');
    assert.match(problem.message, /suppresses nothing/);
  });

  it('ignores directives inside code blocks', () => {
    const text = '```\n<!-- termguard-disable-file -->\n```\n\n' + CALLS + '\n';
    assert.deepEqual(ruleIdsByLine(text), ['5 memo/calls-on']);
  });
});
