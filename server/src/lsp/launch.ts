/**
 * How the language server process is started: the Node options the VS Code
 * client passes, which bench/lspLatency.ts uses too, so the benchmark
 * measures the server as the extension runs it.
 *
 * V8 gives the young generation up to 16 MB per semi-space (32 MB resident
 * once it has grown). The server's garbage per keystroke is small, so 4 MB
 * semi-spaces cost no measurable latency and keep about 30 MB off the
 * server's resident memory with a 100,000-line document open.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4'];
