import { describe, expect, it } from "vitest";
import { ROLES, VERDICT_STATES } from "@/db/enums";
import { allowedSteps, decide, RULES, STEPS } from "@/lib/workflow/verdict-workflow";

// Every allowed combination, written out by hand from the README's workflow table; everything else is refused.
// [step, state, role, isAuthor] → the state it leads to.
const ALLOWED: [string, string, string, boolean, string][] = [
  ...(["contributor", "editor", "admin"] as const).flatMap((role) => [
    ["edit", "draft", role, true, "draft"] as [string, string, string, boolean, string],
    ["submit", "draft", role, true, "in_review"] as [string, string, string, boolean, string],
    ["withdraw", "in_review", role, true, "draft"] as [string, string, string, boolean, string],
    ["discard", "draft", role, true, "draft"] as [string, string, string, boolean, string],
  ]),
  ["edit", "draft", "editor", false, "draft"],
  ["discard", "draft", "editor", false, "draft"],
  ["discard", "draft", "admin", false, "draft"],
  ["correct", "published", "editor", true, "draft"],
  ["correct", "published", "editor", false, "draft"],
  ["correct", "published", "admin", true, "draft"],
  ["correct", "published", "admin", false, "draft"],
  ["edit", "draft", "admin", false, "draft"],
  ["request_changes", "in_review", "editor", false, "draft"],
  ["request_changes", "in_review", "admin", false, "draft"],
  ["publish", "in_review", "editor", false, "published"],
  ["publish", "in_review", "admin", false, "published"],
  ["retract", "published", "editor", true, "retracted"],
  ["retract", "published", "editor", false, "retracted"],
  ["retract", "published", "admin", true, "retracted"],
  ["retract", "published", "admin", false, "retracted"],
];

const key = (...parts: unknown[]) => parts.join("|");
const expected = new Map(ALLOWED.map(([step, state, role, author, to]) => [key(step, state, role, author), to]));

describe("the verdict workflow, every step × state × role × authorship", () => {
  const cases = STEPS.flatMap((step) =>
    VERDICT_STATES.flatMap((state) =>
      ROLES.flatMap((role) => [true, false].map((isAuthor) => ({ step, state, role, isAuthor }))),
    ),
  );
  expect(cases).toHaveLength(STEPS.length * VERDICT_STATES.length * ROLES.length * 2);

  it.each(cases)("$step on $state by $role (author: $isAuthor)", ({ step, state, role, isAuthor }) => {
    const decision = decide(step, state, role, isAuthor);
    const to = expected.get(key(step, state, role, isAuthor));
    if (to) {
      expect(decision).toMatchObject({ allowed: true, to });
    } else {
      expect(decision.allowed).toBe(false);
      const rule = RULES[step];
      // A step the state does not allow is a conflict (409); one the caller may not take is a 403.
      expect((decision as { kind: string }).kind).toBe(rule.from.includes(state) ? "permission" : "state");
      expect(String((decision as { reason: unknown }).reason)).toMatch(/\.$/);
    }
  });
});

describe("refusal reasons", () => {
  // The reason is a catalogue text (lib/i18n/text.ts): here in English.
  const inWords = (d: ReturnType<typeof decide>) => (d.allowed ? d : { ...d, reason: String(d.reason) });

  it("should say why, in words a person understands", () => {
    expect(inWords(decide("publish", "in_review", "editor", true))).toEqual({
      allowed: false,
      kind: "permission",
      reason: "A second editor must publish it: you wrote this verdict.",
    });
    expect(inWords(decide("publish", "in_review", "contributor", false))).toEqual({
      allowed: false,
      kind: "permission",
      reason: "Only an editor may publish it.",
    });
    expect(inWords(decide("publish", "draft", "editor", false))).toEqual({
      allowed: false,
      kind: "state",
      reason: "A verdict that is a draft cannot be published.",
    });
    expect(inWords(decide("submit", "draft", "editor", false))).toEqual({
      allowed: false,
      kind: "permission",
      reason: "Only the verdict's author may submit it for review.",
    });
  });

  it("should say what a step needs", () => {
    expect(decide("request_changes", "in_review", "editor", false)).toMatchObject({ needs: "comment" });
    expect(decide("retract", "published", "admin", false)).toMatchObject({ needs: "reason" });
    expect(decide("publish", "in_review", "editor", false)).toMatchObject({ needs: "note-if-correction" });
  });
});

describe("allowedSteps", () => {
  it("should offer the UI only what the user may do", () => {
    expect(allowedSteps("in_review", "editor", false)).toEqual(["request_changes", "publish"]);
    expect(allowedSteps("in_review", "editor", true)).toEqual(["withdraw"]);
    expect(allowedSteps("draft", "contributor", true)).toEqual(["edit", "submit", "discard"]);
    expect(allowedSteps("published", "contributor", true)).toEqual([]);
    expect(allowedSteps("retracted", "admin", false)).toEqual([]);
  });
});
