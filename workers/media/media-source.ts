/** A file as the media worker receives it: any Blob, plus the name used in every error about it. */
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';

export interface NamedBlob {
  blob: Blob;
  name: string;
}

/** The user's file name when the Blob is a File, else the caller's, else "media file". */
export function nameOf(blob: Blob, name?: string): NamedBlob {
  return { blob, name: name ?? ((blob as File).name || 'media file') };
}

/** A mediabunny Input over the Blob (reads lazily: only the bytes an operation needs). */
export function openInput(file: NamedBlob): Input {
  return new Input({ source: new BlobSource(file.blob), formats: ALL_FORMATS });
}

/** The whole file for ffmpeg.wasm's in-memory file system, under a name keeping its extension. */
export async function ffmpegInput(file: NamedBlob): Promise<{ name: string; data: Uint8Array }> {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'bin';
  return { name: `input.${extension}`, data: new Uint8Array(await file.blob.arrayBuffer()) };
}
