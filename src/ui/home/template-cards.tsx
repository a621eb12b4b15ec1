import { For, Show } from 'solid-js';
import { TEMPLATES } from '../../core/templates';
import './start.css';

/** Real frames of each template, rendered by the app's engine (scripts/make-template-posters.mjs). */
const POSTERS = import.meta.glob<string>('./template-posters/*.png', { eager: true, query: '?url', import: 'default' });
const posterOf = (templateId: string) => POSTERS[`./template-posters/${templateId}.png`];

/**
 * The templates as cards with a still of each; choosing one starts a video from it. Chips are one
 * line each (a thumbnail and the name), for places that must stay out of the way.
 */
export function TemplateCards(props: { onPick: (templateId: string) => void; busy?: boolean; size?: 'large' | 'small' | 'chip' }) {
  return (
    <div class="start-cards templates" classList={{ small: props.size === 'small', chips: props.size === 'chip' }}>
      <For each={TEMPLATES}>
        {(t) => (
          <button type="button" class="start-card" data-template={t.id} disabled={props.busy} title={props.size === 'chip' ? t.description : undefined} onClick={() => props.onPick(t.id)}>
            <span class="start-card-title">{t.label}</span>
            <Show when={posterOf(t.id)} fallback={<span class="start-poster" />}>
              {(src) => <img class="start-poster" src={src()} alt="" width={480} height={270} loading="lazy" />}
            </Show>
            <Show when={props.size !== 'chip'}>
              <span class="start-card-text">{t.description}</span>
            </Show>
          </button>
        )}
      </For>
    </div>
  );
}
