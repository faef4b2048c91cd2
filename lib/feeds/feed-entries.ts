import type { FeedVerdict, PublicCorrection } from "@/db/queries/public/pages";
import { escapeXml as xml } from "@/lib/text/xml";

/** One entry; `language`: the language its text is written in (BCP 47), when known. */
export type FeedEntry = {
  id: string;
  url: string;
  title: string;
  text: string;
  language: string | null;
  published: Date;
  updated: Date;
};
export type FeedSite = { publicBaseUrl: string; orgName: string };

/** Published verdicts and public corrections/retractions as one list of feed entries, newest first. */
export function toFeedEntries(site: FeedSite, verdicts: FeedVerdict[], corrections: PublicCorrection[]): FeedEntry[] {
  const url = (slug: string) => `${site.publicBaseUrl}/claims/${slug}`;
  return [
    ...verdicts.map((v) => ({
      id: `${url(v.slug)}#version-${v.seq}`,
      url: url(v.slug),
      title: `${v.rating?.label ?? "Checked"}: ${v.statement}`,
      text: `${v.claimantName}. ${v.summary}`,
      language: v.language,
      published: v.publishedAt,
      updated: v.publishedAt,
    })),
    ...corrections.map((c) => ({
      id: `${url(c.claimSlug)}#${c.kind}-${c.at.getTime()}`,
      url: url(c.claimSlug),
      title: `${c.kind === "retraction" ? "Retraction" : "Correction"}: ${c.statement}`,
      text: c.text,
      language: c.language ?? null,
      published: c.at,
      updated: c.at,
    })),
  ].sort((a, b) => b.updated.getTime() - a.updated.getTime());
}

/** An Atom 1.0 feed (RFC 4287). */
export function renderAtom(site: FeedSite, entries: FeedEntry[]): string {
  const updated = (entries[0]?.updated ?? new Date(0)).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(site.publicBaseUrl)}/</id>
  <title>${xml(site.orgName)}: fact-checks</title>
  <updated>${updated}</updated>
  <author><name>${xml(site.orgName)}</name></author>
  <link rel="alternate" type="text/html" href="${xml(site.publicBaseUrl)}/"/>
  <link rel="self" type="application/atom+xml" href="${xml(site.publicBaseUrl)}/feed.xml"/>
${entries
  .map(
    (e) => `  <entry${e.language ? ` xml:lang="${xml(e.language)}"` : ""}>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(e.url)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <summary>${xml(e.text)}</summary>
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}

/** A JSON Feed 1.1 document. */
export function renderJsonFeed(site: FeedSite, entries: FeedEntry[]) {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: `${site.orgName}: fact-checks`,
    home_page_url: `${site.publicBaseUrl}/`,
    feed_url: `${site.publicBaseUrl}/feed.json`,
    language: "en",
    authors: [{ name: site.orgName }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.text,
      ...(e.language ? { language: e.language } : {}),
      date_published: e.published.toISOString(),
      date_modified: e.updated.toISOString(),
    })),
  };
}
