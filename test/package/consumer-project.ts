// A user's project that installs the packed onezone-client. Its source is kept here as text: as a
// .ts file in test/ the repo's own tsc would resolve "onezone-client" to an unbuilt dist/.
import { writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Imports every entry point, calls the fake server through the validating client and the plain
 * function, and carries misuses that only compile if the published types are real (not `any`).
 */
const CONSUMER_SOURCE = `import {
  createOnezoneClient,
  getNamedTokenStatus,
  OnezoneError,
  OnezoneUsageError,
  responseSizeLimit,
  retries,
} from "onezone-client";
import { defaultSeedValues, startFakeOnezone } from "onezone-client/fake";
import type { components, operations, paths } from "onezone-client/schema";
import { validateResponses } from "onezone-client/validate";

type NamedTokenStatus = components["schemas"]["NamedTokenStatus"];
type StatusPath = paths["/tokens/named/{id}/status"]["get"]["parameters"]["path"];
type Generation =
  operations["getTemporaryTokenGenerationOfUser"]["responses"][200]["content"]["application/json"];

const { user } = defaultSeedValues;
const fake = await startFakeOnezone({ port: 0 });
try {
  const onezone = createOnezoneClient({
    baseUrl: fake.baseUrl,
    auth: { token: user.namedToken },
    retry: retries({ attempts: 2 }),
    middleware: [validateResponses(), responseSizeLimit(1024 * 1024)],
  });

  const status: NamedTokenStatus = await onezone.getNamedTokenStatus({ id: user.namedTokenId });
  console.log(\`client: revoked=\${status.revoked}\`);

  const path: StatusPath = { id: user.namedTokenId };
  const { data, response } = await getNamedTokenStatus(onezone.raw, path);
  console.log(\`function: \${response.status} revoked=\${data?.revoked}\`);

  const generation: Generation = await onezone.getTemporaryTokenGenerationOfUser({ id: user.id });
  console.log(\`generation: \${generation.generation}\`);

  try {
    await onezone.getNamedTokenStatus({ id: "no-such-token" });
  } catch (error) {
    if (error instanceof OnezoneError) console.log(\`error: \${error.status} \${error.error?.id}\`);
  }

  try {
    // @ts-expect-error getNamedTokenStatus needs the token's id.
    await onezone.getNamedTokenStatus({});
  } catch (error) {
    console.log(\`misuse: \${error instanceof OnezoneUsageError}\`);
  }

  // @ts-expect-error the spec says revoked is a boolean.
  const wrong: NamedTokenStatus = { revoked: "no" };
  console.log(\`unchecked: \${typeof wrong.revoked}\`);
} finally {
  await fake.close();
}
`;

/** What the consumer prints against the default seed. */
export const CONSUMER_OUTPUT = [
  "client: revoked=false",
  "function: 200 revoked=false",
  "generation: 3",
  "error: 404 notFound",
  "misuse: true",
  "unchecked: string",
];

const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: false,
  target: "ES2022",
  lib: ["ES2022", "DOM"],
  types: [],
};

/** The resolution settings the consumer is type-checked under. */
export const RESOLUTIONS = {
  nodenext: {
    module: "nodenext",
    moduleResolution: "nodenext",
    outDir: "out",
    noEmitOnError: true,
  },
  bundler: { module: "preserve", moduleResolution: "bundler", noEmit: true },
} as const;

/** Writes package.json, consumer.ts and one tsconfig.<resolution>.json per resolution. */
export function writeConsumerProject(dir: string): void {
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  write("package.json", JSON.stringify({ name: "consumer", private: true, type: "module" }));
  write("consumer.ts", CONSUMER_SOURCE);
  for (const [name, options] of Object.entries(RESOLUTIONS)) {
    const tsconfig = { compilerOptions: { ...STRICT, ...options }, files: ["consumer.ts"] };
    write(`tsconfig.${name}.json`, JSON.stringify(tsconfig, null, 2));
  }
}
