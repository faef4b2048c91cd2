import { z } from "zod";
import { issueMessage } from "@/lib/i18n/text";

/** A whole number from `min` to `max` in a query string. */
export function queryNumber(min: number, max: number) {
  const message = issueMessage("validation.numberRange", { min, max });
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** `GET /api/v1/fact-checks?limit=&offset=`: a page of the library (`limit` 1–500, 50 unless given; `offset` ≥ 0). */
export const factChecksPageQuery = z.strictObject({
  limit: queryNumber(1, 500).default(50),
  offset: queryNumber(0, 1_000_000_000).default(0),
});
