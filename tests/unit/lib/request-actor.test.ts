import { describe, expect, it } from "vitest";
import { getRequestActor } from "@/lib/api/request-actor";

describe("getRequestActor", () => {
  it("should treat a request without credentials as anonymous", async () => {
    expect(await getRequestActor(new Request("http://localhost/api/v1/me"))).toBeNull();
  });

  it("should refuse a cross-site write that carries the session cookie", async () => {
    const req = new Request("http://localhost/api/v1/tokens", {
      method: "POST",
      headers: { cookie: "authjs.session-token=abc", origin: "https://evil.example", host: "localhost" },
    });
    await expect(getRequestActor(req)).rejects.toMatchObject({ code: "forbidden" });
  });
});
