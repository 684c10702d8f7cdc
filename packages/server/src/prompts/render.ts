import type { PromptMessage, Queryable } from '../store/index.js'
import { ServiceError } from './errors.js'
import { type PromptVersionView, resolvePromptVersion } from './registry.js'
import type { Variables, VersionSelector } from './schemas.js'
import { renderMessages } from './template.js'

export type RenderedPrompt = {
  prompt: { name: string; version: number; labels: string[] }
  messages: PromptMessage[]
  model: string | null
  temperature: number | null
  maxTokens: number | null
  parameters: Record<string, unknown>
  /** Values given for variables the prompt does not use (often a typo). */
  unusedVariables: string[]
}

/** Fills a version's variables; every variable it uses must have a value. */
export function renderVersion(version: PromptVersionView, variables: Variables): RenderedPrompt {
  const r = renderMessages(version.messages, variables)
  if (r.missing.length) {
    const first = r.missing[0]!
    throw new ServiceError(
      'invalid',
      'missing_variable',
      `variables.${first}: missing; prompt ${version.name} v${version.version} uses ${version.variables.join(', ')}` +
        (r.missing.length > 1 ? ` (also missing: ${r.missing.slice(1).join(', ')})` : ''),
      { field: `variables.${first}`, missing: r.missing },
    )
  }
  return {
    prompt: { name: version.name, version: version.version, labels: version.labels },
    messages: r.messages,
    model: version.model,
    temperature: version.temperature,
    maxTokens: version.maxTokens,
    parameters: version.parameters,
    unusedVariables: r.unused,
  }
}

export async function renderPrompt(
  db: Queryable,
  projectId: string,
  name: string,
  selector: VersionSelector,
  variables: Variables,
): Promise<RenderedPrompt> {
  return renderVersion(await resolvePromptVersion(db, projectId, name, selector), variables)
}
