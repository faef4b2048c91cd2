import { getRecordChanges, type RecordKind } from "@/db/queries/record-changes";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { PendingChanges } from "./pending-changes";

/** The desk's "What readers see" panel of a claimant, document or dispute, for the signed-in user. */
export async function ReadersPanel({ kind, id }: { kind: RecordKind; id: number }) {
  const [user, changes] = await Promise.all([getCurrentUser(), getRecordChanges(kind, id)]);
  if (!user || !changes) return null;
  const canPublish = can(user.role, "verdicts:review") && !changes.editors.some((e) => e.id === user.id);
  return <PendingChanges changes={changes} canPublish={canPublish} />;
}
