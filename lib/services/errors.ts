import type { z } from "zod";
import { Text } from "@/lib/i18n/text";

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

/**
 * One problem with one field of the input; `path` is dotted (`accounts.0.label`). `message` is English (the API's);
 * `text`, when the problem was worded from the catalogue, and `zod`, when zod found it, let the interface say it in its
 * reader's language (lib/i18n/localize-error.ts).
 */
export type FieldIssue = { path: string; message: string; text?: Text; zod?: z.core.$ZodIssue };

/** A field's problem worded from the catalogue. */
export function fieldIssue(path: string, message: Text): FieldIssue {
  return { path, message: String(message), text: message };
}

/**
 * An expected failure of a service call: bad input, no permission, a stale version, too many requests. Its message is
 * a catalogue `Text`: English in `message` (the API's and the logs'), in the reader's language in the interface.
 */
export class ServiceError extends Error {
  /** For `rate_limited`: when to try again (the API's `Retry-After`). */
  retryAfterSeconds?: number;
  /** The message as a catalogue key and values, when it was worded from the catalogue. */
  readonly text?: Text;

  constructor(
    readonly code: ErrorCode,
    message: Text | string,
    readonly issues?: FieldIssue[],
  ) {
    super(String(message));
    this.name = "ServiceError";
    if (message instanceof Text) this.text = message;
  }

  /** A 429 that says when the caller may try again. */
  static rateLimited(message: Text | string, retryAfterSeconds: number): ServiceError {
    const e = new ServiceError("rate_limited", message);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The JSON body the API answers with. */
  toJSON() {
    const issues = this.issues?.map(({ path, message }) => ({ path, message }));
    return { error: { code: this.code, message: this.message, ...(issues ? { issues } : {}) } };
  }
}

/** True for a ServiceError with the given code (or any code when none is given). */
export function isServiceError(e: unknown, code?: ErrorCode): e is ServiceError {
  return e instanceof ServiceError && (code === undefined || e.code === code);
}
