// The exit status of onezone-rest-cli: one distinct code per class of failure, so scripts can branch.

export const ExitCode = {
  ok: 0,
  /** Anything unexpected, including an HTTP status that is neither 2xx, 4xx nor 5xx. */
  failure: 1,
  /** Bad command line or environment (nothing was sent), or a binary answer held back from a terminal. */
  usage: 2,
  http4xx: 4,
  http5xx: 5,
  /** No HTTP response arrived (connection refused, DNS failure, reset). */
  network: 6,
} as const;

/** The exit-code table `--help` and the README print. */
export const EXIT_CODE_HELP = `Exit codes:
  0  success (the response, if any, is on stdout)
  1  unexpected failure (including an HTTP status that is not 2xx, 4xx or 5xx)
  2  usage error: bad option, operation, parameter, body or host; nothing was sent
     (also: a binary answer that stdout, a terminal, does not get)
  4  the server answered HTTP 4xx
  5  the server answered HTTP 5xx
  6  network failure: no HTTP response arrived (refused, DNS, reset, timeout)`;

export function exitCodeForStatus(status: number | undefined): number {
  if (status === undefined) return ExitCode.failure;
  if (status >= 500 && status < 600) return ExitCode.http5xx;
  if (status >= 400 && status < 500) return ExitCode.http4xx;
  return ExitCode.failure;
}
