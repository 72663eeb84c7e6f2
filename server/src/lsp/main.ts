/**
 * Entry point of the bundled server (`dist/server.js`). The VS Code
 * extension starts it over Node IPC; `--stdio` selects standard streams
 * (other editors, and bench/lspLatency.ts).
 */
import { startServer } from './server';

startServer(process.argv.includes('--stdio') ? 'stdio' : 'ipc');
