export { displayPrefix, hashSecret, newSecret } from './keys.js'
export { ProjectPricers } from './pricers.js'
export { type CreatedKey, createApiKey, createProject, ensureDefaultProject } from './service.js'
