import { and, eq, gte, lt, or } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/db/client";
import { slugify } from "@/lib/text/slugify";

/** A slug for `text` not yet used in `column`: `base`, else `base-2`, `base-3`, … */
export async function uniqueSlug(tx: Tx, table: SQLiteTable, column: SQLiteColumn, text: string): Promise<string> {
  return (await uniqueSlugs(tx, table, column, [text]))[0]!;
}

/**
 * Slugs for many new rows at once (`uniqueSlug` is the one-text case): each text's `base`, else `base-2`, … — none
 * used in `column` nor by an earlier text of the list. One query per 100 distinct bases, and a counter per base, so a
 * thousand rows with the same text cost neither a thousand queries nor a thousand-fold scan.
 */
export async function uniqueSlugs(
  tx: Tx,
  table: SQLiteTable,
  column: SQLiteColumn,
  texts: string[],
): Promise<string[]> {
  const bases = texts.map((text) => slugify(text));
  const distinct = [...new Set(bases)];
  const taken = new Set<string>();
  for (let i = 0; i < distinct.length; i += 100) {
    // `base` and `base-…`, as ranges on the slug's unique index ('.' follows '-'): a LIKE would be case-insensitive
    // and scan the whole table.
    const rows = await tx
      .select({ slug: column })
      .from(table)
      .where(
        or(...distinct.slice(i, i + 100).map((b) => or(eq(column, b), and(gte(column, `${b}-`), lt(column, `${b}.`))))),
      );
    for (const r of rows) taken.add(r.slug as string);
  }
  const next = new Map<string, number>();
  return bases.map((base) => {
    let slug = base;
    for (let n = next.get(base) ?? 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
      next.set(base, n + 1);
    }
    taken.add(slug);
    return slug;
  });
}
