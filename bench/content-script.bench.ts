/**
 * Aspire content script benchmark: its size as shipped (raw and gzip) and the time from an Aspire screen's anchor
 * appearing to the Protiv panel's first paint, in real headless Chromium with the built extension.
 *
 *   npx wxt build && npm run bench -- content-script      (or: npx tsx bench/content-script.bench.ts)
 *
 * The page is served at Aspire's real address (so the manifest's match pattern applies) and renders its screen
 * a while after load, as Aspire does after its data fetch: it marks `anchor` when it inserts the work ticket's
 * title and `panel-paint` in the first frame after the panel's shadow root has content (MutationObserver +
 * requestAnimationFrame + a task, i.e. once that frame was painted). The median over RUNS page loads is reported.
 * Writes bench/results/content-script.json and prints a Markdown table.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchWithExtension } from '../e2e/support/browser'

const ROOT = path.resolve(import.meta.dirname, '..')
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3')
const SCRIPT = path.join(EXTENSION_DIR, 'content-scripts/aspire.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 21)
/** How long after load the screen renders: the content script is surely running and waiting by then. */
const RENDER_AFTER_MS = 400
const URL_UNDER_TEST = 'https://cloud.youraspire.com/app/work-tickets/10452'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Work Ticket 10452 - Aspire</title></head>
<body><div id="root"><p>Loading…</p></div>
<script>
  window.__bench = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      const host = document.querySelector('protiv-panel')
      if (!host || !host.shadowRoot || !host.shadowRoot.querySelector('[data-testid=protiv-panel]')) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark('panel-paint')
        resolve(performance.measure('anchor-to-panel', 'anchor', 'panel-paint').duration)
      }, 0))
    }).observe(document.documentElement, { childList: true, subtree: true })
  })
  addEventListener('load', () => setTimeout(() => {
    const root = document.getElementById('root')
    root.innerHTML = '<main class="app-content"><div class="details-header"><h1 class="page-title">Work Ticket #10452</h1></div>'
      + '<section class="details-panel"><dl><dt>Status</dt><dd>Scheduled</dd></dl></section></main>'
    performance.mark('anchor')
  }, ${RENDER_AFTER_MS}))
</script></body></html>`

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const round = (n: number) => Math.round(n * 10) / 10

async function main() {
  if (!existsSync(SCRIPT)) {
    console.error(`No built content script at ${path.relative(ROOT, SCRIPT)}: run \`npx wxt build\` first.`)
    process.exit(1)
  }
  const code = readFileSync(SCRIPT)
  const size = { file: path.relative(ROOT, SCRIPT), rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
  const css = path.join(EXTENSION_DIR, 'content-scripts/aspire.css')
  const cssSize = existsSync(css) ? { rawBytes: readFileSync(css).length, gzipBytes: gzipSync(readFileSync(css), { level: 9 }).length } : null

  const { context } = await launchWithExtension(EXTENSION_DIR)
  const samples: number[] = []
  try {
    await context.route('https://cloud.youraspire.com/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }))
    const page = await context.newPage()
    // One warm-up load: the service worker, the CSS fetch and the compiler caches are cold the first time.
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(URL_UNDER_TEST)
      const ms = await page.evaluate(() => Promise.race([(window as unknown as { __bench: Promise<number> }).__bench, new Promise<number>((_, fail) => setTimeout(() => fail(new Error('no panel within 10 s')), 10_000))]))
      if (run > 0) samples.push(ms)
    }
  } finally {
    await context.close()
  }
  const sorted = [...samples].sort((a, b) => a - b)
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    contentScript: size,
    contentCss: cssSize,
    anchorToPanelPaint: {
      runs: samples.length,
      renderAfterLoadMs: RENDER_AFTER_MS,
      medianMs: round(quantile(sorted, 0.5)),
      p90Ms: round(quantile(sorted, 0.9)),
      minMs: round(sorted[0]!),
      maxMs: round(sorted.at(-1)!),
      samplesMs: samples.map(round),
    },
  }
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true })
  writeFileSync(path.join(ROOT, 'bench/results/content-script.json'), `${JSON.stringify(result, null, 2)}\n`)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  const t = result.anchorToPanelPaint
  console.log(`
| measure | value |
| --- | --- |
| \`${size.file}\` raw | ${kb(size.rawBytes)} (${size.rawBytes} B) |
| \`${size.file}\` gzip -9 | ${kb(size.gzipBytes)} (${size.gzipBytes} B) |
${cssSize ? `| \`content-scripts/aspire.css\` raw / gzip | ${kb(cssSize.rawBytes)} / ${kb(cssSize.gzipBytes)} |\n` : ''}| anchor → panel first paint, median of ${t.runs} | ${t.medianMs} ms |
| anchor → panel first paint, p90 / min / max | ${t.p90Ms} / ${t.minMs} / ${t.maxMs} ms |

${result.machine}; headless Chromium, built extension (\`.output/chrome-mv3\`). Written to bench/results/content-script.json.`)
}

await main()
