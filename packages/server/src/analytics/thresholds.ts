/** The defaults users expect (PRODUCT.md 3.1). Scores are 0..1 unless an evaluator says otherwise. */

/** A response is high quality when its quality score is at least this. */
export const HIGH_QUALITY_MIN = 0.8
/** Sentiment above this is positive, below SENTIMENT_NEGATIVE_BELOW negative, else neutral. */
export const SENTIMENT_POSITIVE_ABOVE = 0.6
export const SENTIMENT_NEGATIVE_BELOW = 0.4

/** Score names with a meaning of their own in analytics. */
export const QUALITY_SCORE = 'quality'
export const SENTIMENT_SCORE = 'sentiment'
export const CATEGORY_SCORE = 'category'

/** Scores where lower is better; every other score is read as higher-is-better. */
export const LOWER_IS_BETTER_SCORES = new Set(['toxicity', 'pii_leak', 'refusal', 'hallucination'])

/** Score distributions are kept as this many equal bins over 0..1 (values outside are clamped). */
export const SCORE_BINS = 10

/** Query categories the judge assigns (PRODUCT.md 2.2). Others are kept as they come. */
export const QUERY_CATEGORIES = ['product', 'support', 'billing', 'general', 'off_topic'] as const
