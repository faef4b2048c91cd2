import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeTransaction } from "@/lib/services/transaction";
import { parseInput } from "@/lib/validation/parse";
import { claimantFields } from "./claimant-input";
import { insertClaimant } from "./resolve-claimant";

export const createClaimantInput = z.strictObject(claimantFields);

/** Adds a claimant (contributor+). */
export async function createClaimant(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    return insertClaimant(tx, who, parseInput(createClaimantInput, raw));
  });
}
