/** What undici and Node tell about a failed connection, read without trusting its shape. */

/** Whether a failure is a timeout: ours (`AbortSignal.timeout`) or one of undici's. */
export function isTimeout(cause: unknown): boolean {
  const name = (cause as { name?: unknown } | null)?.name;
  const code = (cause as { code?: unknown } | null)?.code;
  return (
    name === "TimeoutError" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  );
}

/** Connection-level failures that another attempt may not meet. A DNS name that does not exist is final. */
export function isTransientNetworkError(cause: unknown): boolean {
  if (isTimeout(cause)) return true;
  const code = errorCode(cause);
  return code !== "ENOTFOUND" && code !== "ERR_INVALID_URL" && code !== "UND_ERR_INVALID_ARG";
}

/** The first string `code` along an error's `cause` chain, e.g. `ECONNREFUSED`. */
export function errorCode(cause: unknown): string | undefined {
  for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
