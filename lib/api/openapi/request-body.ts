import { z } from "zod";

/**
 * A service's input schema as a request body: the input without the keys a route fills in itself (path parameters
 * merged into the body, such as `claimId`, and fields only the command line may send). Objects keep their strictness;
 * refinements are dropped (zod refuses `.omit` on a refined object, and OpenAPI cannot say them anyway), unions and
 * pipes are followed to their objects. A key to leave out that the input does not have is a mistake in the document.
 */
export function requestBody(input: z.ZodType, without: readonly string[] = []): z.ZodType {
  const missing = without.filter((key) => !hasKey(input, key));
  if (missing.length > 0) throw new Error(`requestBody: the input has no ${missing.join(", ")}.`);
  return without.length === 0 ? input : omitKeys(input, new Set(without));
}

function omitKeys(schema: z.ZodType, keys: ReadonlySet<string>): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !keys.has(key)));
    const { catchall } = schema.def;
    return catchall ? z.object(shape).catchall(catchall) : z.object(shape);
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.options.map((option) => omitKeys(option as z.ZodType, keys));
    return z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  if (schema instanceof z.ZodPipe) return omitKeys(schema.in as z.ZodType, keys);
  throw new Error(`requestBody: cannot leave keys out of a ${schema.def.type} schema.`);
}

function hasKey(schema: z.ZodType, key: string): boolean {
  if (schema instanceof z.ZodObject) return key in schema.shape;
  if (schema instanceof z.ZodUnion) return schema.options.some((option) => hasKey(option as z.ZodType, key));
  if (schema instanceof z.ZodPipe) return hasKey(schema.in as z.ZodType, key);
  return false;
}
