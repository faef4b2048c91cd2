import { apiRoute } from "@/lib/api/handler";
import { listDeliveries } from "@/lib/services/webhooks/list-deliveries";

/**
 * `GET /api/v1/webhooks/{id}/deliveries?limit=&offset=` (admin): the endpoint's deliveries, newest first, each with
 * its state and attempts → `{deliveries, total, limit, offset}`; `limit` 1–100 (20 unless given).
 */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const query = new URL(req.url).searchParams;
  return listDeliveries(actor, {
    webhookId: params.id,
    ...(query.get("limit") ? { limit: query.get("limit") } : {}),
    ...(query.get("offset") ? { offset: query.get("offset") } : {}),
  });
});
