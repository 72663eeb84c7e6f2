import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeDocument, discoverFiles, encodeDocument, firstInvalidUtf8Byte, readDocument } from '../../server/src/project/fileDiscovery';
import { tempTree } from '../helpers/cliRun';

test('walks directories for .md/.markdown/.txt, honouring nested .gitignore files and skipping .git/node_modules', () => {
  const root = tempTree({
    '.git/HEAD': 'ref',
    '.git/notes.md': 'x',
    '.gitignore': 'build/\n*.draft.md\n',
    'README.md': '#',
    'notes.txt': 'x',
    'page.markdown': 'x',
    'image.png': 'x',
    'a.draft.md': 'x',
    'build/out.md': 'x',
    'node_modules/pkg/README.md': 'x',
    'docs/.gitignore': 'private/\n!keep.draft.md\n',
    'docs/guide.md': 'x',
    'docs/keep.draft.md': 'x',
    'docs/private/secret.md': 'x',
    '.github/PULL_REQUEST_TEMPLATE.md': 'x',
  });
  const result = discoverFiles(['.'], root);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(
    result.files.map((file) => file.displayPath),
    ['.github/PULL_REQUEST_TEMPLATE.md', 'README.md', 'docs/guide.md', 'docs/keep.draft.md', 'notes.txt', 'page.markdown'],
  );
  assert.deepEqual(
    result.files.map((file) => file.kind),
    ['markdown', 'markdown', 'markdown', 'markdown', 'plaintext', 'markdown'],
  );
});

test('.gitignore of ancestors up to the repository root applies to a walked subfolder', () => {
  const root = tempTree({ '.git/HEAD': 'x', '.gitignore': 'docs/generated/\n', 'docs/a.md': 'x', 'docs/generated/b.md': 'x' });
  const result = discoverFiles(['docs'], root);
  assert.deepEqual(
    result.files.map((file) => file.displayPath),
    ['docs/a.md'],
  );
});

test('explicit files are taken whatever their extension or .gitignore; duplicates collapse', () => {
  const root = tempTree({ '.gitignore': 'ignored.md\n', 'ignored.md': 'x', 'notes.rst': 'x' });
  const result = discoverFiles(['ignored.md', 'notes.rst', './notes.rst', path.join(root, 'notes.rst')], root);
  assert.deepEqual(
    result.files.map((file) => [file.displayPath, file.kind, file.explicit]),
    [
      ['ignored.md', 'markdown', true],
      ['notes.rst', 'rst', true],
    ],
  );
});

test('globs expand relative to cwd, match any extension, still skip ignored files', () => {
  const root = tempTree({
    '.gitignore': 'docs/skip.rst\n',
    'docs/a.md': 'x',
    'docs/sub/b.rst': 'x',
    'docs/skip.rst': 'x',
    'other/c.md': 'x',
  });
  assert.deepEqual(
    discoverFiles(['docs/**/*.rst'], root).files.map((file) => file.displayPath),
    ['docs/sub/b.rst'],
  );
  assert.deepEqual(
    discoverFiles(['./**/*.md'], root).files.map((file) => file.displayPath),
    ['docs/a.md', 'other/c.md'],
  );
  assert.deepEqual(
    discoverFiles(['*/c.md'], root).files.map((file) => file.displayPath),
    ['other/c.md'],
  );
});

test('missing paths and empty globs are usage errors; `-` means stdin', () => {
  const root = tempTree({ 'a.md': 'x' });
  const result = discoverFiles(['nope.md', 'none/**/*.md', '-', 'a.md'], root);
  assert.equal(result.errors.length, 2);
  assert.match(result.errors[0]!, /nope\.md: no such file or directory/);
  assert.match(result.errors[1]!, /none\/\*\*\/\*\.md: no files match/);
  assert.equal(result.stdin, true);
  assert.deepEqual(
    result.files.map((file) => file.displayPath),
    ['a.md'],
  );
});

test('symbolic links to folders are not followed (no cycles)', () => {
  const root = tempTree({ 'docs/a.md': 'x' });
  fs.symlinkSync(root, path.join(root, 'docs', 'loop'));
  const result = discoverFiles(['.'], root);
  assert.deepEqual(
    result.files.map((file) => file.displayPath),
    ['docs/a.md'],
  );
});

test('decodeDocument: BOM kept aside, binary, UTF-16 and invalid UTF-8 refused with location', () => {
  const bom = decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
  assert.deepEqual(bom, { ok: true, text: 'a', bom: true });
  assert.deepEqual(encodeDocument('a', true), new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
  assert.deepEqual(decodeDocument(new Uint8Array()), { ok: true, text: '', bom: false });

  const binary = decodeDocument(new Uint8Array([0x61, 0x00, 0x62]));
  assert.equal(binary.ok, false);
  assert.equal(!binary.ok && binary.reason, 'binary');

  const utf16 = decodeDocument(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
  assert.match(!utf16.ok ? utf16.message : '', /UTF-16/);

  const invalid = decodeDocument(new Uint8Array([...new TextEncoder().encode('ok\nline two '), 0xc3, 0x28]));
  assert.equal(invalid.ok, false);
  assert.match(!invalid.ok ? invalid.message : '', /offset 12, line 2/);
});

test('firstInvalidUtf8Byte follows RFC 3629', () => {
  const valid = new TextEncoder().encode('aé€😀');
  assert.equal(firstInvalidUtf8Byte(valid), valid.length);
  assert.equal(firstInvalidUtf8Byte(new Uint8Array([0xc0, 0x80])), 0); // overlong
  assert.equal(firstInvalidUtf8Byte(new Uint8Array([0x61, 0xed, 0xa0, 0x80])), 1); // surrogate
  assert.equal(firstInvalidUtf8Byte(new Uint8Array([0x61, 0xe2, 0x82])), 1); // truncated
  assert.equal(firstInvalidUtf8Byte(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0); // > U+10FFFF
});

test('readDocument refuses files over the size limit before reading them', () => {
  const root = tempTree({ 'big.md': 'x'.repeat(100), 'empty.md': '' });
  const big = readDocument(path.join(root, 'big.md'), 99);
  assert.equal(!big.ok && big.reason, 'too-large');
  assert.equal(readDocument(path.join(root, 'big.md'), 100).ok, true);
  assert.deepEqual(readDocument(path.join(root, 'empty.md'), 100), { ok: true, text: '', bom: false });
  const missing = readDocument(path.join(root, 'gone.md'), 100);
  assert.equal(!missing.ok && missing.reason, 'unreadable');
});
