import slugifyWords from "@sindresorhus/slugify";

/**
 * A URL slug: lower-case ASCII words joined by hyphens, at most `max` characters, cut at a
 * word. Other scripts are transliterated (“Сергей Лавров” → `sergey-lavrov`), so statements in
 * any language get readable slugs.
 */
export function slugify(input: string, max = 60): string {
  const slug = slugifyWords(input.replace(/[’']/g, ""), { decamelize: false });
  if (slug.length <= max) return slug || "item";
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}
