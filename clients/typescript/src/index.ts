/**
 * The Support Network API for TypeScript: the types openapi-typescript generates from the
 * contract (`schema.d.ts`, never edited by hand), openapi-fetch for the calls, and the few
 * helpers a partner would otherwise write first: errors thrown with their problem, whole lists
 * without cursor loops, an idempotency key on every POST, If-Match from the last read, and the
 * webhook signature check.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths, webhooks } from "./schema.d.ts";

export type { components, paths, webhooks };
export type Schemas = components["schemas"];
export type Problem = Schemas["ProblemDetails"];
export type FieldError = Schemas["FieldError"];
/** Every event the feed and webhooks carry, discriminated on `type`. */
export type Event = Schemas["Event"];
export type SupportNetworkClient = Client<paths>;

export interface ClientOptions {
  /** Where the service answers, e.g. `https://api.example.org`. */
  baseUrl: string;
  /** An API key's token (`snk_...`, or an operator's `sno_...`). */
  token: string;
  /** Another fetch, for tests or proxies. */
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * The typed client. Every POST that does not carry an `Idempotency-Key` gets a fresh one, so a
 * request resent as it was (by a proxy, say) is made once (the service ignores the header on
 * POSTs that do not create). A retry of yours that calls the operation again should pass its
 * own key, the same each time.
 */
export function createSupportNetworkClient(options: ClientOptions): SupportNetworkClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  client.use(idempotencyKeys);
  return client;
}

const idempotencyKeys: Middleware = {
  onRequest({ request }) {
    if (request.method === "POST" && !request.headers.has("Idempotency-Key")) {
      request.headers.set("Idempotency-Key", randomUUID());
    }
    return request;
  },
};

/** A problem+json answer, thrown: its type, status, field errors and, on a 412, the version now. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldError[];
  /** On a 412: the version the object has now (read it again, then retry). */
  readonly currentVersion: number | null;
  /** On a 429 or 503: seconds to wait, from `Retry-After` (null when absent or a date). */
  readonly retryAfter: number | null;
  readonly requestId: string | null;
  readonly problem: Problem | null;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : null;
    super(problem === null ? `HTTP ${response.status}` : `${problem.title}: ${problem.detail}`);
    this.name = "ApiError";
    this.status = response.status;
    this.type = problem?.type ?? "about:blank";
    this.title = problem?.title ?? response.statusText;
    this.detail = problem?.detail ?? "";
    this.fieldErrors = problem?.errors ?? [];
    this.currentVersion = problem?.current_version ?? null;
    const retryAfter = response.headers.get("Retry-After");
    this.retryAfter = retryAfter !== null && /^[0-9]+$/.test(retryAfter) ? Number(retryAfter) : null;
    this.requestId = response.headers.get("X-Request-ID");
    this.problem = problem;
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { type?: unknown }).type === "string" &&
    typeof (body as { status?: unknown }).status === "number"
  );
}

/** What an openapi-fetch call resolves to, on either side. */
export interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer; an `ApiError` otherwise. */
export async function unwrap<D>(call: Promise<Answer<D>>): Promise<D> {
  const answer = await call;
  if (!answer.response.ok) {
    throw new ApiError(answer.response, answer.error);
  }
  return answer.data as D;
}

/** A body with the version it was read at: pass `etag` as `If-Match` to change it. */
export interface Versioned<D> {
  value: D;
  etag: string;
  /** Whether the service answered from an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** Like `unwrap`, keeping the answer's `ETag` (and whether it was an idempotent replay). */
export async function versioned<D>(call: Promise<Answer<D>>): Promise<Versioned<D>> {
  const answer = await call;
  const value = await unwrap(Promise.resolve(answer));
  const etag = answer.response.headers.get("ETag");
  if (etag === null) {
    throw new Error("the answer carries no ETag");
  }
  return { value, etag, replayed: answer.response.headers.get("Idempotent-Replayed") === "true" };
}

/**
 * Change an object under If-Match: `read` fetches it with its ETag, `write` sends the change
 * with that ETag. If someone else changed it in between (412), read again and retry, up to
 * `attempts` times; the last 412 is thrown.
 */
export async function updateWithETag<R, W>(
  read: () => Promise<Answer<R>>,
  write: (current: R, etag: string) => Promise<Answer<W>>,
  attempts = 3,
): Promise<Versioned<W>> {
  for (let attempt = 1; ; attempt++) {
    const current = await versioned(read());
    try {
      return await versioned(write(current.value, current.etag));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 412) || attempt >= attempts) {
        throw error;
      }
    }
  }
}

/** One page of a list: its items and where the next page starts (null at the end). */
export interface Page<I> {
  data: I[];
  next_cursor?: string | null;
}

/**
 * Every item of a list, page after page: `fetchPage(cursor)` asks for the page at `cursor`
 * (undefined for the first). Stops at a page without `next_cursor` or without items (the events
 * feed always hands back a cursor to poll with later).
 */
export async function* paginate<I>(
  fetchPage: (cursor: string | undefined) => Promise<Answer<Page<I>>>,
): AsyncGenerator<I, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await unwrap(fetchPage(cursor));
    yield* page.data;
    if (page.next_cursor == null || page.data.length === 0) {
      return;
    }
    if (page.next_cursor === cursor) {
      throw new Error("the same cursor twice: does fetchPage pass `cursor` on?");
    }
    cursor = page.next_cursor;
  }
}

/** Every item of a list, collected. */
export async function all<I>(
  fetchPage: (cursor: string | undefined) => Promise<Answer<Page<I>>>,
): Promise<I[]> {
  const items: I[] = [];
  for await (const item of paginate(fetchPage)) {
    items.push(item);
  }
  return items;
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/**
 * Check a delivery the Standard Webhooks way and return its event: the HMAC-SHA256 of
 * `<id>.<timestamp>.<raw body>` under the secret (after `whsec_`, base64) must be one of the
 * `v1,` signatures, compared in constant time, and the timestamp within `toleranceSeconds` of
 * `now`. Pass the body exactly as received, before any JSON parsing.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  headers: WebhookHeaders | Headers,
  now: Date = new Date(),
  toleranceSeconds = 300,
): Event {
  const lowered =
    headers instanceof Headers
      ? null
      : Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const header = (name: keyof WebhookHeaders): string => {
    const value = headers instanceof Headers ? headers.get(name) : lowered?.[name];
    if (value === null || value === undefined || value === "") {
      throw new WebhookVerificationError(`missing ${name}`);
    }
    return value;
  };
  const id = header("webhook-id");
  const timestamp = header("webhook-timestamp");
  const encoded = secret.replace(/^whsec_/, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    throw new WebhookVerificationError("the secret is not whsec_ and base64");
  }
  const seconds = Number(timestamp);
  if (!/^[0-9]+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) {
    throw new WebhookVerificationError("timestamp too far from now");
  }
  const key = Buffer.from(encoded, "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = header("webhook-signature")
    .split(" ")
    .filter((signature) => signature.startsWith("v1,"))
    .map((signature) => Buffer.from(signature.slice(3), "base64"))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
  if (!matches) {
    throw new WebhookVerificationError("no signature matches");
  }
  return JSON.parse(body) as Event;
}
