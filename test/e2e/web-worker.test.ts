/**
 * The browser build of the server as bundled (dist/web/server.js) started in
 * a worker thread, the Node stand-in for a browser's web worker: its global
 * `self` is a MessagePort, exactly the interface the bundle's
 * BrowserMessageReader/Writer use. It must start without Node built-ins and
 * check a Markdown document with the bundled built-in packs. Skipped, with
 * the reason, when dist/ is not built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { connectWebClient, WEB_FOLDER } from '../helpers/webServerClient';

const bundle = path.join(__dirname, '../../dist/web/server.js');

/** Runs the bundle as a browser would: no require, no process, `self` the worker's port. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const source = require('node:fs').readFileSync(workerData.bundle, 'utf8');
new Function('self', 'require', 'process', 'module', 'exports', source)(workerData.port, undefined, undefined, undefined, undefined);
`;

test(
  'the bundled web worker server starts and checks a Markdown document over a message port',
  { skip: fs.existsSync(bundle) ? false : 'dist/web/server.js is missing: run `npm run build` first', timeout: 60_000 },
  async () => {
    const channel = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle, port: channel.port2 }, transferList: [channel.port2] });
    const errors: Error[] = [];
    worker.on('error', (error) => errors.push(error));
    const client = await connectWebClient(channel.port1, {}, true);
    try {
      const uri = `${WEB_FOLDER}/README.md`;
      await client.open(uri, '# Launch\n\nThe SRE calls on ChatGPT.\n');
      const published = await client.diagnosticsOf(uri);
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
        [['memo/calls-on', 2]],
      );
      assert.deepEqual(errors, []);
    } finally {
      client.dispose();
      channel.port1.close();
      await worker.terminate();
    }
  },
);
