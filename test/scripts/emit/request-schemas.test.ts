// The request schemas emitter: each body's schema by operation and media type, with the
// components it references (and only those), as ajv's discriminator option takes them.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emitRequestSchemas } from "../../../scripts/emit/request-schemas.ts";
import { loadSpec } from "../../../scripts/load.ts";
import { buildModel } from "../../../scripts/model.ts";

const growthSpec = fileURLToPath(new URL("../../fixtures/growth/openapi.yaml", import.meta.url));
const context = { specPath: "test/fixtures/growth/openapi.yaml" };

describe("emitRequestSchemas", () => {
  it("emits the growth fixture's request schemas as the golden file", async () => {
    const { document } = await loadSpec(growthSpec);
    const file = emitRequestSchemas(document, buildModel(document), context);
    expect(file.path).toBe("request-schemas.json");
    await expect(file.content).toMatchFileSnapshot("./request-schemas.growth.json.snap");
  });

  it("keys each body by operation and media type, with the components it reaches, and no others", () => {
    const document = {
      info: { title: "t", version: "1" },
      paths: {
        "/a": {
          post: {
            operationId: "postA",
            requestBody: {
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/A" } },
                "application/x-www-form-urlencoded": { schema: { type: "object" } },
              },
            },
            responses: { "204": { description: "ok" } },
          },
        },
      },
      components: {
        schemas: {
          A: {
            oneOf: [{ $ref: "#/components/schemas/B" }],
            discriminator: { propertyName: "t", mapping: { b: "#/components/schemas/B" } },
          },
          B: {
            type: "object",
            properties: { t: { const: "b" }, discriminator: { type: "string" } },
          },
          Unused: { type: "string" },
        },
      },
    };
    const content = JSON.parse(emitRequestSchemas(document, buildModel(document), context).content);
    expect(content.requests).toEqual({
      postA: {
        "application/json": { $ref: "#/components/schemas/A" },
        "application/x-www-form-urlencoded": { type: "object" },
      },
    });
    expect(Object.keys(content.components.schemas)).toEqual(["A", "B"]);
    // ajv derives the mapping from the branches, and refuses one given; a property named
    // "discriminator" is left as it is.
    expect(content.components.schemas.A.discriminator).toEqual({ propertyName: "t" });
    expect(content.components.schemas.B.properties.discriminator).toEqual({ type: "string" });
  });

  it("names a reference that leads nowhere", () => {
    const document = {
      info: { title: "t", version: "1" },
      paths: {
        "/a": {
          post: {
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Gone" } } },
            },
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    expect(() => emitRequestSchemas(document, buildModel(document), context)).toThrow(
      "A request schema references #/components/schemas/Gone, which is missing.",
    );
  });
});
