/**
 * The Director agent core: a Gemini function-calling loop that writes, checks, sees and refines
 * Remotion projects. Pure TypeScript (no DOM, Dexie or Solid); the app implements the ports.
 */
export { makeAgentSession, AgentBusyError, type AgentSession, type AgentSessionOptions, type SendOptions } from './agent-session';
export type { AgentEvent, AgentEventListener } from './loop/agent-events';
export { runTurn, DEFAULT_TURN_LIMITS, type TurnLimits, type TurnDeps, type RunTurnInput } from './loop/run-turn';

// Ports the app implements
export type { ProjectWorkspace, WorkspaceFile, FileChange, ApplyChangesError, WorkspaceAsset, NewAsset, WorkspaceVersion, ProjectSettings } from './ports/project-workspace';
export type { BuildChecker, BuildCheckInput, BuildCheckReport } from './ports/build-checker';
export type { PreviewRunner, PreviewRunInput, PreviewRunReport, PreviewRuntimeError } from './ports/preview-runner';
export type { StillRenderer, StillInput, StillResult } from './ports/still-renderer';
export type { AudioAnalyzer, AudioAnalysisResult } from './ports/audio-analyzer';
export { IMAGE_ASPECT_RATIOS, type ImageGenerator, type ImageRequest, type ImageResult, type ImageAspectRatio } from './ports/image-generator';
export type { SvgSanitizer } from './ports/svg-sanitizer';
export { makeBundlerBuildChecker } from './checks/bundler-build-checker';
export { makeTypeScriptTypeChecker, typeCheckCompilerOptions, type TypeLibrary, type TypeScriptCheckerOptions } from './checks/typescript-type-checker';
export { typeLibraryFromBundle, TYPE_LIBRARY_ASSET, TYPE_LIBRARY_ROOTS, type TypeLibraryBundle } from './checks/type-library';
export { collectTypeLibrary, type TypeLibrarySource } from './checks/collect-type-library';

// Providers
export type { ModelProvider, ModelRequest, ModelResponse, Content, Part, FunctionCall, FunctionDeclaration, GeminiSchema } from './provider/model-types';
export { ProviderError, isProviderError, type ProviderErrorCode } from './provider/provider-error';
export { makeGeminiProvider, type GeminiProviderOptions, type FetchLike } from './provider/gemini-provider';
export { makeGeminiImageGenerator } from './provider/gemini-image-generator';
export { withRetries } from './provider/retrying-provider';
export { makeAgentModel } from './provider/agent-model';
export { makeScriptedProvider, lastFunctionResponse, type ScriptedProvider, type ScriptStep, type ScriptedReply } from './provider/scripted-provider';

// Records (Dexie `conversations` rows)
export { restoreConversation, newConversation, CONVERSATION_RECORD_VERSION, type ConversationRecord, type TurnRecord, type StepRecord, type TurnStatus } from './records/conversation-records';

// Tools, memory, knowledge
export { ALL_TOOLS } from './tools/all-tools';
export { makeToolRegistry, type ToolRegistry } from './tools/tool-registry';
export type { AgentTool, ToolContext, ToolOutcome } from './tools/tool-types';
export type { ProjectMap } from './project-map/parse-project-map';
export { makeInProcessProjectMapper } from './project-map/in-process-project-mapper';
export type { ProjectMapper } from './ports/project-mapper';
export { makeKnowledgeRetriever, type KnowledgeRetriever } from './memory/knowledge-retriever';
export { KNOWLEDGE_NOTES, type KnowledgeNote } from './knowledge';
export { projectStyleSchema, describeStyle, type ProjectStyle } from './workspace/project-style';
export { contentHash } from './workspace/content-hash';
