/** The error codes of the JSON error shape `{ error: { code, message, issues? } }` and their HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field of the input; `path` is dotted (`accounts.0.label`). */
export type FieldIssue = { path: string; message: string };

/** An expected failure of a service call: bad input, no permission, a stale version, too many requests. */
export class ServiceError extends Error {
  /** For `rate_limited`: when to try again (the API's `Retry-After`). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "ServiceError";
  }

  /** A 429 that says when the caller may try again. */
  static rateLimited(message: string, retryAfterSeconds: number): ServiceError {
    const e = new ServiceError("rate_limited", message);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The JSON body the API answers with. */
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** True for a ServiceError with the given code (or any code when none is given). */
export function isServiceError(e: unknown, code?: ErrorCode): e is ServiceError {
  return e instanceof ServiceError && (code === undefined || e.code === code);
}
