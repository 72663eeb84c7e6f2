/**
 * `--format sarif`: SARIF 2.1.0 as accepted by GitHub code scanning. Regions
 * are 1-based with UTF-16 columns (SARIF's default `utf16CodeUnits`), URIs
 * are relative to `%SRCROOT%` (the working directory), and fingerprints are
 * derived from rule, file, matched words and sentence, so they survive edits
 * elsewhere in the file.
 *
 * The log is written file by file. That is why the run's `results` come
 * before its `tool`: the rule catalogue also lists the document problems
 * (such as unused suppressions) found, which are known only at the end.
 */
import { pathToFileURL } from 'node:url';
import type { RuleInfo, Severity } from '../../engine/api';
import { sarifRuleText } from '../../engine/rules/ruleText';
import { FileFingerprints } from './fingerprint';
import { DOCUMENT_PROBLEM_PREFIX, type FileReport, type ReportContext, type ReportFormatter, type ReportRange } from './report';

/** Where the project's documentation lives; used as the tool's informationUri. */
export const INFORMATION_URI = 'https://github.com/termguard/termguard';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Maps an engine severity to a SARIF level (information and hint become `note`). */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function region(range: ReportRange): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** An artifact location: relative (to %SRCROOT%) for relative paths, a file URI for absolute ones. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return {
    uri: file
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/'),
    uriBaseId: '%SRCROOT%',
  };
}

/** A rule's descriptor: its text (summary, reason, help, documentation link) from `sarifRuleText`, level and category. */
function ruleDescriptor(rule: RuleInfo): Record<string, unknown> {
  return {
    id: rule.id,
    ...sarifRuleText(rule),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

function fallbackDescriptor(id: string, severity: Severity): Record<string, unknown> {
  const text = id.startsWith(DOCUMENT_PROBLEM_PREFIX) ? `Termguard document problem: ${id.slice(DOCUMENT_PROBLEM_PREFIX.length)}` : id;
  return {
    id,
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    defaultConfiguration: { level: sarifLevel(severity) },
  };
}

/** `JSON.stringify(value, null, 2)` for a value nested at indentation `pad`. */
function nestedJson(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/** Writes a SARIF 2.1.0 log with one run, result by result. */
export class SarifFormatter implements ReportFormatter {
  private readonly descriptors: Record<string, unknown>[] = [];
  private readonly ruleIndex = new Map<string, number>();
  private resultsWritten = 0;

  constructor(private readonly context: ReportContext) {
    for (const rule of context.rules) {
      if (this.ruleIndex.has(rule.id)) continue;
      this.ruleIndex.set(rule.id, this.descriptors.length);
      this.descriptors.push(ruleDescriptor(rule));
    }
  }

  *file(file: FileReport): Generator<string> {
    const location = artifactLocation(file.file);
    const fingerprints = new FileFingerprints(file.file);
    for (const diagnostic of file.diagnostics) {
      if (!this.ruleIndex.has(diagnostic.ruleId)) {
        this.ruleIndex.set(diagnostic.ruleId, this.descriptors.length);
        this.descriptors.push(fallbackDescriptor(diagnostic.ruleId, diagnostic.severity));
      }
      const fingerprint = fingerprints.next(diagnostic);
      const result: Record<string, unknown> = {
        ruleId: diagnostic.ruleId,
        ruleIndex: this.ruleIndex.get(diagnostic.ruleId),
        level: sarifLevel(diagnostic.severity),
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(diagnostic.range) } }],
        partialFingerprints: { 'termguardFinding/v1': fingerprint },
      };
      if (diagnostic.fixes.length > 0) {
        result.fixes = diagnostic.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
            },
          ],
        }));
      }
      yield `${this.resultsWritten++ === 0 ? this.opening() : ','}\n        ${nestedJson(result, '        ')}`;
    }
  }

  *end(): Generator<string> {
    if (this.resultsWritten === 0) yield `${this.opening()}]`;
    else yield '\n      ]';
    const root = this.context.srcRoot.endsWith('/') ? this.context.srcRoot : `${this.context.srcRoot}/`;
    const tool = {
      driver: {
        name: 'Termguard',
        version: this.context.toolVersion,
        semanticVersion: this.context.toolVersion,
        informationUri: INFORMATION_URI,
        rules: this.descriptors,
      },
    };
    const baseIds = { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } };
    yield `,\n      "tool": ${nestedJson(tool, '      ')},\n      "originalUriBaseIds": ${nestedJson(baseIds, '      ')},\n      "columnKind": "utf16CodeUnits"\n    }\n  ]\n}\n`;
  }

  /** The log up to the opening bracket of the results. */
  private opening(): string {
    return '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [';
  }
}
