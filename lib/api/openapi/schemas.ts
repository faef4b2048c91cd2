import { z } from "zod";
import { SOURCE_TYPES, STANCES, VERDICT_STATES } from "@/db/enums";
import {
  apiTokens,
  claimEvidence,
  claimants,
  claims,
  comments,
  disputes,
  documents,
  evidence,
  factChecks,
  ratings,
  users,
  verdicts,
} from "@/db/tables/sqlite";
import { rowExample } from "./row-example";
import { calendarDate, instant, rowSchema } from "./row-schema";

// The records the API answers with, shared by several groups of operations. Rows are described from the tables (the
// SQLite set, which the PostgreSQL one mirrors type for type), so a column added to a table is described with it.

export const MARIUPOL_CLAIM = "Those killed in the Mariupol maternity hospital strike were not civilians.";

export const ratingTranslations = z.record(z.string(), z.object({ label: z.string(), description: z.string() })).meta({
  id: "RatingTranslations",
  description: "A rating's label and description in other interface languages, by locale.",
  example: { uk: { label: "Неправда", description: "Твердження не відповідає дійсності." } },
});

export const evidenceSnapshotItem = z
  .object({
    evidenceId: z.number().int(),
    stance: z.enum(STANCES),
    url: z.string(),
    archiveUrl: z.string().nullable(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedAt: calendarDate.nullable(),
    excerpt: z.string().nullable(),
    sourceType: z.enum(SOURCE_TYPES),
  })
  .meta({ id: "EvidenceSnapshotItem", description: "An evidence item as a published verdict version cites it." });

const appearanceFields = {
  documentTitle: z.string(),
  sourceUrl: z.string().nullable().meta({ description: "The article's own address, if the desk recorded one." }),
  publisher: z.string().nullable(),
  documentPublishedAt: calendarDate.nullable(),
  claimant: z.object({ name: z.string(), sameAs: z.string().nullable() }),
  claimedAt: calendarDate.nullable(),
  quote: z.string(),
};

export const appearanceSnapshotItem = z
  .object({ claimId: z.number().int(), documentId: z.number().int(), ...appearanceFields })
  .meta({
    id: "AppearanceSnapshotItem",
    description: "One more place a claim was made (a repeat), as a published verdict version lists it.",
  });

/** An appearance as readers get it: without the desk's ids. */
export const publicAppearance = z.object(appearanceFields).meta({ id: "PublicAppearance" });

export const claimRow = rowSchema(claims, { claimedAt: calendarDate }).meta({
  id: "Claim",
  description: "A claim: a highlighted statement in a document, attributed to a claimant (the desk's working copy).",
  example: rowExample(claims, {
    id: 1,
    slug: "those-killed-in-the-mariupol-maternity-hospital-strike-were",
    documentId: 1,
    claimantId: 1,
    statement: MARIUPOL_CLAIM,
    claimedAt: "2022-03-10",
    quote: "those killed were not civilians",
    prefix: ".\n\nLavrov instead insisted that ",
    suffix: ", even though one was a child an",
    start: 1010,
    end: 1041,
    createdBy: 2,
    version: 2,
  }),
});

export const claimantRow = rowSchema(claimants).meta({
  id: "Claimant",
  description: "Who made claims: a person or an organisation (the desk's working copy).",
  example: rowExample(claimants, {
    id: 1,
    slug: "sergei-lavrov",
    name: "Sergei Lavrov",
    description: "Foreign minister of Russia",
    sameAs: "https://www.wikidata.org/wiki/Q166019",
    kind: "person",
    createdBy: 2,
  }),
});

export const documentRow = rowSchema(documents, { publishedAt: calendarDate }).meta({
  id: "Document",
  description: "An imported article (the desk's working copy of its details; the text is in revisions).",
  example: rowExample(documents, {
    id: 1,
    slug: "mariupol-talks-2022-03-10",
    title: "Ukraine and Russia foreign ministers fail to reach ceasefire as Mariupol is bombed",
    publishedAt: "2022-03-10",
    language: "en",
    createdBy: 2,
  }),
});

export const disputeRow = rowSchema(disputes, { eventDate: calendarDate }).meta({
  id: "Dispute",
  description: "Competing accounts of one event, each a claim with a label.",
  example: rowExample(disputes, {
    id: 1,
    slug: "mariupol-maternity-hospital-strike",
    question: "Was the Mariupol maternity hospital a civilian site when it was struck on 9 March 2022?",
    eventDate: "2022-03-09",
    createdBy: 2,
  }),
});

export const evidenceRow = rowSchema(evidence, { publishedAt: calendarDate }).meta({
  id: "Evidence",
  description: "An evidence item; its stance is per claim (see EvidenceLink).",
  example: rowExample(evidence, {
    id: 1,
    url: "https://www.osce.org/odihr/515868",
    title: "Report on violations of international humanitarian and human rights law … since 24 February 2022",
    publisher: "OSCE Office for Democratic Institutions and Human Rights (Moscow Mechanism)",
    publishedAt: "2022-04-13",
    sourceType: "document",
    createdBy: 2,
  }),
});

export const evidenceLinkRow = rowSchema(claimEvidence).meta({
  id: "EvidenceLink",
  description: "An evidence item linked to a claim, with the stance it takes toward that claim.",
  example: rowExample(claimEvidence, { id: 1, claimId: 1, evidenceId: 1, stance: "refutes", createdBy: 2 }),
});

export const commentRow = rowSchema(comments).meta({
  id: "Comment",
  description: "An internal review comment on a claim (never public).",
  example: rowExample(comments, { id: 1, claimId: 1, authorId: 3, body: "Check the council's minutes." }),
});

export const verdictRow = rowSchema(verdicts, {
  evidenceSnapshot: z.array(evidenceSnapshotItem),
  appearancesSnapshot: z.array(appearanceSnapshotItem),
}).meta({
  id: "Verdict",
  description: "One version of the verdict on a claim; a correction is a later version (`seq`).",
  example: rowExample(verdicts, {
    id: 1,
    claimId: 1,
    state: "in_review",
    ratingId: 1,
    summary: "Three civilians, including a 6-year-old girl, were killed; no evidence shows the dead were combatants.",
    rationale: "Lavrov said on 10 March 2022 that those killed in the strike … We rate the statement **False**.",
    authorId: 3,
    submittedAt: "2026-03-10T09:30:00.000Z",
    version: 2,
  }),
});

export const ratingRow = rowSchema(ratings, { translations: ratingTranslations }).meta({
  id: "Rating",
  description: "A rating of the scale, as the admin manages it.",
  example: rowExample(ratings, {
    id: 1,
    key: "false",
    label: "False",
    description: "The statement is not accurate.",
    translations: { uk: { label: "Неправда", description: "Твердження не відповідає дійсності." } },
    colour: "#a40e26",
    position: 1,
    ordinal: 1,
  }),
});

export const scaleRating = rowSchema(ratings, { translations: ratingTranslations })
  .pick({ id: true, key: true, label: true, description: true, ordinal: true, colour: true, translations: true })
  .meta({ id: "ScaleRating", description: "A rating of the scale, in display order." });

export const verdictStatus = z
  .object({
    state: z.enum(VERDICT_STATES).nullable().meta({ description: "The newest version's state." }),
    seq: z.number().int().meta({ description: "The newest version's number (1, then each correction)." }),
    published: z
      .object({ label: z.string(), colour: z.string(), translations: ratingTranslations.nullable() })
      .nullable()
      .meta({ description: "The rating published now, if any." }),
  })
  .meta({ id: "VerdictStatus", description: "Where a claim's verdict stands." });

export const claimDispute = z
  .object({ id: z.number().int(), slug: z.string(), question: z.string(), label: z.string() })
  .meta({ id: "ClaimDispute", description: "A dispute a claim is an account of, with the account's label." });

export const userView = rowSchema(users)
  .pick({ id: true, email: true, name: true, role: true, locale: true, version: true, createdAt: true })
  .extend({ disabled: z.boolean(), disabledAt: instant.nullable() })
  .meta({
    id: "User",
    description: "An account.",
    example: {
      id: 3,
      email: "editor@desk.example",
      name: "Esther Editor",
      role: "editor",
      locale: "uk",
      version: 1,
      createdAt: "2026-03-01T08:00:00.000Z",
      disabled: false,
      disabledAt: null,
    },
  });

export const tokenView = rowSchema(apiTokens)
  .pick({
    id: true,
    userId: true,
    name: true,
    tokenPrefix: true,
    scope: true,
    createdAt: true,
    lastUsedAt: true,
    expiresAt: true,
    revokedAt: true,
  })
  .meta({
    id: "ApiToken",
    description: "A personal API token (never the token itself, which is shown once when it is created).",
    example: {
      id: 2,
      userId: 3,
      name: "CMS",
      tokenPrefix: "cdk_FSvv",
      scope: "read",
      createdAt: "2026-03-01T08:00:00.000Z",
      lastUsedAt: null,
      expiresAt: "2026-05-30T08:00:00.000Z",
      revokedAt: null,
    },
  });

export const factCheckRow = rowSchema(factChecks, { claimDate: calendarDate, reviewDate: calendarDate }).meta({
  id: "FactCheck",
  description: "A known fact-check: another fact-checker's published review, imported into the library.",
  example: rowExample(factChecks, {
    id: 1,
    url: "https://checks.example.org/mariupol-hospital-base",
    claimReviewed: "The Mariupol maternity hospital had been turned into a base for Ukrainian radical fighters.",
    rating: "False",
    publisherName: "Example Checks",
    claimDate: "2022-03-10",
    reviewDate: "2022-03-11",
    language: "en",
    importedBy: 2,
  }),
});
