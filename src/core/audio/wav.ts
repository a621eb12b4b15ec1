/** RIFF/WAVE bytes from planar float channels: 16-bit PCM (dithered by rounding) or 32-bit float. */
export function encodeWav(channels: readonly Float32Array[], sampleRate: number, format: 'pcm16' | 'float32' = 'pcm16'): Uint8Array<ArrayBuffer> {
  const count = channels.length;
  const frames = count === 0 ? 0 : Math.min(...channels.map((c) => c.length));
  const bytesPerSample = format === 'pcm16' ? 2 : 4;
  const dataBytes = frames * count * bytesPerSample;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format === 'pcm16' ? 1 : 3, true);
  view.setUint16(22, count, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * count * bytesPerSample, true);
  view.setUint16(32, count * bytesPerSample, true);
  view.setUint16(34, bytesPerSample * 8, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let n = 0; n < frames; n++) {
    for (let c = 0; c < count; c++) {
      const v = channels[c]![n]!;
      if (format === 'pcm16') {
        const clamped = Math.max(-1, Math.min(1, v));
        view.setInt16(at, Math.round(clamped < 0 ? clamped * 32768 : clamped * 32767), true);
      } else view.setFloat32(at, v, true);
      at += bytesPerSample;
    }
  }
  return out;
}

/** Planar channels from a RIFF/WAVE file (8/16/24/32-bit PCM or 32-bit float), or null if it is not one. */
export function decodeWavChannels(bytes: Uint8Array): { channels: Float32Array[]; sampleRate: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let at = 12;
  let fmt: { format: number; count: number; rate: number; bits: number } | null = null;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    // eSpeak and streaming writers leave the size as 0 or 0xFFFFFFFF: the data then runs to the end.
    let size = view.getUint32(at + 4, true);
    if (id === 'data' && (size === 0 || size === 0xffffffff || at + 8 + size > bytes.length)) size = bytes.length - at - 8;
    if (id === 'fmt ' && size >= 16) {
      let format = view.getUint16(at + 8, true);
      if (format === 0xfffe && size >= 40) format = view.getUint16(at + 8 + 24, true); // WAVE_FORMAT_EXTENSIBLE
      fmt = { format, count: view.getUint16(at + 10, true), rate: view.getUint32(at + 12, true), bits: view.getUint16(at + 22, true) };
    } else if (id === 'data' && fmt) {
      return readSamples(view, at + 8, size, fmt);
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

function readSamples(
  view: DataView,
  start: number,
  size: number,
  fmt: { format: number; count: number; rate: number; bits: number },
): { channels: Float32Array[]; sampleRate: number } | null {
  const bytesPer = fmt.bits / 8;
  const float = fmt.format === 3;
  if (fmt.count < 1 || !(fmt.format === 1 || (float && fmt.bits === 32)) || ![1, 2, 3, 4].includes(bytesPer)) return null;
  const frames = Math.floor(size / (bytesPer * fmt.count));
  const channels = Array.from({ length: fmt.count }, () => new Float32Array(frames));
  let at = start;
  for (let n = 0; n < frames; n++) {
    for (let c = 0; c < fmt.count; c++) {
      let v: number;
      if (float) v = view.getFloat32(at, true);
      else if (bytesPer === 1) v = (view.getUint8(at) - 128) / 128;
      else if (bytesPer === 2) v = view.getInt16(at, true) / 32768;
      else if (bytesPer === 3) v = ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
      else v = view.getInt32(at, true) / 2147483648;
      channels[c]![n] = v;
      at += bytesPer;
    }
  }
  return { channels, sampleRate: fmt.rate };
}
