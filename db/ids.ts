/** The largest id a record can have: ids are 32-bit integers on PostgreSQL (SQLite's are wider; none gets there). */
export const MAX_ID = 2_147_483_647;

/** A path's or a form's id as a number, or null when it is not one (not digits, or beyond any id). */
export function parseId(value: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}
