import type { Migration } from './types.js'

/**
 * Datasets of examples and the runs of a prompt or model configuration over them.
 *
 * An item row is immutable and valid for the dataset versions [valid_from, valid_to): adding an
 * item opens a row, removing one closes it, editing does both, so every past version can still be
 * read as it was (a run names the version it used). Run items are one row per item and
 * repetition, with their output, scores and assertion results as JSON.
 */
export const datasets: Migration = {
  id: '040-datasets',
  statements: ({ int, real }) => [
    `CREATE TABLE datasets (
      project_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, description TEXT,
      latest_version ${int} NOT NULL, item_count ${int} NOT NULL, metadata TEXT NOT NULL,
      created_by TEXT, created_at ${int} NOT NULL, updated_at ${int} NOT NULL, PRIMARY KEY (project_id, id))`,
    'CREATE UNIQUE INDEX datasets_name ON datasets (project_id, name)',
    `CREATE TABLE dataset_versions (
      project_id TEXT NOT NULL, dataset_id TEXT NOT NULL, version ${int} NOT NULL, note TEXT,
      item_count ${int} NOT NULL, added ${int} NOT NULL, removed ${int} NOT NULL, created_by TEXT,
      created_at ${int} NOT NULL, PRIMARY KEY (project_id, dataset_id, version))`,
    `CREATE TABLE dataset_items (
      project_id TEXT NOT NULL, dataset_id TEXT NOT NULL, id TEXT NOT NULL, valid_from ${int} NOT NULL,
      valid_to ${int}, position ${int} NOT NULL, input TEXT NOT NULL, expected TEXT, context TEXT NOT NULL,
      assertions TEXT NOT NULL, metadata TEXT NOT NULL, source_trace_id TEXT, created_at ${int} NOT NULL,
      PRIMARY KEY (project_id, dataset_id, id, valid_from))`,
    'CREATE INDEX dataset_items_version ON dataset_items (project_id, dataset_id, valid_from, valid_to)',
    `CREATE TABLE dataset_runs (
      project_id TEXT NOT NULL, id TEXT NOT NULL, dataset_id TEXT NOT NULL, dataset_version ${int} NOT NULL,
      name TEXT, status TEXT NOT NULL, config TEXT NOT NULL, config_key TEXT NOT NULL, assertions TEXT NOT NULL,
      evaluators TEXT NOT NULL, repetitions ${int} NOT NULL, environment TEXT NOT NULL, provider TEXT NOT NULL,
      simulated ${int} NOT NULL, total ${int} NOT NULL, done ${int} NOT NULL, summary TEXT, error TEXT,
      created_by TEXT, created_at ${int} NOT NULL, started_at ${int}, finished_at ${int},
      PRIMARY KEY (project_id, id))`,
    'CREATE INDEX dataset_runs_dataset ON dataset_runs (project_id, dataset_id, created_at)',
    `CREATE TABLE dataset_run_items (
      project_id TEXT NOT NULL, run_id TEXT NOT NULL, item_id TEXT NOT NULL, repetition ${int} NOT NULL,
      trace_id TEXT, output TEXT, error TEXT, latency_ms ${real}, cost_usd ${real}, input_tokens ${int},
      output_tokens ${int}, scores TEXT NOT NULL, assertions TEXT NOT NULL, passed ${int} NOT NULL,
      attempts ${int} NOT NULL, created_at ${int} NOT NULL, PRIMARY KEY (project_id, run_id, item_id, repetition))`,
  ],
}
