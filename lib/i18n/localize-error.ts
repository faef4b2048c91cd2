import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FieldIssue, ServiceError } from "@/lib/services/errors";
import { translatorFor } from "./catalogue";
import { text, textOfIssueMessage, type Translate } from "./text";

/**
 * A service's refusal in the language of the interface that asked: its message, and its problems by field — each
 * from the catalogue when it was worded there, else zod's own wording in that language when zod's default was used,
 * else as it came (English).
 */
export async function localizedFailure(
  e: ServiceError,
): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return failureIn(e, t, locale);
}

/** A service's refusal in a locale (the API's, asked in another language than English), with its problems. */
export async function failureInLocale(e: ServiceError, locale: string) {
  const { message, fieldErrors } = failureIn(e, await translatorFor(locale), locale);
  return { message, issues: Object.entries(fieldErrors).map(([path, m]) => ({ path, message: m })) };
}

/** Problems by field in a locale, as the API lists them (`{path, message}`). */
export async function issuesInLocale(
  issues: FieldIssue[],
  locale: string,
): Promise<{ path: string; message: string }[]> {
  const t = await translatorFor(locale);
  return issues.map((issue) => ({ path: issue.path, message: issueIn(issue, t, locale) }));
}

function failureIn(e: ServiceError, translate: Translate, locale: string) {
  const issues = (e.issues ?? []).map((issue) => [issue.path, issueIn(issue, translate, locale)] as const);
  // The summary of bad input lists its problems: each in this language too.
  const message =
    e.text?.key === "errors.invalidInput"
      ? text("errors.invalidInput", { summary: issues.map(([path, m]) => `${path}: ${m}`).join("; ") }).in(translate)
      : e.text
        ? e.text.in(translate)
        : e.message;
  return { message, fieldErrors: Object.fromEntries(issues) };
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
