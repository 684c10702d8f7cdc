import type { Migration } from './types.js'

/**
 * Recommendations (what the data says to change, with its evidence) and the log of every action
 * the optimizer took or a user took through it (applying a recommendation, promoting a winner,
 * reverting), each with what it changed so it can be undone.
 */
export const optimize: Migration = {
  id: '041-optimize',
  statements: ({ int }) => [
    `CREATE TABLE recommendations (
      project_id TEXT NOT NULL, id TEXT NOT NULL, rule TEXT NOT NULL, fingerprint TEXT NOT NULL, status TEXT NOT NULL,
      priority TEXT NOT NULL, title TEXT NOT NULL, evidence TEXT NOT NULL, evidence_text TEXT NOT NULL,
      action TEXT NOT NULL, expected_effect TEXT NOT NULL, effort TEXT NOT NULL, proposal TEXT NOT NULL,
      scope TEXT NOT NULL, source TEXT NOT NULL, provider TEXT, simulated ${int}, window_from ${int} NOT NULL,
      window_to ${int} NOT NULL, experiment_key TEXT, prompt_name TEXT, prompt_version ${int}, note TEXT,
      created_at ${int} NOT NULL, updated_at ${int} NOT NULL, applied_at ${int}, dismissed_at ${int},
      PRIMARY KEY (project_id, id))`,
    'CREATE INDEX recommendations_status ON recommendations (project_id, status, updated_at)',
    'CREATE INDEX recommendations_fingerprint ON recommendations (project_id, fingerprint, updated_at)',
    `CREATE TABLE optimization_actions (
      project_id TEXT NOT NULL, id TEXT NOT NULL, at ${int} NOT NULL, kind TEXT NOT NULL, automatic ${int} NOT NULL,
      actor TEXT, recommendation_id TEXT, experiment_key TEXT, prompt_name TEXT, label TEXT,
      from_version ${int}, to_version ${int}, summary TEXT NOT NULL, details TEXT NOT NULL, revert_of TEXT,
      reverted_at ${int}, reverted_by TEXT, PRIMARY KEY (project_id, id))`,
    'CREATE INDEX optimization_actions_time ON optimization_actions (project_id, at)',
    'CREATE INDEX optimization_actions_experiment ON optimization_actions (project_id, experiment_key)',
  ],
}
