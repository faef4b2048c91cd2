import { z } from "zod";
import { findUserByEmail } from "@/db/queries/users";
import { apiTokens } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { displayPrefix, generateApiToken, hashApiToken } from "@/lib/auth/api-token";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { emailSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toTokenView, type TokenView } from "./token-view";

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters").default("API token"),
  /** Create the token for another account: the command line only (an admin must not act as others). */
  forEmail: emailSchema.optional(),
});

/** Creates a personal API token; the token itself is returned here once and only its hash is stored. */
export async function createApiToken(actor: Actor | null, raw: unknown): Promise<{ token: string; record: TokenView }> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "tokens:own");
    const input = parseInput(createTokenInput, raw ?? {});

    let ownerId = who.id;
    if (input.forEmail !== undefined) {
      if (actor?.kind !== "system") {
        throw new ServiceError(
          "forbidden",
          "Tokens are personal: each user creates their own (the operator can use the command line).",
        );
      }
      const owner = await findUserByEmail(tx, input.forEmail);
      if (!owner) throw new ServiceError("not_found", `No account with email ${input.forEmail}.`);
      if (owner.disabledAt) throw new ServiceError("conflict", `The account ${input.forEmail} is disabled.`);
      ownerId = owner.id;
    }
    if (ownerId === null) throw new ServiceError("bad_request", "Name the account the token is for (--email).");

    const token = generateApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ownerId,
        name: input.name,
        tokenHash: hashApiToken(token),
        tokenPrefix: displayPrefix(token),
        expiresAt: new Date(Date.now() + 90 * 86_400_000),
      })
      .returning();
    const record = toTokenView(row!);
    await recordAudit(tx, who, { action: "token.create", entityType: "api_token", entityId: row!.id, after: record });
    return { token, record };
  });
}
