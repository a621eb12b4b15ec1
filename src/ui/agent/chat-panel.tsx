import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { warmUpTypeChecker } from '../../app/agent/typecheck-client';
import type { AgentSession } from '../../core/agent/agent-session';
import type { StepRecord, TurnRecord } from '../../core/agent/records/conversation-records';
import { showToast } from '../shell/toasts';
import { takeDirectorPrompt } from '../../app/pending-prompt';
import type { AgentModelChoice } from '../../app/agent-model-choice';

interface LiveTurn {
  prompt: string;
  steps: StepRecord[];
  running: string | null;
  text: string;
}

const STATUS_WORDS: Record<string, string> = {
  clean: 'Done: the project builds and plays.',
  answered: 'Answered.',
  problems_remain: 'Stopped with problems left.',
  failed: 'Failed.',
  cancelled: 'Cancelled.',
};

/**
 * Talk to the Director agent: each turn shows its steps as they happen (tool, arguments,
 * result, time), what it changed, and can be undone in one click. Cancel stops at once.
 */
export function ChatPanel(props: { projectId: string }) {
  const [session, setSession] = createSignal<AgentSession>();
  const [turns, setTurns] = createSignal<TurnRecord[]>([]);
  const [live, setLive] = createSignal<LiveTurn | null>(null);
  const [prompt, setPrompt] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [model, setModel] = createSignal<AgentModelChoice>();
  let abort: AbortController | null = null;
  let dispose = () => {};

  onMount(async () => {
    try {
      const { makeAppAgentSession } = await import('../../app/agent/app-agent-session');
      const made = await makeAppAgentSession(props.projectId);
      dispose = made.dispose;
      setSession(made.session);
      setModel(made.model);
      setTurns(made.session.conversation().turns);
      // A prompt typed on Home before this project existed is sent once, as if typed here.
      const pending = takeDirectorPrompt(props.projectId);
      if (pending) void run(pending);
    } catch (e) {
      setProblem(`The agent could not start: ${(e as Error).message}`);
    }
  });
  onCleanup(() => {
    abort?.abort();
    dispose();
  });

  const send = (e: SubmitEvent) => {
    e.preventDefault();
    const text = prompt().trim();
    if (text && session() && !live()) {
      setPrompt('');
      void run(text);
    }
  };

  const run = async (text: string) => {
    const s = session();
    if (!s || live()) return;
    abort = new AbortController();
    setLive({ prompt: text, steps: [], running: null, text: '' });
    try {
      await s.send(text, {
        signal: abort.signal,
        onEvent: (event) => {
          if (event.type === 'step_started') setLive((l) => l && { ...l, running: `${event.name}(${event.args})` });
          else if (event.type === 'step') setLive((l) => l && { ...l, running: null, steps: [...l.steps, event.step] });
          else if (event.type === 'text_delta') setLive((l) => l && { ...l, text: l.text + event.text });
        },
      });
    } catch (err) {
      showToast({ kind: 'error', message: (err as Error).message });
    } finally {
      setLive(null);
      abort = null;
      setTurns([...s.conversation().turns]);
    }
  };

  const undo = async (turn: TurnRecord) => {
    const s = session();
    if (!s) return;
    const result = await s.undoTurn(turn.id);
    if (!result.ok) showToast({ kind: 'error', message: result.message });
    else showToast({ kind: 'info', message: 'Undid that turn: the project is back as it was before it.' });
    setTurns([...s.conversation().turns]);
  };

  return (
    <section class="chat-panel" aria-label="Director agent">
      <Show when={model()}>
        {(m) => (
          <p class="chat-model" data-testid="chat-model" data-kind={m().kind} title={reasonOf(m())}>
            <span class={`badge ${m().kind === 'local' ? 'local' : ''}`}>{m().label}</span>
            <Show when={m().kind === 'local'}>
              <span class="hint">{reasonOf(m())} It fills a template from your words.</span>
            </Show>
          </p>
        )}
      </Show>
      <div class="chat-log" data-testid="chat-log">
        <Show when={!turns().length && !live()}>
          <p class="hint">Describe a video — “a 20-second launch video for our coffee app, warm colours, upbeat” — and the Director writes it as code you can see, edit and play.</p>
        </Show>
        <For each={turns()}>
          {(turn) => (
            <article class="chat-turn" data-testid="chat-turn" data-status={turn.status} classList={{ undone: !!turn.undoneAt }}>
              <p class="chat-prompt">{turn.prompt}</p>
              <Steps steps={turn.steps} />
              <Show when={turn.reply}>
                <p class="chat-reply">{turn.reply}</p>
              </Show>
              <p class={`chat-status ${turn.status}`}>
                {STATUS_WORDS[turn.status] ?? turn.status} {turn.message !== STATUS_WORDS[turn.status] ? turn.message : ''}
              </p>
              <Show when={turn.diff?.length}>
                <details class="chat-diff">
                  <summary>Changed {turn.changedFiles.length} file(s)</summary>
                  <For each={turn.diff}>
                    {(file) => (
                      <div>
                        <code>{file.path}</code> <span class="hint">{file.status} +{file.added} −{file.removed}</span>
                        <pre>
                          <For each={file.hunks.flatMap((h) => h.lines).slice(0, 200)}>{(line) => <div class={line[0] === '+' ? 'diff-add' : line[0] === '-' ? 'diff-del' : ''}>{line}</div>}</For>
                        </pre>
                      </div>
                    )}
                  </For>
                </details>
              </Show>
              <Show when={turn.versionBeforeId && !turn.undoneAt}>
                <button class="button small" onClick={() => void undo(turn)}>
                  Undo this turn
                </button>
              </Show>
              <Show when={turn.undoneAt}>
                <span class="hint">Undone.</span>
              </Show>
            </article>
          )}
        </For>
        <Show when={live()}>
          {(l) => (
            <article class="chat-turn running" data-testid="chat-live">
              <p class="chat-prompt">{l().prompt}</p>
              <Steps steps={l().steps} />
              <Show when={l().running}>
                <p class="hint">Working: {l().running}…</p>
              </Show>
              <Show when={l().text}>
                <p class="chat-reply">{l().text}</p>
              </Show>
            </article>
          )}
        </Show>
      </div>
      <Show when={problem()}>
        <p class="error-text" role="alert">
          {problem()}
        </p>
      </Show>
      <form class="chat-input" onSubmit={send}>
        <textarea
          aria-label="Message to the Director"
          rows={3}
          placeholder="Ask for a video or a change…"
          value={prompt()}
          onInput={(e) => setPrompt(e.currentTarget.value)}
          // Loading the compiler takes seconds: start while the person is still typing.
          onFocus={warmUpTypeChecker}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
        <Show
          when={live()}
          fallback={
            <button class="button primary" type="submit" disabled={!session() || !prompt().trim()}>
              Send
            </button>
          }
        >
          <button class="button danger" type="button" onClick={() => abort?.abort()}>
            Cancel
          </button>
        </Show>
      </form>
    </section>
  );
}

const reasonOf = (choice: AgentModelChoice) => (choice.kind === 'local' ? choice.reason : undefined);

function Steps(props: { steps: StepRecord[] }) {
  return (
    <Show when={props.steps.length}>
      <ol class="chat-steps">
        <For each={props.steps}>
          {(step) => (
            <li classList={{ failed: !step.ok }} title={step.result}>
              <code>{step.name}</code>
              <span class="step-args">{step.args}</span>
              <span class="hint">
                → {step.result.slice(0, 120)} · {Math.round(step.ms)} ms
              </span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
