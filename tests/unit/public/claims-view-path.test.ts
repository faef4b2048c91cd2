import { describe, expect, it } from "vitest";
import { claimsViewPath, filtersFromSegment } from "@/lib/public/claims-view-path";

const path = (q: string) => claimsViewPath(new URLSearchParams(q));
const segmentOf = (p: string) => p.split("/").pop()!;

describe("kept views of /claims", () => {
  it("should give each list without words or dates one path, whatever the order or the empty fields", () => {
    expect(path("")).toBe("/claims/list/all");
    expect(path("rating=false&page=2")).toBe(path("page=2&rating=false&claimant=&q=%20"));
    expect(path("q=%E2%80%94&rating=false")).toBe(path("rating=false")); // punctuation alone is no search
    expect(path("utm_source=x")).toBe("/claims/list/all");
  });

  it("should make words and dates a search, with one path for every way of asking it", () => {
    expect(path("q=civil")).toMatch(/^\/claims\/search\/[\w-]+$/);
    expect(path("rating=false&from=2022-01-01")).toMatch(/^\/claims\/search\//);
    expect(path("q=civil&rating=&from=&to=&claimant=&dispute=&sort=")).toBe(path("q=%20civil%20"));
    expect(path("page=2&q=civil")).toBe(path("q=civil&page=2&utm_source=x"));
    expect(path("q=civil")).not.toBe(path("q=Civil"));
  });

  it("should read a path back only when it is exactly the one made for those filters", () => {
    expect(filtersFromSegment("list", segmentOf(path("rating=false&page=2")))).toEqual({ rating: "false", page: "2" });
    expect(filtersFromSegment("list", "all")).toEqual({});
    expect(filtersFromSegment("search", "all")).toBeNull();
    expect(filtersFromSegment("list", btoa("page=2&rating=false"))).toBeNull(); // another order: not the canonical path
    expect(filtersFromSegment("list", segmentOf(path("q=civil")))).toBeNull(); // a search is not a list
    expect(filtersFromSegment("search", "%%%")).toBeNull();
    for (const q of ["Маріуполь", "100% / #1?", "北京"]) {
      const search = path(`q=${encodeURIComponent(q)}&page=3`);
      expect(filtersFromSegment("search", segmentOf(search))).toEqual({ q, page: "3" });
    }
  });
});
