import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

/** Screenshots land here (gitignored) for a human to look at. */
export const SHOTS_DIR = fileURLToPath(new URL('../../../../test-output/web/', import.meta.url))

/** Debian's Chromium, never a downloaded browser; no network beyond the test server. */
const CHROMIUM = process.env.CHATLENS_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const STEP_TIMEOUT_MS = 10_000

export type Browser = {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions, in order. */
  errors: string[]
  /** Messages of every alert/confirm/prompt that opened (there should be none). */
  dialogs: string[]
  shot(name: string): Promise<string>
  close(): Promise<void>
}

/** One headless Chromium with a fresh profile in a temp dir, and one page that records problems. */
export async function openBrowser(viewport = { width: 1366, height: 768 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chatlens-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
  })
  const errors: string[] = []
  const dialogs: string[] = []
  const page = context.pages()[0] ?? (await context.newPage())
  // A step that cannot happen fails with what it waited for, well before the test's own timeout.
  page.setDefaultTimeout(STEP_TIMEOUT_MS)
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    d.dismiss().catch(() => {})
  })
  mkdirSync(SHOTS_DIR, { recursive: true })
  return {
    context,
    page,
    errors,
    dialogs,
    async shot(name) {
      const path = join(SHOTS_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
