import { recordChangeRoutes } from "@/lib/api/record-changes";

/** `POST /api/v1/disputes/{id}/discard-changes` `{version}`: the working copy goes back to what readers see. */
export const POST = recordChangeRoutes("dispute").discard;
