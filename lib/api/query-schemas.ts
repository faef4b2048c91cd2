import { z } from "zod";

/** `GET /api/v1/fact-checks?limit=&offset=`: a page of the library (`limit` 1–500, 50 unless given; `offset` ≥ 0). */
export const factChecksPageQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "must be a number from 1 to 500" })
    .int("must be a number from 1 to 500")
    .min(1, "must be a number from 1 to 500")
    .max(500, "must be a number from 1 to 500")
    .default(50),
  offset: z.coerce
    .number({ error: "must be 0 or more" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(1_000_000_000, "is beyond the library")
    .default(0),
});
