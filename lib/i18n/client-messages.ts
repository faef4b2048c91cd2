import type { Messages } from "next-intl";

/**
 * The catalogue's parts sent to the browser for client components. Public pages are kept and served to every reader,
 * so they carry only `publicClient` (what their client components say); desk pages, rendered for one user, carry the
 * whole catalogue but the command line's part.
 */
export function clientMessages(messages: Messages, area: "public" | "desk"): Partial<Messages> {
  if (area === "public") return { publicClient: messages.publicClient };
  const { cli: _cli, ...desk } = messages as Messages & { cli?: unknown };
  return desk;
}
