import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { COMPLETE_LOCALES, DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { clientNamespaces, usedMessageKeys } from "../../support/message-usage";

/**
 * The message catalogues: one per locale of lib/i18n/locales.json, complete ones holding every message of the default
 * locale's, partial ones none it lacks; every message valid ICU MessageFormat with the default message's arguments, and
 * plurals with every category the locale's plural rules use; every message used by the source.
 */
const DIR = path.join(process.cwd(), "lib/i18n/messages");
type Tree = { [key: string]: string | Tree };
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${locale}.json`), "utf8")) as Tree;
const flatten = (tree: Tree, prefix = ""): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[prefix + key, value]] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );
const catalogue = (locale: string) => flatten(read(locale));
const base = catalogue(DEFAULT_LOCALE);

/** The arguments and tags a message uses, and its plurals' categories (exact `=n` cases aside). */
function shape(message: string): { args: Set<string>; plurals: Set<string>[] } {
  const args = new Set<string>();
  const plurals: Set<string>[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      args.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        if (el.type === TYPE.plural && el.pluralType === "cardinal") {
          plurals.push(new Set(Object.keys(el.options).filter((k) => !k.startsWith("="))));
        }
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return { args, plurals };
}

describe("message catalogues", () => {
  it("should have one catalogue for each locale in the list, and none other", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
    expect(COMPLETE_LOCALES).toContain(DEFAULT_LOCALE);
  });

  it.each(COMPLETE_LOCALES)("should hold every message of the default locale's in %s", (locale) => {
    const own = catalogue(locale);
    expect([...base.keys()].filter((key) => !own.has(key))).toEqual([]);
  });

  it.each(LOCALES)("should hold no message the default locale's lacks in %s", (locale) => {
    expect([...catalogue(locale).keys()].filter((key) => !base.has(key))).toEqual([]);
  });

  it.each(LOCALES)(
    "should be valid ICU in %s, with the default message's arguments and its plural categories",
    (locale) => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const problems: string[] = [];
      for (const [key, message] of catalogue(locale)) {
        let own: ReturnType<typeof shape>;
        try {
          own = shape(message);
        } catch (e) {
          problems.push(`${key}: not ICU MessageFormat (${(e as Error).message})`);
          continue;
        }
        const expected = shape(base.get(key) ?? message).args;
        const args = [...own.args].sort().join(", ");
        if (args !== [...expected].sort().join(", ")) problems.push(`${key}: uses {${args}}, not {${[...expected]}}`);
        for (const plural of own.plurals) {
          const missing = categories.filter((c) => !plural.has(c));
          if (missing.length > 0 || !plural.has("other")) problems.push(`${key}: a plural lacks ${missing.join(", ")}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("should use every message of the default locale's somewhere in the source", () => {
    const { exact, prefixes } = usedMessageKeys(["app", "components", "lib"].map((d) => path.join(process.cwd(), d)));
    const unused = [...base.keys()].filter((key) => !exact.has(key) && ![...prefixes].some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it("should give client components only messages sent to the browser (lib/i18n/client-messages.ts)", () => {
    // Public pages send `publicClient`; desk pages everything but `cli`. The public pages' server-only part stays out.
    const wrong = clientNamespaces(["app", "components"].map((d) => path.join(process.cwd(), d))).filter(
      ({ namespace }) => namespace === "" || /^(public|cli)(\.|$)/.test(namespace),
    );
    expect(wrong).toEqual([]);
  });
});
