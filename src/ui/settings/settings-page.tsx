import { A } from '@solidjs/router';
import { createResource, createSignal, onMount, Show } from 'solid-js';
import { checkEdgeConnection, type EdgeConnection, type ProviderSummary } from '../../core/edge/check-edge-connection';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type AppSettings } from '../../db/settings-repo';
import { db } from '../../app/db';
import { StorageMeter } from '../shell/storage-meter';
import { showToast } from '../shell/toasts';
import { ComputeSection } from './compute-section';

type ModelKey = keyof AppSettings['models'];
const MODEL_FIELDS: { key: ModelKey; label: string }[] = [
  { key: 'agent', label: 'Director agent (Gemini)' },
  { key: 'image', label: 'Image generation' },
  { key: 'video', label: 'Video generation' },
  { key: 'speech', label: 'Voiceover (text to speech)' },
];

/** Where the edge is, the access token for it, and which models to use. Stored on this device only. */
export default function SettingsPage() {
  const [stored] = createResource(() => loadSettings(db));
  return (
    <div class="page settings">
      <header class="topbar">
        <A href="/" class="button">
          ← Projects
        </A>
        <h1>Settings</h1>
      </header>
      <main class="settings-body">
        <Show when={stored()} fallback={<p class="hint">Loading…</p>}>
          {(initial) => <SettingsForm initial={initial()} />}
        </Show>
        <ComputeSection />
        <section class="card">
          <h2>Storage</h2>
          <p class="hint">Projects, media and versions live in this browser. Export a project to keep a copy elsewhere.</p>
          <StorageMeter />
        </section>
      </main>
    </div>
  );
}

function SettingsForm(props: { initial: AppSettings }) {
  const [settings, setSettings] = createSignal<AppSettings>(structuredClone(props.initial));
  const [showToken, setShowToken] = createSignal(false);
  const [health, setHealth] = createSignal<EdgeConnection | { ok: null; message: string } | null>(null);
  /** What the edge said about its providers at the last successful check (for the local demo badge). */
  const [providers, setProviders] = createSignal<ProviderSummary | null>(null);
  const set = <K extends keyof AppSettings>(key: K, value: AppSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const setModel = (key: ModelKey, value: string) => setSettings((s) => ({ ...s, models: { ...s.models, [key]: value } }));

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    try {
      new URL(settings().edgeUrl);
    } catch {
      showToast({ kind: 'error', message: `The edge URL “${settings().edgeUrl}” is not a valid address (e.g. https://director.example.workers.dev).` });
      return;
    }
    await saveSettings(db, settings());
    showToast({ kind: 'info', message: 'Settings saved.' });
    void quietCheck();
  };

  /** Checks the URL and token as typed (saved or not). */
  const check = () => checkEdgeConnection({ edgeUrl: settings().edgeUrl, accessToken: settings().accessToken, fetch: (url, init) => fetch(url, init), online: navigator.onLine });

  const checkEdge = async () => {
    setHealth({ ok: null, message: 'Checking…' });
    const result = await check();
    setHealth(result);
    setProviders(result.ok ? result.providers : null);
  };

  // The badge follows the saved edge without a click; a failure stays quiet until asked.
  const quietCheck = async () => {
    if (!settings().accessToken) return setProviders(null);
    const result = await check();
    setProviders(result.ok ? result.providers : null);
  };
  onMount(() => void quietCheck());

  return (
    <form class="card settings-form" onSubmit={save}>
      <h2 class="inline">
        Edge
        <Show when={providers()?.local.length}>
          <span class="badge local-demo" data-testid="local-demo-providers" title={`${providers()!.local.join(', ')}: the local demo providers of npm start (clips and images drawn from the prompt), not the real models. Start with GEMINI_API_KEY=… / RUNWAY_API_KEY=… for the real ones.`}>
            Local demo providers
          </span>
        </Show>
      </h2>
      <p class="hint">The edge holds the Gemini and Veo keys and forwards generation; your browser never sees them.</p>
      <label class="field">
        <span>Edge URL</span>
        <input name="edgeUrl" type="url" value={settings().edgeUrl} placeholder={DEFAULT_SETTINGS.edgeUrl} onInput={(e) => set('edgeUrl', e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Access token</span>
        <div class="inline">
          <input
            name="accessToken"
            type={showToken() ? 'text' : 'password'}
            autocomplete="off"
            value={settings().accessToken}
            onInput={(e) => set('accessToken', e.currentTarget.value)}
          />
          <button type="button" class="button small" onClick={() => setShowToken(!showToken())}>
            {showToken() ? 'Hide' : 'Show'}
          </button>
        </div>
      </label>
      <div class="inline">
        <button type="button" class="button" onClick={checkEdge}>
          Test connection
        </button>
        <span class={health()?.ok === false ? 'error-text' : 'hint'} role="status" data-testid="connection-status" data-part={health() && 'part' in health()! ? (health() as EdgeConnection).part : ''}>
          {health()?.message}
        </span>
      </div>
      <h2>Models</h2>
      {MODEL_FIELDS.map((f) => (
        <label class="field">
          <span>{f.label}</span>
          <input name={`model-${f.key}`} value={settings().models[f.key]} placeholder={DEFAULT_SETTINGS.models[f.key]} onInput={(e) => setModel(f.key, e.currentTarget.value)} />
        </label>
      ))}
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => setSettings(structuredClone(DEFAULT_SETTINGS))}>
          Reset to defaults
        </button>
        <button type="submit" class="button primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
