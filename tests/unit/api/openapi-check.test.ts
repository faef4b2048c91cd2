import { describe, expect, it } from "vitest";
import { checkResponse } from "@/tests/support/openapi-check";

const json = (status: number, body: unknown, type = "application/json") => ({
  status,
  headers: new Headers({ "content-type": type }),
  text: JSON.stringify(body),
});

const user = {
  id: 3,
  email: "editor@desk.example",
  name: "Esther Editor",
  role: "editor",
  locale: null,
  version: 1,
  createdAt: "2026-03-01T08:00:00.000Z",
  disabled: false,
  disabledAt: null,
};

describe("checking responses against the OpenAPI document", () => {
  it("should accept a response the document describes", () => {
    expect(() => checkResponse("GET", "/api/v1/me", json(200, { user }))).not.toThrow();
  });

  it("should name the operation, the status and the field when a body does not match", () => {
    expect(() => checkResponse("GET", "/api/v1/me", json(200, { user: { ...user, id: "3" } }))).toThrow(
      /GET \/api\/v1\/me \(getMe\) 200: the body does not match the document:\n.*body\/user\/id must be integer/,
    );
  });

  it("should refuse a field the document does not describe, and one it requires that is missing", () => {
    expect(() => checkResponse("GET", "/api/v1/me", json(200, { user: { ...user, password: "x" } }))).toThrow(
      /must NOT have additional properties/,
    );
    const { email: _email, ...withoutEmail } = user;
    expect(() => checkResponse("GET", "/api/v1/me", json(200, { user: withoutEmail }))).toThrow(
      /must have required property 'email'/,
    );
  });

  it("should match a path template, a static segment before a parameter", () => {
    const ratings = { ratings: [] };
    expect(() => checkResponse("PUT", "/api/v1/rating-scale/order", json(200, ratings))).not.toThrow();
    expect(() => checkResponse("PATCH", "/api/v1/rating-scale/7", json(200, ratings))).toThrow(
      /PATCH \/api\/v1\/rating-scale\/\{id\} \(updateRating\) 200/,
    );
  });

  it("should refuse a status the operation does not document, but take any error status in the error shape", () => {
    expect(() => checkResponse("GET", "/api/v1/me", json(201, { user }))).toThrow(/answered 201, which the document/);
    const error = { error: { code: "internal_error", message: "Something went wrong on the server." } };
    expect(() => checkResponse("GET", "/api/v1/me", json(500, error))).not.toThrow();
    expect(() => checkResponse("GET", "/api/v1/me", json(500, { message: "boom" }))).toThrow(/GET .*500/);
    expect(() => checkResponse("GET", "/api/v1/me", json(401, { error: { code: "nope", message: "" } }))).toThrow(
      /body\/error\/code must be equal to one of the allowed values/,
    );
  });

  it("should check the content type of other bodies, and that a response without content has no body", () => {
    const csv = { status: 200, headers: new Headers({ "content-type": "text/csv; charset=utf-8" }), text: "id\n1" };
    expect(() => checkResponse("GET", "/api/v1/exports/csv", csv)).not.toThrow();
    const html = { ...csv, headers: new Headers({ "content-type": "text/html" }) };
    expect(() => checkResponse("GET", "/api/v1/exports/csv", html)).toThrow(/Content-Type "text\/html" is not one/);
    const noContent = { status: 204, headers: new Headers(), text: "" };
    expect(() => checkResponse("DELETE", "/api/v1/claims/1", noContent)).not.toThrow();
    expect(() => checkResponse("DELETE", "/api/v1/claims/1", { ...noContent, text: "{}" })).toThrow(/gives no body/);
  });

  it("should refuse an operation the document does not describe", () => {
    expect(() => checkResponse("POST", "/api/v1/me", json(200, { user }))).toThrow(/describes no operation POST/);
    expect(() => checkResponse("GET", "/api/v2/me", json(200, { user }))).toThrow(/describes no operation GET/);
  });
});
