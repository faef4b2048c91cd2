import { checkDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** 200 once the database answers a query, 503 otherwise. */
export async function GET(): Promise<Response> {
  try {
    await checkDatabase();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error("health check failed:", e instanceof Error ? e.message : e);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
