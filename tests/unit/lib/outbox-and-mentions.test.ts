import { describe, expect, it } from "vitest";
import { mentionHandles } from "@/lib/notifications/mentions";
import { RETRY_DELAYS_MS, retryDelay } from "@/lib/outbox/outbox";

describe("the outbox's retry schedule", () => {
  it("should try for more than a day, then give up", () => {
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeCloseTo(27.6, 1);
    expect(retryDelay(RETRY_DELAYS_MS.length + 1)).toBeNull();
  });

  it("should spread each delay by ±20 %", () => {
    RETRY_DELAYS_MS.forEach((base, i) => {
      expect(retryDelay(i + 1, () => 0)).toBe(Math.round(base * 0.8));
      expect(retryDelay(i + 1, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.2));
      expect(retryDelay(i + 1, () => 0.5)).toBe(base);
    });
  });
});

describe("mentions in a comment", () => {
  it.each([
    ["@ana could you look?", ["ana"]],
    ["cc @Ana@Desk.Example, and @bo.", ["ana@desk.example", "bo"]],
    ["write to x@ana or ana@desk.example", []],
    ["@ana @ana @ана", ["ana", "ана"]],
    ["(@ana)", ["ana"]],
    ["no one here", []],
  ])("%s → %j", (body, handles) => {
    expect(mentionHandles(body)).toEqual(handles);
  });
});
