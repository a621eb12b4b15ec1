import { createResource, onCleanup, Show } from 'solid-js';
import type { Project } from '../../core/project/project';
import { db } from '../../app/db';
import { getAsset } from '../../db/assets-repo';

/** Hue from the id, so placeholder cards are told apart at a glance. */
function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

/** The project's still when it has one; until previews exist, a placeholder in the project's shape. */
export function ProjectThumbnail(props: { project: Project }) {
  const [url] = createResource(
    () => props.project.thumbnailAssetId,
    async (assetId) => {
      const asset = await getAsset(db, assetId);
      return asset ? URL.createObjectURL(asset.blob) : undefined;
    },
  );
  onCleanup(() => url() && URL.revokeObjectURL(url()!));
  const initials = () =>
    props.project.name
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('');
  return (
    <div class="thumbnail" style={{ '--hue': hueOf(props.project.id) }}>
      <Show when={url()} fallback={<div class="thumbnail-placeholder" style={{ 'aspect-ratio': `${props.project.width} / ${props.project.height}` }}>{initials()}</div>}>
        {(src) => <img src={src()} alt="" loading="lazy" />}
      </Show>
    </div>
  );
}
