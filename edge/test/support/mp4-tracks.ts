/** One track of an MP4 as its boxes describe it. */
export interface Mp4Track {
  /** hdlr handler type: "vide", "soun", … */
  handler: string;
  /** First sample entry of stsd, e.g. "avc1". */
  codec: string;
  width: number;
  height: number;
}

/**
 * Reads the tracks and duration of an MP4 from its boxes (ISO/IEC 14496-12): moov → trak → tkhd
 * (size), mdia → hdlr (kind), minf → stbl → stsd (codec); mvhd (duration). Enough to tell a real
 * clip from a stub without a media library in workerd.
 */
export function readMp4(bytes: Uint8Array): { brand: string; seconds: number; tracks: Mp4Track[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  const children = (start: number, end: number) => {
    const out: Array<{ type: string; start: number; end: number }> = [];
    for (let at = start; at + 8 <= end; ) {
      let size = view.getUint32(at);
      let header = 8;
      if (size === 1) {
        size = Number(view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) break;
      out.push({ type: type(at + 4), start: at + header, end: at + size });
      at += size;
    }
    return out;
  };
  const child = (box: { start: number; end: number } | undefined, name: string) => (box ? children(box.start, box.end).find((b) => b.type === name) : undefined);

  const top = children(0, bytes.length);
  const ftyp = top.find((b) => b.type === 'ftyp');
  const moov = top.find((b) => b.type === 'moov');
  let seconds = 0;
  const mvhd = child(moov, 'mvhd');
  if (mvhd) {
    const v1 = bytes[mvhd.start] === 1;
    const timescale = view.getUint32(mvhd.start + (v1 ? 20 : 12));
    const duration = v1 ? Number(view.getBigUint64(mvhd.start + 24)) : view.getUint32(mvhd.start + 16);
    seconds = duration / timescale;
  }
  const tracks = (moov ? children(moov.start, moov.end) : [])
    .filter((b) => b.type === 'trak')
    .map((trak) => {
      const tkhd = child(trak, 'tkhd');
      const mdia = child(trak, 'mdia');
      const hdlr = child(mdia, 'hdlr');
      const stsd = child(child(child(mdia, 'minf'), 'stbl'), 'stsd');
      return {
        handler: hdlr ? type(hdlr.start + 8) : '',
        // stsd: version/flags (4), entry count (4), then the first entry's size (4) and type.
        codec: stsd ? type(stsd.start + 12) : '',
        width: tkhd ? view.getUint32(tkhd.end - 8) / 65536 : 0,
        height: tkhd ? view.getUint32(tkhd.end - 4) / 65536 : 0,
      };
    });
  return { brand: ftyp ? type(ftyp.start) : '', seconds, tracks };
}
