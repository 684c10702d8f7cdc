import type { TestServer } from '../../../server/test/support/server.js'
import type { Browser } from './browser.js'

/** Opens `path` signed in with an admin dashboard token, as the link `chatlens serve` prints. */
export async function signIn(b: Browser, s: TestServer, path: string): Promise<void> {
  const token = s.server.auth.mintLocalToken(s.projectId, ['admin'], 'dashboard')
  await b.page.goto(`${s.url}${path}${path.includes('?') ? '&' : '?'}token=${token}`)
}

/** Screenshots of every screenful of the scrolling content area (`name-1.png`, `name-2.png`, …). */
export async function shots(b: Browser, name: string, max = 4): Promise<void> {
  const content = b.page.locator('.content')
  const height = await content.evaluate((el) => el.scrollHeight)
  const view = await content.evaluate((el) => el.clientHeight)
  for (let i = 0, y = 0; y < height && i < max; i++, y += view) {
    await content.evaluate((el, top) => el.scrollTo(0, top), y)
    await b.shot(`${name}-${i + 1}`)
  }
  await content.evaluate((el) => el.scrollTo(0, 0))
}

/** Whether the content area fits its width: nothing scrolls sideways on this screen. */
export function fitsWidth(b: Browser): Promise<boolean> {
  return b.page.evaluate(() => {
    const content = document.querySelector('.content')!
    return content.scrollWidth <= content.clientWidth
  })
}
