import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { RecordKind } from "@/db/queries/record-changes";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { seedDemo } from "@/db/seed";
import { queryRow } from "@/db/sql";
import type { Actor } from "@/lib/auth/actor";
import { updateClaimant } from "@/lib/services/claimants/update-claimant";
import { reattachClaim } from "@/lib/services/claims/place-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { addDisputeAccount } from "@/lib/services/disputes/change-accounts";
import { updateDispute } from "@/lib/services/disputes/update-dispute";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";
import { changeEvidenceLink, updateEvidence } from "@/lib/services/evidence/change-evidence";
import { publishRecordChanges } from "@/lib/services/publication/record-changes";
import { updateRating } from "@/lib/services/ratings/manage-ratings";
import { createTestDb, type TestDb } from "../../support/db";
import {
  claimOf,
  DEMO,
  deskOf,
  documentText,
  publishCorrection,
  recordOf,
  spanOf,
  startCorrection,
  submitCorrection,
  type Desk,
  type Person,
} from "./desk";
import { readEverythingPublic, SURFACES, type Surface } from "./public-surfaces";

/**
 * Readers see the published record, never the desk's working copy: for each public detail, a change made on the desk
 * (by a contributor, or by one editor) shows nowhere public — no page, feed, search, API answer or export — until a
 * second editor publishes it (the claim's correction, or the claimant's, document's or dispute's new version); then it
 * shows everywhere that detail is shown.
 */
let t: TestDb;
let desk: Desk;
beforeEach(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  desk = await deskOf(t.db);
});
afterEach(async () => {
  await t.close();
});

const SLUGS: Record<RecordKind, string> = { claimant: DEMO.claimant, document: DEMO.document, dispute: DEMO.dispute };
const record = (kind: RecordKind) => recordOf(t.db, kind, SLUGS[kind]);
const claim = () => claimOf(t.db, DEMO.claim);
const editClaim = async (who: Actor, change: object) =>
  updateClaim(who, { claimId: (await claim()).id, version: (await claim()).version, ...change });
const editClaimant = async (who: Actor, change: object) =>
  updateClaimant(who, {
    claimantId: (await record("claimant")).id,
    version: (await record("claimant")).version,
    ...change,
  });
const editDocument = async (who: Actor, change: object) =>
  updateDocumentMetadata(who, {
    documentId: (await record("document")).id,
    version: (await record("document")).version,
    ...change,
  });
const addToText = async (who: Actor, words: string) => {
  const doc = await record("document");
  const { text, revision } = await documentText(t.db, doc.id);
  await updateDocumentText(who, { documentId: doc.id, text: `${text}\n\n${words}`, baseRevision: revision });
};
const wikipedia = async () =>
  (await queryRow<{ id: number; version: number }>(
    t.db,
    sql`select id, version from evidence where url = 'https://en.wikipedia.org/wiki/Mariupol_hospital_airstrike'`,
  ))!;

/** How a change reaches readers: the claim's correction, or a new version of its claimant, document or dispute. */
type Publication = "correction" | RecordKind;

type Detail = {
  field: string;
  /** The value as readers see it now (null: shown nowhere yet), and the unpublished change's unique value. */
  old: string | null;
  marker: string;
  /** Where readers see this detail. */
  on: readonly Surface[];
  /** Whether the search finds a claim by this detail's words (the search index holds it). */
  indexed?: true;
  /** Surfaces that write it otherwise: its old and new value as they write them. */
  as?: Partial<Record<Surface, [old: string, marker: string]>>;
  /** Who makes the change on the desk (by default a contributor, and an editor). */
  by?: Person[];
  through: Publication[];
  change: (who: Actor) => Promise<unknown>;
};

const EVERYWHERE = SURFACES;
const WIKIPEDIA_ITEM = '"url":"https://en.wikipedia.org/wiki/Mariupol_hospital_airstrike"';

const DETAILS: Detail[] = [
  {
    field: "claim statement",
    old: "Those killed in the Mariupol maternity hospital strike were not civilians.",
    marker: "ZqStatementMarker",
    on: EVERYWHERE,
    indexed: true,
    through: ["correction"],
    change: (who) => editClaim(who, { statement: "ZqStatementMarker" }),
  },
  {
    field: "claimant (attribution)",
    old: "Sergei Lavrov",
    marker: "ZqClaimantMarker",
    on: EVERYWHERE,
    indexed: true,
    through: ["correction"],
    change: (who) => editClaim(who, { claimant: { name: "ZqClaimantMarker" } }),
  },
  {
    field: "claim date",
    old: "2022-03-10",
    marker: "1999-12-31",
    on: ["claim page", "api claim", "claimreview", "csv", "json", "pdf"],
    // The report shows the day as people read it.
    as: { pdf: ["Mar 10, 2022", "Dec 31, 1999"] },
    through: ["correction"],
    change: (who) => editClaim(who, { claimedAt: "1999-12-31" }),
  },
  {
    // The quote moves to words added to the text: readers see both when the text and the correction are published.
    field: "quote (reattached)",
    old: "those killed were not civilians",
    marker: "ZqQuoteMarker",
    on: ["claim page", "dispute page", "document page", "search", "api list", "api claim", "w3c", "csv", "json", "pdf"],
    indexed: true,
    through: ["document", "correction"],
    change: async (who) => {
      await addToText(who, "ZqQuoteMarker said nothing of the kind.");
      const { text, revision } = await documentText(t.db, (await claim()).documentId);
      await reattachClaim(who, {
        claimId: (await claim()).id,
        version: (await claim()).version,
        revision,
        ...spanOf(text, "ZqQuoteMarker said nothing"),
      });
    },
  },
  {
    field: "claimant name",
    old: "Sergei Lavrov",
    marker: "ZqNameMarker",
    on: EVERYWHERE,
    indexed: true,
    through: ["claimant"],
    change: (who) => editClaimant(who, { name: "ZqNameMarker" }),
  },
  {
    field: "claimant role",
    old: "Foreign minister of Russia",
    marker: "ZqRoleMarker",
    on: ["claim page", "claimant page", "api claim", "json"],
    through: ["claimant"],
    change: (who) => editClaimant(who, { description: "ZqRoleMarker" }),
  },
  {
    field: "claimant kind",
    old: '"description":"Foreign minister of Russia","sameAs":null,"kind":"person"',
    marker: '"description":"Foreign minister of Russia","sameAs":null,"kind":"organization"',
    on: ["claim page", "api claim", "claimreview", "json"],
    as: { claimreview: ['"@type":"Person","name":"Sergei Lavrov"', '"@type":"Organization","name":"Sergei Lavrov"'] },
    through: ["claimant"],
    change: (who) => editClaimant(who, { kind: "organization" }),
  },
  {
    field: "claimant sameAs",
    old: null,
    marker: "https://www.wikidata.org/wiki/Q99999999",
    on: ["claim page", "claimant page", "api claim", "claimreview", "json"],
    through: ["claimant"],
    change: (who) => editClaimant(who, { sameAs: "https://www.wikidata.org/wiki/Q99999999" }),
  },
  {
    field: "document title",
    old: "Ukraine and Russia foreign ministers fail to reach ceasefire as Mariupol is bombed",
    marker: "ZqTitleMarker",
    on: ["claim page", "document page", "search", "api list", "api claim", "csv", "json", "pdf"],
    indexed: true,
    through: ["document"],
    change: (who) => editDocument(who, { title: "ZqTitleMarker" }),
  },
  {
    field: "document publisher",
    old: null,
    marker: "ZqPublisherMarker",
    on: ["claim page", "document page", "api claim", "json"],
    through: ["document"],
    change: (who) => editDocument(who, { publisher: "ZqPublisherMarker" }),
  },
  {
    field: "document date",
    old: "2022-03-10",
    marker: "1999-11-30",
    on: ["claim page", "document page", "api claim", "json"],
    through: ["document"],
    change: (who) => editDocument(who, { publishedAt: "1999-11-30" }),
  },
  {
    field: "document source URL",
    old: null,
    marker: "https://zqsource.example/article",
    on: ["claim page", "document page", "api claim", "claimreview", "w3c", "csv", "json"],
    through: ["document"],
    change: (who) => editDocument(who, { sourceUrl: "https://zqsource.example/article" }),
  },
  {
    field: "document text",
    old: "Both made clear in dueling news conferences",
    marker: "ZqTextMarker",
    on: ["document page"],
    through: ["document"],
    change: (who) => addToText(who, "ZqTextMarker was added to the article."),
  },
  {
    field: "dispute question",
    old: "Was the Mariupol maternity hospital a civilian site when it was struck on 9 March 2022?",
    marker: "ZqQuestionMarker",
    on: ["claim page", "dispute page", "api claim", "json", "pdf"],
    through: ["dispute"],
    change: async (who) =>
      updateDispute(who, {
        disputeId: (await record("dispute")).id,
        version: (await record("dispute")).version,
        question: "ZqQuestionMarker",
      }),
  },
  {
    field: "account label",
    old: "Russian account: no civilians killed",
    marker: "ZqLabelMarker",
    on: ["claim page", "dispute page", "api claim", "json", "pdf"],
    through: ["dispute"],
    change: async (who) =>
      addDisputeAccount(who, {
        disputeId: (await record("dispute")).id,
        claimId: (await claim()).id,
        label: "ZqLabelMarker",
      }),
  },
  {
    // The scale is the admin's; a published verdict keeps the words it was published with until it is corrected.
    field: "rating label",
    old: "False",
    marker: "ZqRatingMarker",
    on: EVERYWHERE,
    by: ["admin"],
    through: ["correction"],
    change: async (who) => {
      const rating = (await queryRow<{ id: number; version: number }>(
        t.db,
        sql`select id, version from ratings where key = 'false'`,
      ))!;
      await updateRating(who, { ratingId: rating.id, version: rating.version, label: "ZqRatingMarker" });
    },
  },
  {
    field: "evidence title",
    old: "Mariupol hospital airstrike",
    marker: "ZqEvidenceMarker",
    on: ["claim page", "dispute page", "api claim", "json", "pdf"],
    through: ["correction"],
    change: async (who) =>
      updateEvidence(who, {
        evidenceId: (await wikipedia()).id,
        version: (await wikipedia()).version,
        title: "ZqEvidenceMarker",
      }),
  },
  {
    field: "evidence stance",
    old: `"stance":"context",${WIKIPEDIA_ITEM}`,
    marker: `"stance":"supports",${WIKIPEDIA_ITEM}`,
    on: ["claim page", "dispute page", "api claim", "json", "pdf"],
    as: { pdf: ["Context — Mariupol hospital airstrike", "Supports — Mariupol hospital airstrike"] },
    through: ["correction"],
    change: async (who) =>
      changeEvidenceLink(who, { claimId: (await claim()).id, evidenceId: (await wikipedia()).id, stance: "supports" }),
  },
];

const CASES = DETAILS.flatMap((detail) =>
  (detail.by ?? (["contributor", "editor"] as Person[])).map((person) => ({ detail, person })),
);

/** The surfaces whose text shows the value (`which` picks it: old or new, as each surface writes it). */
function showing(read: Record<Surface, string>, detail: Detail, which: 0 | 1): Surface[] {
  const value = (s: Surface) => detail.as?.[s]?.[which] ?? (which === 0 ? detail.old : detail.marker);
  return SURFACES.filter((s) => {
    const v = value(s);
    return v !== null && read[s].includes(v);
  });
}

/** The change reaches readers: a second editor (who changed nothing) publishes it. */
async function publish(through: Publication[]) {
  for (const kind of through) {
    if (kind === "correction") await publishCorrection(t.db, desk.reviewer, DEMO.claim);
    else await publishRecordChanges(desk.reviewer, { kind, ...(await record(kind)) });
  }
}

const hits = async (q: string) => (await searchPublishedClaims({ q })).total;

describe("what readers see of a change made on the desk", () => {
  it.each(CASES)("$detail.field, changed by the $person: nowhere until a second editor publishes it", async (c) => {
    const { detail } = c;
    const words = [detail.marker, ...(detail.old ? [detail.old] : [])];
    const correcting = detail.through.includes("correction");
    if (correcting) await startCorrection(t.db, desk.editor, DEMO.claim);
    await detail.change(desk[c.person]);
    // Through review too: a version in review is not published.
    if (correcting) await submitCorrection(t.db, desk.editor, DEMO.claim);

    const before = await readEverythingPublic(words);
    expect(before.all).not.toContain(detail.marker);
    expect(showing(before, detail, 1), "the unpublished change shows").toEqual([]);
    // What readers see is the published value (searches show only snippets of it: they are checked by their hits).
    const pages = detail.on.filter((s) => s !== "search" && s !== "api list");
    if (detail.old) expect(showing(before, detail, 0)).toEqual(expect.arrayContaining(pages));
    expect(await hits(detail.marker)).toBe(0);
    if (detail.indexed) expect(await hits(detail.old!)).toBe(1);

    await publish(detail.through);
    const after = await readEverythingPublic(words);
    expect(showing(after, detail, 1), "where the published change shows").toEqual(detail.on);
    expect(await hits(detail.marker)).toBe(detail.indexed ? 1 : 0);
  });
});
