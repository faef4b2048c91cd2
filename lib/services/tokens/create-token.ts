import { z } from "zod";
import { TOKEN_SCOPES } from "@/db/enums";
import { findUserByEmail } from "@/db/queries/users";
import { apiTokens } from "@/db/schema";
import { authorize, tokenOf, type Actor } from "@/lib/auth/actor";
import { displayPrefix, generateApiToken, hashApiToken } from "@/lib/auth/api-token";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { emailSchema, isoDateSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toTokenView, type TokenView } from "./token-view";
import { issueMessage, text } from "@/lib/i18n/text";

/** How long a new token lasts when no expiry is chosen, and the longest it may last, in days. */
export const TOKEN_DAYS = { default: 90, max: 365 } as const;
const DAY_MS = 86_400_000;

export const createTokenInput = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, issueMessage("validation.required"))
      .max(80, issueMessage("validation.maxChars", { max: 80 }))
      .default("API token"),
    /** Days until the token stops working: a whole number from 1 to 365 (90 when no expiry is given). */
    expiresInDays: z
      .number({ error: issueMessage("validation.wholeDays") })
      .int(issueMessage("validation.wholeDays"))
      .min(1, issueMessage("validation.minOneDay"))
      .max(TOKEN_DAYS.max, issueMessage("validation.maxTokenDays", { max: TOKEN_DAYS.max }))
      .optional(),
    /** Or the day it stops working, at 00:00 UTC (`YYYY-MM-DD`): after today, and at most 365 days from now. */
    expiresOn: isoDateSchema.optional(),
    /**
     * `read`: GET requests only; `write`: anything its owner may do. A new token is `read` unless `write` is asked
     * for, so that a token made for reading cannot change anything if it leaks.
     */
    scope: z
      .enum(TOKEN_SCOPES, { error: issueMessage("validation.oneOf", { options: TOKEN_SCOPES.join(", ") }) })
      .default("read"),
    /** Create the token for another account: the command line only (an admin must not act as others). */
    forEmail: emailSchema.optional(),
  })
  .refine((v) => v.expiresInDays === undefined || v.expiresOn === undefined, {
    message: issueMessage("validation.expiryChoice"),
    path: ["expiresOn"],
  });

/** The instant a new token stops working, from the input's `expiresInDays` or `expiresOn` (90 days by default). */
function expiryOf(input: { expiresInDays?: number; expiresOn?: string }, now: Date): Date {
  if (input.expiresOn === undefined)
    return new Date(now.getTime() + (input.expiresInDays ?? TOKEN_DAYS.default) * DAY_MS);
  const at = new Date(`${input.expiresOn}T00:00:00.000Z`);
  const problem =
    at.getTime() <= now.getTime()
      ? text("validation.expiryAfterToday")
      : at.getTime() - now.getTime() > TOKEN_DAYS.max * DAY_MS
        ? text("validation.expiryWithin", { max: TOKEN_DAYS.max })
        : null;
  if (problem) {
    throw new ServiceError("validation_failed", text("errors.invalidInput", { summary: `expiresOn: ${problem}` }), [
      fieldIssue("expiresOn", problem),
    ]);
  }
  return at;
}

/**
 * Creates a personal API token; the token itself is returned here once and only its hash is stored.
 *
 * Only a signed-in session (the account page, or `POST /api/v1/tokens` with the session cookie) or the command line
 * may create one: a caller that came with an API token is refused (403), so a leaked token cannot make itself a
 * successor that outlives its expiry or its revocation, nor widen its own scope. A token lasts `expiresInDays` (1 to
 * 365, 90 by default) or until `expiresOn`, and is `read` unless `write` is asked for.
 */
export async function createApiToken(actor: Actor | null, raw: unknown): Promise<{ token: string; record: TokenView }> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "tokens:own");
    if (tokenOf(actor)) {
      throw new ServiceError("forbidden", text("errors.tokens.tokenCannotCreate"));
    }
    const input = parseInput(createTokenInput, raw ?? {});
    const now = new Date();
    const expiresAt = expiryOf(input, now);

    let ownerId = who.id;
    if (input.forEmail !== undefined) {
      if (actor?.kind !== "system") {
        throw new ServiceError("forbidden", text("errors.tokens.personal"));
      }
      const owner = await findUserByEmail(tx, input.forEmail);
      if (!owner) throw new ServiceError("not_found", text("errors.tokens.noAccount", { email: input.forEmail }));
      if (owner.disabledAt)
        throw new ServiceError("conflict", text("errors.tokens.accountIsDisabled", { email: input.forEmail }));
      ownerId = owner.id;
    }
    if (ownerId === null) throw new ServiceError("bad_request", text("errors.tokens.nameAccount"));

    const token = generateApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ownerId,
        name: input.name,
        tokenHash: hashApiToken(token),
        tokenPrefix: displayPrefix(token),
        scope: input.scope,
        createdAt: now,
        expiresAt,
      })
      .returning();
    const record = toTokenView(row!);
    await recordAudit(tx, who, { action: "token.create", entityType: "api_token", entityId: row!.id, after: record });
    return { token, record };
  });
}
