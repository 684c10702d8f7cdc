import { scoreCoherence } from '../../packages/server/src/eval/evaluators/coherence.js'
for (const t of ['Open Settings. Choose Security, then enable two-factor authentication.', 'Do this:\n\n1. Open the app\n2. Tap Settings\n\nDone!', 'Run this:\n\n```sh\nnpm install\n```\n\nThen restart the server.', 'No, the store is closed on Sundays.']) console.log(scoreCoherence(t).comment)
