// The one way the web app talks to the API: openapi-fetch over the types generated from
// openapi.json (api-schema.gen.ts), so a path, a parameter or a body the server does not describe
// fails the type check. Every request sends the session cookie, every change the CSRF header, and
// an RFC 9457 problem document comes back as a thrown ApiError.
import createClient, { createQuerySerializer, type Middleware } from "openapi-fetch";
import type { components, paths } from "./api-schema.gen";

export type { paths };
/** The server's named schemas, e.g. `Schemas["Person"]`. */
export type Schemas = components["schemas"];

type Method = "get" | "post" | "patch" | "delete";
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
/** The JSON answer of an operation, e.g. `ResponseOf<"/api/v1/persons", "get">`. */
export type ResponseOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? Json<R[keyof R]>
  : never;
/** The JSON body an operation takes, e.g. `BodyOf<"/api/v1/persons", "post">`. */
export type BodyOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<B>
  : never;
/** The query parameters an operation takes. */
export type QueryOf<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** A field error of a problem document; `code` (and `params`) are stable, `message` is English. */
export type FieldError = {
  path: string;
  message: string;
  code?: string;
  params?: { minimum?: number; maximum?: number; origin?: string; format?: string };
};
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = status;
    this.problem = problem;
  }

  /** The stable problem code, e.g. `invalid-credentials` for `/problems/invalid-credentials`. */
  get code(): string {
    return this.problem.type.replace(/^.*\/problems\//, "");
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

// Called when a request (other than the session probe and login itself) finds no session: it ended.
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}
const sessionPaths: string[] = ["/api/v1/auth/login", "/api/v1/auth/me"];

const safeMethods = new Set(["GET", "HEAD"]);

/** The CSRF header on every change (the server refuses a change without it). */
const csrf: Middleware = {
  onRequest({ request }) {
    if (!safeMethods.has(request.method)) request.headers.set("x-strang-csrf", "1");
  },
};

/** Every answer but 2xx becomes an ApiError, so a caller's `data` is always the success body. */
const problems: Middleware = {
  async onResponse({ response, schemaPath }) {
    if (response.ok) return;
    const data = safeJson(await response.clone().text());
    const problem =
      data && typeof data === "object" && "type" in data
        ? (data as Problem)
        : { type: `/problems/http-${response.status}`, title: response.statusText, status: response.status };
    // Only "no session" ends the session; a wrong code or password also answers 401.
    if (problem.type.endsWith("/unauthenticated") && !sessionPaths.includes(schemaPath)) onUnauthenticated?.();
    throw new ApiError(response.status, problem);
  },
  // fetch() itself failed: no answer at all (offline, server down).
  onError() {
    return new ApiError(0, { type: "/problems/network", title: "Network error", status: 0 });
  },
};

function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

// Empty filters ("" from a cleared search field) are left out rather than sent as `q=`.
const serializeQuery = createQuerySerializer();
const querySerializer = (query: Record<string, unknown>) =>
  serializeQuery(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "")));

export const client = createClient<paths>({
  credentials: "same-origin",
  headers: { accept: "application/json, application/problem+json" },
  querySerializer,
});
client.use(csrf, problems);

/**
 * The success body of a client call. The `problems` middleware throws on every other answer, so
 * what reaches here is the 2xx body (undefined for 204).
 */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await call).data as T;
}

export type Page<T> = { items: T[]; nextCursor: string | null };
