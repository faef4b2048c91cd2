import { recordChangeRoutes } from "@/lib/api/record-changes";

/** `POST /api/v1/documents/{id}/publish` `{version, note?}`: readers see its changes from now on. */
export const POST = recordChangeRoutes("document").publish;
