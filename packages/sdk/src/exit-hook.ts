/** Something to send when the event loop runs dry, i.e. a script reached its end. */
export interface ExitFlushable {
  exitFlush(): void
}

/**
 * Weak, so a client the app let go of can be collected. One with events still queued stays
 * reachable through its armed flush timer until they are sent.
 */
const live = new Set<WeakRef<ExitFlushable>>()
const refs = new WeakMap<ExitFlushable, WeakRef<ExitFlushable>>()
let installed = false

function onBeforeExit(): void {
  for (const ref of live) {
    const p = ref.deref()
    if (p === undefined) {
      live.delete(ref)
      continue
    }
    try {
      p.exitFlush()
    } catch {}
  }
}

/**
 * Registers one 'beforeExit' listener for every client, so a script that never calls
 * shutdown() still sends what it traced. 'beforeExit' is not emitted on process.exit() or on
 * signals; those need an explicit shutdown().
 */
export function onExit(p: ExitFlushable): void {
  const ref = new WeakRef(p)
  refs.set(p, ref)
  live.add(ref)
  if (installed) return
  installed = true
  process.on('beforeExit', onBeforeExit)
}

export function offExit(p: ExitFlushable): void {
  const ref = refs.get(p)
  if (ref) live.delete(ref)
}
