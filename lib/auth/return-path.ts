/** The path to go back to after sign-in: only same-site paths are followed, else `/editor`. */
export function safeReturnPath(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/editor";
}
