/** Replaces every occurrence of each secret in `text` with "[redacted]". Secrets shorter than 8 chars are ignored (too likely to hit ordinary text). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}
