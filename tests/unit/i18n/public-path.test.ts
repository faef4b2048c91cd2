import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localizedPath, readerLocale, splitLocale } from "@/lib/i18n/public-path";
import { textDirection } from "@/lib/i18n/locales";

describe("public addresses by locale", () => {
  it("should read the locale off a public path, the default locale's pages having none", () => {
    expect(splitLocale("/uk/claims/x")).toEqual({ locale: "uk", path: "/claims/x", prefixed: true });
    expect(splitLocale("/uk")).toEqual({ locale: "uk", path: "/", prefixed: true });
    expect(splitLocale("/claims/x")).toEqual({ locale: "en", path: "/claims/x", prefixed: false });
    expect(splitLocale("/")).toEqual({ locale: "en", path: "/", prefixed: false });
    // Not a locale of ours, and the default locale's prefix, which is no address of its own.
    expect(splitLocale("/de/claims")).toEqual({ locale: "en", path: "/de/claims", prefixed: false });
    expect(splitLocale("/en/claims").prefixed).toBe(false);
  });

  it("should make a page's address in a locale", () => {
    expect(localizedPath("en", "/claims/x")).toBe("/claims/x");
    expect(localizedPath("uk", "/claims/x")).toBe("/uk/claims/x");
    expect(localizedPath("uk", "/")).toBe("/uk");
    expect(localizedPath("en", "/")).toBe("/");
  });

  it("should pick the supported locale a browser prefers, by weight, region or not", () => {
    expect(localeFromAcceptLanguage("uk-UA,uk;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("uk");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,uk;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.5, uk")).toBe("uk");
    expect(localeFromAcceptLanguage("ar-EG")).toBe("ar");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de, uk;q=0.3")).toBe("uk");
    for (const junk of ["", "*", "not a tag!!, ;;;", "uk;q=0"]) expect(localeFromAcceptLanguage(junk)).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("should put a reader's own choice before their browser's", () => {
    expect(readerLocale("en", "uk")).toBe("en");
    expect(readerLocale("uk", "en")).toBe("uk");
    expect(readerLocale("klingon", "uk")).toBe("uk");
    expect(readerLocale(undefined, undefined)).toBe("en");
  });

  it("should know which languages are written right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("he-IL")).toBe("rtl");
    expect(textDirection("uk")).toBe("ltr");
    expect(textDirection("not a tag")).toBe("ltr");
  });
});
