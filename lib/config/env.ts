import { z } from "zod";
import { DEFAULT_DATABASE_URL, engineOf, sqliteFileOf } from "@/db/engine";
import { BadTrustProxy, parseTrustProxy } from "@/lib/http/client-address";
import { BadAllowedHost, formatAllowedHost, parseAllowedHost } from "./import-allow-hosts";
import { BadWebhookAllowHost, formatWebhookAllowHost, parseWebhookAllowHost } from "./webhook-allow-hosts";

const PORT_MESSAGE = "must be a port number from 1 to 65535";
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const DEFAULT_EXPORT_RATE_LIMIT = 10;
const EXPORT_RATE_LIMIT_MESSAGE = "must be a whole number of requests a minute, such as 10 (0 turns the limit off)";

/**
 * A comma-separated list whose entries `normalise` writes in their normal form; an entry it refuses (throwing `Bad`)
 * is the variable's error.
 */
function entryList(normalise: (entry: string) => string, Bad: new (message: string) => Error) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return (v ?? "")
          .split(",")
          .filter((h) => h.trim())
          .map(normalise);
      } catch (e) {
        if (!(e instanceof Bad)) throw e;
        ctx.addIssue({ code: "custom", message: e.message });
        return z.NEVER;
      }
    });
}

const envSchema = z
  .object({
    // Empty counts as unset, as in db/engine.ts.
    DATABASE_URL: z
      .preprocess((v) => (v === "" ? undefined : v), z.string().optional())
      .pipe(z.string().min(1).default(DEFAULT_DATABASE_URL))
      .refine(
        (v) => engineOf(v) === "postgres" || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v),
        "must be postgres://user:password@host:port/database (PostgreSQL), or a file path or file:path (SQLite)",
      )
      .refine((v) => engineOf(v) !== "postgres" || URL.canParse(v), "is not a valid postgres:// URL"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    PORT: port.default(3000),
    PUBLIC_BASE_URL: httpUrl.optional(),
    ORG_NAME: z.string().trim().min(1).max(200).default("Claimdesk"),
    ORG_URL: httpUrl.optional(),
    /**
     * Comma-separated hosts that URL import may fetch although they are private or local, `host` (ports 80 and 443)
     * or `host:port` (that port only; the only way to let import connect to a port other than 80 and 443).
     */
    IMPORT_ALLOW_HOSTS: entryList((h) => formatAllowedHost(parseAllowedHost(h)), BadAllowedHost),
    /**
     * Comma-separated host names, addresses and CIDR ranges that webhook endpoints may be at although they are private
     * or local (lib/webhooks/address-policy.ts); no port is named, as webhooks may use any.
     */
    WEBHOOK_ALLOW_HOSTS: entryList((h) => formatWebhookAllowHost(parseWebhookAllowHost(h)), BadWebhookAllowHost),
    /**
     * Anonymous export requests one client address may make a minute (lib/exports/anonymous-limit.ts): 10 by default,
     * 0 turns the limit off (a deployment whose proxy in front limits them already; the integration tests).
     */
    EXPORT_RATE_LIMIT: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const text = (v ?? "").trim();
        if (text === "") return DEFAULT_EXPORT_RATE_LIMIT;
        if (/^\d{1,9}$/.test(text)) return Number(text);
        ctx.addIssue({ code: "custom", message: EXPORT_RATE_LIMIT_MESSAGE });
        return z.NEVER;
      }),
    /**
     * The mail server notifications are sent through, `smtp://user:pass@host:port` (STARTTLS when the server offers
     * it) or `smtps://…` (TLS from the start); unset: no email, notifications stay in the app.
     */
    SMTP_URL: z
      .preprocess((v) => (v === "" ? undefined : v), z.string().optional())
      .refine(
        (v) => v === undefined || (URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol)),
        "must be smtp://user:password@host:port or smtps://user:password@host:port",
      ),
    /** Who notification mails are from (`Claimdesk <desk@example.org>` or an address); default noreply@ the site. */
    MAIL_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(3).max(320).optional()),
    /** The proxies in front whose X-Forwarded-For names the client (see `parseTrustProxy`); none when unset. */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        try {
          return parseTrustProxy(v);
        } catch (e) {
          if (!(e instanceof BadTrustProxy)) throw e;
          ctx.addIssue({ code: "custom", message: e.message });
          return z.NEVER;
        }
      }),
  })
  .transform((e) => {
    const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
    return {
      databaseUrl: e.DATABASE_URL,
      databaseEngine: engineOf(e.DATABASE_URL),
      /** The SQLite file; null on PostgreSQL. */
      databaseFile: engineOf(e.DATABASE_URL) === "sqlite" ? sqliteFileOf(e.DATABASE_URL) : null,
      authSecret: e.AUTH_SECRET,
      port: e.PORT,
      publicBaseUrl,
      orgName: e.ORG_NAME,
      orgUrl: e.ORG_URL ?? publicBaseUrl,
      importAllowHosts: e.IMPORT_ALLOW_HOSTS,
      webhookAllowHosts: e.WEBHOOK_ALLOW_HOSTS,
      trustProxy: e.TRUST_PROXY,
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom:
        e.MAIL_FROM ?? `${e.ORG_NAME.replace(/[^\p{L}\p{N} .-]/gu, "")} <noreply@${new URL(publicBaseUrl).hostname}>`,
      /** Anonymous export requests per client address a minute; 0: no limit. */
      exportRateLimit: e.EXPORT_RATE_LIMIT,
    };
  });

export type Env = z.output<typeof envSchema>;

/** A configuration error: one line naming the variable at fault. */
export class EnvError extends Error {}

/** Validates environment variables; throws an EnvError whose message names the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>, opts: { requireSecret?: boolean } = {}): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  if (opts.requireSecret && !result.data.authSecret) {
    throw new EnvError(
      "Missing environment variable AUTH_SECRET: required to sign sessions (try: openssl rand -base64 32)",
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again (tests that start a server on a port they learn only when it listens). */
export function reloadEnv(): Env {
  cached = undefined;
  return getEnv();
}
