/**
 * Scans the Markdown text it is given in a worker thread and posts how many
 * blocks it found, so a test can stop a scan that hangs (prose-markdown.test.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanMarkdownBlocks } from '../../server/src/engine/prose/markdown/markdownReader';

let count = 0;
for (const block of scanMarkdownBlocks(workerData as string)) if (block.end > block.start) count++;
parentPort?.postMessage(count);
