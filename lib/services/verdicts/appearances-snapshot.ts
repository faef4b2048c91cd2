import type { Tx } from "@/db/client";
import { currentAppearances } from "@/db/queries/appearances";
import type { AppearanceSnapshotItem } from "@/db/schema";

/**
 * The claim's appearances as a verdict version being published records them, so readers see the repeats a second
 * editor published and none linked since.
 */
export async function snapshotAppearances(tx: Tx, claimId: number): Promise<AppearanceSnapshotItem[]> {
  return (await currentAppearances(tx, [claimId])).get(claimId) ?? [];
}
