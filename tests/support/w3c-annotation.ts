import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { STANDARDS_DIR } from "./standards";

const MODEL = path.join(STANDARDS_DIR, "w3c-annotation-model");
type Assertion = {
  title: string;
  errorMessage?: string;
  expectedResult?: "valid" | "invalid";
  validate: ValidateFunction;
};

let ajv: Ajv | null = null;
const compiled = new Map<string, Assertion[]>();

/**
 * The W3C annotation-model test assertions, as the standards README says: ajv 8 with
 * draft-04 and formats, the seven definitions registered by file name, then each assertion
 * listed in a `.test` file (e.g. `annotations/annotationMusts.test`) compiled.
 */
function assertionsOf(testFile: string): Assertion[] {
  const cached = compiled.get(testFile);
  if (cached) return cached;
  const list = JSON.parse(fs.readFileSync(path.join(MODEL, testFile), "utf8")) as { assertions: string[] };
  const assertions = list.assertions.map(assertion);
  compiled.set(testFile, assertions);
  return assertions;
}

/** One assertion file compiled, with the seven definitions registered by file name (once). */
function assertion(file: string): Assertion {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const definition of fs.readdirSync(path.join(MODEL, "definitions"))) {
      ajv.addSchema(JSON.parse(fs.readFileSync(path.join(MODEL, "definitions", definition), "utf8")), definition);
    }
  }
  const schema = JSON.parse(fs.readFileSync(path.join(MODEL, file), "utf8")) as Omit<Assertion, "validate"> & {
    id?: string;
  };
  const validate = ajv.getSchema(schema.id ?? file) ?? ajv.compile(schema);
  return { title: schema.title, errorMessage: schema.errorMessage, expectedResult: schema.expectedResult, validate };
}

/** Whether `value` passes one assertion (e.g. `annotations/bodiesTargets/3.2.1-targLanguage.json`). */
export function passes(assertionFile: string, value: unknown): boolean {
  return assertion(assertionFile).validate(value) === true;
}

/** Every assertion of `testFile` that `value` fails (an empty list when it meets them all). */
export function failedAssertions(testFile: string, value: unknown): string[] {
  return assertionsOf(testFile)
    .filter((a) => a.validate(value) !== (a.expectedResult !== "invalid"))
    .map((a) => a.errorMessage ?? a.title);
}

/** How many assertions a `.test` file lists (to show the tests ran them all). */
export const assertionCount = (testFile: string) => assertionsOf(testFile).length;
