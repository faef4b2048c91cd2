import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authenticate, clearLoginFailures, FAILURE_WINDOW_MS, MAX_FAILURES } from "@/lib/services/auth/authenticate";
import { createTestDb, insertUser, TEST_PASSWORD, type TestDb } from "../../support/db";

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
    const result = await authenticate(" ED@example.org", TEST_PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { email: "ed@example.org", role: "editor" } });
  });

  it("should refuse a wrong password, an unknown email and a disabled account alike", async () => {
    expect(await authenticate("ed@example.org", "nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("nobody@example.org", TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("gone@example.org", TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("should lock an account after 5 failures in 15 minutes, even for the right password, then unlock", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await authenticate("ed@example.org", "wrong", t0 + i * 1000)).ok).toBe(false);
    }
    const locked = await authenticate("ed@example.org", TEST_PASSWORD, t0 + 10_000);
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterSeconds: FAILURE_WINDOW_MS / 1000 - 10 });
    // Another account is not affected.
    expect((await authenticate("other@example.org", TEST_PASSWORD, t0 + 10_000)).ok).toBe(true);
    // Once the first failure leaves the window, one more attempt is allowed.
    expect((await authenticate("ed@example.org", TEST_PASSWORD, t0 + FAILURE_WINDOW_MS + 1)).ok).toBe(true);
  });

  it("should not count failures older than the window", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate("ed@example.org", "wrong", t0);
    await authenticate("ed@example.org", "wrong", t0 + FAILURE_WINDOW_MS + 5);
    expect((await authenticate("ed@example.org", TEST_PASSWORD, t0 + FAILURE_WINDOW_MS + 10)).ok).toBe(true);
  });

  it("should lock unknown emails too, so locking does not reveal which accounts exist", async () => {
    const t0 = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate("nobody@example.org", "x", t0);
    expect(await authenticate("nobody@example.org", "x", t0 + 1)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("should not let parallel guesses past the limit while passwords are being checked", async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 37 ? TEST_PASSWORD : `guess-${i}`));
    const results = await Promise.all(guesses.map((p) => authenticate("ed@example.org", p)));
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(MAX_FAILURES);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(40 - MAX_FAILURES);
  });

  it("should lift the lock when the operator clears it", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate("ed@example.org", "wrong");
    expect((await authenticate("ed@example.org", TEST_PASSWORD)).ok).toBe(false);
    expect(await clearLoginFailures("ED@example.org")).toBe(MAX_FAILURES);
    expect((await authenticate("ed@example.org", TEST_PASSWORD)).ok).toBe(true);
  });
});
