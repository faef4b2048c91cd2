import { z } from "zod";
import { json, type Operation } from "../operation";

export const serviceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Whether the server and its database answer",
    description: "For load balancers and monitors: 200 once the database answers a query, 503 otherwise.",
    tag: "Service",
    access: "open",
    responses: {
      200: json("Up.", z.object({ status: z.literal("ok") })),
      503: json("The database does not answer.", z.object({ status: z.literal("unavailable") })),
    },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "OpenAPI 3.1, generated from the schemas that validate the requests; `/api/docs` shows it to people.",
    tag: "Service",
    access: "open",
    responses: {
      200: json(
        "The OpenAPI document.",
        z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
      ),
    },
  },
];
