import { getTableColumns, type Column, type Table } from "drizzle-orm";
import { z } from "zod";

/** An instant as JSON carries it: `Date#toJSON()`, ISO 8601 in UTC. */
export const instant = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC." });

/** A calendar date as the tables store it (`YYYY-MM-DD`). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "A calendar date, `YYYY-MM-DD`." });

/** The zod schema of one column's value on the wire, before nullability. */
function columnValue(key: string, column: Column, values: Record<string, z.ZodType>): z.ZodType {
  if (values[key]) return values[key];
  if (column.dataType === "json") throw new Error(`rowSchema: say what the JSON column ${key} holds.`);
  const enumValues = (column as { enumValues?: string[] }).enumValues;
  switch (column.dataType) {
    case "number":
      return z.number().int();
    case "date":
      return instant;
    case "boolean":
      return z.boolean();
    case "string":
      return enumValues && enumValues.length > 0 ? z.enum(enumValues as [string, ...string[]]) : z.string();
    default:
      throw new Error(`rowSchema: no wire type for column ${key} (${column.dataType}).`);
  }
}

type Shape<T extends Table> = { [K in keyof T["_"]["columns"]]: z.ZodType };

/**
 * The JSON a route answers for a row of `table`, derived from its columns (so a new column is described as soon as it
 * is added): integers, text (an enum where the column has one), instants as ISO strings, `null` where the column is
 * nullable. `values` says more of a column's value, keyed by its property name: what a JSON column holds (required),
 * or that a text column is a calendar date.
 */
export function rowSchema<T extends Table>(table: T, values: Partial<Record<keyof T["_"]["columns"], z.ZodType>> = {}) {
  const shape = Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => {
      const value = columnValue(key, column, values as Record<string, z.ZodType>);
      return [key, column.notNull ? value : value.nullable()];
    }),
  );
  return z.object(shape as Shape<T>);
}
