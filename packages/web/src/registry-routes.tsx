import type { JSX } from 'preact'
import type { Match } from './app.js'
import { ComparePage } from './pages/datasets/compare-page.js'
import { DatasetPage } from './pages/datasets/dataset-page.js'
import { DatasetsPage } from './pages/datasets/datasets-page.js'
import { RunPage } from './pages/datasets/run-page.js'
import { ExperimentPage } from './pages/experiments/experiment-page.js'
import { ExperimentsPage } from './pages/experiments/experiments-page.js'
import { PlaygroundPage } from './pages/playground/playground-page.js'
import { PromptPage } from './pages/prompts/prompt-page.js'
import { PromptsPage } from './pages/prompts/prompts-page.js'
import { RecommendationsPage } from './pages/recommendations/recommendations-page.js'

const page = (el: JSX.Element, title: string): Match => ({ page: el, filters: [], title })
const part = (s: string) => decodeURIComponent(s)

/**
 * Prompts, experiments, datasets and runs, recommendations and the playground. None of them is
 * filtered by the top bar's filters (the top bar greys them out and says so when one is set).
 */
export function registryRoute(path: string): Match | null {
  const at = (re: RegExp) => re.exec(path)
  if (/^\/prompts\/?$/.test(path)) return page(<PromptsPage />, 'Prompts')
  let m = at(/^\/prompts\/([^/]+)\/?$/)
  if (m) return page(<PromptPage key={m[1]} name={part(m[1]!)} />, part(m[1]!))
  if (/^\/experiments\/?$/.test(path)) return page(<ExperimentsPage />, 'Experiments')
  m = at(/^\/experiments\/([^/]+)\/?$/)
  if (m) return page(<ExperimentPage key={m[1]} experimentKey={part(m[1]!)} />, part(m[1]!))
  if (/^\/datasets\/?$/.test(path)) return page(<DatasetsPage />, 'Datasets')
  m = at(/^\/datasets\/([^/]+)\/?$/)
  if (m) return page(<DatasetPage key={m[1]} name={part(m[1]!)} />, part(m[1]!))
  m = at(/^\/datasets\/([^/]+)\/runs\/([^/]+)\/?$/)
  if (m) return page(<RunPage key={m[2]} dataset={part(m[1]!)} id={part(m[2]!)} />, 'Run')
  m = at(/^\/datasets\/([^/]+)\/compare\/?$/)
  if (m) return page(<ComparePage dataset={part(m[1]!)} />, 'Comparison')
  if (/^\/recommendations\/?$/.test(path)) return page(<RecommendationsPage />, 'Recommendations')
  if (/^\/playground\/?$/.test(path)) return page(<PlaygroundPage />, 'Playground')
  return null
}
