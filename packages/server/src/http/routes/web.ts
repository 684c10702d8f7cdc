import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../app.js'
import { AppError } from '../errors.js'

/** Where `npm run build` puts the dashboard (packages/web's Vite build); same depth from src/ and dist/. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url))

/** Hashed file names change with their content, so assets can be cached for good. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3_600_000

/**
 * The dashboard renders attacker-controlled text (prompts, answers). It never does so as HTML,
 * and this policy makes sure that even a mistake could not run a script or load anything from
 * elsewhere. ECharts and Preact set inline styles, hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

function securityHeaders(reply: FastifyReply) {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('referrer-policy', 'no-referrer')
  reply.header('x-frame-options', 'DENY')
}

/** A page address of the single-page app: not the API, and not a file name (those 404). */
function isPagePath(url: string): boolean {
  const path = url.split('?')[0]!
  if (path === '/api' || path.startsWith('/api/')) return false
  const last = path.slice(path.lastIndexOf('/') + 1)
  return !last.includes('.')
}

function notFound(method: string, url: string): AppError {
  return new AppError(404, 'not_found', `no route ${method} ${url.split('?')[0]}`)
}

/**
 * Serves the dashboard: /assets/* from the build, and index.html for every other page address
 * (the app routes in the browser). Unknown /api paths keep their JSON 404. The page itself is
 * public; its data comes from the API with the user's key.
 */
export function createWebRoutes({ publicDir = PUBLIC_DIR }: { publicDir?: string } = {}) {
  return async function webRoutes(app: FastifyInstance, _deps: AppDeps) {
    const built = existsSync(`${publicDir}/index.html`)
    if (built) {
      await app.register(fastifyStatic, {
        root: `${publicDir}/assets`,
        prefix: '/assets/',
        index: false,
        dotfiles: 'ignore',
        maxAge: ASSET_MAX_AGE_MS,
        immutable: true,
        setHeaders: (reply) => reply.header('x-content-type-options', 'nosniff'),
      })
    }
    const page = async (request: { method: string; url: string }, reply: FastifyReply) => {
      if (!isPagePath(request.url)) throw notFound(request.method, request.url)
      securityHeaders(reply)
      if (!built) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The chatlens dashboard is not built. Run `npm run build` in the chatlens checkout, then reload.\n',
          )
      }
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html', publicDir, { maxAge: 0, immutable: false, cacheControl: false })
    }
    app.get('/', page)
    app.get('/*', page)
  }
}

export const webRoutes = createWebRoutes()
