import nodemailer, { type Transporter } from "nodemailer";
import type { OutboxRow } from "@/db/schema";
import { getEnv } from "@/lib/config/env";
import type { SendOutcome, Sender } from "@/lib/outbox/outbox";

/** A mail as the outbox keeps it: written in the recipient's language when the change was made. */
export type MailPayload = { to: string; subject: string; text: string };

/** Waits on the mail server: to connect, for its greeting, and for any one reply. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport({ url, ...TIMEOUTS }) };
  }
  return transport.transporter;
}

/**
 * Sends an outbox mail through SMTP_URL with nodemailer. Its Message-ID is made from the outbox row's id, so a mail
 * sent twice (a crash between the server's acceptance and the outbox's mark) is one message to mail clients. The mail
 * server refusing this mail's recipient for good (a 5xx reply to the envelope: no such mailbox) is not tried again.
 * Anything else is: an unreachable server, a temporary refusal (4xx), and refusals that are the configuration's
 * rather than the mail's (wrong credentials, TLS required, relaying denied), which would otherwise lose every mail
 * written until an operator mends SMTP_URL.
 */
export const sendMail: Sender = async (row: OutboxRow): Promise<SendOutcome> => {
  const env = getEnv();
  if (!env.smtpUrl) return { ok: false, error: "SMTP_URL is not set: mail waits until it is." };
  const mail = row.payload as MailPayload;
  try {
    const info = await transporterFor(env.smtpUrl).sendMail({
      from: env.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<outbox-${row.id}@${new URL(env.publicBaseUrl).hostname}>`,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    });
    return { ok: true, status: Number(/^\d{3}/.exec(info.response)?.[0] ?? 250), response: info.response };
  } catch (e) {
    const err = e as { responseCode?: number; response?: string; code?: string; command?: string; message?: string };
    const status = err.responseCode ?? null;
    return {
      ok: false,
      status,
      response: err.response ?? null,
      error: [err.code, err.message].filter(Boolean).join(": ") || String(e),
      // The recipient refused for good; a refused sender (MAIL FROM) is MAIL_FROM's fault, mended by the operator.
      permanent: err.command === "RCPT TO" && status !== null && status >= 500 && status < 600,
    };
  }
};

/** Closes the mail server connection (tests, and a server shutting down). */
export function closeMailTransport(): void {
  transport?.transporter.close();
  transport = undefined;
}
