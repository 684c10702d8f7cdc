import type { ComponentChildren } from 'preact'

/** The three lines a newcomer needs to send traces from their own app (as in docs/sdk.md). */
export const SDK_SNIPPET = `import { Chatlens } from '@chatlens/sdk'

const cl = new Chatlens({ bot: 'support', version: '1.4.0' })
const answer = await cl.trace('turn', () => bot.reply(question), { input: question, sessionId, userId })`

/** Shown when the project has no data at all: how to get some. */
export function GettingStarted({ what }: { what: string }) {
  return (
    <div class="empty empty--start">
      <h2>No {what} yet</h2>
      <p>chatlens shows what your chatbot does once it sends traces. Two ways to get there:</p>
      <div class="empty__ways">
        <div class="empty__way">
          <h4>See it with demo data</h4>
          <p>Run the reference support bot with simulated traffic; this page fills within a minute.</p>
          <pre class="code">npm start</pre>
        </div>
        <div class="empty__way">
          <h4>Trace your own chatbot</h4>
          <p>
            <code>npm install @chatlens/sdk</code>, create a key with <code>chatlens keys create</code> and
            put it in <code>CHATLENS_API_KEY</code>, then trace each turn (more in docs/sdk.md):
          </p>
          <pre class="code">{SDK_SNIPPET}</pre>
        </div>
      </div>
    </div>
  )
}

/** Shown when data exists but none matches the range and filters. */
export function NoMatch({ what, children }: { what: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <h2>No {what} match</h2>
      <p>Nothing in this time range matches the filters. Widen the range or clear a filter.</p>
      {children}
    </div>
  )
}
