/**
 * Documents of every kind (MDX, HTML, AsciiDoc, reStructuredText, source
 * code, a commit message, a notebook, a locale file), written without
 * seeing the readers or the rules, each read as the CLI reads it (the kind
 * from its file name). EXPECTED.txt lists `FILE:LINE RULE-ID`; the claim
 * model's `memo/likely-*` finding counts for the rule of its category.
 * First, blind measurement: precision 0.985, recall 0.955 (documents-by-kind);
 * 0.969, 0.969 (documents-by-kind-2: Markdown, HTML, AsciiDoc,
 * reStructuredText, Python and a plain-text changelog).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { LineIndex } from '../../server/src/engine/index';
import { kindOfPath } from '../../server/src/project/fileDiscovery';
import { builtinEngine, listedEntryOf, readDocumentExpectations } from '../helpers/builtinEngine';

/** The label files beside the documents: everything else in a folder is a document. */
const LABEL_FILES = new Set(['EXPECTED.txt', 'NOT-PROSE.txt']);

for (const name of ['documents-by-kind', 'documents-by-kind-2']) {
  const folder = join(__dirname, '../fixtures', name);
  it(`finds the expected claims in ${name}, at precision and recall of at least 0.95`, () => {
    const expectations = readDocumentExpectations(folder);
    const { required, allowed } = expectations;
    const found = new Set<string>();
    for (const file of readdirSync(folder).filter((entry) => !LABEL_FILES.has(entry))) {
      const text = readFileSync(join(folder, file), 'utf8');
      const lines = new LineIndex(text);
      for (const finding of builtinEngine().check(text, kindOfPath(file)).findings) {
        const entry = `${file}:${lines.positionAt(finding.range.start).line + 1} ${finding.ruleId}`;
        found.add(listedEntryOf(entry, finding, expectations) ?? entry);
      }
    }
    const missed = [...required].filter((entry) => !found.has(entry));
    const unexpected = [...found].filter((entry) => !required.has(entry) && !allowed.has(entry));
    const truePositives = required.size - missed.length;
    const precision = truePositives / (truePositives + unexpected.length);
    const recall = truePositives / required.size;
    const report = `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\nmissed: ${missed.join(', ')}\nunexpected: ${unexpected.join(', ')}`;
    assert.ok(precision >= 0.95 && recall >= 0.95, report);
  });
}
