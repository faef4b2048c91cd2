import type { NotificationData, NotificationKind } from "@/db/schema";
import type { Env } from "@/lib/config/env";
import { translatorFor } from "@/lib/i18n/catalogue";
import { text, type Text } from "@/lib/i18n/text";

/** How long a statement may be where a notification quotes it. */
const STATEMENT_CHARS = 120;

function shortened(s: string | undefined, max: number): string {
  const t = (s ?? "").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** What a notification says, from its kind and what it remembers; worded in the reader's language by `.in(t)`. */
export function notificationText(kind: NotificationKind, data: NotificationData): Text {
  return text(`notifications.message.${kind}`, {
    actor: data.actor ?? "",
    statement: shortened(data.statement, STATEMENT_CHARS),
    role: data.role ?? "assignee",
    dueAt: data.dueAt ? new Date(data.dueAt) : new Date(0),
    excerpt: shortened(data.excerpt, 200),
    count: data.count ?? 0,
    person: data.person ?? "",
  });
}

/** A kind's name, as the preferences list and a mail's subject show it. */
export function kindName(kind: NotificationKind): Text {
  return text(`notifications.kinds.${kind}`);
}

/** A notification as a mail in `locale`: a subject, and a plain-text body linking the claim and the settings. */
export async function mailFor(
  locale: string,
  kind: NotificationKind,
  data: NotificationData,
  claimId: number | null,
  env: Pick<Env, "publicBaseUrl" | "orgName">,
): Promise<{ subject: string; text: string }> {
  const t = await translatorFor(locale);
  const subject = text("notifications.mail.subject", {
    kind: kindName(kind),
    hasStatement: data.statement ? "yes" : "no",
    statement: shortened(data.statement, 60),
  }).in(t);
  const lines = [notificationText(kind, data).in(t)];
  if (claimId !== null) {
    lines.push("", text("notifications.mail.open", { url: `${env.publicBaseUrl}/editor/claims/${claimId}` }).in(t));
  }
  lines.push(
    "",
    "-- ",
    text("notifications.mail.footer", {
      org: env.orgName,
      url: `${env.publicBaseUrl}/editor/account#notifications`,
    }).in(t),
  );
  return { subject, text: lines.join("\n") };
}
