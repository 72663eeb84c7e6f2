// Page probes of the code-server runner: what the real-editor suite cannot
// see from the extension host (it has no DOM) and asks the runner to read in
// the workbench page with Playwright. A suite line
//
//   TERMGUARD_PROBE <probe> <name> <JSON arguments>
//
// makes runInCodeServer.mjs run `<probe>` and write its result as JSON to
// `<screenshot dir>/<name>.json` (atomically), which the suite waits for.
// Probes wait for what they measure by watching the DOM (Playwright's
// waitForFunction), never for a fixed time, and answer even when the wait
// fails (`ready: false`), so the suite fails with the measurements instead
// of hanging.
//
// The functions handed to the page run there, so they use nothing from this
// module's scope.

/* global document, window, requestAnimationFrame -- the probes handed to page.evaluate run in the workbench page */

/** `TERMGUARD_PROBE <probe> <name> [<JSON arguments>]`, probe and name in [A-Za-z0-9._-]. */
export const PROBE_RE = /^TERMGUARD_PROBE ([A-Za-z0-9._-]+) ([A-Za-z0-9._-]+)(?: (\{.*\}))?\s*$/;

/** How long a probe waits for the widget it measures to show up and settle. */
const WAIT_MS = 10_000;

/** Animation frames a measurement may take to find two equal layouts in a row. */
const SETTLE_FRAMES = 20;

/**
 * Runs probe `probe` with `args` in `page` and returns its JSON-ready result;
 * an unknown probe or a failing page answers `{ error }`.
 */
export async function runProbe(page, probe, args) {
  try {
    if (probe === 'hover') return await probeHover(page, args);
    if (probe === 'quick-fix-menu') return await probeQuickFixMenu(page, args);
    return { error: `unknown probe "${probe}" (known: hover, quick-fix-menu)` };
  } catch (error) {
    return { error: `probe ${probe} failed: ${error?.message ?? error}` };
  }
}

/**
 * The editor hover that holds every text of `args.expectText`: whether its
 * contents need a vertical scrollbar, whether it lies inside the window, and
 * its status row (with `args.expectQuickFix`, the probe first waits until the
 * row has finished "Checking for quick fixes").
 */
async function probeHover(page, args) {
  const wanted = { expectText: args.expectText ?? [], expectQuickFix: !!args.expectQuickFix };
  const waitError = await page.waitForFunction(hoverIsReady, wanted, { timeout: WAIT_MS, polling: 'raf' }).then(
    () => undefined,
    (error) => error.message.split('\n')[0],
  );
  const measured = await page.evaluate(measureSettledHover, { expectText: wanted.expectText, frames: SETTLE_FRAMES });
  return { ready: waitError === undefined, ...(waitError ? { waitError } : {}), ...measured };
}

// ---- in the page ----
function hoverIsReady({ expectText, expectQuickFix }) {
  const flat = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const hover = [...document.querySelectorAll('.monaco-hover')].find((element) => {
    const box = element.getBoundingClientRect();
    const text = flat(element.textContent);
    return box.width > 0 && box.height > 0 && expectText.every((wanted) => text.includes(flat(wanted)));
  });
  if (!hover) return false;
  if (!expectQuickFix) return true;
  const status = flat(hover.querySelector('.hover-row.status-bar')?.textContent);
  return /Quick Fix/.test(status) || /No quick fixes available/.test(status);
}

// ---- in the page ----
async function measureSettledHover({ expectText, frames }) {
  const flat = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const box = (element) => {
    const { top, bottom, left, right } = element.getBoundingClientRect();
    return { top: Math.round(top), bottom: Math.round(bottom), left: Math.round(left), right: Math.round(right) };
  };
  const within = (inner, outer) =>
    inner.bottom > inner.top &&
    inner.top >= outer.top - 1 &&
    inner.bottom <= outer.bottom + 1 &&
    inner.left >= outer.left - 1 &&
    inner.right <= outer.right + 1;
  const measure = () => {
    const hover = [...document.querySelectorAll('.monaco-hover')].find((element) => {
      const rect = element.getBoundingClientRect();
      const text = flat(element.textContent);
      return rect.width > 0 && rect.height > 0 && expectText.every((wanted) => text.includes(flat(wanted)));
    });
    if (!hover) {
      // What does show instead, for the failure message.
      const otherHovers = [...document.querySelectorAll('.monaco-hover')]
        .filter((element) => element.getBoundingClientRect().height > 0)
        .map((element) => flat(element.textContent).slice(0, 300));
      return { found: false, otherHovers };
    }
    const contents = hover.querySelector('.monaco-hover-content') ?? hover;
    const frame = box(contents.parentElement ?? contents);
    const windowBox = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    // What shows: the scrollable frame, cut by the window.
    const visible = {
      top: Math.max(frame.top, windowBox.top),
      bottom: Math.min(frame.bottom, windowBox.bottom),
      left: Math.max(frame.left, windowBox.left),
      right: Math.min(frame.right, windowBox.right),
    };
    const statusRow = hover.querySelector('.hover-row.status-bar');
    const actions = [...(statusRow?.querySelectorAll('.action-container') ?? [])].map((action) => ({
      label: flat(action.textContent),
      box: box(action),
    }));
    const quickFix = actions.find((action) => action.label.startsWith('Quick Fix'));
    return {
      found: true,
      text: flat(hover.textContent).slice(0, 2000),
      hoverBox: box(hover),
      visibleBox: visible,
      scrollHeight: contents.scrollHeight,
      clientHeight: contents.clientHeight,
      needsVerticalScroll: contents.scrollHeight > contents.clientHeight + 1,
      insideWindow: within(box(hover), windowBox),
      statusRow: statusRow
        ? {
            text: flat(statusRow.textContent),
            box: box(statusRow),
            inside: within(box(statusRow), visible),
            actions: actions.map((action) => action.label),
          }
        : null,
      quickFix: quickFix ? { label: quickFix.label, box: quickFix.box, inside: within(quickFix.box, visible) } : null,
    };
  };
  // The hover lays itself out again when late parts arrive: measure until two frames agree.
  let last = measure();
  for (let frame = 0; frame < frames; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const next = measure();
    if (JSON.stringify(next) === JSON.stringify(last)) return { ...next, settled: true };
    last = next;
  }
  return { ...last, settled: false };
}

/**
 * The open code action menu (the lightbulb / Quick Fix list): waits until it
 * shows, with a row holding `args.expectTitle` if given, and returns its rows.
 */
async function probeQuickFixMenu(page, args) {
  const expectTitle = args.expectTitle ?? '';
  const waitError = await page.waitForFunction(quickFixMenuIsOpen, expectTitle, { timeout: WAIT_MS, polling: 'raf' }).then(
    () => undefined,
    (error) => error.message.split('\n')[0],
  );
  const titles = await page.evaluate(() =>
    [...document.querySelectorAll('.action-widget .monaco-list-row.action')]
      .filter((row) => row.getBoundingClientRect().height > 0)
      .map((row) => (row.querySelector('.title')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  return { ready: waitError === undefined, ...(waitError ? { waitError } : {}), visible: titles.length > 0, titles };
}

// ---- in the page ----
function quickFixMenuIsOpen(expectTitle) {
  const rows = [...document.querySelectorAll('.action-widget .monaco-list-row.action')].filter(
    (row) => row.getBoundingClientRect().height > 0,
  );
  return rows.length > 0 && rows.some((row) => (row.querySelector('.title')?.textContent ?? '').includes(expectTitle));
}
