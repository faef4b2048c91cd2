import { describe, expect, it } from "vitest";
import { canonicalLanguageTag } from "@/lib/text/language-tag";
import { optionalLanguageSchema } from "@/lib/validation/common";

describe("language tags", () => {
  it("should take BCP 47 tags in their canonical case, and refuse what is not one", () => {
    expect(canonicalLanguageTag("pt-br")).toBe("pt-BR");
    expect(canonicalLanguageTag("uk_UA")).toBe("uk-UA");
    expect(canonicalLanguageTag("zh-hant-tw")).toBe("zh-Hant-TW");
    for (const bad of ["", "e", "en--US", "12", "en-", `en-${"x".repeat(40)}`])
      expect(canonicalLanguageTag(bad), bad).toBeNull();
  });

  it("should validate a document's language with the same rule, keeping the canonical form", () => {
    expect(optionalLanguageSchema.parse("UK-ua")).toBe("uk-UA");
    expect(optionalLanguageSchema.parse("")).toBeNull();
    expect(optionalLanguageSchema.safeParse("not a language").success).toBe(false);
  });
});
