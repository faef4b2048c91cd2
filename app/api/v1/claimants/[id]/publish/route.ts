import { recordChangeRoutes } from "@/lib/api/record-changes";

/** `POST /api/v1/claimants/{id}/publish` `{version, note?}`: readers see its changes from now on. */
export const POST = recordChangeRoutes("claimant").publish;
