import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import type { PromptDiff, PromptVersionView } from '../../lib/api-types.js'
import { setParams, useLocation } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { DiffBody, type DiffLayout } from './diff-body.js'

const LAYOUTS = [
  { id: 'side', label: 'Side by side' },
  { id: 'unified', label: 'Unified' },
] as const

/** Compares two versions (numbers in the address: `from`, `to`), side by side or unified. */
export function DiffView({ name, versions }: { name: string; versions: PromptVersionView[] }) {
  const { params } = useLocation()
  const newest = versions[0]?.version ?? 1
  const to = Number(params.get('to') ?? newest)
  const from = Number(params.get('from') ?? Math.max(1, to - 1))
  const layout: DiffLayout = params.get('layout') === 'unified' ? 'unified' : 'side'
  const diff = useApi<PromptDiff>(`/api/v1/prompts/${encodeURIComponent(name)}/diff`, { from, to })
  const picker = (key: 'from' | 'to', current: number) => (
    <select
      class="input input--small"
      name={key}
      aria-label={key === 'from' ? 'Old version' : 'New version'}
      value={String(current)}
      onChange={(e) => setParams({ [key]: e.currentTarget.value }, { replace: true })}
    >
      {versions.map((v) => (
        <option key={v.version} value={String(v.version)}>
          v{v.version}
          {v.labels.filter((l) => l !== 'latest').length
            ? ` (${v.labels.filter((l) => l !== 'latest').join(', ')})`
            : ''}
        </option>
      ))}
    </select>
  )
  return (
    <div class="diff-view">
      <div class="diff-view__controls">
        {picker('from', from)}
        <span class="muted">→</span>
        {picker('to', to)}
        <Segmented<DiffLayout>
          small
          label="Layout"
          items={LAYOUTS}
          value={layout}
          onSelect={(id) => setParams({ layout: id === 'side' ? null : id }, { replace: true })}
        />
      </div>
      {diff.error && <ErrorBanner error={diff.error} />}
      {diff.data ? <DiffBody diff={diff.data} layout={layout} /> : !diff.error && <Loading />}
    </div>
  )
}
