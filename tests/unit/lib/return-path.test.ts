import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/editor/account", "/editor/account"],
    ["/admin/users?tab=new#form", "/admin/users?tab=new#form"],
  ])("should keep the same-site path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "evil",
    "",
    undefined,
    42,
  ])("should refuse %j and go to the work queue", (input) => {
    expect(safeReturnPath(input)).toBe("/editor");
  });
});
