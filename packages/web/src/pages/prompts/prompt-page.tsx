import { Icon } from '../../components/icons.js'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { Segmented } from '../../components/segmented.js'
import type { PromptVersions } from '../../lib/api-types.js'
import { plural } from '../../lib/format.js'
import { Link, navigate, setParams, useLocation } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { DiffView } from './diff-view.js'
import { LabelBadges } from './labels.js'
import { RenderPanel } from './render-panel.js'
import { VersionForm } from './version-form.js'
import { formFromVersion } from './version-form-state.js'
import { VersionList } from './version-list.js'
import { VersionView } from './version-view.js'

type Tab = 'version' | 'diff' | 'render' | 'new'
const TABS = [
  { id: 'version', label: 'Version' },
  { id: 'diff', label: 'Diff' },
  { id: 'render', label: 'Render' },
  { id: 'new', label: 'New version' },
] as const
const VERSIONS_SHOWN = 500

/** One prompt: its versions and labels, a version's content, diffs, rendering and a new version. */
export function PromptPage({ name }: { name: string }) {
  const { params } = useLocation()
  const g = useGlobal()
  const path = `/api/v1/prompts/${encodeURIComponent(name)}/versions`
  const loaded = useApi<PromptVersions>(path, { limit: VERSIONS_SHOWN }, g.tick)
  const tab = (TABS.find((t) => t.id === params.get('tab'))?.id ?? 'version') as Tab
  const back = (
    <Link class="back" href="/prompts">
      <Icon name="back" size={14} /> Prompts
    </Link>
  )
  if (loaded.error)
    return (
      <div class="page">
        {back}
        <ErrorBanner error={loaded.error} />
      </div>
    )
  if (!loaded.data)
    return (
      <div class="page">
        {back}
        <Loading />
      </div>
    )
  const { prompt, data: versions } = loaded.data
  const wanted = Number(params.get('v') ?? prompt.latestVersion)
  const version = versions.find((v) => v.version === wanted) ?? versions[0]!
  const href = (v: number) =>
    `/prompts/${encodeURIComponent(name)}?v=${v}${tab === 'version' ? '' : `&tab=${tab}`}`

  return (
    <div class="page page--wide">
      {back}
      <div class="page__head">
        <h1>{prompt.name}</h1>
        <LabelBadges labels={prompt.labels} />
        <span class="page__count">
          {plural(versions.length, 'version')}
          {prompt.description ? ` · ${prompt.description}` : ''}
        </span>
      </div>
      <div class="split split--prompt">
        <div class="panel split__left">
          <div class="panel__title">Versions</div>
          <VersionList versions={versions} selected={version.version} href={href} />
        </div>
        <div class="panel split__right">
          <div class="panel__tabs">
            <Segmented<Tab>
              label="View"
              items={TABS}
              value={tab}
              onSelect={(id) => setParams({ tab: id === 'version' ? null : id }, { replace: true })}
            />
          </div>
          {tab === 'version' && <VersionView prompt={prompt} version={version} onChanged={loaded.reload} />}
          {tab === 'diff' && <DiffView name={name} versions={versions} />}
          {tab === 'render' && <RenderPanel key={version.version} version={version} />}
          {tab === 'new' && (
            <VersionForm
              key={version.version}
              prompt={prompt}
              base={version.version}
              initial={formFromVersion(version)}
              onCancel={() => setParams({ tab: null }, { replace: true })}
              onSaved={(v) => {
                loaded.reload()
                navigate(`/prompts/${encodeURIComponent(name)}?v=${v.version}${v.created ? '' : '&same=1'}`)
              }}
            />
          )}
          {params.get('same') && tab === 'version' && (
            <div class="banner banner--info" role="status">
              Nothing changed against the newest version, so no version was added.
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
