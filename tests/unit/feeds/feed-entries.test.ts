import { describe, expect, it } from "vitest";
import { renderAtom, renderJsonFeed, toFeedEntries } from "@/lib/feeds/feed-entries";

describe("feed entries", () => {
  it("should give each entry an id that never changes: the claim's URL, the version or the instant in ms", () => {
    const at = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 123));
    const entries = toFeedEntries(
      { publicBaseUrl: "https://checks.example", orgName: "Desk" },
      [
        {
          slug: "a",
          statement: "A",
          statementLanguage: "en",
          language: "uk",
          claimantName: "X",
          rating: { key: "false", label: "False", colour: "#cf222e", ordinal: 1 },
          summary: "s",
          publishedAt: at,
          seq: 2,
        },
      ],
      [
        {
          kind: "correction",
          at,
          text: "Виправлено дату.",
          language: "uk",
          claimSlug: "a",
          statement: "A",
          statementLanguage: "en",
        },
      ],
    );
    expect(entries.map((e) => e.id).sort()).toEqual([
      "https://checks.example/claims/a#correction-1704067200123",
      "https://checks.example/claims/a#version-2",
    ]);
    expect(entries.find((e) => e.id.endsWith("version-2"))!.title).toBe("False: A");
  });

  it("should say which language each entry is written in, in Atom and JSON Feed", () => {
    const at = new Date(Date.UTC(2024, 0, 1));
    const site = { publicBaseUrl: "https://checks.example", orgName: "Desk" };
    const entries = [
      {
        id: "u:1",
        url: "https://checks.example/claims/a",
        title: "T",
        text: "Текст",
        language: "uk",
        published: at,
        updated: at,
      },
      {
        id: "u:2",
        url: "https://checks.example/claims/b",
        title: "T",
        text: "Text",
        language: null,
        published: at,
        updated: at,
      },
    ];
    expect(renderAtom(site, entries)).toContain('<entry xml:lang="uk">');
    expect(renderAtom(site, entries)).toContain("<entry>\n");
    expect(renderJsonFeed(site, entries).items.map((i) => ("language" in i ? i.language : null))).toEqual(["uk", null]);
  });
});
