import type { Migration } from './types.js'

/**
 * A/B experiments. Variants, metrics and settings are JSON (read and written whole); exposures
 * are the traces that carry the experiment's key, read through the index on traces below.
 */
export const experiments: Migration = {
  id: '031-experiments',
  statements: ({ int }) => [
    `CREATE TABLE experiments (
      project_id TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, description TEXT, hypothesis TEXT,
      status TEXT NOT NULL, unit TEXT NOT NULL, seed TEXT NOT NULL, variants TEXT NOT NULL,
      control TEXT NOT NULL, primary_metric TEXT NOT NULL, guardrails TEXT NOT NULL, settings TEXT NOT NULL,
      history TEXT NOT NULL, revision ${int} NOT NULL, randomized_at ${int}, started_at ${int}, stopped_at ${int},
      created_by TEXT, created_at ${int} NOT NULL, updated_at ${int} NOT NULL, PRIMARY KEY (project_id, key))`,
    'CREATE INDEX experiments_status ON experiments (project_id, status, updated_at)',
    // Partial and covering: only traces with an experiment key, holding every column the results
    // read, so they are computed from the index alone without touching the (large) trace rows.
    `CREATE INDEX traces_experiment ON traces (project_id, experiment_key, experiment_variant, user_id, session_id,
      id, latency_ms, cost_usd, status, created_at) WHERE experiment_key IS NOT NULL`,
  ],
}
