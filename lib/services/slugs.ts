import { and, eq, gte, lt, or } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/db/client";
import { slugify } from "@/lib/text/slugify";

/** A slug for `text` not yet used in `column`: `base`, else `base-2`, `base-3`, … */
export async function uniqueSlug(tx: Tx, table: SQLiteTable, column: SQLiteColumn, text: string): Promise<string> {
  const base = slugify(text);
  const rows = await tx
    .select({ slug: column })
    .from(table)
    // `base` and `base-…`, as a range on the slug's unique index ('.' follows '-'): a LIKE
    // would be case-insensitive and scan the whole table.
    .where(or(eq(column, base), and(gte(column, `${base}-`), lt(column, `${base}.`))));
  const taken = new Set(rows.map((r) => r.slug as string));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
