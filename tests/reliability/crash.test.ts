import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgements, exited, inspect, writerTarget, type WriterTarget } from "./support/writes";
import { startWriter } from "./support/processes";

/**
 * A process writing claims through the services is killed with SIGKILL at random moments;
 * after each kill the database must be whole, hold every write it acknowledged, and have no
 * change without its audit event.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
let target: WriterTarget;
beforeAll(async () => {
  target = await writerTarget();
});
afterAll(() => target.t.close());

describe("a writer killed with SIGKILL", () => {
  it(`should leave a whole database with every acknowledged write and its audit event, ${KILLS} times`, async () => {
    let acknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = startWriter("write-claims", target.t.url, target.writer);
      const acks = acknowledgements(child);
      await acks.first;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300)); // somewhere in the middle of a write
      child.kill("SIGKILL");
      await exited(child);
      const after = await inspect(target.t.url);
      expect(after.integrity, `round ${round}`).toBe("ok");
      expect(
        acks.ids.filter((id) => !after.ids.has(id)),
        `round ${round}: acknowledged but missing`,
      ).toEqual([]);
      expect(after.unaudited, `round ${round}: claims without their audit event`).toBe(0);
      acknowledged += acks.ids.length;
    }
    expect(acknowledged).toBeGreaterThan(KILLS);
  });
});
