/** Tables of analytics (rollups and their queue) and alerts (rules, channels, events). */

export * from './alert-events.js'
export * from './alerts.js'
export * from './analytics-alerts.js'
export * from './analytics-dirty.js'
export * from './analytics-export.js'
export * from './analytics-facts.js'
export * from './analytics-review.js'
export * from './analytics-rollups.js'
