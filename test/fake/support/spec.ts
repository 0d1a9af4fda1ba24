// A bundled spec for tests: operations, their documented responses, and validators for them. Read
// with Redocly, independently of the fake's own loader.
import { fileURLToPath } from "node:url";
import { bundle, loadConfig } from "@redocly/openapi-core";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { escapeToken, resolveLocalRef } from "../../../scripts/json-pointer.ts";

type Node = Record<string, unknown>;

export interface SpecOperation {
  id: string;
  method: string;
  /** The path template, e.g. `/users/{id}/tokens/temporary`. */
  path: string;
  node: Node;
}

export interface Spec {
  /** The dereferenced document. */
  document: Node;
  /** The path every operation's path is under, e.g. `/api/v3/onezone`. */
  basePath: string;
  operations: SpecOperation[];
  /** The operation a request goes to; `undefined` when no path matches, `"method"` when only the method does not. */
  route(method: string, pathname: string): SpecOperation | "method" | undefined;
  /** A validator of the JSON schema at `pointer` in the document. */
  validator(pointer: string): ValidateFunction;
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export const PROJECT_SPEC = `${ROOT}spec/onezone.yaml`;

const loaded = new Map<string, Promise<Spec>>();

/** Bundles a spec (spec/onezone.yaml by default) with the project's Redocly config, once per test file. */
export function loadSpec(specPath = PROJECT_SPEC): Promise<Spec> {
  let spec = loaded.get(specPath);
  if (spec === undefined) {
    spec = bundleSpec(specPath);
    loaded.set(specPath, spec);
  }
  return spec;
}

async function bundleSpec(specPath: string): Promise<Spec> {
  const config = await loadConfig({ configPath: `${ROOT}redocly.yaml` });
  const result = await bundle({ ref: specPath, config, dereference: true });
  const document = result.bundle.parsed as Node;
  const server = (document.servers as Node[] | undefined)?.[0] ?? {};
  const variables = (server.variables ?? {}) as Record<string, { default: string }>;
  const url = String(server.url ?? "").replace(
    /\{([^}]+)\}/g,
    (_, name) => variables[name]?.default ?? "",
  );
  const basePath = new URL(url, "http://host").pathname.replace(/\/$/, "");
  const operations = Object.entries(document.paths as Record<string, Node>).flatMap(
    ([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => {
        const node = item[method] as Node;
        // The fake's id for an operation without operationId.
        const id = String(node.operationId ?? `${method.toUpperCase()} ${path}`);
        return { id, method, path, node };
      }),
  );
  const ajv = new Ajv2020({ allErrors: true, strict: false, discriminator: false });
  const validators = new Map<string, ValidateFunction>();

  return {
    document,
    basePath,
    operations,
    route(method, pathname) {
      if (!pathname.startsWith(`${basePath}/`)) return undefined;
      const path = pathname.slice(basePath.length).replace(/(.)\/$/, "$1");
      // A path without parameters wins over a template that also matches it (OpenAPI).
      const onPath = operations
        .filter((op) => templatePattern(op.path).test(path))
        .sort((a, b) => a.path.split("{").length - b.path.split("{").length);
      if (onPath.length === 0) return undefined;
      return onPath.find((op) => op.method === method.toLowerCase()) ?? "method";
    },
    validator(pointer) {
      let validate = validators.get(pointer);
      if (validate === undefined) {
        validate = ajv.compile(resolveLocalRef(document, pointer) as Node);
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
}

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);
}

/** The JSON pointer to a node by its keys: `#/paths/~1user~1client_tokens/get`. */
export function pointerTo(...keys: string[]): string {
  return `#/${keys.map(escapeToken).join("/")}`;
}
