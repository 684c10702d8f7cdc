import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(2000, 2)) { corpus.addDocument(t.query); corpus.addDocument(t.response) }
for (const t of turns) { analyze(t.response).terms }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
let best = Infinity
for (let r = 0; r < 10; r++) { const c0 = cpu(); for (let i = 0; i < 2000; i++) { const t = turns[(r*2000+i) % 4000]!; analyze(t.response).terms; corpus.addDocument(t.response) } best = Math.min(best, (cpu() - c0) * 1000 / 2000) }
console.log('addDocument(response) incl. terms', best.toFixed(1), 'µs', corpus.vocabularySize)
