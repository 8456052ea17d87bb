import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * Lets the configured host pages (origins such as `https://portal.example.com`) call the API
 * from the browser with a bearer token. Other origins get no CORS headers, so browsers keep
 * their pages out; with no origins configured nothing is added.
 */
export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  if (allowedOrigins.length === 0) return;
  const origins = new Set(allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language'],
    exposedHeaders: ['Content-Disposition', 'WWW-Authenticate'],
    maxAge: 600,
    strictPreflight: true,
  });
}
