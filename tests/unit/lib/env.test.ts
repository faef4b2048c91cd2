import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";

describe("parseEnv", () => {
  it("should apply the documented defaults", () => {
    expect(parseEnv({})).toEqual({
      databaseUrl: "file:data/claimdesk.db",
      databaseEngine: "sqlite",
      databaseFile: "data/claimdesk.db",
      authSecret: undefined,
      port: 3000,
      publicBaseUrl: "http://localhost:3000",
      orgName: "Claimdesk",
      orgUrl: "http://localhost:3000",
      importAllowHosts: [],
      webhookAllowHosts: [],
      smtpUrl: null,
      mailFrom: "Claimdesk <noreply@localhost>",
      trustProxy: expect.any(Function),
      exportRateLimit: 10,
    });
  });

  it("should read EXPORT_RATE_LIMIT as requests a minute, 0 turning the limit off", () => {
    expect(parseEnv({ EXPORT_RATE_LIMIT: "30" }).exportRateLimit).toBe(30);
    expect(parseEnv({ EXPORT_RATE_LIMIT: "0" }).exportRateLimit).toBe(0);
    expect(parseEnv({ EXPORT_RATE_LIMIT: " " }).exportRateLimit).toBe(10);
  });

  it("should take a PostgreSQL URL as the database, postgres:// or postgresql://", () => {
    for (const url of ["postgres://claims:secret@db.internal:5432/claimdesk", "postgresql://db/claimdesk"]) {
      expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
        databaseUrl: url,
        databaseEngine: "postgres",
        databaseFile: null,
      });
    }
  });

  it("should derive the public URL from PORT and strip a trailing slash", () => {
    expect(parseEnv({ PORT: "4100" }).publicBaseUrl).toBe("http://localhost:4100");
    expect(parseEnv({ PUBLIC_BASE_URL: "https://checks.example.org/" }).publicBaseUrl).toBe(
      "https://checks.example.org",
    );
  });

  it.each([
    [{ PORT: "eighty" }, /^Invalid environment variable PORT: /],
    [{ PORT: "70000" }, /PORT/],
    [{ PUBLIC_BASE_URL: "ftp://x" }, /PUBLIC_BASE_URL: must be an http\(s\) URL/],
    [{ ORG_URL: "not a url" }, /ORG_URL/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET: must be at least 32 characters/],
    [{ DATABASE_URL: "mysql://db/claims" }, /DATABASE_URL: must be postgres:\/\/user:password@host:port\/database/],
    [{ DATABASE_URL: "postgres://[bad" }, /DATABASE_URL: is not a valid postgres:\/\/ URL/],
    [{ ORG_NAME: "   " }, /ORG_NAME/],
    [{ EXPORT_RATE_LIMIT: "ten" }, /^Invalid environment variable EXPORT_RATE_LIMIT: must be a whole number/],
    [{ EXPORT_RATE_LIMIT: "-1" }, /EXPORT_RATE_LIMIT/],
    [{ EXPORT_RATE_LIMIT: "2.5" }, /EXPORT_RATE_LIMIT/],
    [
      { IMPORT_ALLOW_HOSTS: "cms.internal, cms.internal:http" },
      /IMPORT_ALLOW_HOSTS: each entry must be a host or host:port/,
    ],
  ])("should stop with one line naming the variable for %j", (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
    try {
      parseEnv(env);
    } catch (e) {
      expect((e as Error).message).not.toContain("\n");
    }
  });

  it("should require AUTH_SECRET where sessions are signed", () => {
    expect(() => parseEnv({}, { requireSecret: true })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }, { requireSecret: true }).authSecret).toHaveLength(32);
  });
});
