// Preloaded into a measured process: reports the CPU time of all its threads on exit (from the main thread only).
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`\ncpu-ms ${Math.round((user + system) / 1000)}\n`);
  });
}
