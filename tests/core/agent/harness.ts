import * as esbuild from 'esbuild-wasm';
import { makeBundlerBuildChecker } from '../../../src/core/agent/checks/bundler-build-checker';
import { DEFAULT_TURN_LIMITS, runTurn, type TurnLimits } from '../../../src/core/agent/loop/run-turn';
import { makeKnowledgeRetriever } from '../../../src/core/agent/memory/knowledge-retriever';
import { makeInProcessProjectMapper } from '../../../src/core/agent/project-map/in-process-project-mapper';
import type { ModelProvider } from '../../../src/core/agent/provider/model-types';
import { makeScriptedProvider, type ScriptStep } from '../../../src/core/agent/provider/scripted-provider';
import { makeFakeImageGenerator } from '../../../src/core/agent/testing/fake-image-generator';
import { makeFakePreviewRunner, makeFakeStillRenderer, type RuntimeFault, THROW_STATEMENT_FAULT } from '../../../src/core/agent/testing/fake-preview-runner';
import { makeInMemoryWorkspace, type InMemoryWorkspaceOptions } from '../../../src/core/agent/testing/in-memory-workspace';
import { makeTestSvgSanitizer } from '../../../src/core/agent/testing/test-svg-sanitizer';
import { makeWavAudioAnalyzer } from '../../../src/core/agent/testing/wav-audio-analyzer';
import { ALL_TOOLS } from '../../../src/core/agent/tools/all-tools';
import { makeToolRegistry, type ToolRegistry } from '../../../src/core/agent/tools/tool-registry';
import type { ToolContext } from '../../../src/core/agent/tools/tool-types';

/** One real esbuild-wasm build checker per test file (esbuild keeps one service per process). */
export const buildChecker = makeBundlerBuildChecker(esbuild);

export interface Harness {
  workspace: ReturnType<typeof makeInMemoryWorkspace>;
  ctx: ToolContext;
  preview: ReturnType<typeof makeFakePreviewRunner>;
  stills: ReturnType<typeof makeFakeStillRenderer>;
  images: ReturnType<typeof makeFakeImageGenerator>;
}

export function makeHarness(options: InMemoryWorkspaceOptions & { fault?: RuntimeFault; helper?: ScriptStep[] | ModelProvider } = {}): Harness {
  const workspace = makeInMemoryWorkspace(options);
  const preview = makeFakePreviewRunner(buildChecker, options.fault ?? THROW_STATEMENT_FAULT);
  const stills = makeFakeStillRenderer();
  const images = makeFakeImageGenerator();
  const helperModel = Array.isArray(options.helper) ? makeScriptedProvider(options.helper, 'helper') : (options.helper ?? makeScriptedProvider([], 'helper'));
  const ctx: ToolContext = {
    workspace,
    buildChecker,
    previewRunner: preview,
    stillRenderer: stills,
    audioAnalyzer: makeWavAudioAnalyzer(workspace),
    projectMapper: makeInProcessProjectMapper(),
    imageGenerator: images,
    svgSanitizer: makeTestSvgSanitizer(),
    helperModel,
    signal: new AbortController().signal,
  };
  return { workspace, ctx, preview, stills, images };
}

export const registry = makeToolRegistry(ALL_TOOLS);
export const retriever = makeKnowledgeRetriever();

let ids = 0;
/** Per-turn figures of the transcripts (steps per turn, correction rounds), printed by the suite. */
export const turnStats: { prompt: string; status: string; modelCalls: number; toolSteps: number; checks: number; corrections: number }[] = [];
/** Runs one turn of the real loop with a model and the harness's ports. */
export function turnWith(h: Harness, model: ModelProvider, prompt: string, extra: { signal?: AbortSignal; limits?: Partial<TurnLimits>; onEvent?: Parameters<typeof runTurn>[1]['onEvent']; registry?: ToolRegistry } = {}) {
  const { signal: _s, ...ports } = h.ctx;
  const turn = runTurn(
    { ...ports, model, registry: extra.registry ?? registry, retriever, limits: { ...DEFAULT_TURN_LIMITS, ...extra.limits }, now: () => 1_700_000_000_000, newId: () => `id-${++ids}` },
    { prompt, pastTurns: [], signal: extra.signal, onEvent: extra.onEvent },
  );
  return turn.then((t) => {
    const corrections = t.contents.filter((c) => c.parts.some((p) => p.text?.startsWith('Automatic check'))).length;
    turnStats.push({ prompt, status: t.status, modelCalls: t.usage.modelCalls, toolSteps: t.usage.toolSteps, checks: t.steps.filter((s) => s.kind === 'check').length, corrections });
    return t;
  });
}

/** 120 bpm clicks as 16-bit mono WAV: a real file for the real beat tracker. */
export function clickTrackWav(bpm = 120, seconds = 8, sampleRate = 22050): Uint8Array {
  const n = seconds * sampleRate;
  const data = new Int16Array(n);
  const period = Math.round((60 / bpm) * sampleRate);
  for (let start = 0; start < n; start += period) {
    for (let i = 0; i < 800 && start + i < n; i++) data[start + i] = Math.round(Math.sin(i * 0.3) * Math.exp(-i / 150) * 30000);
  }
  const bytes = new Uint8Array(44 + n * 2);
  const v = new DataView(bytes.buffer);
  const w = (o: number, s: string) => [...s].forEach((c, i) => (bytes[o + i] = c.charCodeAt(0)));
  w(0, 'RIFF'); v.setUint32(4, 36 + n * 2, true); w(8, 'WAVE'); w(12, 'fmt ');
  v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true); w(36, 'data'); v.setUint32(40, n * 2, true);
  new Uint8Array(bytes.buffer, 44).set(new Uint8Array(data.buffer));
  return bytes;
}
