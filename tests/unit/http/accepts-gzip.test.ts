import { describe, expect, it } from "vitest";
import { acceptsGzip } from "@/lib/http/kept-searches";

describe("acceptsGzip", () => {
  it("should take gzip when named or allowed by *, and not when refused with q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0.5, gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity, x-gzip")).toBe(false);
  });
});
