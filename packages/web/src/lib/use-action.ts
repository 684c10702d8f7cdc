import { useState } from 'preact/hooks'
import { ApiError } from './api.js'

export type ActionNote = { text: string; error: boolean }

/** What a refused change says to a person; a 403 means the key lacks the admin scope. */
export function refusal(err: unknown, what = 'make this change'): string {
  if (err instanceof ApiError && err.status === 403)
    return `This key cannot ${what}: it needs the admin scope.`
  return (err as Error).message
}

/**
 * Runs changes one at a time: which one is busy, and a note of what happened (or why not).
 * `run` resolves to the work's result, or undefined when it failed.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null)
  const [note, setNote] = useState<ActionNote | null>(null)
  async function run<T>(id: string, work: () => Promise<T>, done?: (r: T) => string): Promise<T | undefined> {
    setBusy(id)
    setNote(null)
    try {
      const r = await work()
      if (done) setNote({ text: done(r), error: false })
      return r
    } catch (err) {
      setNote({ text: refusal(err), error: true })
      return undefined
    } finally {
      setBusy(null)
    }
  }
  return { busy, note, setNote, run }
}
