import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/config/env";

export const dynamic = "force-dynamic";

/** Readers' pages are open to crawlers; the desk and the API are not. */
export default function robots(): MetadataRoute.Robots {
  const base = getEnv().publicBaseUrl;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/editor", "/admin", "/login", "/api/"] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
