import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { isLocale } from "@/lib/i18n/locales";
import { issueMessage } from "@/lib/i18n/text";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { parseInput } from "@/lib/validation/parse";

export const interfaceLanguageInput = z.strictObject({
  /** A locale of lib/i18n/locales.json, or null (or "") for the browser's language. */
  locale: z
    .union([z.literal(""), z.null(), z.string().refine(isLocale, { message: issueMessage("validation.locale") })])
    .transform((v) => v || null),
});

/**
 * Sets the language the caller's desk speaks: one of the interface languages, or none to follow the browser's. Takes
 * effect at their next page.
 */
export async function setInterfaceLanguage(actor: Actor | null, raw: unknown): Promise<{ locale: string | null }> {
  return writeTransaction(async (tx) => {
    const me = await authorizeAccount(tx, actor);
    const { locale } = parseInput(interfaceLanguageInput, raw);
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, me.id));
    if (before?.locale === locale) return { locale };
    await tx
      .update(users)
      // A preference of the account's own, not part of the record admins edit: its version stays.
      .set({ locale, updatedAt: new Date() })
      .where(eq(users.id, me.id));
    await recordAudit(tx, me, {
      action: "user.set_locale",
      entityType: "user",
      entityId: me.id,
      before: { locale: before?.locale ?? null },
      after: { locale },
    });
    return { locale };
  });
}
