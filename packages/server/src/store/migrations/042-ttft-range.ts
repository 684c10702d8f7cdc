import type { Migration } from './types.js'

/**
 * The hourly rollups keep the range of time to first token as they do for latency, so its min and
 * max read the same from a rollup as from raw rows. Hours rolled up before this are queued to be
 * rebuilt, which fills the new columns from the stored traces.
 */
export const ttftRange: Migration = {
  id: '042-ttft-range',
  statements: ({ real }) => [
    `ALTER TABLE analytics_hourly ADD COLUMN ttft_min ${real}`,
    `ALTER TABLE analytics_hourly ADD COLUMN ttft_max ${real}`,
    `INSERT INTO analytics_dirty (project_id, hour)
       SELECT DISTINCT h.project_id, h.hour FROM analytics_hourly h
       WHERE NOT EXISTS (SELECT 1 FROM analytics_dirty d WHERE d.project_id = h.project_id AND d.hour = h.hour)`,
  ],
}
