import { z } from "zod";
import { RECORD_KINDS, type RecordKind } from "@/db/queries/record-changes";
import { discardRecordInput, publishRecordInput } from "@/lib/services/publication/record-changes";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { instant } from "../row-schema";

// A claimant's, document's or dispute's changes waiting for publication (lib/api/record-changes.ts): the same three
// operations for each kind of record.

const fieldChange = z
  .object({
    field: z.string(),
    label: z.string(),
    live: z.string().nullable().meta({ description: "As readers see it." }),
    pending: z.string().nullable().meta({ description: "As the desk has it." }),
  })
  .meta({ id: "FieldChange" });

const recordChanges = z
  .object({
    kind: z.enum(RECORD_KINDS),
    id: z.number().int(),
    version: z.number().int().meta({ description: "The working copy's version, to send with publish or discard." }),
    published: z
      .object({ seq: z.number().int(), at: instant, by: z.string().nullable(), note: z.string().nullable() })
      .nullable()
      .meta({ description: "The current published version; null while the record is not public." }),
    fields: z.array(fieldChange).meta({ description: "Every public detail, live and pending." }),
    changes: z.array(fieldChange).meta({ description: "The details that differ: what publishing would show." }),
    editors: z
      .array(z.object({ id: z.number().int(), name: z.string() }))
      .meta({ description: "Who changed it since it was last published (none of them may publish it)." }),
  })
  .meta({ id: "RecordChanges" });

const published = z
  .object({ kind: z.enum(RECORD_KINDS), id: z.number().int(), seq: z.number().int(), changed: z.array(z.string()) })
  .meta({ id: "PublishedChanges" });

const discarded = z
  .object({ kind: z.enum(RECORD_KINDS), id: z.number().int(), discarded: z.array(z.string()) })
  .meta({ id: "DiscardedChanges" });

const TAGS: Record<RecordKind, { tag: string; plural: string; name: string }> = {
  claimant: { tag: "Claimants", plural: "claimants", name: "Claimant" },
  document: { tag: "Documents", plural: "documents", name: "Document" },
  dispute: { tag: "Disputes", plural: "disputes", name: "Dispute" },
};

/** The changes, publish and discard-changes operations of one kind of record. */
function recordChangeOperations(kind: RecordKind): Operation[] {
  const { tag, plural, name } = TAGS[kind];
  const base = `/api/v1/${plural}/{id}`;
  const params = { id: z.string().meta({ description: `The ${kind}'s id.` }) };
  return [
    {
      method: "get",
      path: `${base}/changes`,
      operationId: `get${name}Changes`,
      summary: `What readers see of a ${kind} next to the desk's working copy`,
      tag,
      access: "signed-in",
      params,
      responses: { 200: json("Live and pending details.", recordChanges) },
    },
    {
      method: "post",
      path: `${base}/publish`,
      operationId: `publish${name}Changes`,
      summary: `Publish a ${kind}'s changes`,
      description:
        "Readers see them from now on. Editors and admins who made none of the changes; 409 when nothing changed, " +
        "the record is not public yet, or `version` is stale.",
      tag,
      access: "signed-in",
      params,
      body: {
        schema: requestBody(publishRecordInput, ["kind", "id"]),
        example: { version: 4, note: "The claimant's role was corrected." },
      },
      responses: { 200: json("What was published.", z.object({ published })) },
    },
    {
      method: "post",
      path: `${base}/discard-changes`,
      operationId: `discard${name}Changes`,
      summary: `Discard a ${kind}'s changes`,
      description: "The working copy goes back to what readers see (a text as a new revision).",
      tag,
      access: "signed-in",
      params,
      body: { schema: requestBody(discardRecordInput, ["kind", "id"]), example: { version: 4 } },
      responses: { 200: json("What was discarded.", z.object({ discarded })) },
    },
  ];
}

export const recordOperations: Operation[] = RECORD_KINDS.flatMap(recordChangeOperations);
