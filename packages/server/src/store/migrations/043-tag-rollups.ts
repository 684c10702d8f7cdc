import type { Migration } from './types.js'

/**
 * Hourly rollups per tag (of interactions and of conversations, by the tags of their first turn),
 * so a dashboard filtered or grouped by one tag reads one row per tag and hour instead of every
 * raw row of the window. They hold what the hour totals hold (online environments only); tag ''
 * holds the untagged, so a grouping by tag has them too. Hours rolled up before this are queued to
 * be rebuilt, which fills them.
 */
export const tagRollups: Migration = {
  id: '043-tag-rollups',
  statements: ({ int, real }, dialect) => {
    const blob = dialect === 'sqlite' ? 'BLOB' : 'BYTEA'
    return [
      `CREATE TABLE analytics_tag_hourly (
        project_id TEXT NOT NULL, hour ${int} NOT NULL, tag TEXT NOT NULL,
        traces ${int} NOT NULL, errors ${int} NOT NULL, scored ${int} NOT NULL,
        latency_n ${int} NOT NULL, latency_sum ${real} NOT NULL, latency_sumsq ${real} NOT NULL,
        latency_min ${real}, latency_max ${real}, latency_sketch ${blob},
        ttft_n ${int} NOT NULL, ttft_sum ${real} NOT NULL, ttft_sumsq ${real} NOT NULL,
        ttft_min ${real}, ttft_max ${real}, ttft_sketch ${blob},
        input_tokens ${int} NOT NULL, output_tokens ${int} NOT NULL, total_tokens ${int} NOT NULL,
        cost_n ${int} NOT NULL, cost_sum ${real} NOT NULL, cost_sumsq ${real} NOT NULL,
        scores TEXT NOT NULL, breakdown TEXT,
        PRIMARY KEY (project_id, hour, tag))`,
      `CREATE TABLE analytics_tag_conversations_hourly (
        project_id TEXT NOT NULL, hour ${int} NOT NULL, tag TEXT NOT NULL,
        conversations ${int} NOT NULL, turns_sum ${int} NOT NULL, turns_sumsq ${real} NOT NULL,
        turns_max ${int} NOT NULL, ended ${int} NOT NULL, with_errors ${int} NOT NULL,
        resolved_known ${int} NOT NULL, resolved_yes ${int} NOT NULL,
        satisfaction_n ${int} NOT NULL, satisfaction_sum ${real} NOT NULL, satisfaction_sumsq ${real} NOT NULL,
        cost_sum ${real} NOT NULL, latency_sum ${real} NOT NULL, stages TEXT NOT NULL,
        PRIMARY KEY (project_id, hour, tag))`,
      `INSERT INTO analytics_dirty (project_id, hour)
         SELECT DISTINCT h.project_id, h.hour FROM analytics_hourly h
         WHERE NOT EXISTS (SELECT 1 FROM analytics_dirty d WHERE d.project_id = h.project_id AND d.hour = h.hour)`,
    ]
  },
}
