/**
 * The entry point of the browser build of the server (dist/web/server.js):
 * runs in the web worker the browser client starts, talks LSP over the
 * worker's messages, with the built-in packs bundled in by build.mjs.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import builtinPacks from 'termguard:builtin-packs';
import { startWebServer } from './webServer';

/** The worker's global scope: a message port as far as the connection is concerned. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startWebServer(connection, { builtinPacks });
connection.listen();
