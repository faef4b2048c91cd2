import { describe, expect, it } from "vitest";
import { localeFromEnvironment } from "@/lib/cli/locale";

/** The command line's language, read from LC_ALL, LC_MESSAGES and LANG as POSIX tools read them. */
describe("localeFromEnvironment", () => {
  it.each([
    [{ LANG: "uk_UA.UTF-8" }, "uk"],
    [{ LANG: "uk_UA" }, "uk"],
    [{ LANG: "uk" }, "uk"],
    [{ LANG: "uk_UA.UTF-8@euro" }, "uk"],
    [{ LANG: "en_GB.UTF-8" }, "en"],
    [{ LANG: "ar_EG.UTF-8" }, "ar"],
    [{ LANG: "C" }, "en"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{ LANG: "POSIX" }, "en"],
    [{}, "en"],
    [{ LANG: "" }, "en"],
    [{ LANG: "de_DE.UTF-8" }, "en"],
    [{ LANG: "not a locale!" }, "en"],
  ])("should read %j as %s", (env, locale) => {
    expect(localeFromEnvironment(env)).toBe(locale);
  });

  it("should take LC_ALL over LC_MESSAGES over LANG, an empty one counting as unset", () => {
    expect(localeFromEnvironment({ LC_ALL: "uk_UA.UTF-8", LC_MESSAGES: "C", LANG: "C" })).toBe("uk");
    expect(localeFromEnvironment({ LC_ALL: "C", LC_MESSAGES: "uk_UA.UTF-8", LANG: "uk_UA.UTF-8" })).toBe("en");
    expect(localeFromEnvironment({ LC_MESSAGES: "uk_UA.UTF-8", LANG: "C" })).toBe("uk");
    expect(localeFromEnvironment({ LC_ALL: "", LC_MESSAGES: "", LANG: "uk_UA.UTF-8" })).toBe("uk");
  });
});
