import { describe, expect, it } from "vitest";
import { claimsListPath, filtersFromSegment } from "@/lib/public/claims-list-path";

const path = (q: string) => claimsListPath(new URLSearchParams(q));

describe("kept views of /claims", () => {
  it("should give each list without words or dates one path, whatever the order or the empty fields", () => {
    expect(path("")).toBe("/claims/list/all");
    expect(path("rating=false&page=2")).toBe(path("page=2&rating=false&claimant=&q=%20"));
    expect(path("q=civil")).toBeNull();
    expect(path("rating=false&from=2022-01-01")).toBeNull();
  });

  it("should read a path back only when it is exactly the one made for those filters", () => {
    const segment = path("rating=false&page=2")!.split("/").pop()!;
    expect(filtersFromSegment(segment)).toEqual({ rating: "false", page: "2" });
    expect(filtersFromSegment("all")).toEqual({});
    expect(filtersFromSegment(btoa("page=2&rating=false"))).toBeNull(); // another order: not the canonical path
    expect(filtersFromSegment(btoa("q=civil"))).toBeNull();
    expect(filtersFromSegment("%%%")).toBeNull();
  });
});
