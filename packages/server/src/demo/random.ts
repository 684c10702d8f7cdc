export { between, mulberry32 as seeded, pickWeighted, type Rng } from '../util/random.js'
