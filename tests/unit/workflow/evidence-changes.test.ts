import { describe, expect, it } from "vitest";
import { evidenceChanges } from "@/lib/workflow/evidence-changes";

describe("evidenceChanges", () => {
  it("should list what was added, removed, cited with another stance, and what stayed", () => {
    const before = [
      { evidenceId: 1, title: "Photos", stance: "refutes" as const },
      { evidenceId: 2, title: "OSCE report", stance: "context" as const },
      { evidenceId: 3, title: "Old claim", stance: "supports" as const },
    ];
    const after = [
      { evidenceId: 2, title: "OSCE report", stance: "refutes" as const },
      { evidenceId: 1, title: "Photos", stance: "refutes" as const },
      { evidenceId: 4, title: "Hospital records", stance: "refutes" as const },
    ];
    expect(evidenceChanges(before, after)).toEqual([
      { kind: "stance", title: "OSCE report", from: "context", to: "refutes" },
      { kind: "same", title: "Photos", stance: "refutes" },
      { kind: "added", title: "Hospital records", stance: "refutes" },
      { kind: "removed", title: "Old claim", stance: "supports" },
    ]);
    expect(evidenceChanges([], [])).toEqual([]);
  });
});
