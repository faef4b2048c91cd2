/**
 * Runs once when a Next.js server starts: on Node.js, `onServerStart` checks the environment, stamps each request with
 * its client's address and adds Strict-Transport-Security where it applies. Imported only there, so that the Edge
 * bundle holds none of it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/config/server-start");
    onServerStart();
  }
}
