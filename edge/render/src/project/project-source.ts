import { createHash } from 'node:crypto';
import type { RenderAsset, RenderRequest } from '../contract/render-request.js';

/** A project as the bundler needs it: source text and asset bytes, paths relative to the project. */
export interface ProjectSource {
  entry: string;
  files: Record<string, string>;
  /** Keyed by staticFile() name; written under public/. */
  assets: Array<{ path: string; bytes: Uint8Array }>;
}

export class AssetError extends Error {
  override name = 'AssetError';
}

export interface AssetLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** Turns the request's assets into bytes: base64 is decoded, https URLs are downloaded (size- and time-limited). */
export async function projectSourceOf(request: RenderRequest, limits: AssetLimits): Promise<ProjectSource> {
  const assets = [];
  for (const asset of request.assets) assets.push({ path: asset.path, bytes: await assetBytes(asset, limits) });
  return { entry: request.source.entry, files: request.source.files, assets };
}

async function assetBytes(asset: RenderAsset, limits: AssetLimits): Promise<Uint8Array> {
  if ('data' in asset) {
    const bytes = Buffer.from(asset.data, 'base64');
    if (bytes.length > limits.maxBytes) throw new AssetError(`asset "${asset.path}" is larger than ${limits.maxBytes} bytes`);
    return bytes;
  }
  let response: Response;
  try {
    response = await fetch(asset.url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (err) {
    throw new AssetError(`asset "${asset.path}" could not be downloaded from ${new URL(asset.url).host}: ${(err as Error).message}`);
  }
  if (!response.ok || !response.body) throw new AssetError(`asset "${asset.path}": ${new URL(asset.url).host} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) throw new AssetError(`asset "${asset.path}" is larger than ${limits.maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limits.maxBytes) throw new AssetError(`asset "${asset.path}" is larger than ${limits.maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Content hash of everything that shapes a bundle: the same project (sources, assets, entry) with
 * the same bundler settings always maps to the same cached bundle.
 */
export function projectHash(source: ProjectSource, settings: string): string {
  const h = createHash('sha256');
  const field = (s: string | Uint8Array) => {
    h.update(String(s.length) + ':');
    h.update(s);
  };
  field(settings);
  field(source.entry);
  for (const p of Object.keys(source.files).sort()) {
    field(p);
    field(source.files[p]!);
  }
  for (const a of [...source.assets].sort((x, y) => (x.path < y.path ? -1 : 1))) {
    field(a.path);
    field(createHash('sha256').update(a.bytes).digest('hex'));
  }
  return h.digest('hex').slice(0, 32);
}
