import type { Stance } from "@/db/enums";

export type CitedEvidence = { evidenceId: number; title: string; stance: Stance };
export type EvidenceChange =
  | { kind: "added" | "removed" | "same"; title: string; stance: Stance }
  | { kind: "stance"; title: string; from: Stance; to: Stance };

/**
 * What changed in the evidence a verdict cites between two versions: items added, removed,
 * or cited with another stance (and, for context, those unchanged), in the newer version's order.
 */
export function evidenceChanges(before: CitedEvidence[], after: CitedEvidence[]): EvidenceChange[] {
  const old = new Map(before.map((e) => [e.evidenceId, e]));
  const now = new Set(after.map((e) => e.evidenceId));
  return [
    ...after.map((e): EvidenceChange => {
      const was = old.get(e.evidenceId);
      if (!was) return { kind: "added", title: e.title, stance: e.stance };
      return was.stance === e.stance
        ? { kind: "same", title: e.title, stance: e.stance }
        : { kind: "stance", title: e.title, from: was.stance, to: e.stance };
    }),
    ...before
      .filter((e) => !now.has(e.evidenceId))
      .map((e): EvidenceChange => ({ kind: "removed", title: e.title, stance: e.stance })),
  ];
}
