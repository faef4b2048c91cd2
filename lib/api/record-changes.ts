import { getRecordChanges, type RecordKind } from "@/db/queries/record-changes";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { discardRecordChanges, publishRecordChanges } from "@/lib/services/publication/record-changes";

/**
 * The routes of a claimant's, document's or dispute's changes waiting for publication:
 * `GET …/{id}/changes` (what readers see next to the desk's working copy), `POST …/{id}/publish` `{version, note?}`
 * (an editor who made none of the changes) and `POST …/{id}/discard-changes` `{version}`.
 */
export function recordChangeRoutes(kind: RecordKind) {
  return {
    changes: apiRoute<{ id: string }>(async ({ actor, params }) => {
      await assertCanReadInternal(actor);
      return found(await getRecordChanges(kind, pathId(params.id, kind)), `${kind} with id ${params.id}`);
    }),
    publish: apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
      published: await publishRecordChanges(actor, { ...(await readJsonObject(req)), kind, id: params.id }),
    })),
    discard: apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
      discarded: await discardRecordChanges(actor, { ...(await readJsonObject(req)), kind, id: params.id }),
    })),
  };
}
