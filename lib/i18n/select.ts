/**
 * The argument of an ICU `select` for a part of a sentence that is said only when there is something to say in it
 * (`{dated, select, true { on {date}} other {}}`): "true" or "false".
 */
export const shown = (part: unknown): "true" | "false" => (part ? "true" : "false");
