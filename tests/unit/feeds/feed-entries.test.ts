import { describe, expect, it } from "vitest";
import { toFeedEntries } from "@/lib/feeds/feed-entries";

describe("feed entries", () => {
  it("should give each entry an id that never changes: the claim's URL, the version or the instant in ms", () => {
    const at = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 123));
    const entries = toFeedEntries(
      { publicBaseUrl: "https://checks.example", orgName: "Desk" },
      [
        {
          slug: "a",
          statement: "A",
          claimantName: "X",
          rating: { key: "false", label: "False", colour: "#cf222e", ordinal: 1 },
          summary: "s",
          publishedAt: at,
          seq: 2,
        },
      ],
      [{ kind: "correction", at, text: "Fixed a date.", claimSlug: "a", statement: "A" }],
    );
    expect(entries.map((e) => e.id).sort()).toEqual([
      "https://checks.example/claims/a#correction-1704067200123",
      "https://checks.example/claims/a#version-2",
    ]);
    expect(entries.find((e) => e.id.endsWith("version-2"))!.title).toBe("False: A");
  });
});
