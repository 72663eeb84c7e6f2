/**
 * HTML prose extraction, and the markup of Vue and Svelte components.
 *
 * Prose is the text of the page and the attributes a reader sees (`alt`,
 * `title`, `aria-label`, `placeholder`, a `<meta name="description">`'s
 * `content`, `<title>`); scripts, styles, `<pre>`, `<code>`, `<kbd>`,
 * `<samp>`, `<template>` and comments are not. Comments are reported for
 * suppression directives (`<!-- termguard-disable-next-line -->`).
 */
import { Tokenizer } from 'htmlparser2';
import type { ProseBlock } from '../prose';
import { HtmlReader, type HtmlDialect } from './htmlReader';

/**
 * How much text the tokenizer reads before finished blocks are handed out:
 * small enough that an incremental re-check that stops after a few blocks
 * reads little, large enough that the per-write cost does not show.
 */
const CHUNK = 16_384;

const HTML: HtmlDialect = { templateIsProse: false, expressions: 'none', skipped: new Set() };
const VUE: HtmlDialect = { templateIsProse: true, expressions: 'mustache', skipped: new Set(['i18n']) };
const SVELTE: HtmlDialect = { templateIsProse: false, expressions: 'braces', skipped: new Set() };

function* scan(text: string, from: number, dialect: HtmlDialect): Generator<ProseBlock> {
  const len = text.length;
  const start = from > 0 ? (from < len ? from : len) : 0;
  if (start >= len) return;
  const reader = new HtmlReader(text, start, dialect);
  const tokenizer = new Tokenizer({ decodeEntities: true }, reader);
  for (let pos = start; pos < len; pos += CHUNK) {
    tokenizer.write(text.slice(pos, Math.min(len, pos + CHUNK)));
    if (reader.ready.length > 0) yield* reader.ready.splice(0);
  }
  tokenizer.end();
  yield* reader.ready.splice(0);
}

/**
 * Cuts an HTML document into blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`, each starting
 * at a line start. A unit is the text of one block-level element (inline
 * elements such as `<b>` and `<a>` join the words around them; a blank line
 * also ends a unit) or one prose attribute value. Inline `<code>`, `<kbd>`,
 * `<samp>`, `<img>` and the like stand for one word that matches nothing.
 * Character references keep exact ranges: a space-like one separates words,
 * others read as the punctuation or letter they stand for (see `entities.ts`).
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on. Never throws; runs in time linear in the length of the
 * text.
 */
export function scanHtmlBlocks(text: string, from = 0): Generator<ProseBlock> {
  return scan(text, from, HTML);
}

/**
 * Cuts a Vue single-file component into blocks with the prose of its
 * `<template>`: as {@link scanHtmlBlocks}, with `<script>`, `<style>` and
 * `<i18n>` blocks skipped, `{{ expressions }}` standing for one word, and
 * bound attributes (`:title`, `v-bind:title`) not read.
 */
export function scanVueBlocks(text: string, from = 0): Generator<ProseBlock> {
  return scan(text, from, VUE);
}

/**
 * Cuts a Svelte component into blocks with the prose of its markup: as
 * {@link scanHtmlBlocks}, with `{expressions}` standing for one word and
 * block tags (`{#if}`, `{:else}`, `{/if}`) ending the unit.
 */
export function scanSvelteBlocks(text: string, from = 0): Generator<ProseBlock> {
  return scan(text, from, SVELTE);
}
