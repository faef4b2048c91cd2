/**
 * Stand-in for `next/cache` under vitest, where there is no Next request to revalidate in:
 * it records what the code asked to revalidate, so tests can check it.
 */
export const revalidated: string[] = [];

export function revalidatePath(path: string, type?: "page" | "layout"): void {
  revalidated.push(type ? `${path} (${type})` : path);
}

export function revalidateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}
