import type { Migration } from './types.js'

/**
 * The prompt registry: a prompt is a name; its versions are immutable rows numbered 1, 2, …;
 * labels (production, staging, …) are movable pointers from a name to one version.
 */
export const prompts: Migration = {
  id: '030-prompts',
  statements: ({ int, real, withoutRowid }) => [
    `CREATE TABLE prompts (
      project_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT, latest_version ${int} NOT NULL,
      created_at ${int} NOT NULL, updated_at ${int} NOT NULL, PRIMARY KEY (project_id, name))`,
    `CREATE TABLE prompt_versions (
      project_id TEXT NOT NULL, name TEXT NOT NULL, version ${int} NOT NULL, messages TEXT NOT NULL,
      model TEXT, temperature ${real}, max_tokens ${int}, parameters TEXT NOT NULL, variables TEXT NOT NULL,
      commit_message TEXT, author TEXT, created_by TEXT, created_at ${int} NOT NULL,
      PRIMARY KEY (project_id, name, version))`,
    `CREATE TABLE prompt_labels (
      project_id TEXT NOT NULL, name TEXT NOT NULL, label TEXT NOT NULL, version ${int} NOT NULL,
      updated_at ${int} NOT NULL, updated_by TEXT, PRIMARY KEY (project_id, name, label))${withoutRowid}`,
  ],
}
