/* eslint-disable no-restricted-syntax -- better-sqlite3 itself, on purpose: the test reads SQLite's catalogue. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, openPostgres, withClient } from "@/db/engines/postgres";
import { openSqlite } from "@/db/engines/sqlite";

/**
 * Both engines' migrations, applied to empty databases, must give the same tables: the same columns with the same
 * type, nullability and default, the same indexes (columns, uniqueness, partial condition), primary and foreign keys
 * and CHECK constraints. Names and expressions are compared after removing what only one dialect writes (quotes,
 * casts, `= ANY (ARRAY[…])` for `in (…)`).
 */

type Column = { name: string; type: string; notNull: boolean; default: string | null };
type Index = { name: string; unique: boolean; columns: string[]; where: string | null };
type ForeignKey = { columns: string; references: string; onDelete: string };
// Columns are compared by name: SQLite appends a column added later at the end, PostgreSQL where the schema has it.
type Table = { columns: Column[]; primaryKey: string[]; indexes: Index[]; foreignKeys: ForeignKey[]; checks: string[] };

const ENGINE_SPECIFIC = /^__drizzle/;

/** One dialect's spelling of the same expression, made comparable. */
export function normalise(expression: string | null): string | null {
  if (expression === null) return null;
  let e = expression
    .toLowerCase()
    .replace(/"[a-z_]+"\./g, "") // table qualifiers
    .replace(/::[a-z ]+(\[\])?/g, "") // casts
    .replace(/["`]/g, "");
  e = e.replace(/=\s*any\s*\(\s*array\s*\[([^\]]*)\]\s*\)/g, "in ($1)");
  // What both engines mean by "now, in milliseconds".
  e = e
    .replace(/\(?unixepoch\('subsec'\)\s*\*\s*1000\)?/g, "now_ms")
    .replace(/extract\(epoch from now\(\)\)\s*\*\s*\(?1000\)?/g, "now_ms");
  return e.replace(/[()\s]/g, "");
}

const SQLITE_TYPES: Record<string, string> = { integer: "integer", text: "text" };
const PG_TYPES: Record<string, string> = { integer: "integer", bigint: "integer", text: "text" };

function sqliteSchema(file: string): Record<string, Table> {
  const database = openSqlite(file);
  const db = database.reader;
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string; sql: string }[];
  const result: Record<string, Table> = {};
  for (const { name, sql } of tables.filter((t) => !ENGINE_SPECIFIC.test(t.name))) {
    const info = db.prepare(`pragma table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const indexes = (
      db.prepare(`pragma index_list("${name}")`).all() as { name: string; unique: number; origin: string }[]
    )
      .filter((i) => i.origin !== "pk")
      .map((i) => {
        const definition = (db.prepare("select sql from sqlite_master where name = ?").get(i.name) as { sql: string })
          .sql;
        const where = /\bwhere\b(.*)$/is.exec(definition)?.[1] ?? null;
        const columns = (db.prepare(`pragma index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
        return { name: i.name, unique: i.unique === 1, columns, where: normalise(where) };
      });
    const foreignKeys = (
      db.prepare(`pragma foreign_key_list("${name}")`).all() as {
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[]
    ).map((f) => ({ columns: f.from, references: `${f.table}.${f.to}`, onDelete: f.on_delete.toLowerCase() }));
    const checks = [...sql.matchAll(/\bcheck\s*\(/gi)].map((m) => {
      // The balanced parentheses after CHECK.
      let depth = 0;
      let i = m.index + m[0].length - 1;
      const start = i;
      for (; i < sql.length; i++) {
        if (sql[i] === "(") depth++;
        if (sql[i] === ")" && --depth === 0) break;
      }
      return normalise(sql.slice(start, i + 1))!;
    });
    result[name] = {
      columns: info
        .map((c) => ({
          name: c.name,
          type: SQLITE_TYPES[c.type.toLowerCase()] ?? c.type,
          notNull: c.notnull === 1 || c.pk > 0,
          default: normalise(c.dflt_value),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      primaryKey: info.filter((c) => c.pk > 0).map((c) => c.name),
      indexes: indexes.sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: foreignKeys.sort((a, b) => a.columns.localeCompare(b.columns)),
      checks: checks.sort(),
    };
  }
  void database.close();
  return result;
}

async function postgresSchema(client: pg.Client): Promise<Record<string, Table>> {
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<T>(text, values)).rows;
  const tables = await q<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  const result: Record<string, Table> = {};
  for (const { name } of tables.filter((t) => !ENGINE_SPECIFIC.test(t.name))) {
    const columns = await q<{ name: string; type: string; nullable: string; default: string | null }>(
      `select column_name as name, data_type as type, is_nullable as nullable, column_default as default
       from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
      [name],
    );
    const constraints = await q<{ type: string; definition: string; columns: string[]; ref: string | null }>(
      `select c.contype as type, pg_get_constraintdef(c.oid) as definition,
         array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)
           as columns,
         c.confrelid::regclass::text as ref
       from pg_constraint c where c.conrelid = $1::regclass`,
      [name],
    );
    const indexes = await q<{ name: string; definition: string; unique: boolean; columns: string[] }>(
      `select i.relname as name, pg_get_indexdef(x.indexrelid) as definition, x.indisunique as unique,
         array(select a.attname::text from unnest(x.indkey) with ordinality k(n, o)
               join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid
       where x.indrelid = $1::regclass and not x.indisprimary`,
      [name],
    );
    const pk = constraints.find((c) => c.type === "p");
    result[name] = {
      columns: columns
        .map((c) => ({
          name: c.name,
          type: PG_TYPES[c.type] ?? c.type,
          notNull: c.nullable === "NO",
          default: c.default?.startsWith("nextval(") ? null : normalise(c.default),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      primaryKey: pk?.columns ?? [],
      indexes: indexes
        .map((i) => ({
          name: i.name,
          unique: i.unique,
          columns: i.columns,
          where: normalise(/\bwhere\b(.*)$/is.exec(i.definition)?.[1] ?? null),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: constraints
        .filter((c) => c.type === "f")
        .map((c) => ({
          columns: c.columns.join(","),
          references: `${c.ref}.${/references \w+\((\w+)\)/i.exec(c.definition)![1]}`,
          onDelete: (/on delete (cascade|set null)/i.exec(c.definition)?.[1] ?? "no action").toLowerCase(),
        }))
        .sort((a, b) => a.columns.localeCompare(b.columns)),
      checks: constraints
        .filter((c) => c.type === "c")
        .map((c) => normalise(c.definition.replace(/^check\s*/i, ""))!)
        .sort(),
    };
  }
  return result;
}

// Runs on the PostgreSQL run of the suites only (its name says so), where DATABASE_URL names the server.
describe("the two engines' schemas", () => {
  const server = process.env.DATABASE_URL!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-drift-"));
  const name = `claimdesk_drift_${randomBytes(4).toString("hex")}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pgUrl = url.toString();

  beforeAll(() => withClient(server, (c) => c.query(`create database "${name}"`)));
  afterAll(async () => {
    await withClient(server, (c) => dropDatabase(c, name));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should hold the same tables, columns, indexes and constraints after every migration", async () => {
    const sqlite = openSqlite(path.join(dir, "drift.db"));
    await sqlite.migrate();
    await sqlite.close();
    const postgres = openPostgres(pgUrl);
    await postgres.migrate();
    await postgres.close();

    const onPostgres = await withClient(pgUrl, postgresSchema);
    const onSqlite = sqliteSchema(path.join(dir, "drift.db"));

    expect(Object.keys(onPostgres).sort()).toEqual(Object.keys(onSqlite).sort());
    for (const table of Object.keys(onSqlite)) {
      expect({ table, ...onPostgres[table] }).toEqual({ table, ...onSqlite[table] });
    }
  });

  it("should see through each dialect's spelling of one expression", () => {
    expect(normalise(`CHECK ((role = ANY (ARRAY['admin'::text, 'editor'::text])))`)).toBe(
      normalise(`CHECK("users"."role" in ('admin', 'editor'))`),
    );
    expect(normalise("((extract(epoch from now()) * (1000)::numeric))::bigint")).toBe(
      normalise("(unixepoch('subsec') * 1000)"),
    );
    expect(normalise("state = 'published'")).not.toBe(normalise("state = 'draft'"));
  });
});
