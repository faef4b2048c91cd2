import { getTableColumns, type Table } from "drizzle-orm";

const EXAMPLE_INSTANT = "2026-03-10T09:30:00.000Z";

/**
 * An example row of `table` as a route answers it: the values given, and for every other column a placeholder of its
 * type — its default, or null where it may be null —, so that an example stays complete when a column is added.
 */
export function rowExample<T extends Table>(table: T, values: Partial<Record<keyof T["_"]["columns"], unknown>>) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => {
      if (key in values) return [key, values[key as keyof typeof values]];
      if (!column.notNull) return [key, null];
      // A plain default (`'normal'`, `1`) reads best; one computed by SQL (the time of the insert) is not a value.
      if (["string", "number", "boolean"].includes(typeof column.default)) return [key, column.default];
      const enumValues = (column as { enumValues?: string[] }).enumValues;
      const placeholder =
        column.dataType === "date"
          ? EXAMPLE_INSTANT
          : column.dataType === "number"
            ? 1
            : column.dataType === "boolean"
              ? false
              : column.dataType === "json"
                ? []
                : (enumValues?.[0] ?? "");
      return [key, placeholder];
    }),
  );
}
