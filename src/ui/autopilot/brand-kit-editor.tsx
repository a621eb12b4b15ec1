import { createResource, createSignal, For, Show } from 'solid-js';
import { FONT_FILE, WATERMARK_POSITIONS, emptyBrandKit, restoreBrandKit, type BrandColors, type BrandKit, type WatermarkPosition } from '../../core/autopilot';
import { newId } from '../../core/util/ids';
import { checkUpload } from '../../app/assets/check-upload';
import { db } from '../../app/db';
import { deleteBrandKit, listBrandKits, saveBrandKit } from '../../db/brand-kits-repo';
import { showToast } from '../shell/toasts';

const COLOR_LABELS: Record<keyof BrandColors, string> = { primary: 'Primary', secondary: 'Secondary', background: 'Background', text: 'Text' };

/** A file name a kit can hold: the upload's own name, made safe. */
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 100) || 'file';

/**
 * The library's brand kits: make one from colours and uploaded files (each checked by its
 * content, like any asset), pick a watermark corner, delete. Kits are shared by every project.
 */
export function BrandKitEditor(props: { onChange?: () => void }) {
  const [kits, { refetch }] = createResource(() => listBrandKits(db));
  const [draft, setDraft] = createSignal<{ kit: BrandKit; files: Record<string, Blob> } | null>(null);

  const patch = (change: Partial<BrandKit>) => setDraft((d) => d && { ...d, kit: { ...d.kit, ...change } });

  /** Checks an upload and puts it in the draft under `field`; fonts are added, the rest replaced. */
  const upload = async (field: 'logo' | 'intro' | 'outro' | 'font', file: File | undefined) => {
    const d = draft();
    if (!file || !d) return;
    const checked = await checkUpload(file);
    if (!checked.ok) return showToast({ kind: 'error', message: checked.reason });
    const wanted = field === 'logo' ? 'image' : field === 'font' ? 'font' : 'video';
    if (checked.kind !== wanted) return showToast({ kind: 'error', message: `${file.name} is not ${wanted === 'image' ? 'an image' : `a ${wanted}`}.` });
    const name = safeName(file.name);
    const files = { ...d.files, [name]: checked.blob };
    if (field === 'font') {
      if (!FONT_FILE.test(name)) return showToast({ kind: 'error', message: `${file.name}: a font must be .woff2, .woff, .ttf or .otf.` });
      const family = name.replace(FONT_FILE, '').replace(/[-_]+/g, ' ').trim().slice(0, 60) || 'Brand font';
      setDraft({ kit: { ...d.kit, fonts: [...d.kit.fonts.filter((f) => f.name !== name), { family, name }] }, files });
    } else setDraft({ kit: { ...d.kit, [field]: { name } }, files });
  };

  const save = async () => {
    const d = draft();
    if (!d) return;
    const restored = restoreBrandKit(d.kit, d.kit.id);
    if (!restored.ok) return showToast({ kind: 'error', message: restored.message });
    await saveBrandKit(db, restored.kit, d.files);
    setDraft(null);
    await refetch();
    props.onChange?.();
    showToast({ kind: 'info', message: `Saved the brand kit “${restored.kit.name}”.` });
  };

  return (
    <details class="card autopilot-kits" data-testid="brand-kits">
      <summary>
        <strong>Brand kits</strong> <span class="hint">colours, logo, fonts, intro and outro — for every project</span>
      </summary>
      <ul class="autopilot-kit-list">
        <For each={kits() ?? []} fallback={<li class="hint">No brand kits yet.</li>}>
          {(k) => (
            <li>
              <span class="autopilot-swatches" aria-hidden="true">
                <For each={Object.values(k.kit.colors)}>{(c) => <span style={{ background: c }} />}</For>
              </span>
              <strong>{k.kit.name}</strong>
              <span class="hint">{[k.kit.logo && 'logo', k.kit.fonts.length && `${k.kit.fonts.length} font${k.kit.fonts.length > 1 ? 's' : ''}`, k.kit.intro && 'intro', k.kit.outro && 'outro'].filter(Boolean).join(' · ') || 'colours only'}</span>
              <button class="button small danger" onClick={async () => (await deleteBrandKit(db, k.kit.id), await refetch(), props.onChange?.())}>
                Delete
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show
        when={draft()}
        fallback={
          <div>
            <button class="button small" onClick={() => setDraft({ kit: emptyBrandKit(newId(), 'My brand'), files: {} })}>
              New brand kit
            </button>
          </div>
        }
      >
        {(d) => (
          <div class="autopilot-kit-form">
            <div class="autopilot-grid">
              <label class="field">
                <span>Name</span>
                <input value={d().kit.name} onInput={(e) => patch({ name: e.currentTarget.value })} />
              </label>
              <For each={Object.keys(COLOR_LABELS) as (keyof BrandColors)[]}>
                {(key) => (
                  <label class="field">
                    <span>{COLOR_LABELS[key]} colour</span>
                    <input type="color" value={d().kit.colors[key]} onInput={(e) => patch({ colors: { ...d().kit.colors, [key]: e.currentTarget.value } })} />
                  </label>
                )}
              </For>
              <label class="field">
                <span>Logo {d().kit.logo ? `(${d().kit.logo!.name})` : ''}</span>
                <input type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" onChange={(e) => void upload('logo', e.currentTarget.files?.[0])} />
              </label>
              <label class="field">
                <span>Watermark</span>
                <select value={d().kit.watermark.position} onChange={(e) => patch({ watermark: { ...d().kit.watermark, position: e.currentTarget.value as WatermarkPosition } })}>
                  <For each={WATERMARK_POSITIONS}>{(p) => <option value={p}>{p}</option>}</For>
                </select>
              </label>
              <label class="field">
                <span>Fonts {d().kit.fonts.length ? `(${d().kit.fonts.map((f) => f.family).join(', ')})` : ''}</span>
                <input type="file" accept=".woff2,.woff,.ttf,.otf" onChange={(e) => void upload('font', e.currentTarget.files?.[0])} />
              </label>
              <label class="field">
                <span>Intro clip {d().kit.intro ? `(${d().kit.intro!.name})` : ''}</span>
                <input type="file" accept="video/mp4,video/webm" onChange={(e) => void upload('intro', e.currentTarget.files?.[0])} />
              </label>
              <label class="field">
                <span>Outro clip {d().kit.outro ? `(${d().kit.outro!.name})` : ''}</span>
                <input type="file" accept="video/mp4,video/webm" onChange={(e) => void upload('outro', e.currentTarget.files?.[0])} />
              </label>
            </div>
            <div class="autopilot-actions">
              <button class="button primary small" onClick={save}>
                Save kit
              </button>
              <button class="button small" onClick={() => setDraft(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>
    </details>
  );
}
