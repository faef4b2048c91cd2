import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The message keys a source tree uses, read from its syntax: a translation function is what `useTranslations`,
 * `getTranslations` or `translatorFor` return (bound to a name, with the namespace given, or called at once:
 * `(await getTranslations("ns"))("key")`), and `text`, `issueMessage` (lib/i18n/text) and `joinedText`, which take
 * full keys; a call of it (or of its `rich`, `markup`, `has`) with a literal key uses that key, with a template key
 * (`` t(`rating.${key}`) ``) every key under the template's literal head, with a conditional either branch. A call
 * with any other key marks every string literal of the file as a key under the function's namespace, so keys kept in a
 * table beside the call count as used.
 */
export function usedMessageKeys(roots: string[]): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of roots.flatMap((root) => sourceFiles(root))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const bound = new Map<string, Set<string>>();
    const literals: string[] = [];
    const dynamicNamespaces = new Set<string>();

    const visitBindings = (node: ts.Node): void => {
      for (const name of catalogueTextImports(node)) bound.set(name, new Set([...(bound.get(name) ?? []), ""]));
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const namespace = namespaceOf(node.initializer);
        if (namespace !== null) {
          if (!bound.has(node.name.text)) bound.set(node.name.text, new Set());
          bound.get(node.name.text)!.add(namespace);
        }
      }
      if (ts.isStringLiteralLike(node)) literals.push(node.text);
      ts.forEachChild(node, visitBindings);
    };
    visitBindings(source);

    const under = (namespace: string, key: string) => (namespace ? `${namespace}.${key}` : key);
    const visitCalls = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : node.expression;
        const namespaces = ts.isIdentifier(callee) ? bound.get(callee.text) : inlineNamespace(callee);
        if (namespaces) {
          for (const namespace of namespaces) {
            for (const key of keysOf(node.arguments[0]!)) {
              if (key.kind === "exact") exact.add(under(namespace, key.text));
              else if (key.kind === "prefix") prefixes.add(under(namespace, key.text));
              else dynamicNamespaces.add(namespace);
            }
          }
        }
      }
      ts.forEachChild(node, visitCalls);
    };
    visitCalls(source);
    for (const namespace of dynamicNamespaces) for (const text of literals) exact.add(under(namespace, text));
  }
  return { exact, prefixes };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The namespace of a translation function made and called at once: `(await getTranslations("x"))("key")`. */
function inlineNamespace(callee: ts.Expression): Set<string> | undefined {
  if (!ts.isParenthesizedExpression(callee)) return undefined;
  const namespace = namespaceOf(callee.expression);
  return namespace === null ? undefined : new Set([namespace]);
}

/**
 * The local names of `text`, `issueMessage` and `joinedText` imported from lib/i18n/text: functions that take a full
 * key (the whole catalogue's namespace), like a translation function.
 */
function catalogueTextImports(node: ts.Node): string[] {
  if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) return [];
  const names = /(^|\/)i18n\/text$|^\.\/text$/.test(node.moduleSpecifier.text)
    ? ["text", "issueMessage", "joinedText"]
    : [];
  const bindings = node.importClause?.namedBindings;
  if (!bindings || !ts.isNamedImports(bindings)) return [];
  return bindings.elements.filter((el) => names.includes((el.propertyName ?? el.name).text)).map((el) => el.name.text);
}

/** The namespace a translation function is made for ("" for the whole catalogue), or null for anything else. */
function namespaceOf(init: ts.Expression): string | null {
  const call = ts.isAwaitExpression(init) ? init.expression : init;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return null;
  const name = call.expression.text;
  if (name === "translatorFor") return "";
  if (name !== "useTranslations" && name !== "getTranslations") return null;
  const arg = call.arguments[0];
  if (!arg) return "";
  if (ts.isStringLiteralLike(arg)) return arg.text;
  if (ts.isObjectLiteralExpression(arg)) {
    for (const prop of arg.properties) {
      if (
        ts.isPropertyAssignment(prop) &&
        prop.name.getText() === "namespace" &&
        ts.isStringLiteralLike(prop.initializer)
      ) {
        return prop.initializer.text;
      }
    }
    return "";
  }
  return null;
}

type Key = { kind: "exact" | "prefix"; text: string } | { kind: "dynamic" };

function keysOf(arg: ts.Expression): Key[] {
  if (ts.isStringLiteralLike(arg)) return [{ kind: "exact", text: arg.text }];
  if (ts.isTemplateExpression(arg)) return [{ kind: "prefix", text: arg.head.text }];
  if (ts.isConditionalExpression(arg)) return [...keysOf(arg.whenTrue), ...keysOf(arg.whenFalse)];
  if (ts.isParenthesizedExpression(arg) || ts.isAsExpression(arg)) return keysOf(arg.expression);
  return [{ kind: "dynamic" }];
}

/** The namespaces each client component (a `"use client"` file) binds a translation function to. */
export function clientNamespaces(roots: string[]): { file: string; namespace: string }[] {
  return roots.flatMap((root) =>
    sourceFiles(root).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      if (!/^\s*["']use client["']/.test(text)) return [];
      const found: { file: string; namespace: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && node.initializer) {
          const namespace = namespaceOf(node.initializer);
          if (namespace !== null) found.push({ file: path.relative(process.cwd(), file), namespace });
        }
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
      return found;
    }),
  );
}
