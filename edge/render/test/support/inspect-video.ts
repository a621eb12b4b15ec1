import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';

/** Container, size and frame count of a rendered file, read with mediabunny (no ffprobe). */
export async function inspectVideo(bytes: ArrayBuffer) {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const format = await input.getFormat();
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  let frames = 0;
  for await (const _packet of new EncodedPacketSink(track).packets()) frames += 1;
  return { format: format.name, codec: await track.getCodecParameterString(), width: track.displayWidth, height: track.displayHeight, frames };
}
