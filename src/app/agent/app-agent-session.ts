import { svgSanitizer } from '../assets/sanitize-svg';
import { makeAgentSession, type AgentSession } from '../../core/agent/agent-session';
import { makeGeminiImageGenerator } from '../../core/agent/provider/gemini-image-generator';
import { makeAgentModel } from '../../core/agent/provider/agent-model';
import { makeLocalDirectorProvider } from '../../core/agent/local-director/local-director-provider';
import { chooseAgentModel, type AgentModelChoice } from '../agent-model-choice';
import { newConversation, type ConversationRecord } from '../../core/agent/records/conversation-records';
import type { AudioAnalyzer } from '../../core/agent/ports/audio-analyzer';
import { loadSettings } from '../../db/settings-repo';
import { db } from '../db';
import { newId } from '../../core/util/ids';
import { makeDexieWorkspace } from './dexie-workspace';
import { makeSandboxAgentRuntime } from './sandbox-agent-runtime';
import { workerProjectMapper } from './typecheck-client';
import { findAssetByName } from '../../db/assets-repo';
import { loadConversation as loadStoredConversation, saveConversation } from '../../db/conversations-repo';

/** The project's conversation, found by projectId (a plain random row id travels in backups like any row). */
export async function loadConversation(projectId: string): Promise<ConversationRecord> {
  return (await loadStoredConversation(db, projectId)) ?? newConversation(newId(), projectId, Date.now());
}

/** The audio worker behind the agent's audio_spectrum_analysis tool, started on first use. */
function makeWorkerAudioAnalyzer(projectId: string): AudioAnalyzer {
  return {
    async analyze(assetName) {
      const asset = await findAssetByName(db, projectId, assetName);
      if (!asset) return { ok: false, code: 'asset_not_found', message: `No asset named "${assetName}".` };
      if (!/^(audio|video)\//.test(asset.type)) return { ok: false, code: 'not_audio', message: `"${assetName}" is ${asset.type}, not audio.` };
      try {
        const { analyzeAudioBlob } = await import('./audio-analysis');
        return { ok: true, analysis: await analyzeAudioBlob(asset.blob, assetName) };
      } catch (e) {
        return { ok: false, code: 'decode_failed', message: (e as Error).message };
      }
    },
  };
}

/**
 * The Director agent for one project, wired to the app: Gemini through the edge configured in
 * Settings (the local demo director when that edge has no real Gemini), the project in Dexie, the engine in a sandbox, conversation stored per project.
 */
export async function makeAppAgentSession(projectId: string): Promise<{ session: AgentSession; dispose: () => void; model: AgentModelChoice }> {
  const settings = await loadSettings(db);
  const choice = await chooseAgentModel(settings);
  const baseUrl = `${settings.edgeUrl.replace(/\/+$/, '')}/api/gemini`;
  const runtime = makeSandboxAgentRuntime(db, projectId);
  const session = makeAgentSession({
    workspace: makeDexieWorkspace(db, projectId),
    buildChecker: runtime.buildChecker,
    previewRunner: runtime.previewRunner,
    stillRenderer: runtime.stillRenderer,
    audioAnalyzer: makeWorkerAudioAnalyzer(projectId),
    projectMapper: workerProjectMapper,
    imageGenerator: makeGeminiImageGenerator({ baseUrl, model: settings.models.image, token: settings.accessToken }),
    // The one sanitiser every SVG passes (uploads, restores, the agent's writes).
    svgSanitizer,
    model: choice.kind === 'gemini' ? makeAgentModel({ baseUrl, model: settings.models.agent, token: settings.accessToken }) : makeLocalDirectorProvider(),
    conversation: await loadConversation(projectId),
    persist: (record) => saveConversation(db, record),
  });
  return { session, dispose: runtime.dispose, model: choice };
}
