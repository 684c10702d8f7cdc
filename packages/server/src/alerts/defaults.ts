import { newId } from '../model/ids.js'
import {
  claimAlertDefaults,
  type Db,
  insertAlertRules,
  projectsWithoutAlertDefaults,
} from '../store/index.js'
import { AlertRuleBody, toDefinition } from './model.js'

/** Per-interaction rules look at the last 15 minutes; windowed ones at the last hour. */
const INTERACTION_WINDOW_MINUTES = 15
const WINDOW_MINUTES = 60
/** Windowed defaults judge only with this many observations, so one slow answer at night is not an incident. */
const WINDOW_MIN_SAMPLE = 20

/** The default rule set of PRODUCT.md 3.3, keyed so it is recognisable after edits. */
export const DEFAULT_RULES: Record<string, AlertRuleBody> = Object.fromEntries(
  (
    [
      [
        'toxicity',
        {
          name: 'Toxic response',
          scope: 'interaction',
          metric: 'score:toxicity',
          comparator: 'gt',
          threshold: 0.1,
          severity: 'high',
        },
      ],
      [
        'relevance',
        {
          name: 'Irrelevant response',
          scope: 'interaction',
          metric: 'score:relevance',
          comparator: 'lt',
          threshold: 0.7,
          severity: 'medium',
        },
      ],
      [
        'latency',
        {
          name: 'Slow response',
          scope: 'interaction',
          metric: 'latency_ms',
          comparator: 'gt',
          threshold: 2000,
          severity: 'medium',
        },
      ],
      [
        'coherence',
        {
          name: 'Incoherent response',
          scope: 'interaction',
          metric: 'score:coherence',
          comparator: 'lt',
          threshold: 0.6,
          severity: 'medium',
        },
      ],
      [
        'cost_per_conversation',
        {
          name: 'Costly conversations',
          scope: 'window',
          metric: 'cost_per_conversation',
          comparator: 'gt',
          threshold: 0.1,
          severity: 'low',
          minSample: 5,
        },
      ],
      [
        'avg_response_time_3s',
        {
          name: 'Average response time above 3 s',
          scope: 'window',
          metric: 'latency_ms',
          aggregation: 'mean',
          comparator: 'gt',
          threshold: 3000,
          severity: 'medium',
        },
      ],
      [
        'avg_response_time_5s',
        {
          name: 'Average response time above 5 s',
          scope: 'window',
          metric: 'latency_ms',
          aggregation: 'mean',
          comparator: 'gt',
          threshold: 5000,
          severity: 'high',
        },
      ],
      [
        'avg_quality_0.7',
        {
          name: 'Average quality below 0.7',
          scope: 'window',
          metric: 'score:quality',
          aggregation: 'mean',
          comparator: 'lt',
          threshold: 0.7,
          severity: 'medium',
        },
      ],
      [
        'avg_quality_0.6',
        {
          name: 'Average quality below 0.6',
          scope: 'window',
          metric: 'score:quality',
          aggregation: 'mean',
          comparator: 'lt',
          threshold: 0.6,
          severity: 'high',
        },
      ],
      [
        'high_quality_share',
        {
          name: 'High-quality share below 50 %',
          scope: 'window',
          metric: 'high_quality_share',
          comparator: 'lt',
          threshold: 0.5,
          severity: 'medium',
        },
      ],
    ] as const
  ).map(([key, r]) => [
    key,
    AlertRuleBody.parse({
      windowMinutes: r.scope === 'interaction' ? INTERACTION_WINDOW_MINUTES : WINDOW_MINUTES,
      minSample: r.scope === 'interaction' ? 1 : WINDOW_MIN_SAMPLE,
      ...r,
    }),
  ]),
)

/** Creates the default rules of a project, once in its life (a deleted default stays deleted). */
export async function createDefaultAlertRules(db: Db, projectId: string, now = Date.now()): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claimAlertDefaults(tx, projectId, now))) return false
    await insertAlertRules(
      tx,
      Object.entries(DEFAULT_RULES).map(([key, body], i) => ({
        ...toDefinition(body),
        // Ids sort by time: one millisecond apart keeps the rules in the order listed above.
        id: newId(now + i),
        projectId,
        defaultKey: key,
        createdAt: now,
      })),
    )
    return true
  })
}

/** Gives the defaults to every project that predates them (a store upgraded in place). */
export async function ensureDefaultAlertRules(db: Db): Promise<number> {
  let created = 0
  for (const projectId of await projectsWithoutAlertDefaults(db)) {
    if (await createDefaultAlertRules(db, projectId)) created++
  }
  return created
}
