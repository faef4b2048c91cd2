import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  authenticate,
  clearLoginFailures,
  FAILURE_WINDOW_MS,
  MAX_ADDRESS_FAILURES,
  MAX_FAILURES,
} from "@/lib/services/auth/authenticate";
import { createTestDb, insertUser, TEST_PASSWORD, type TestDb } from "../../support/db";

const HOME = "198.51.100.10";
const ELSEWHERE = "203.0.113.20";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await t.database.transaction(async (tx) => {
    await insertUser(tx, "ed@example.org", "editor");
    await insertUser(tx, "other@example.org", "editor");
    await insertUser(tx, "gone@example.org", "editor", { disabled: true });
  });
});
afterEach(async () => {
  await t.close();
});

describe("authenticate", () => {
  it("should accept the right password whatever the email's case", async () => {
    const result = await authenticate(" ED@example.org", TEST_PASSWORD, HOME);
    expect(result).toMatchObject({ ok: true, user: { email: "ed@example.org", role: "editor" } });
  });

  it("should refuse a wrong password, an unknown email and a disabled account alike", async () => {
    expect(await authenticate("ed@example.org", "nope", HOME)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("nobody@example.org", TEST_PASSWORD, HOME)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("gone@example.org", TEST_PASSWORD, HOME)).toEqual({ ok: false, reason: "invalid" });
  });

  it("should throttle an account from one address after 5 failures in 15 minutes, even for the right password", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await authenticate("ed@example.org", "wrong", HOME, t0 + i * 1000)).ok).toBe(false);
    }
    const throttled = await authenticate("ed@example.org", TEST_PASSWORD, HOME, t0 + 10_000);
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: FAILURE_WINDOW_MS / 1000 - 10 });
    // Another account from that address, and the same account from another address, are not affected.
    expect((await authenticate("other@example.org", TEST_PASSWORD, HOME, t0 + 10_000)).ok).toBe(true);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, ELSEWHERE, t0 + 10_000)).ok).toBe(true);
    // Once the first failure leaves the window, one more attempt is allowed.
    expect((await authenticate("ed@example.org", TEST_PASSWORD, HOME, t0 + FAILURE_WINDOW_MS + 1)).ok).toBe(true);
  });

  it("should not count failures older than the window", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate("ed@example.org", "wrong", HOME, t0);
    await authenticate("ed@example.org", "wrong", HOME, t0 + FAILURE_WINDOW_MS + 5);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, HOME, t0 + FAILURE_WINDOW_MS + 10)).ok).toBe(true);
  });

  it("should throttle unknown emails too, so throttling does not reveal which accounts exist", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate("nobody@example.org", "x", HOME, t0);
    expect(await authenticate("nobody@example.org", "x", HOME, t0 + 1)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("should throttle an address that fails for many emails, and no other", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) {
      expect(await authenticate(`user${i}@example.org`, "Spring2026!", HOME, t0 + i)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Even the right password for a real account is not checked from there now.
    expect(await authenticate("ed@example.org", TEST_PASSWORD, HOME, t0 + 100)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect((await authenticate("ed@example.org", TEST_PASSWORD, ELSEWHERE, t0 + 100)).ok).toBe(true);
  });

  it("should not let parallel guesses past the limit while passwords are being checked", async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 37 ? TEST_PASSWORD : `guess-${i}`));
    const results = await Promise.all(guesses.map((p) => authenticate("ed@example.org", p, HOME)));
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(MAX_FAILURES);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(40 - MAX_FAILURES);
  });

  it("should lift the throttle when the operator clears an email or an address", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate("ed@example.org", "wrong", HOME);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, HOME)).ok).toBe(false);
    expect(await clearLoginFailures({ email: "ED@example.org" })).toBe(MAX_FAILURES);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, HOME)).ok).toBe(true);

    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) await authenticate(`user${i}@example.org`, "x", ELSEWHERE);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, ELSEWHERE)).ok).toBe(false);
    expect(await clearLoginFailures({ address: ELSEWHERE })).toBe(MAX_ADDRESS_FAILURES);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, ELSEWHERE)).ok).toBe(true);
  });
});
