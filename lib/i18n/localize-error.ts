import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FieldIssue, ServiceError } from "@/lib/services/errors";
import { textOfIssueMessage, type Translate } from "./text";

/**
 * A service's refusal in the language of the interface that asked: its message, and its problems by field — each
 * from the catalogue when it was worded there, else zod's own wording in that language when zod's default was used,
 * else as it came (English).
 */
export async function localizedFailure(
  e: ServiceError,
): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const translate = t as unknown as Translate;
  return {
    message: e.text ? e.text.in(translate) : e.message,
    fieldErrors: Object.fromEntries((e.issues ?? []).map((issue) => [issue.path, issueIn(issue, translate, locale)])),
  };
}

type RawIssue = Parameters<ReturnType<typeof z.locales.en>["localeError"]>[0];
const english = z.locales.en().localeError;

function issueIn(issue: FieldIssue, t: Translate, locale: string): string {
  const text = issue.text ?? textOfIssueMessage(issue.message);
  if (text) return text.in(t);
  const zodLocale = z.locales[locale as keyof typeof z.locales];
  const raw = issue.zod as RawIssue | undefined;
  if (!raw || !zodLocale || messageOf(english(raw)) !== issue.message) return issue.message;
  return messageOf(zodLocale().localeError(raw)) ?? issue.message;
}

const messageOf = (m: string | { message: string } | undefined | null) => (typeof m === "string" ? m : m?.message);
