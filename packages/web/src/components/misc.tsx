import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { Paged } from '../lib/use-api.js'
import { Icon } from './icons.js'

export function StatusBadge({ status }: { status: 'ok' | 'error' }) {
  return (
    <span class={`badge badge--${status === 'error' ? 'error' : 'ok'}`}>
      {status === 'error' ? 'Error' : 'OK'}
    </span>
  )
}

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: string
  children: ComponentChildren
  title?: string
}) {
  return (
    <span class={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  )
}

/** A label over a value, for detail headers. */
export function Stat({
  label,
  children,
  title,
}: {
  label: string
  children: ComponentChildren
  title?: string
}) {
  return (
    <div class="stat" title={title}>
      <div class="stat__label">{label}</div>
      <div class="stat__value">{children}</div>
    </div>
  )
}

export function ErrorBanner({ error }: { error: Error }) {
  return (
    <div class="banner banner--error" role="alert">
      {error.message}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false)
  return (
    <button
      type="button"
      class="icon-button icon-button--small"
      title={done ? 'Copied' : label}
      onClick={() => {
        navigator.clipboard?.writeText(text).then(
          () => {
            setDone(true)
            setTimeout(() => setDone(false), 1200)
          },
          () => {},
        )
      }}
    >
      <Icon name="copy" size={14} />
      <span class="sr-only">{label}</span>
    </button>
  )
}

export function Section({
  title,
  aside,
  children,
}: {
  title: string
  aside?: ComponentChildren
  children: ComponentChildren
}) {
  return (
    <section class="section">
      <div class="section__head">
        <h3>{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  )
}

/** The button under a cursor-paginated list that fetches its next page; nothing at the end. */
export function LoadMore({ list }: { list: Paged<unknown> }) {
  if (!list.hasMore) return null
  return (
    <button type="button" class="button" disabled={list.loading} onClick={list.loadMore}>
      {list.loading ? 'Loading…' : 'Load more'}
    </button>
  )
}
