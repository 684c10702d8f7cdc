import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlite } from '../../server/test/support/engines.js'
import { startTestServer, type TestServer } from '../../server/test/support/server.js'
import { type Browser, openBrowser } from './support/browser.js'
import { ensureWebBuilt } from './support/build.js'
import { signIn } from './support/session.js'

/** Each page of a new project, and what it tells a newcomer to do. */
const PAGES = [
  ['/prompts', 'No prompts yet', 'chatlens prompts push'],
  ['/experiments', 'No experiments yet', 'cl.assign'],
  ['/datasets', 'No datasets yet', 'chatlens datasets from-traces'],
  ['/recommendations', 'No open recommendations', 'chatlens optimize'],
  ['/playground', 'Ask the support bot something', 'Where is my order'],
] as const

describe('the pages of an empty project in Chromium', () => {
  let s: TestServer
  let b: Browser

  beforeAll(async () => {
    await ensureWebBuilt()
    s = await startTestServer(sqlite)
    b = await openBrowser({ width: 1366, height: 768 })
  })
  afterAll(async () => {
    await b?.close()
    await s?.close()
  })

  it.each(PAGES)('%s says what to do first', async (path, title, hint) => {
    await signIn(b, s, path)
    const empty = b.page.locator('.empty, .pg-empty')
    await empty.locator('h2', { hasText: title }).waitFor()
    expect(await empty.textContent()).toContain(hint)
    await b.shot(`empty${path.replace('/', '-')}`)
  })

  it('logged no console errors', () => {
    expect(b.errors).toEqual([])
  })
})
