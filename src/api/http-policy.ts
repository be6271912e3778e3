// HTTP policy of the GraphQL endpoint: request body cap, cache headers (successful GET reads are
// cacheable for embeds; everything else is no-store), and CORS that is open for reads but closed
// for mutations (no Authorization header cross-origin, and cross-origin mutations are refused).
import type { Plugin } from 'graphql-yoga';

/** Largest accepted request body, for every operation (ingestDocument included). */
export const MAX_BODY_BYTES = 1_000_000;

export const ARMOR_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 20,
  /** graphql-armor cost units: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
  maxCost: 100_000,
} as const;

export const READ_CACHE_CONTROL = 'public, max-age=60';

/** Reads may come from any origin; only content-type may be sent, so no bearer token cross-origin. */
export const corsOptions = {
  origin: '*',
  methods: ['GET', 'POST'],
  allowedHeaders: ['content-type'],
  credentials: false,
  maxAge: 600,
};

/** True when a browser says the request comes from a page of another origin. */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  if (!origin) return false;
  try {
    // Host only: behind a TLS-terminating proxy the scheme seen here may differ from the page's.
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    return true;
  }
}

const tooLarge = (fetchAPI: { Response: typeof Response }) =>
  new fetchAPI.Response(JSON.stringify({ errors: [{ message: `request: body must be at most ${MAX_BODY_BYTES} bytes`, extensions: { code: 'LIMIT_EXCEEDED' } }] }), {
    status: 413,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

/** Reads at most `max` bytes of a body; null when it is longer. */
async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function useHttpPolicy(): Plugin {
  const succeeded = new WeakMap<Request, boolean>();
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      // The header first: touching request.body builds a stream wrapper, not needed when declared.
      const declared = Number(request.headers.get('content-length') ?? NaN);
      if (declared > MAX_BODY_BYTES) return endResponse(tooLarge(fetchAPI));
      if (Number.isFinite(declared) || !request.body) return;
      // No length declared (chunked): read it here, under the cap, and hand yoga the bytes.
      const bytes = await readCapped(request.body, MAX_BODY_BYTES);
      if (!bytes) return endResponse(tooLarge(fetchAPI));
      setRequest(new fetchAPI.Request(request.url, { method: 'POST', headers: request.headers, body: bytes }));
    },
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      succeeded.set(request, results.every((r) => r && typeof r === 'object' && !('errors' in r && (r as { errors?: unknown[] }).errors?.length)));
    },
    onResponse({ request, response }) {
      // Only GET can carry a query (yoga refuses mutations over GET), so a successful GET is a read.
      const cacheable = request.method === 'GET' && response.status === 200 && succeeded.get(request) === true;
      response.headers.set('cache-control', cacheable ? READ_CACHE_CONTROL : 'no-store');
      if (cacheable) response.headers.set('vary', 'Accept-Encoding, Accept');
    },
  };
}
