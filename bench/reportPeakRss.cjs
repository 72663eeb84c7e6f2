// Preloaded into a measured process: reports its peak resident set size on exit.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
