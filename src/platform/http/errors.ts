// One error type for the whole server, rendered as RFC 9457 problem+json with a stable `type`.

export const errorCodes = {
  "validation-error": { status: 400, title: "Invalid request" },
  "malformed-json": { status: 400, title: "Malformed JSON body" },
  unauthenticated: { status: 401, title: "Authentication required" },
  "invalid-credentials": { status: 401, title: "Invalid e-mail or password" },
  "totp-required": { status: 401, title: "A one-time code is required" },
  "invalid-totp": { status: 401, title: "Invalid one-time code" },
  "csrf-header-missing": { status: 403, title: "Missing X-Strang-CSRF header" },
  forbidden: { status: 403, title: "Not allowed" },
  "second-factor-required": { status: 403, title: "Two-factor authentication must be completed" },
  "consent-required": { status: 403, title: "No consent or legal basis covers this category" },
  "receiver-cannot-act": { status: 409, title: "Nobody at the receiving organisation can act on a referral" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "version-conflict": { status: 409, title: "The resource was changed by someone else" },
  conflict: { status: 409, title: "Conflict" },
  "precondition-required": { status: 428, title: "If-Match or version required" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "too-many-attempts": { status: 429, title: "Too many attempts" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ErrorCode = keyof typeof errorCodes;
/**
 * Machine-readable reason of a field error, so that clients translate it instead of the English
 * `message`: zod's issue codes in a stable vocabulary, plus codes of the handlers' own checks.
 */
export const fieldErrorCodes = [
  "required",
  "too_small",
  "too_big",
  "invalid_format",
  "invalid_type",
  "invalid_value",
  "unknown_field",
  "not_found",
  "consent_required",
  "receiver_cannot_act",
  "invalid",
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];
/** `minimum`/`maximum` (with `origin`: string = characters, array = items) and `format` where they apply. */
export type FieldErrorParams = { minimum?: number; maximum?: number; origin?: string; format?: string };
export type FieldError = { path: string; message: string; code?: FieldErrorCode; params?: FieldErrorParams };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: { errors?: FieldError[]; [key: string]: unknown } | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    details?: { errors?: FieldError[]; [key: string]: unknown },
    headers?: Record<string, string>,
  ) {
    super(message ?? errorCodes[code].title);
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const problemTypeBase = "/problems/";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

export function toProblem(error: AppError, instance?: string): Problem {
  const { title, status } = errorCodes[error.code];
  const errors = error.details?.errors?.map((e) => ({ ...e, code: e.code ?? "invalid" }));
  // Extension members first: they may never overwrite the standard members of RFC 9457.
  return {
    ...(error.details ?? {}),
    ...(errors ? { errors } : {}),
    type: `${problemTypeBase}${error.code}`,
    title,
    status,
    ...(error.message && error.message !== title ? { detail: error.message } : {}),
    ...(instance ? { instance } : {}),
  };
}

export const notFound = (what = "Resource") => new AppError("not-found", `${what} not found`);
export const forbidden = (message?: string) => new AppError("forbidden", message);
export const validation = (errors: FieldError[]) =>
  new AppError("validation-error", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
/** A multipart body the parser cannot read: no or a bad boundary, cut off, or not well-formed. */
export const malformedMultipart = () =>
  new AppError("validation-error", "The body is not well-formed multipart/form-data", {
    errors: [{ path: "body", message: "Not well-formed multipart/form-data" }],
  });
