import { createDocument, type oas31, type ZodOpenApiOverrideContext } from "zod-openapi";
import packageJson from "@/package.json";
import { errorResponseComponents } from "./errors";
import { toPaths, type Operation } from "./operation";
import { accountOperations } from "./operations/accounts";
import { claimantOperations } from "./operations/claimants";
import { claimOperations } from "./operations/claims";
import { disputeOperations } from "./operations/disputes";
import { documentOperations } from "./operations/documents";
import { evidenceOperations } from "./operations/evidence";
import { exportOperations } from "./operations/exports";
import { factCheckOperations } from "./operations/fact-checks";
import { notificationOperations } from "./operations/notifications";
import { ratingOperations } from "./operations/ratings";
import { recordOperations } from "./operations/records";
import { serviceOperations } from "./operations/service";
import { verdictOperations } from "./operations/verdicts";
import { webhookOperations } from "./operations/webhooks";
import { webhookDescriptions } from "./webhook-events";

export type OpenApiDocument = oas31.OpenAPIObject;

/** Every operation of the API, by group. Describing a new route is one entry in its group's list. */
export const OPERATIONS: readonly Operation[] = [
  ...claimOperations,
  ...evidenceOperations,
  ...verdictOperations,
  ...documentOperations,
  ...claimantOperations,
  ...disputeOperations,
  ...recordOperations,
  ...ratingOperations,
  ...exportOperations,
  ...factCheckOperations,
  ...accountOperations,
  ...notificationOperations,
  ...webhookOperations,
  ...serviceOperations,
];

const DESCRIPTION = `Claimdesk's HTTP API: the desk's work (documents, claims, evidence, verdicts and their review),
the public record of published verdicts, exports, and accounts.

**Authentication.** Send a personal API token as \`Authorization: Bearer cdk_…\` (made on the account page or with the
command line; a \`read\` token may only make GET requests), or, from the desk itself, the session cookie (same-origin
writes only). Public operations also answer anonymous callers.

**Errors** are JSON \`{"error": {"code", "message", "issues"?}}\`, \`issues\` naming each bad field; the error responses
list each status and its code. Messages are in English, or in the interface language \`Accept-Language\` prefers.

**Versions.** Editable records carry \`version\`; send the one you read with a change, and a newer one answers 409.`;

const TAGS = [
  ["Claims", "Highlighted statements, their repeats, and the public record of published ones."],
  ["Evidence", "Evidence items and the stance each takes toward a claim."],
  ["Verdicts", "Verdict versions and the two-person review workflow."],
  ["Documents", "Imported articles, their text revisions and W3C annotation import."],
  ["Claimants", "Who made claims."],
  ["Disputes", "Competing accounts of one event."],
  ["Rating scale", "The ratings verdicts use."],
  ["Exports", "Published verdicts (and, for editors, unpublished work) as files."],
  ["Known fact-checks", "Other fact-checkers' reviews, and matching claims against what was checked before."],
  ["Accounts", "The caller, accounts and API tokens."],
  ["Notifications", "What the caller is told of, and where."],
  ["Service", "Health and this description."],
  ["Webhooks", "Endpoints that hear of events, their deliveries, and what is sent to them (the document's webhooks)."],
].map(([name, description]) => ({ name: name!, description: description! }));

/**
 * Adjustments to what zod renders, for every schema:
 * - a property whose schema takes `undefined` is not required in a request, whatever zod's JSON Schema says: a
 *   `z.preprocess` that turns a missing value into null renders as required, but the service accepts the key left out;
 * - an integer's safe-integer bounds and an ISO instant's long pattern (its `format` says it) are left out: they say
 *   nothing a reader needs.
 */
function adjustSchema({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext): void {
  const def = zodSchema._zod.def;
  if (io === "input" && def.type === "object" && Array.isArray(jsonSchema.required)) {
    const shape = (def as unknown as { shape: Record<string, Parser> }).shape;
    jsonSchema.required = jsonSchema.required.filter((key) => !acceptsUndefined(shape[key]));
    if (jsonSchema.required.length === 0) delete jsonSchema.required;
  }
  if (jsonSchema.type === "integer") {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  }
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
}

type Parser = { safeParse: (value: unknown) => { success: boolean } };

function acceptsUndefined(schema: Parser | undefined): boolean {
  try {
    return schema?.safeParse(undefined).success ?? false;
  } catch {
    return false; // an async check cannot run here: keep the key required
  }
}

/** Builds the OpenAPI 3.1 document of the API from the operations' zod schemas. */
export function buildOpenApiDocument(): OpenApiDocument {
  return createDocument(
    {
      openapi: "3.1.0",
      info: { title: "Claimdesk API", version: packageJson.version, description: DESCRIPTION },
      // Relative: the server that serves this document (its own origin, whatever name it is reached by).
      servers: [{ url: "/", description: "This Claimdesk server" }],
      tags: TAGS,
      paths: toPaths(OPERATIONS),
      webhooks: webhookDescriptions(),
      components: {
        securitySchemes: {
          bearerToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "cdk_…",
            description:
              "A personal API token: `Authorization: Bearer cdk_…`. Scope `read`: GET only; `write`: whatever its " +
              "owner's role allows. Tokens expire (90 days unless chosen, at most a year).",
          },
          sessionCookie: {
            type: "apiKey",
            in: "cookie",
            name: "authjs.session-token",
            description:
              "The desk's session, after signing in at `/login` (`__Secure-authjs.session-token` over HTTPS). " +
              "Writes with it are refused from other sites.",
          },
        },
        responses: errorResponseComponents(),
      },
    },
    { override: adjustSchema },
  );
}

let built: OpenApiDocument | undefined;

/** The document, built once per process. */
export function getOpenApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}
