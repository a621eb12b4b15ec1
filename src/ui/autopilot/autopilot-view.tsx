import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import './autopilot.css';
import { CAPTION_POSITIONS, DEFAULT_SCRIPT_OPTIONS, SCRIPT_TONES, STEP_LABELS, failedStep, isFinished, timeLeftS, type AutopilotRun, type CaptionPosition, type ScriptTone, type StepState } from '../../core/autopilot';
import type { SubtitleCue, VoiceProvider } from '../../core/narration/narration-types';
import { writeSrt, writeVtt } from '../../core/subtitles/subtitle-files';
import { getAsset } from '../../db/assets-repo';
import { deleteAutopilotRun, loadAutopilotRun } from '../../db/autopilot-repo';
import { listBrandKits } from '../../db/brand-kits-repo';
import { autopilotMedia } from '../../app/autopilot/autopilot-media';
import { DEFAULT_VOICE, isAutopilotRunning, makeAutopilotSession } from '../../app/autopilot/autopilot-session';
import { listVoices } from '../../app/voice/narrate';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { downloadBlob } from '../../app/render/download-blob';
import { useProject } from '../project/project-context';
import { showToast } from '../shell/toasts';
import { BrandKitEditor } from './brand-kit-editor';
import { SceneVisuals } from './scene-visuals';

const LENGTHS = [30, 45, 60, 90, 120];

/**
 * Auto-pilot: a topic in, a finished video out, through steps a person can watch, fix and redo.
 * The result is the project itself (storyboard, assets, an AutoPilot composition), so every other
 * view edits it.
 */
export default function AutopilotView() {
  const project = useProject();
  const session = createMemo(() => makeAutopilotSession(db, project().id, autopilotMedia));
  const run = createLiveQuery(() => loadAutopilotRun(db, project().id), null as AutopilotRun | null);
  const [busy, setBusy] = createSignal(false);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));

  const go = async (work: () => Promise<AutopilotRun | null>) => {
    setBusy(true);
    try {
      const ended = await work();
      const failed = ended && failedStep(ended);
      if (failed) showToast({ kind: 'error', message: `Auto-pilot stopped at ${STEP_LABELS[failed.id]}: ${failed.error}` });
      else if (ended && isFinished(ended)) showToast({ kind: 'info', message: 'Auto-pilot finished: the video is ready.' });
    } catch (e) {
      showToast({ kind: 'error', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  // A run interrupted by a reload (a step left running, none failed) continues by itself.
  onMount(async () => {
    const stored = await loadAutopilotRun(db, project().id);
    if (stored && !isAutopilotRunning(project().id) && stored.steps.some((s) => s.status === 'running') && !failedStep(stored)) void go(() => session().resume());
  });

  return (
    <section class="autopilot" data-testid="autopilot-view">
      <Show when={run.value()} fallback={<StartForm busy={busy()} onStart={(input) => go(() => session().start(input))} />}>
        {(r) => (
          <div class="autopilot-run">
            <header class="autopilot-head">
              <div>
                <h2>{r().artifacts.script?.title ?? r().topic}</h2>
                <p class="hint">
                  {r().options.lengthS} s · {r().options.tone} · for {r().options.audience} · {r().offline ? 'offline' : 'online'}
                </p>
              </div>
              <div class="autopilot-actions">
                <Show when={busy()}>
                  <span class="hint" data-testid="autopilot-time-left">{formatLeft(timeLeftS(r(), now()))}</span>
                  <button class="button" onClick={() => session().cancel()}>
                    Pause
                  </button>
                </Show>
                <Show when={!busy() && !isFinished(r())}>
                  <button class="button primary" data-testid="autopilot-resume" onClick={() => go(() => session().resume())}>
                    {failedStep(r()) ? 'Try again from here' : 'Continue'}
                  </button>
                </Show>
                <Show when={!busy()}>
                  <button class="button" data-testid="autopilot-new" onClick={() => void deleteAutopilotRun(db, project().id)}>
                    New run
                  </button>
                </Show>
              </div>
            </header>
            <Show when={r().artifacts.scriptNote}>
              <p class="autopilot-note" data-testid="autopilot-note">{r().artifacts.scriptNote}</p>
            </Show>
            <ol class="autopilot-steps" data-testid="autopilot-steps">
              <For each={r().steps}>{(step) => <StepRow step={step} now={now()} />}</For>
            </ol>
            <Show when={r().artifacts.renderAssetId}>{(id) => <Result assetId={id()} cues={r().artifacts.cues ?? []} />}</Show>
            <Show when={r().steps.find((s) => s.id === 'visuals')?.status === 'done'}>
              <SceneVisuals projectId={project().id} disabled={busy()} onPick={(sceneId, assetId) => void session().setSceneVisual(sceneId, assetId)} />
            </Show>
            <Show when={(r().artifacts.cues ?? []).length}>
              <CueEditor cues={r().artifacts.cues!} disabled={busy()} onSave={(cues) => session().editCues(cues)} />
            </Show>
            <Show when={!busy()}>
              <Settings run={r()} session={session()} />
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}

const formatLeft = (s: number | null) => (s === null ? '' : s < 60 ? `about ${s} s left` : `about ${Math.ceil(s / 60)} min left`);

function StepRow(props: { step: StepState; now: number }) {
  const seconds = () => (props.step.startedAt !== undefined ? ((props.step.endedAt ?? props.now) - props.step.startedAt) / 1000 : null);
  return (
    <li class={`autopilot-step ${props.step.status}`} data-step={props.step.id} data-status={props.step.status}>
      <span class="autopilot-dot" aria-hidden="true" />
      <div class="autopilot-step-body">
        <div class="autopilot-step-title">
          <strong>{STEP_LABELS[props.step.id]}</strong>
          <span class="hint">
            {props.step.status === 'running' ? `${Math.round(props.step.progress * 100)} %` : props.step.status === 'pending' ? 'waiting' : props.step.status}
            {seconds() !== null && props.step.status !== 'pending' ? ` · ${seconds()!.toFixed(1)} s` : ''}
          </span>
        </div>
        <Show when={props.step.status === 'running'}>
          <progress max="1" value={props.step.progress} />
        </Show>
        <Show when={props.step.summary}>
          <p class="autopilot-summary">{props.step.summary}</p>
        </Show>
        <Show when={props.step.error}>
          <p class="autopilot-error" role="alert">
            {props.step.error}
          </p>
        </Show>
      </div>
    </li>
  );
}

function StartForm(props: { busy: boolean; onStart: (input: Parameters<ReturnType<typeof makeAutopilotSession>['start']>[0]) => void }) {
  const [topic, setTopic] = createSignal('');
  const [lengthS, setLength] = createSignal(DEFAULT_SCRIPT_OPTIONS.lengthS);
  const [tone, setTone] = createSignal<ScriptTone>(DEFAULT_SCRIPT_OPTIONS.tone);
  const [audience, setAudience] = createSignal(DEFAULT_SCRIPT_OPTIONS.audience);
  const [language, setLanguage] = createSignal(DEFAULT_SCRIPT_OPTIONS.language);
  const [offline, setOffline] = createSignal(!navigator.onLine);
  const [provider, setProvider] = createSignal<VoiceProvider>('offline');
  const [kitId, setKitId] = createSignal('');
  const [kits, { refetch: refetchKits }] = createResource(() => listBrandKits(db));
  const submit = (e: Event) => {
    e.preventDefault();
    if (!topic().trim()) return showToast({ kind: 'error', message: 'Write a topic first: what is the video about?' });
    props.onStart({
      topic: topic(),
      options: { lengthS: lengthS(), tone: tone(), audience: audience().trim() || DEFAULT_SCRIPT_OPTIONS.audience, language: language().trim() || 'en' },
      offline: offline(),
      voice: provider() === 'cloud' ? { provider: 'cloud', voice: 'Kore', speed: 1, pitch: 0 } : DEFAULT_VOICE,
      ...(kitId() ? { brandKitId: kitId() } : {}),
    });
  };
  return (
    <>
      <form class="card autopilot-start" onSubmit={submit} data-testid="autopilot-start">
        <h2>Auto-pilot</h2>
        <p class="hint">From a topic to a finished video: script, scenes, visuals, voiceover, subtitles, mix and an MP4. Every step stays editable afterwards.</p>
        <label class="field">
          <span>Topic</span>
          <textarea rows="2" name="topic" placeholder="How bees make honey" value={topic()} onInput={(e) => setTopic(e.currentTarget.value)} />
        </label>
        <div class="autopilot-grid">
          <label class="field">
            <span>Length</span>
            <select value={lengthS()} onChange={(e) => setLength(Number(e.currentTarget.value))}>
              <For each={LENGTHS}>{(s) => <option value={s}>{s} s</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>Tone</span>
            <select value={tone()} onChange={(e) => setTone(e.currentTarget.value as ScriptTone)}>
              <For each={SCRIPT_TONES}>{(t) => <option value={t}>{t}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>Audience</span>
            <input value={audience()} onInput={(e) => setAudience(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Language</span>
            <input value={language()} size="6" onInput={(e) => setLanguage(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Voice</span>
            <select value={provider()} onChange={(e) => setProvider(e.currentTarget.value as VoiceProvider)}>
              <option value="offline">Offline voice (in the browser)</option>
              <option value="cloud">Cloud voice (Gemini, through the edge)</option>
            </select>
          </label>
          <label class="field">
            <span>Brand kit</span>
            <select value={kitId()} onChange={(e) => setKitId(e.currentTarget.value)}>
              <option value="">None</option>
              <For each={kits() ?? []}>{(k) => <option value={k.kit.id}>{k.kit.name}</option>}</For>
            </select>
          </label>
        </div>
        <label class="autopilot-check">
          <input type="checkbox" checked={offline()} onChange={(e) => setOffline(e.currentTarget.checked)} /> Offline: no network at all (outline script, offline voice, designed scenes)
        </label>
        <div>
          <button class="button primary" type="submit" disabled={props.busy} data-testid="autopilot-go">
            Make the video
          </button>
        </div>
      </form>
      <BrandKitEditor onChange={() => void refetchKits()} />
    </>
  );
}

function Result(props: { assetId: string; cues: SubtitleCue[] }) {
  const [asset] = createResource(() => props.assetId, (id) => getAsset(db, id));
  const url = createMemo(() => {
    const a = asset();
    return a ? URL.createObjectURL(a.blob) : null;
  });
  onCleanup(() => url() && URL.revokeObjectURL(url()!));
  const text = (body: string, name: string, type: string) => downloadBlob(new Blob([body], { type }), name);
  return (
    <div class="card autopilot-result" data-testid="autopilot-result">
      <Show when={url()}>
        <video src={url()!} controls preload="metadata" />
      </Show>
      <div class="autopilot-actions">
        <button class="button primary" onClick={() => asset() && downloadBlob(asset()!.blob, 'autopilot.mp4')}>
          Download MP4
        </button>
        <button class="button" disabled={!props.cues.length} onClick={() => text(writeSrt(props.cues), 'autopilot.srt', 'application/x-subrip')}>
          Subtitles (SRT)
        </button>
        <button class="button" disabled={!props.cues.length} onClick={() => text(writeVtt(props.cues), 'autopilot.vtt', 'text/vtt')}>
          Subtitles (WebVTT)
        </button>
      </div>
      <p class="hint">The video is the project's “AutoPilot” composition: change scenes in the Storyboard, code in Code, and export again in Render.</p>
    </div>
  );
}

function CueEditor(props: { cues: SubtitleCue[]; disabled: boolean; onSave: (cues: SubtitleCue[]) => Promise<{ ok: true } | { ok: false; message: string }> }) {
  const [draft, setDraft] = createSignal<SubtitleCue[] | null>(null);
  const cues = () => draft() ?? props.cues;
  const edit = (i: number, patch: Partial<SubtitleCue>) => setDraft(cues().map((c, j) => (j === i ? { ...c, ...patch, ...(patch.text !== undefined ? { words: undefined } : {}) } : c)));
  const save = async () => {
    const result = await props.onSave(cues().map(({ words, ...c }) => (words ? { ...c, words } : c)));
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    setDraft(null);
    showToast({ kind: 'info', message: 'Subtitles saved: render again to burn them in.' });
  };
  return (
    <details class="card autopilot-cues" data-testid="autopilot-cues">
      <summary>
        <strong>Subtitles</strong> <span class="hint">{props.cues.length} cues — edit text and timing</span>
      </summary>
      <ol>
        <For each={cues()}>
          {(cue, i) => (
            <li>
              <input type="number" step="0.1" min="0" aria-label="Start (s)" value={cue.startS.toFixed(2)} onChange={(e) => edit(i(), { startS: Number(e.currentTarget.value) })} />
              <input type="number" step="0.1" min="0" aria-label="End (s)" value={cue.endS.toFixed(2)} onChange={(e) => edit(i(), { endS: Number(e.currentTarget.value) })} />
              <input class="autopilot-cue-text" aria-label="Cue text" value={cue.text.replace(/\n/g, ' ')} onChange={(e) => edit(i(), { text: e.currentTarget.value })} />
            </li>
          )}
        </For>
      </ol>
      <div class="autopilot-actions">
        <button class="button primary small" disabled={props.disabled || !draft()} onClick={save}>
          Save subtitles
        </button>
        <button class="button small" disabled={!draft()} onClick={() => setDraft(null)}>
          Discard
        </button>
      </div>
    </details>
  );
}

/** The provider's voices by name (eSpeak NG's from its own data, Gemini's prebuilt ones); a saved voice the list lacks stays choosable. */
function VoicePicker(props: { provider: VoiceProvider; value: string; onPick: (id: string) => void }) {
  const [voices] = createResource(() => props.provider, (provider) => listVoices(provider).catch(() => []));
  const options = () => {
    const list = [...(voices() ?? [])].sort((a, b) => a.label.localeCompare(b.label));
    return list.some((v) => v.id === props.value) ? list : [{ id: props.value, label: props.value, language: '' }, ...list];
  };
  return (
    <label class="field autopilot-wide">
      <span>Voice name{voices.loading ? ' (loading…)' : ''}</span>
      <select data-testid="autopilot-voice-name" value={props.value} onChange={(e) => props.onPick(e.currentTarget.value)}>
        {/* The provider is chosen beside it: its name is not repeated on every voice. */}
        <For each={options()}>{(v) => <option value={v.id} selected={v.id === props.value}>{v.label.replace(/, (offline|cloud) \(.*\)$/, '')}</option>}</For>
      </select>
    </label>
  );
}

function Settings(props: { run: AutopilotRun; session: ReturnType<typeof makeAutopilotSession> }) {
  const style = () => props.run.captionStyle;
  const voice = () => props.run.voice;
  return (
    <details class="card autopilot-settings">
      <summary>
        <strong>Voice and caption style</strong> <span class="hint">changes redo only the steps they affect</span>
      </summary>
      <div class="autopilot-grid">
        <label class="field">
          <span>Voice</span>
          <select value={voice().provider} onChange={(e) => props.session.setVoice({ ...voice(), provider: e.currentTarget.value as VoiceProvider, voice: e.currentTarget.value === 'cloud' ? 'Kore' : 'en-us' })}>
            <option value="offline">Offline</option>
            <option value="cloud">Cloud (Gemini)</option>
          </select>
        </label>
        <VoicePicker provider={voice().provider} value={voice().voice} onPick={(id) => props.session.setVoice({ ...voice(), voice: id })} />
        <label class="field">
          <span>Speed ({voice().speed.toFixed(2)}×)</span>
          <input type="range" min="0.5" max="2" step="0.05" value={voice().speed} onChange={(e) => props.session.setVoice({ ...voice(), speed: Number(e.currentTarget.value) })} />
        </label>
        <label class="field">
          <span>Pitch ({voice().pitch} st)</span>
          <input type="range" min="-12" max="12" step="1" value={voice().pitch} onChange={(e) => props.session.setVoice({ ...voice(), pitch: Number(e.currentTarget.value) })} />
        </label>
        <label class="field">
          <span>Caption position</span>
          <select value={style().position} onChange={(e) => props.session.setCaptionStyle({ position: e.currentTarget.value as CaptionPosition })}>
            <For each={CAPTION_POSITIONS}>{(p) => <option value={p}>{p}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>Caption size ({style().fontSizePx} px)</span>
          <input type="range" min="24" max="120" step="2" value={style().fontSizePx} onChange={(e) => props.session.setCaptionStyle({ fontSizePx: Number(e.currentTarget.value) })} />
        </label>
        <label class="field">
          <span>Text colour</span>
          <input type="color" value={style().color} onChange={(e) => props.session.setCaptionStyle({ color: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>Highlight colour</span>
          <input type="color" value={style().highlightColor} onChange={(e) => props.session.setCaptionStyle({ highlightColor: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>Outline ({style().outlineWidthPx} px)</span>
          <input type="range" min="0" max="12" step="1" value={style().outlineWidthPx} onChange={(e) => props.session.setCaptionStyle({ outlineWidthPx: Number(e.currentTarget.value) })} />
        </label>
      </div>
      <label class="autopilot-check">
        <input type="checkbox" checked={style().wordHighlight} onChange={(e) => props.session.setCaptionStyle({ wordHighlight: e.currentTarget.checked })} /> Highlight the word being spoken
      </label>
    </details>
  );
}
