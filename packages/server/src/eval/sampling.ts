import { BUCKET_COUNT, bucketOf } from '../experiments/assignment.js'

/**
 * Whether a target falls in a task's sample: FNV-1a of "task:targetId" into 10,000 buckets, so
 * the same trace is always in or out for the same rate, and raising the rate only adds traces.
 * `force` (the SDK's evaluate flag) overrides: true always, false never.
 */
export function inSample(
  task: string,
  targetId: string,
  rate: number,
  force: boolean | null = null,
): boolean {
  if (force !== null) return force
  if (rate >= 1) return true
  if (rate <= 0) return false
  return bucketOf(task, targetId) < rate * BUCKET_COUNT
}
