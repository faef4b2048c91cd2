import { recordChangeRoutes } from "@/lib/api/record-changes";

/** `GET /api/v1/documents/{id}/changes`: its details as readers see them and as the desk has them. */
export const GET = recordChangeRoutes("document").changes;
