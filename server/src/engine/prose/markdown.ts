/**
 * Markdown prose extraction.
 *
 * A single-pass, line-oriented block parser modelled on the CommonMark block
 * algorithm (containers, lazy continuation, leaf blocks) plus GFM tables, task
 * lists, strikethrough and bare URLs, followed by an inline pass per paragraph
 * that marks the non-prose ranges. It never builds a syntax tree: it only
 * needs to know which source ranges are prose.
 *
 * Top-level blocks are parsed independently of everything before them, which
 * is what makes restarting at a block start produce the same blocks.
 */
import type { CommentSpan, ProseBlock, ProseSegment, ProseUnit } from './prose';

// ---------------------------------------------------------------------------
// Character classes

const PUNCT = new Uint8Array(128);
for (const ch of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') PUNCT[ch.charCodeAt(0)] = 1;

/**
 * Characters at which the inline scanner has to stop and look, indexed by any
 * UTF-16 code unit so that the hot loop needs a single lookup per character.
 */
const SPECIAL = new Uint8Array(65536);
for (const ch of '\\`*_~[]!<:.') SPECIAL[ch.charCodeAt(0)] = 1;

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

function isWs(c: number): boolean {
  if (c < 128) return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isPunct(c: number): boolean {
  if (c < 128) return PUNCT[c] === 1;
  return UNICODE_PUNCT.test(String.fromCharCode(c));
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

function isLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

const K_MARKUP = 1;
const K_OPAQUE = 2;
const K_COMMENT = 3;
/** A `[` that becomes markup only if a matching `]` turns it into a link. */
const K_PENDING = 4;

// ---------------------------------------------------------------------------
// Inline pass. It reads string S between S0 and SN. Usually S is the document
// and a unit's lines are read in place: the gaps between them hold only
// whitespace, which the inline rules treat like a line break. When a gap holds
// block-quote markers, the lines are joined with '\n' into a separate string
// instead, so that no rule ever sees a `>` that belongs to a container.

let S = '';
let S0 = 0;
let SN = 0;
/** Line tables: start and end of each line in S, and its start in the source. */
let LB = new Int32Array(64);
let LE = new Int32Array(64);
let LS = new Int32Array(64);
let nL = 0;

/** Marks: (start, end, kind) triples in S offsets, sorted, non-overlapping. */
let MK = new Int32Array(3 * 128);
let nM = 0;

/** Open-bracket stack: offset, mark index, 1 for `![`. */
let BRP = new Int32Array(32);
let BRM = new Int32Array(32);
let BRI = new Uint8Array(32);
let nBr = 0;
/** Link openers below this stack index are inactive (links cannot contain links). */
let brWater = 0;

/** Last start of a backtick run of each length seen by closer searches (valid when stamped). */
const BT_LAST = new Int32Array(256);
const BT_STAMP = new Int32Array(256);
let btGen = 0;
let btScanned = false;

/** Work allowance for speculative scans that can fail, which keeps hostile input linear. */
let budget = 0;
/** How far the last failed speculative scan read. */
let scanReach = 0;
/** From these offsets on there is no closing `-->`, `?>`, `]]>`, `>` respectively. */
let noCommentEnd = 0;
let noPiEnd = 0;
let noCdataEnd = 0;
let noGt = 0;

function growLines(): void {
  const size = LB.length * 2;
  const lb = new Int32Array(size);
  lb.set(LB);
  LB = lb;
  const le = new Int32Array(size);
  le.set(LE);
  LE = le;
  const ls = new Int32Array(size);
  ls.set(LS);
  LS = ls;
}

/** Sets up the inline pass for source lines [starts[i], ends[i]) with i in [from, to). */
function loadLines(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number): void {
  while (to - from > LB.length) growLines();
  let inPlace = true;
  for (let i = from + 1; i < to && inPlace; i++) {
    for (let q = ends[i - 1]; q < starts[i]; q++) {
      if (text.charCodeAt(q) === 62) {
        inPlace = false;
        break;
      }
    }
  }
  nL = to - from;
  if (inPlace) {
    S = text;
    for (let i = 0; i < nL; i++) {
      LB[i] = LS[i] = starts[from + i];
      LE[i] = ends[from + i];
    }
    S0 = LB[0];
    SN = LE[nL - 1];
    return;
  }
  const parts: string[] = [];
  let off = 0;
  for (let i = 0; i < nL; i++) {
    const s = starts[from + i];
    const e = ends[from + i];
    parts.push(text.slice(s, e));
    LB[i] = off;
    LE[i] = off + (e - s);
    LS[i] = s;
    off += e - s + 1;
  }
  S = parts.join('\n');
  S0 = 0;
  SN = S.length;
}

/** Sets up the inline pass for the single source line [s, e). */
function loadLine(text: string, s: number, e: number): void {
  S = text;
  LB[0] = LS[0] = S0 = s;
  LE[0] = SN = e;
  nL = 1;
}

function mark(s: number, e: number, kind: number): void {
  let i = nM * 3;
  if (i + 3 > MK.length) {
    const mk = new Int32Array(MK.length * 2);
    mk.set(MK);
    MK = mk;
  }
  MK[i++] = s;
  MK[i++] = e;
  MK[i] = kind;
  nM++;
}

function lastMarkEnd(): number {
  return nM === 0 ? S0 : MK[nM * 3 - 2];
}

function pushBracket(pos: number, markIndex: number, image: number): void {
  if (nBr === BRP.length) {
    const p = new Int32Array(nBr * 2);
    p.set(BRP);
    BRP = p;
    const m = new Int32Array(nBr * 2);
    m.set(BRM);
    BRM = m;
    const im = new Uint8Array(nBr * 2);
    im.set(BRI);
    BRI = im;
  }
  BRP[nBr] = pos;
  BRM[nBr] = markIndex;
  BRI[nBr] = image;
  nBr++;
}

function parseInlines(): void {
  const s = S;
  const n = SN;
  nM = 0;
  nBr = 0;
  brWater = 0;
  btGen++;
  btScanned = false;
  budget = 2 * (n - S0) + 1024;
  noCommentEnd = noPiEnd = noCdataEnd = noGt = n + 1;
  let k = S0;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (SPECIAL[c] === 0) {
      k++;
      continue;
    }
    switch (c) {
      case 92: {
        if (k + 1 < n) {
          const d = s.charCodeAt(k + 1);
          if (d === 10 || d === 13) {
            mark(k, k + 1, K_MARKUP);
            k++;
            break;
          }
          if (d < 128 && PUNCT[d] === 1) {
            mark(k, k + 1, K_MARKUP);
            k += 2;
            break;
          }
        }
        k++;
        break;
      }
      case 96: {
        let e = k + 1;
        while (e < n && s.charCodeAt(e) === 96) e++;
        const close = backtickCloser(e, e - k);
        if (close >= 0) {
          mark(k, close, K_OPAQUE);
          k = close;
        } else k = e;
        break;
      }
      case 42:
      case 95:
      case 126: {
        let e = k + 1;
        while (e < n && s.charCodeAt(e) === c) e++;
        if (c === 126 && e - k !== 2) {
          k = e;
          break;
        }
        const before = k > S0 ? s.charCodeAt(k - 1) : 10;
        const after = e < n ? s.charCodeAt(e) : 10;
        const wsB = isWs(before);
        const wsA = isWs(after);
        const pB = !wsB && isPunct(before);
        const pA = !wsA && isPunct(after);
        const left = !wsA && (!pA || wsB || pB);
        const right = !wsB && (!pB || wsA || pA);
        // `_` inside a word (snake_case) is literal, as CommonMark says.
        const markup = c === 95 ? (left && (!right || pB)) || (right && (!left || pA)) : left || right;
        if (markup) mark(k, e, K_MARKUP);
        k = e;
        break;
      }
      case 33: {
        if (k + 1 < n && s.charCodeAt(k + 1) === 91) {
          pushBracket(k, nM, 1);
          k += 2;
        } else k++;
        break;
      }
      case 91: {
        if (k + 1 < n && s.charCodeAt(k + 1) === 94) {
          const e = footnoteRef(k);
          if (e > 0) {
            mark(k, e, K_OPAQUE);
            k = e;
            break;
          }
        }
        mark(k, k + 1, K_PENDING);
        pushBracket(k, nM - 1, 0);
        k++;
        break;
      }
      case 93:
        k = closeBracket(k);
        break;
      case 60:
        k = lessThan(k);
        break;
      case 58:
        k = colon(k);
        break;
      case 46: {
        // `www.` URLs are detected at the dot because `w` is far more common in prose
        if (
          k >= S0 + 3 &&
          (s.charCodeAt(k - 1) | 32) === 119 &&
          (s.charCodeAt(k - 2) | 32) === 119 &&
          (s.charCodeAt(k - 3) | 32) === 119
        ) {
          const st = k - 3;
          if (urlBoundary(st) && lastMarkEnd() <= st) {
            const e = bareUrlEnd(k + 1);
            if (e > 0) {
              mark(st, e, K_OPAQUE);
              k = e;
              break;
            }
          }
        }
        k++;
        break;
      }
      default:
        k++;
    }
  }
}

/** `http://` or `https://` bare URL, detected at its colon. */
function colon(k: number): number {
  const s = S;
  if (k + 2 >= SN || s.charCodeAt(k + 1) !== 47 || s.charCodeAt(k + 2) !== 47) return k + 1;
  let q = k;
  if ((s.charCodeAt(q - 1) | 32) === 115) q--;
  q -= 4;
  if (
    q < S0 ||
    (s.charCodeAt(q) | 32) !== 104 ||
    (s.charCodeAt(q + 1) | 32) !== 116 ||
    (s.charCodeAt(q + 2) | 32) !== 116 ||
    (s.charCodeAt(q + 3) | 32) !== 112 ||
    !urlBoundary(q) ||
    lastMarkEnd() > q
  )
    return k + 1;
  const e = bareUrlEnd(k + 3);
  if (e < 0) return k + 1;
  mark(q, e, K_OPAQUE);
  return e;
}

/** End of the code span whose opening run of `len` backticks ends at `from`, or -1. */
function backtickCloser(from: number, len: number): number {
  if (len > 255) return -1;
  if (btScanned && (BT_STAMP[len] !== btGen || BT_LAST[len] < from)) return -1;
  const s = S;
  const n = SN;
  let q = from;
  while (q < n) {
    if (s.charCodeAt(q) !== 96) {
      q++;
      continue;
    }
    const st = q;
    while (q < n && s.charCodeAt(q) === 96) q++;
    const l = q - st;
    if (l <= 255) {
      BT_LAST[l] = st;
      BT_STAMP[l] = btGen;
    }
    if (l === len) return q;
  }
  btScanned = true;
  return -1;
}

function footnoteRef(k: number): number {
  const s = S;
  const n = SN;
  let q = k + 2;
  while (q < n && q - k < 1000) {
    const c = s.charCodeAt(q);
    if (c === 93) return q > k + 2 ? q + 1 : -1;
    if (c <= 32 || c === 91 || c === 92) return -1;
    q++;
  }
  return -1;
}

function closeBracket(k: number): number {
  if (nBr === 0) return k + 1;
  const t = nBr - 1;
  if (BRI[t] === 0 && t < brWater) {
    nBr--;
    return k + 1;
  }
  const n = SN;
  const next = k + 1 < n ? S.charCodeAt(k + 1) : 0;
  let end = -1;
  if (next === 40) end = linkTail(k + 1);
  if (end < 0 && next === 91) end = linkLabel(k + 1);
  const definite = end > 0;
  // `[text]` counts as a link whether or not a definition exists, because
  // definitions can live in other blocks and blocks must parse independently.
  if (end < 0) end = k + 1;
  if (BRI[t] === 1) {
    nM = BRM[t];
    mark(BRP[t], end, K_OPAQUE);
  } else {
    MK[BRM[t] * 3 + 2] = K_MARKUP;
    mark(k, end, K_MARKUP);
    // Only a certain link makes outer brackets literal; a shortcut may be plain text.
    if (definite) brWater = t;
  }
  nBr = t;
  if (brWater > nBr) brWater = nBr;
  return end;
}

function skipWsNl(q: number): number {
  const s = S;
  const n = SN;
  while (q < n) {
    const c = s.charCodeAt(q);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    q++;
  }
  return q;
}

/** `(destination "title")` starting at `j`; returns the offset after `)`, or -1. */
function linkTail(j: number): number {
  if (budget < 0) return -1;
  const e = linkTailScan(j);
  if (e < 0) budget -= scanReach - j + 1;
  return e;
}

function linkTailScan(j: number): number {
  const s = S;
  const n = SN;
  let q = skipWsNl(j + 1);
  scanReach = q;
  if (q >= n) return -1;
  if (s.charCodeAt(q) === 41) return q + 1;
  if (s.charCodeAt(q) === 60) {
    q++;
    while (q < n) {
      const c = s.charCodeAt(q);
      if (c === 62) break;
      if (c === 10 || c === 13 || c === 60) {
        scanReach = q;
        return -1;
      }
      q += c === 92 ? 2 : 1;
    }
    scanReach = q;
    if (q >= n) return -1;
    q++;
  } else {
    let depth = 0;
    const st = q;
    while (q < n) {
      const c = s.charCodeAt(q);
      if (c <= 32 || c === 127) break;
      if (c === 92 && q + 1 < n) {
        const d = s.charCodeAt(q + 1);
        if (d < 128 && PUNCT[d] === 1) {
          q += 2;
          continue;
        }
      }
      if (c === 40) {
        if (++depth > 32) break;
      } else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      q++;
    }
    scanReach = q;
    if (depth !== 0 || q === st) return -1;
  }
  const afterDest = q;
  q = skipWsNl(q);
  scanReach = q;
  if (q >= n) return -1;
  let c = s.charCodeAt(q);
  if (c === 41) return q + 1;
  if (q === afterDest || (c !== 34 && c !== 39 && c !== 40)) return -1;
  const close = c === 40 ? 41 : c;
  const open = c;
  q++;
  while (q < n) {
    c = s.charCodeAt(q);
    if (c === close) break;
    if (c === 92) {
      q += 2;
      continue;
    }
    if (open === 40 && c === 40) {
      scanReach = q;
      return -1;
    }
    q++;
  }
  scanReach = q;
  if (q >= n) return -1;
  q = skipWsNl(q + 1);
  scanReach = q;
  return q < n && s.charCodeAt(q) === 41 ? q + 1 : -1;
}

/** `[label]` starting at `j`; returns the offset after `]`, or -1. */
function linkLabel(j: number): number {
  const s = S;
  const n = SN;
  let q = j + 1;
  while (q < n && q - j <= 1000) {
    const c = s.charCodeAt(q);
    if (c === 93) return q + 1;
    if (c === 91) return -1;
    q += c === 92 ? 2 : 1;
  }
  return -1;
}

function urlBoundary(st: number): boolean {
  if (st === S0) return true;
  const c = S.charCodeAt(st - 1);
  return c === 40 || c === 42 || c === 95 || c === 126 || isWs(c);
}

/** End of a GFM extended autolink whose domain starts at `q`, or -1. */
function bareUrlEnd(q: number): number {
  const s = S;
  const n = SN;
  if (q >= n) return -1;
  const first = s.charCodeAt(q);
  if (!(isAlnum(first) || first > 127)) return -1;
  let e = q;
  let open = 0;
  let closed = 0;
  while (e < n) {
    const c = s.charCodeAt(e);
    if (c <= 32 || c === 60 || (c > 127 && isWs(c))) break;
    if (c === 40) open++;
    else if (c === 41) closed++;
    e++;
  }
  while (e > q) {
    const c = s.charCodeAt(e - 1);
    if (c === 63 || c === 33 || c === 46 || c === 44 || c === 58 || c === 42 || c === 95 || c === 126 || c === 39 || c === 34) {
      e--;
    } else if (c === 41 && closed > open) {
      closed--;
      e--;
    } else if (c === 59) {
      // a trailing entity reference such as `&amp;` is not part of the URL
      let a = e - 2;
      while (a > q && isAlnum(s.charCodeAt(a))) a--;
      if (a > q && s.charCodeAt(a) === 38 && a < e - 2) e = a;
      else break;
    } else break;
  }
  return e > q ? e : -1;
}

function lessThan(k: number): number {
  const s = S;
  const n = SN;
  if (k + 1 >= n) return k + 1;
  const c1 = s.charCodeAt(k + 1);
  if (c1 === 33) {
    if (k + 3 < n && s.charCodeAt(k + 2) === 45 && s.charCodeAt(k + 3) === 45) {
      const q = k + 4;
      let end = -1;
      if (q < n && s.charCodeAt(q) === 62) end = q + 1;
      else if (q + 1 < n && s.charCodeAt(q) === 45 && s.charCodeAt(q + 1) === 62) end = q + 2;
      else if (q < noCommentEnd) {
        for (let r = q; r + 2 < n; r++) {
          if (s.charCodeAt(r) === 45 && s.charCodeAt(r + 1) === 45 && s.charCodeAt(r + 2) === 62) {
            end = r + 3;
            break;
          }
        }
        if (end < 0) noCommentEnd = q;
      }
      if (end < 0) return k + 1;
      mark(k, end, K_COMMENT);
      return end;
    }
    if (s.startsWith('[CDATA[', k + 2) && k + 9 <= n) {
      const q = k + 9;
      if (q < noCdataEnd) {
        for (let r = q; r + 2 < n; r++) {
          if (s.charCodeAt(r) === 93 && s.charCodeAt(r + 1) === 93 && s.charCodeAt(r + 2) === 62) {
            mark(k, r + 3, K_OPAQUE);
            return r + 3;
          }
        }
        noCdataEnd = q;
      }
      return k + 1;
    }
    if (k + 2 < n && isLetter(s.charCodeAt(k + 2))) {
      const e = findGt(k + 3);
      if (e < 0) return k + 1;
      mark(k, e, K_OPAQUE);
      return e;
    }
    return k + 1;
  }
  if (c1 === 63) {
    const q = k + 2;
    if (q < noPiEnd) {
      for (let r = q; r + 1 < n; r++) {
        if (s.charCodeAt(r) === 63 && s.charCodeAt(r + 1) === 62) {
          mark(k, r + 2, K_OPAQUE);
          return r + 2;
        }
      }
      noPiEnd = q;
    }
    return k + 1;
  }
  if (c1 === 47) {
    const e = closingTag(k);
    if (e > 0) {
      mark(k, e, K_OPAQUE);
      return e;
    }
    return k + 1;
  }
  if (isLetter(c1)) {
    let q = k + 2;
    while (q < n && q - k <= 33) {
      const c = s.charCodeAt(q);
      if (isAlnum(c) || c === 43 || c === 45 || c === 46) q++;
      else break;
    }
    if (q < n && s.charCodeAt(q) === 58 && q - k - 1 >= 2 && q - k - 1 <= 32) {
      q++;
      while (q < n) {
        const c = s.charCodeAt(q);
        if (c === 62) {
          mark(k, q + 1, K_OPAQUE);
          return q + 1;
        }
        if (c <= 32 || c === 60 || c === 127) break;
        q++;
      }
    }
  }
  const em = emailAutolink(k);
  if (em > 0) {
    mark(k, em, K_OPAQUE);
    return em;
  }
  if (isLetter(c1) && budget >= 0) {
    const e = openTag(k);
    if (e > 0) {
      mark(k, e, K_OPAQUE);
      return e;
    }
    budget -= scanReach - k + 1;
  }
  return k + 1;
}

function findGt(q: number): number {
  if (q >= noGt) return -1;
  const s = S;
  const n = SN;
  for (let r = q; r < n; r++) if (s.charCodeAt(r) === 62) return r + 1;
  noGt = q;
  return -1;
}

function isEmailLocal(c: number): boolean {
  return isAlnum(c) || (c < 128 && c > 32 && EMAIL_LOCAL[c] === 1);
}

const EMAIL_LOCAL = new Uint8Array(128);
for (const ch of '.!#$%&\'*+/=?^_`{|}~-') EMAIL_LOCAL[ch.charCodeAt(0)] = 1;

function emailAutolink(k: number): number {
  const s = S;
  const n = SN;
  let q = k + 1;
  while (q < n && isEmailLocal(s.charCodeAt(q))) q++;
  if (q === k + 1 || q >= n || s.charCodeAt(q) !== 64) return -1;
  q++;
  const d = q;
  while (q < n) {
    const c = s.charCodeAt(q);
    if (isAlnum(c) || c === 45 || c === 46) q++;
    else break;
  }
  if (q === d || q >= n || s.charCodeAt(q) !== 62) return -1;
  return q + 1;
}

function isAttrStart(c: number): boolean {
  return isLetter(c) || c === 95 || c === 58;
}

function isAttrChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 58 || c === 46 || c === 45;
}

/** An HTML closing tag at `k` (`</`); returns its end or -1. */
function closingTag(k: number): number {
  const s = S;
  const n = SN;
  let q = k + 2;
  if (q >= n || !isLetter(s.charCodeAt(q))) return -1;
  while (q < n && (isAlnum(s.charCodeAt(q)) || s.charCodeAt(q) === 45)) q++;
  q = skipWsNl(q);
  return q < n && s.charCodeAt(q) === 62 ? q + 1 : -1;
}

/** An HTML open tag at `k` (which holds `<` followed by a letter); returns its end or -1. */
function openTag(k: number): number {
  const s = S;
  const n = SN;
  let q = k + 2;
  while (q < n && (isAlnum(s.charCodeAt(q)) || s.charCodeAt(q) === 45)) q++;
  for (;;) {
    const ws0 = q;
    q = skipWsNl(q);
    scanReach = q;
    if (q >= n) return -1;
    let c = s.charCodeAt(q);
    if (c === 62) return q + 1;
    if (c === 47) return q + 1 < n && s.charCodeAt(q + 1) === 62 ? q + 2 : -1;
    if (q === ws0 || !isAttrStart(c)) return -1;
    q++;
    while (q < n && isAttrChar(s.charCodeAt(q))) q++;
    let r = skipWsNl(q);
    if (r < n && s.charCodeAt(r) === 61) {
      r = skipWsNl(r + 1);
      scanReach = r;
      if (r >= n) return -1;
      c = s.charCodeAt(r);
      if (c === 34 || c === 39) {
        r++;
        while (r < n && s.charCodeAt(r) !== c) r++;
        scanReach = r;
        if (r >= n) return -1;
        q = r + 1;
      } else {
        const v = r;
        while (r < n) {
          c = s.charCodeAt(r);
          if (c <= 32 || c === 34 || c === 39 || c === 61 || c === 60 || c === 62 || c === 96) break;
          r++;
        }
        if (r === v) return -1;
        q = r;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// From marks to segments

function srcAt(li: number, pos: number): number {
  return LS[li] + (pos - LB[li]);
}

function lineOf(li: number, pos: number): number {
  while (li + 1 < nL && LB[li + 1] <= pos) li++;
  return li;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || (c > 127 && isWs(c));
}

let segText = '';
let segs: ProseSegment[] = [];
let segPrevEnd = -1;
let segBreak = false;

function pushSegment(s: number, e: number, opaque: boolean): void {
  const glued =
    segPrevEnd >= 0 && !segBreak && !isSpaceCode(segText.charCodeAt(segPrevEnd - 1)) && !isSpaceCode(segText.charCodeAt(s));
  segs.push(
    opaque
      ? glued
        ? { start: s, end: e, glued, opaque }
        : { start: s, end: e, opaque }
      : glued
        ? { start: s, end: e, glued }
        : { start: s, end: e },
  );
  segPrevEnd = e;
  segBreak = false;
}

/** Turns the marks into a unit (added when it has segments) and comments. */
function emitUnit(text: string, units: ProseUnit[], comments: CommentSpan[]): void {
  segText = text;
  segs = [];
  segPrevEnd = -1;
  segBreak = false;
  let li = 0;
  let pos = S0;
  for (let mi = 0; mi <= nM; mi++) {
    let ms: number;
    let me: number;
    let kind: number;
    if (mi === nM) {
      ms = me = SN;
      kind = 0;
    } else {
      kind = MK[mi * 3 + 2];
      if (kind === K_PENDING) continue;
      ms = MK[mi * 3];
      me = MK[mi * 3 + 1];
    }
    while (pos < ms) {
      const lineEnd = LE[li];
      if (pos >= lineEnd) {
        segBreak = true;
        li++;
        pos = LB[li];
        continue;
      }
      const pe = ms < lineEnd ? ms : lineEnd;
      pushSegment(srcAt(li, pos), srcAt(li, pe), false);
      pos = pe;
    }
    if (kind === K_OPAQUE) {
      const lj = lineOf(li, me - 1);
      pushSegment(srcAt(li, ms), srcAt(lj, me - 1) + 1, true);
    } else if (kind === K_COMMENT) {
      const lj = lineOf(li, me - 1);
      const body = me - 3 > ms + 4 ? S.slice(ms + 4, me - 3).trim() : '';
      comments.push({ start: srcAt(li, ms), end: srcAt(lj, me - 1) + 1, body });
    }
    if (me > pos) pos = me;
    li = lineOf(li, pos);
  }
  if (segs.length > 0) units.push({ segments: segs });
}

/** Inline-parses source range [s, e) (one line) as a unit of its own. */
function singleLineUnit(text: string, s: number, e: number, units: ProseUnit[], comments: CommentSpan[]): void {
  if (e <= s) return;
  loadLine(text, s, e);
  parseInlines();
  emitUnit(text, units, comments);
}

// ---------------------------------------------------------------------------
// Block pass

const C_QUOTE = 1;
const C_LIST = 2;
const C_ITEM = 3;

const L_NONE = 0;
const L_PARA = 1;
const L_FENCE = 2;
const L_ICODE = 3;
const L_HTML = 4;
const L_TABLE = 5;

/** Block-level tag names that start an HTML block of CommonMark type 6. */
const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
const HTML_RAW_TAGS = new Set(['script', 'pre', 'style', 'textarea']);

// State of the block being parsed. Parsing one block is synchronous, so
// interleaved generators can share it; each parse starts by resetting it.
let T = '';
let N = 0;

let lineEnd = 0;
let nextLine = 0;

let gP = 0;
let gCol = 0;
let gNN = 0;
let gNNCol = 0;

let stType: number[] = [];
let stWidth: number[] = [];
let stChar: number[] = [];
let stHas: number[] = [];
let D = 0;
/** Number of containers that the current line matched (and that new blocks open under). */
let mDepth = 0;
let rootUsed = false;

let leaf = L_NONE;
let fenceChar = 0;
let fenceLen = 0;
let htmlType = 0;
let htmlCommentStart = -1;
let htmlCommentBody = '';
let tableCols = 0;

let PS = new Int32Array(64);
let PE = new Int32Array(64);
let nP = 0;

let units: ProseUnit[] = [];
let comments: CommentSpan[] = [];

let CS = new Int32Array(64);
let CE = new Int32Array(64);

/**
 * A native search that stops at the first line ending, so finding a line's
 * end never reads past it (a document-wide check for `\r` would cost a full
 * scan on every incremental restart).
 */
const LINE_END = /[\n\r]/g;

function setLine(pos: number): void {
  LINE_END.lastIndex = pos;
  if (!LINE_END.test(T)) {
    lineEnd = nextLine = N;
    return;
  }
  const e = LINE_END.lastIndex - 1;
  lineEnd = e;
  nextLine = T.charCodeAt(e) === 13 && e + 1 < N && T.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
}

function skipWs(p: number, col: number, le: number): void {
  const t = T;
  while (p < le) {
    const c = t.charCodeAt(p);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col & 3);
    else break;
    p++;
  }
  gNN = p;
  gNNCol = col;
}

/** Advances `k` columns of whitespace; a tab may be consumed partially (column moves, position stays). */
function consumeCols(p: number, col: number, k: number, le: number): void {
  const target = col + k;
  const t = T;
  while (col < target && p < le) {
    const c = t.charCodeAt(p);
    if (c === 32) {
      col++;
      p++;
    } else if (c === 9) {
      const w = 4 - (col & 3);
      if (col + w <= target) {
        col += w;
        p++;
      } else col = target;
    } else break;
  }
  gP = p;
  gCol = col;
}

/** Bumped whenever the container stack changes, which invalidates `blankDepth`. */
let stackGen = 0;
let blankGen = -1;
/** How many containers a blank line matches (valid while blankGen === stackGen). */
let blankDepth = 0;

/**
 * Matches the line [ls, le) against the first `limit` open containers and
 * returns how many matched; sets gP/gCol to the position after their markers.
 * The cost is bounded by the markers and indentation consumed (plus O(1) per
 * list), so deep nesting stays linear.
 */
function matchContainers(ls: number, le: number, limit: number): number {
  const t = T;
  skipWs(ls, 0, le);
  if (gNN >= le) {
    // A blank line matches up to the first quote or empty item; cached because
    // a run of blank lines inside deep lists would otherwise cost O(depth) each.
    if (blankGen !== stackGen) {
      let i = 0;
      while (i < D && (stType[i] === C_LIST || (stType[i] === C_ITEM && stHas[i] === 1))) i++;
      blankDepth = i;
      blankGen = stackGen;
    }
    gP = gNN;
    gCol = gNNCol;
    return blankDepth < limit ? blankDepth : limit;
  }
  let nn = gNN;
  let nnCol = gNNCol;
  let p = ls;
  let col = 0;
  let i = 0;
  for (; i < limit; i++) {
    const type = stType[i];
    if (type === C_LIST) continue;
    if (p > nn) {
      skipWs(p, col, le);
      nn = gNN;
      nnCol = gNNCol;
    }
    if (type === C_QUOTE) {
      if (nnCol - col > 3 || nn >= le || t.charCodeAt(nn) !== 62) break;
      p = nn + 1;
      col = nnCol + 1;
      if (p < le) {
        const c = t.charCodeAt(p);
        if (c === 32) {
          p++;
          col++;
        } else if (c === 9) {
          if ((col & 3) === 3) p++;
          col++;
        }
      }
    } else if (nn >= le) {
      // an item may start with at most one blank line, so an empty item ends at one
      if (stHas[i] === 0) break;
      p = nn;
      col = nnCol;
    } else if (nnCol - col >= stWidth[i]) {
      consumeCols(p, col, stWidth[i], le);
      p = gP;
      col = gCol;
    } else break;
  }
  gP = p;
  gCol = col;
  return i;
}

function finalizeLeaf(): void {
  if (leaf === L_PARA) finishParagraph();
  leaf = L_NONE;
  htmlCommentStart = -1;
  htmlCommentBody = '';
}

/** Claims a child slot in the current tip; false when it would be a second top-level block. */
function claim(): boolean {
  if (D === 0) {
    if (rootUsed) return false;
    rootUsed = true;
  } else if (stType[D - 1] === C_ITEM) stHas[D - 1] = 1;
  stackGen++;
  return true;
}

function rawPush(type: number, width: number, ch: number): void {
  stType[D] = type;
  stWidth[D] = width;
  stChar[D] = ch;
  stHas[D] = 0;
  D++;
  stackGen++;
  mDepth = D;
}

/**
 * Closes unmatched containers and the open leaf, then makes room for a new
 * child (a list item goes into a list of its kind). Returns false when the
 * child would be a second top-level block, i.e. the current block ends here.
 */
function prepareChild(isItem: boolean, listChar: number): boolean {
  if (D > mDepth) D = mDepth;
  finalizeLeaf();
  if (D > 0 && stType[D - 1] === C_LIST && (!isItem || stChar[D - 1] !== listChar)) D--;
  stackGen++;
  if (!isItem) return claim();
  if (D === 0 || stType[D - 1] !== C_LIST) {
    if (!claim()) return false;
    rawPush(C_LIST, 0, listChar);
  }
  return true;
}

function openContainer(type: number, width: number, ch: number): boolean {
  if (!prepareChild(type === C_ITEM, ch)) return false;
  rawPush(type, width, ch);
  return true;
}

function openLeaf(type: number): boolean {
  if (!prepareChild(false, 0)) return false;
  mDepth = D;
  leaf = type;
  return true;
}

function addParaLine(s: number, e: number): void {
  const t = T;
  while (e > s) {
    const c = t.charCodeAt(e - 1);
    if (c !== 32 && c !== 9) break;
    e--;
  }
  if (nP === PS.length) {
    const ps = new Int32Array(nP * 2);
    ps.set(PS);
    PS = ps;
    const pe = new Int32Array(nP * 2);
    pe.set(PE);
    PE = pe;
  }
  PS[nP] = s;
  PE[nP] = e;
  nP++;
}

function finishParagraph(): void {
  let i = 0;
  while (i < nP) {
    const used = refDefinition(i);
    if (used === 0) break;
    i += used;
  }
  if (i < nP) {
    let first = PS[i];
    // A footnote definition's label is not prose; its text is.
    if (T.charCodeAt(first) === 91 && T.charCodeAt(first + 1) === 94) {
      const e = PE[i];
      let q = first + 2;
      while (q < e && T.charCodeAt(q) !== 93 && T.charCodeAt(q) > 32) q++;
      if (q < e - 1 && q > first + 2 && T.charCodeAt(q) === 93 && T.charCodeAt(q + 1) === 58) {
        q += 2;
        while (q < e && (T.charCodeAt(q) === 32 || T.charCodeAt(q) === 9)) q++;
        first = q;
      }
    }
    PS[i] = first;
    loadLines(T, PS, PE, i, nP);
    parseInlines();
    emitUnit(T, units, comments);
  }
  nP = 0;
}

/** Number of paragraph lines, from line `i`, that form a link reference definition (0 if none). */
function refDefinition(i: number): number {
  const t = T;
  let q = PS[i];
  let e = PE[i];
  if (t.charCodeAt(q) !== 91) return 0;
  const ls = q;
  q++;
  if (t.charCodeAt(q) === 94) return 0;
  let nonBlank = false;
  while (q < e) {
    const c = t.charCodeAt(q);
    if (c === 93) break;
    if (c === 91) return 0;
    if (c === 92) q++;
    else if (c !== 32 && c !== 9) nonBlank = true;
    q++;
  }
  if (q >= e || !nonBlank || q - ls > 1000 || t.charCodeAt(q + 1) !== 58) return 0;
  q += 2;
  let lines = 1;
  while (q < e && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9)) q++;
  if (q >= e) {
    if (i + 1 >= nP) return 0;
    lines = 2;
    q = PS[i + 1];
    e = PE[i + 1];
  }
  if (t.charCodeAt(q) === 60) {
    q++;
    while (q < e) {
      const c = t.charCodeAt(q);
      if (c === 62) break;
      if (c === 60) return 0;
      q += c === 92 ? 2 : 1;
    }
    if (q >= e) return 0;
    q++;
  } else {
    let depth = 0;
    const s = q;
    while (q < e) {
      const c = t.charCodeAt(q);
      if (c <= 32) break;
      if (c === 92) {
        q += 2;
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      q++;
    }
    if (depth !== 0 || q === s) return 0;
  }
  const afterDest = q;
  while (q < e && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9)) q++;
  if (q >= e) {
    if (i + lines < nP && titleLine(PS[i + lines], PE[i + lines])) return lines + 1;
    return lines;
  }
  if (q === afterDest) return 0;
  return titleLine(q, e) ? lines : 0;
}

/** Whether [s, e) is exactly one link title. */
function titleLine(s: number, e: number): boolean {
  const t = T;
  const open = t.charCodeAt(s);
  if (open !== 34 && open !== 39 && open !== 40) return false;
  const close = open === 40 ? 41 : open;
  let q = s + 1;
  while (q < e) {
    const c = t.charCodeAt(q);
    if (c === close) break;
    if (c === 92) q++;
    else if (open === 40 && c === 40) return false;
    q++;
  }
  return q === e - 1;
}

function restBlank(p: number, le: number): boolean {
  const t = T;
  while (p < le) {
    const c = t.charCodeAt(p);
    if (c !== 32 && c !== 9) return false;
    p++;
  }
  return true;
}

/** Length of an ATX heading opener at `nn`, or 0. */
function atxLevel(nn: number, le: number): number {
  const t = T;
  let q = nn;
  while (q < le && t.charCodeAt(q) === 35) q++;
  const level = q - nn;
  if (level > 6) return 0;
  if (q < le) {
    const c = t.charCodeAt(q);
    if (c !== 32 && c !== 9) return 0;
  }
  return level;
}

function emitAtx(nn: number, level: number, le: number): void {
  const t = T;
  let s = nn + level;
  while (s < le && (t.charCodeAt(s) === 32 || t.charCodeAt(s) === 9)) s++;
  let e = le;
  while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9)) e--;
  // trailing `#`s close the heading only after whitespace, so `C#` keeps its `#`
  let h = e;
  while (h > s && t.charCodeAt(h - 1) === 35) h--;
  if (h < e && (h === s || t.charCodeAt(h - 1) === 32 || t.charCodeAt(h - 1) === 9)) {
    e = h;
    while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9)) e--;
  }
  singleLineUnit(t, s, e, units, comments);
}

/** Whether [nn, le) is a thematic break. */
function thematicBreak(nn: number, le: number): boolean {
  const t = T;
  const ch = t.charCodeAt(nn);
  let count = 0;
  for (let q = nn; q < le; q++) {
    const c = t.charCodeAt(q);
    if (c === ch) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

/** Whether [nn, le) is a setext underline made of `ch`. */
function setextUnderline(nn: number, le: number, ch: number): boolean {
  const t = T;
  let q = nn;
  while (q < le && t.charCodeAt(q) === ch) q++;
  return restBlank(q, le);
}

/** Length of an opening code fence at `nn`, or 0. */
function fenceOpen(nn: number, le: number): number {
  const t = T;
  const ch = t.charCodeAt(nn);
  let q = nn;
  while (q < le && t.charCodeAt(q) === ch) q++;
  const len = q - nn;
  if (len < 3) return 0;
  if (ch === 96) {
    for (; q < le; q++) if (t.charCodeAt(q) === 96) return 0;
  }
  return len;
}

function fenceClose(nn: number, le: number): boolean {
  const t = T;
  let q = nn;
  while (q < le && t.charCodeAt(q) === fenceChar) q++;
  return q - nn >= fenceLen && restBlank(q, le);
}

function lowerName(s: number, le: number): string {
  const t = T;
  let q = s;
  while (q < le && isAlnum(t.charCodeAt(q))) q++;
  return t.slice(s, q).toLowerCase();
}

/**
 * CommonMark HTML block type (1-7) starting at `nn`, or 0. Type 7 (a complete
 * open or closing tag alone on its line) only when `allowType7`.
 */
function htmlBlockStart(nn: number, le: number, allowType7: boolean): number {
  const t = T;
  const c1 = nn + 1 < le ? t.charCodeAt(nn + 1) : 0;
  if (c1 === 33) {
    if (nn + 3 < le && t.charCodeAt(nn + 2) === 45 && t.charCodeAt(nn + 3) === 45) return 2;
    if (t.startsWith('[CDATA[', nn + 2)) return 5;
    if (nn + 2 < le && isLetter(t.charCodeAt(nn + 2))) return 4;
    return 0;
  }
  if (c1 === 63) return 3;
  const close = c1 === 47;
  const ns = close ? nn + 2 : nn + 1;
  if (ns >= le || !isLetter(t.charCodeAt(ns))) return 0;
  const name = lowerName(ns, le);
  const after = ns + name.length;
  const ca = after < le ? t.charCodeAt(after) : 32;
  if (!close && HTML_RAW_TAGS.has(name) && (ca === 32 || ca === 9 || ca === 62)) return 1;
  if (
    HTML_BLOCK_TAGS.has(name) &&
    (ca === 32 || ca === 9 || ca === 62 || (ca === 47 && after + 1 < le && t.charCodeAt(after + 1) === 62))
  )
    return 6;
  if (!allowType7 || (!close && HTML_RAW_TAGS.has(name))) return 0;
  loadLine(t, nn, le);
  const e = close ? closingTag(nn) : openTag(nn);
  return e > 0 && restBlank(e, le) ? 7 : 0;
}

function findSeq3(q: number, e: number, a: number, b: number, c: number): number {
  const t = T;
  for (; q + 2 < e; q++) {
    if (t.charCodeAt(q) === a && t.charCodeAt(q + 1) === b && t.charCodeAt(q + 2) === c) return q;
  }
  return -1;
}

function findCommentOpen(q: number, e: number): number {
  const t = T;
  for (; q + 3 < e; q++) {
    if (t.charCodeAt(q) === 60 && t.charCodeAt(q + 1) === 33 && t.charCodeAt(q + 2) === 45 && t.charCodeAt(q + 3) === 45)
      return q;
  }
  return -1;
}

/** Records the HTML comments of one line of an HTML block. */
function htmlComments(s: number, e: number): void {
  const t = T;
  let q = s;
  if (htmlCommentStart >= 0) {
    const c = findSeq3(q, e, 45, 45, 62);
    if (c < 0) {
      htmlCommentBody += '\n' + t.slice(q, e);
      return;
    }
    comments.push({ start: htmlCommentStart, end: c + 3, body: (htmlCommentBody + '\n' + t.slice(q, c)).trim() });
    htmlCommentStart = -1;
    htmlCommentBody = '';
    q = c + 3;
  }
  while (q < e) {
    const o = findCommentOpen(q, e);
    if (o < 0) return;
    const r = o + 4;
    if (r < e && t.charCodeAt(r) === 62) {
      comments.push({ start: o, end: r + 1, body: '' });
      q = r + 1;
      continue;
    }
    if (r + 1 < e && t.charCodeAt(r) === 45 && t.charCodeAt(r + 1) === 62) {
      comments.push({ start: o, end: r + 2, body: '' });
      q = r + 2;
      continue;
    }
    const c = findSeq3(r, e, 45, 45, 62);
    if (c < 0) {
      htmlCommentStart = o;
      htmlCommentBody = t.slice(r, e);
      return;
    }
    comments.push({ start: o, end: c + 3, body: t.slice(r, c).trim() });
    q = c + 3;
  }
}

/** Whether the line [s, e) meets the end condition of the open HTML block. */
function htmlBlockEnds(s: number, e: number): boolean {
  const t = T;
  switch (htmlType) {
    case 1:
      for (let q = s; q + 1 < e; q++) {
        if (t.charCodeAt(q) === 60 && t.charCodeAt(q + 1) === 47) {
          const name = lowerName(q + 2, e);
          const after = q + 2 + name.length;
          if (HTML_RAW_TAGS.has(name) && after < e && t.charCodeAt(after) === 62) return true;
        }
      }
      return false;
    case 2:
      return findSeq3(s, e, 45, 45, 62) >= 0;
    case 3:
      for (let q = s; q + 1 < e; q++) if (t.charCodeAt(q) === 63 && t.charCodeAt(q + 1) === 62) return true;
      return false;
    case 4:
      for (let q = s; q < e; q++) if (t.charCodeAt(q) === 62) return true;
      return false;
    case 5:
      return findSeq3(s, e, 93, 93, 62) >= 0;
    default:
      return false;
  }
}

function htmlLine(s: number, e: number): void {
  if (htmlType !== 1) htmlComments(s, e);
  if (htmlBlockEnds(s, e)) finalizeLeaf();
}

/** Splits the table row [s, e) at unescaped pipes into CS/CE (trimmed cell ranges). */
function splitCells(s: number, e: number): number {
  const t = T;
  while (s < e && (t.charCodeAt(s) === 32 || t.charCodeAt(s) === 9)) s++;
  while (e > s && (t.charCodeAt(e - 1) === 32 || t.charCodeAt(e - 1) === 9)) e--;
  if (s < e && t.charCodeAt(s) === 124) s++;
  if (e > s && t.charCodeAt(e - 1) === 124) {
    let bs = 0;
    for (let q = e - 2; q >= s && t.charCodeAt(q) === 92; q--) bs++;
    if ((bs & 1) === 0) e--;
  }
  let count = 0;
  let cs = s;
  for (let q = s; q <= e; q++) {
    const c = q < e ? t.charCodeAt(q) : 124;
    if (c === 92) {
      q++;
      continue;
    }
    if (c !== 124) continue;
    let a = cs;
    let b = q;
    while (a < b && (t.charCodeAt(a) === 32 || t.charCodeAt(a) === 9)) a++;
    while (b > a && (t.charCodeAt(b - 1) === 32 || t.charCodeAt(b - 1) === 9)) b--;
    if (count === CS.length) {
      const ncs = new Int32Array(count * 2);
      ncs.set(CS);
      CS = ncs;
      const nce = new Int32Array(count * 2);
      nce.set(CE);
      CE = nce;
    }
    CS[count] = a;
    CE[count] = b;
    count++;
    cs = q + 1;
  }
  return count;
}

/** Number of cells of a GFM delimiter row [s, e), or -1. */
function delimiterRow(s: number, e: number): number {
  const t = T;
  let q = s;
  while (q < e && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9)) q++;
  if (q - s > 3) return -1;
  let pipes = 0;
  let cells = 0;
  if (q < e && t.charCodeAt(q) === 124) {
    pipes++;
    q++;
  }
  for (;;) {
    while (q < e && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9)) q++;
    if (q >= e) break;
    if (t.charCodeAt(q) === 58) q++;
    const d = q;
    while (q < e && t.charCodeAt(q) === 45) q++;
    if (q === d) return -1;
    if (q < e && t.charCodeAt(q) === 58) q++;
    while (q < e && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9)) q++;
    cells++;
    if (q >= e) break;
    if (t.charCodeAt(q) !== 124) return -1;
    pipes++;
    q++;
  }
  return pipes > 0 && cells > 0 ? cells : -1;
}

function emitRow(s: number, e: number): void {
  const count = splitCells(s, e);
  const limit = count < tableCols ? count : tableCols;
  for (let i = 0; i < limit; i++) singleLineUnit(T, CS[i], CE[i], units, comments);
}

/**
 * If [nn, le) is a table header whose delimiter row is the next line (inside
 * the same containers), returns the offset after the delimiter row; else -1.
 */
function tableStart(nn: number, le: number): number {
  const t = T;
  const nx = nextLine;
  if (nx >= N) return -1;
  // Most lines are not table headers: rule them out before matching the next line's containers.
  let q = nx;
  for (; q < N; q++) {
    const c = t.charCodeAt(q);
    if (c !== 32 && c !== 9 && c !== 62) break;
  }
  if (q >= N) return -1;
  const c0 = t.charCodeAt(q);
  if (c0 !== 124 && c0 !== 45 && c0 !== 58) return -1;
  let hasPipe = false;
  for (let r = nn; r < le; r++) {
    if (t.charCodeAt(r) === 124) {
      hasPipe = true;
      break;
    }
  }
  if (!hasPipe && c0 !== 124) return -1;
  const saveEnd = lineEnd;
  setLine(nx);
  const dEnd = lineEnd;
  const dNext = nextLine;
  lineEnd = saveEnd;
  nextLine = nx;
  if (matchContainers(nx, dEnd, mDepth) !== mDepth) return -1;
  const cells = delimiterRow(gP, dEnd);
  if (cells < 0) return -1;
  if (splitCells(nn, le) !== cells) return -1;
  return dNext;
}

/** A task-list marker `[ ]`/`[x]` at `q`: returns the offset after it, or -1. */
function taskMarker(q: number, le: number): number {
  const t = T;
  if (q + 2 >= le || t.charCodeAt(q) !== 91 || t.charCodeAt(q + 2) !== 93) return -1;
  const c = t.charCodeAt(q + 1);
  if (c !== 32 && c !== 120 && c !== 88) return -1;
  if (q + 3 < le) {
    const d = t.charCodeAt(q + 3);
    if (d !== 32 && d !== 9) return -1;
  }
  return q + 3;
}

/** Parses the top-level block starting at `from` (a line start). */
function parseBlock(from: number): ProseBlock {
  D = 0;
  stackGen++;
  mDepth = 0;
  rootUsed = false;
  leaf = L_NONE;
  nP = 0;
  htmlCommentStart = -1;
  htmlCommentBody = '';
  units = [];
  comments = [];
  const t = T;
  let pos = from;
  while (pos < N) {
    const ls = pos;
    setLine(pos);
    const le = lineEnd;
    const m = matchContainers(ls, le, D);
    mDepth = m;
    let p = gP;
    let col = gCol;
    skipWs(p, col, le);
    const blank = gNN >= le;
    const allMatched = m === D;

    if (allMatched) {
      if (leaf === L_FENCE) {
        if (!blank && gNNCol - col <= 3 && t.charCodeAt(gNN) === fenceChar && fenceClose(gNN, le)) leaf = L_NONE;
        pos = nextLine;
        continue;
      }
      if (leaf === L_HTML) {
        if (blank && htmlType >= 6) finalizeLeaf();
        else htmlLine(p, le);
        pos = nextLine;
        continue;
      }
      if (leaf === L_ICODE) {
        if (blank || gNNCol - col >= 4) {
          pos = nextLine;
          continue;
        }
        finalizeLeaf();
      } else if (blank) {
        finalizeLeaf();
        pos = nextLine;
        continue;
      }
    } else if (blank) {
      D = m;
      stackGen++;
      finalizeLeaf();
      pos = nextLine;
      continue;
    }

    // Block starts, possibly several nested ones on one line (`> - # x`).
    let done = false;
    let after = nextLine;
    for (;;) {
      skipWs(p, col, le);
      const nn = gNN;
      const nnCol = gNNCol;
      if (nn >= le) break;
      const ind = nnCol - col;
      const interrupting = allMatched && leaf === L_PARA;
      const tableRow = allMatched && leaf === L_TABLE;
      if (ind >= 4) {
        if (leaf === L_PARA || tableRow) break;
        if (!openLeaf(L_ICODE)) return { start: from, end: ls, units, comments };
        done = true;
        break;
      }
      const c = t.charCodeAt(nn);
      if (c === 62) {
        if (!openContainer(C_QUOTE, 0, 0)) return { start: from, end: ls, units, comments };
        p = nn + 1;
        col = nnCol + 1;
        if (p < le) {
          const d = t.charCodeAt(p);
          if (d === 32) {
            p++;
            col++;
          } else if (d === 9) {
            if ((col & 3) === 3) p++;
            col++;
          }
        }
        continue;
      }
      if (c === 35) {
        const level = atxLevel(nn, le);
        if (level > 0) {
          if (!openLeaf(L_NONE)) return { start: from, end: ls, units, comments };
          emitAtx(nn, level, le);
          done = true;
          break;
        }
      } else if (c === 96 || c === 126) {
        const len = fenceOpen(nn, le);
        if (len > 0) {
          if (!openLeaf(L_FENCE)) return { start: from, end: ls, units, comments };
          fenceChar = c;
          fenceLen = len;
          done = true;
          break;
        }
      } else if (c === 60) {
        const type = htmlBlockStart(nn, le, leaf !== L_PARA);
        if (type > 0) {
          if (!openLeaf(L_HTML)) return { start: from, end: ls, units, comments };
          htmlType = type;
          htmlLine(nn, le);
          done = true;
          break;
        }
      } else if (c === 61) {
        if (interrupting && setextUnderline(nn, le, 61)) {
          finalizeLeaf();
          done = true;
          break;
        }
      } else if (c === 45 || c === 42 || c === 95 || c === 43 || (c >= 48 && c <= 57)) {
        if (c === 45 && interrupting && setextUnderline(nn, le, 45)) {
          finalizeLeaf();
          done = true;
          break;
        }
        if ((c === 45 || c === 42 || c === 95) && thematicBreak(nn, le)) {
          if (!openLeaf(L_NONE)) return { start: from, end: ls, units, comments };
          done = true;
          break;
        }
        if (c !== 95) {
          let q = nn;
          let listChar = c;
          let startsWithOne = true;
          if (c >= 48 && c <= 57) {
            let value = 0;
            while (q < le && q - nn < 9) {
              const d = t.charCodeAt(q);
              if (d < 48 || d > 57) break;
              value = value * 10 + (d - 48);
              q++;
            }
            const d = q < le ? t.charCodeAt(q) : 0;
            if (d !== 46 && d !== 41) q = -1;
            else {
              listChar = d + 256;
              startsWithOne = value === 1;
              q++;
            }
          } else q++;
          if (q > 0) {
            const markerCol = nnCol + (q - nn);
            const d = q < le ? t.charCodeAt(q) : 32;
            if (d === 32 || d === 9) {
              skipWs(q, markerCol, le);
              const emptyItem = gNN >= le;
              if (!(interrupting && (emptyItem || !startsWithOne))) {
                const spaces = gNNCol - markerCol;
                const padding = emptyItem || spaces >= 5 ? 1 : spaces;
                const width = ind + (q - nn) + padding;
                const contentNN = gNN;
                const contentCol = gNNCol;
                if (!openContainer(C_ITEM, width, listChar)) return { start: from, end: ls, units, comments };
                if (emptyItem) {
                  done = true;
                  break;
                }
                if (spaces >= 5) {
                  consumeCols(q, markerCol, 1, le);
                  p = gP;
                  col = gCol;
                  continue;
                }
                p = contentNN;
                col = contentCol;
                const tm = taskMarker(p, le);
                if (tm > 0) {
                  skipWs(tm, col + 3, le);
                  if (gNN < le) {
                    if (!openLeaf(L_PARA)) return { start: from, end: ls, units, comments };
                    addParaLine(gNN, le);
                  }
                  done = true;
                  break;
                }
                continue;
              }
            }
          }
        }
      }
      if (!tableRow) {
        const next = tableStart(nn, le);
        if (next >= 0) {
          if (!openLeaf(L_TABLE)) return { start: from, end: ls, units, comments };
          tableCols = splitCells(nn, le);
          emitRow(nn, le);
          after = next;
          done = true;
        }
      }
      break;
    }

    if (!done) {
      skipWs(p, col, le);
      const nn = gNN;
      if (nn < le) {
        if (leaf === L_PARA) addParaLine(nn, le);
        else if (leaf === L_TABLE && allMatched) emitRow(nn, le);
        else {
          if (!openLeaf(L_PARA)) return { start: from, end: ls, units, comments };
          addParaLine(nn, le);
        }
      }
    }
    pos = after;
  }
  finalizeLeaf();
  return { start: from, end: N, units, comments };
}

/** Drops the shared state's references to a document, so that it is not kept alive between scans. */
function release(): void {
  T = '';
  S = '';
  segText = '';
  segs = NO_SEGMENTS;
  units = NO_UNITS;
  comments = NO_COMMENTS;
}

// Placeholders only: every parse assigns fresh arrays before adding to them.
const NO_SEGMENTS: ProseSegment[] = [];
const NO_UNITS: ProseUnit[] = [];
const NO_COMMENTS: CommentSpan[] = [];

/** End of YAML front matter whose opening line starts at `pos` (after its closing line), or -1. */
function frontMatterEnd(pos: number): number {
  setLine(pos);
  if (!T.startsWith('---', pos) || !restBlank(pos + 3, lineEnd)) return -1;
  pos = nextLine;
  while (pos < N) {
    setLine(pos);
    const le = lineEnd;
    const c = T.charCodeAt(pos);
    if ((c === 45 || c === 46) && le - pos >= 3) {
      if (T.charCodeAt(pos + 1) === c && T.charCodeAt(pos + 2) === c && restBlank(pos + 3, le)) return nextLine;
    }
    pos = nextLine;
  }
  return -1;
}

/** Extends `end` over the blank lines that follow it. */
function skipBlankLines(end: number): number {
  let pos = end;
  while (pos < N) {
    setLine(pos);
    if (!restBlank(pos, lineEnd)) return pos;
    pos = nextLine;
  }
  return N;
}

/**
 * Cuts a Markdown document into top-level blocks with their prose.
 *
 * Yields blocks that tile `text` from `from` to `text.length`. A top-level
 * block is the outermost container or leaf: a paragraph, a heading, a whole
 * list, a whole block quote, a table, a code block, an HTML block, a thematic
 * break, or YAML front matter (only at offset 0, with no units). Blank lines
 * belong to the block before them; blank lines at the very start form their
 * own block.
 *
 * `from` must be 0 or the `start` of a block this function yielded for the
 * same text; scanning from there yields exactly the blocks a full scan yields
 * from that point on, because each block is parsed without looking at
 * anything before it. Runs in time linear in the length of the text.
 */
export function* scanMarkdownBlocks(text: string, from = 0): Generator<ProseBlock> {
  const len = text.length;
  let pos = from > 0 ? (from < len ? from : len) : 0;
  /** Where the next yielded block starts; differs from `pos` only after a byte-order mark. */
  let start = pos;
  if (pos === 0 && len > 0 && text.charCodeAt(0) === 0xfeff) pos = 1;
  const bind = (): void => {
    T = text;
    N = len;
  };
  if (start === 0 && pos < len) {
    bind();
    const fm = frontMatterEnd(pos);
    if (fm > 0) {
      const end = skipBlankLines(fm);
      release();
      yield { start, end, units: [], comments: [] };
      pos = start = end;
    }
  }
  if (pos < len) {
    bind();
    const end = skipBlankLines(pos);
    release();
    if (end > pos) {
      yield { start, end, units: [], comments: [] };
      pos = start = end;
    }
  }
  while (pos < len) {
    bind();
    const block = parseBlock(pos);
    let end = block.end;
    if (end <= pos) {
      // cannot happen; guarantees progress if it ever did
      setLine(pos);
      end = nextLine;
    }
    release();
    yield start === block.start && end === block.end ? block : { start, end, units: block.units, comments: block.comments };
    pos = start = end;
  }
  if (start < len) yield { start, end: len, units: [], comments: [] };
}
