/**
 * How many of `count` equal jobs (detector tiles, face embeddings) a helper thread takes while this
 * thread does the rest plus `localExtra` job-sized pieces of its own (the whole-image pass). The
 * helper's share is the last jobs, so results can be put back in their sequential order. A single
 * job stays here: handing it over gains nothing and costs a message.
 */
export function helperShare(count: number, localExtra = 0): number {
  if (!(count >= 0) || !(localExtra >= 0)) throw new RangeError(`[vision] helperShare: bad counts ${count}, ${localExtra}`);
  if (count + localExtra < 2) return 0;
  return Math.min(count, Math.round((count + localExtra) / 2));
}
