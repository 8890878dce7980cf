// The one way the web app talks to the API: JSON, the session cookie, the CSRF header on every
// change, and RFC 9457 problem documents turned into ApiError.

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

type Method = "GET" | "POST" | "PATCH" | "DELETE";

// Called when a request (other than the session probe and login itself) finds no session: it ended.
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}
const sessionPaths = ["/auth/login", "/auth/me"];

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-strang-csrf"] = "1";
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { type: "/problems/network", title: "Network error", status: 0 });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const problem =
      data && typeof data === "object" && "type" in data
        ? (data as Problem)
        : { type: `/problems/http-${res.status}`, title: res.statusText, status: res.status };
    // Only "no session" ends the session; a wrong code or password also answers 401.
    if (problem.type.endsWith("/unauthenticated") && !sessionPaths.some((p) => path.startsWith(p))) {
      onUnauthenticated?.();
    }
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
};

export type Page<T> = { items: T[]; nextCursor: string | null };
