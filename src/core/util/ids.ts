/** Random ids for rows: 128 bits of crypto randomness, url-safe, sortable by nothing. */
export function newId(): string {
  return crypto.randomUUID();
}
