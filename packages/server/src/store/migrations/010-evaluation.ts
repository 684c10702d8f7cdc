import type { Migration } from './types.js'

/** The durable evaluation queue: one row per evaluation of a trace or span, kept as its record. */
export const evaluation: Migration = {
  id: '010-evaluation',
  statements: ({ int, real }) => [
    `CREATE TABLE eval_jobs (
      id TEXT PRIMARY KEY, project_id TEXT NOT NULL, trace_id TEXT NOT NULL, span_id TEXT,
      evaluator TEXT NOT NULL, status TEXT NOT NULL, attempts ${int} NOT NULL, max_attempts ${int} NOT NULL,
      run_after ${int} NOT NULL, locked_until ${int}, last_error TEXT, error_kind TEXT,
      scores ${int}, judge_model TEXT, judge_input_tokens ${int}, judge_output_tokens ${int},
      judge_cost_usd ${real}, simulated ${int}, duration_ms ${real}, reason TEXT,
      created_at ${int} NOT NULL, updated_at ${int} NOT NULL, finished_at ${int})`,
    'CREATE INDEX eval_jobs_ready ON eval_jobs (status, run_after)',
    'CREATE INDEX eval_jobs_trace ON eval_jobs (project_id, trace_id)',
    'CREATE INDEX eval_jobs_project_status ON eval_jobs (project_id, status, updated_at)',
    `CREATE TABLE eval_corpus (
      project_id TEXT PRIMARY KEY, stats TEXT NOT NULL, documents ${int} NOT NULL, updated_at ${int} NOT NULL)`,
  ],
}
