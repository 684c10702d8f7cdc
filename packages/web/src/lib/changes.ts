import { useEffect, useState } from 'preact/hooks'

/**
 * State kept outside components (the sign-in, the playground's conversation, filter suggestions,
 * the Refresh tick): `emit` after changing it, and every component that called `use` re-renders.
 */
export class Changes {
  private readonly listeners = new Set<() => void>()

  emit(): void {
    for (const l of this.listeners) l()
  }

  /** Re-renders the calling component on every `emit` while it is mounted. */
  use(): void {
    const [, rerender] = useState(0)
    useEffect(() => {
      const l = () => rerender((n) => n + 1)
      this.listeners.add(l)
      return () => {
        this.listeners.delete(l)
      }
    }, [])
  }
}
