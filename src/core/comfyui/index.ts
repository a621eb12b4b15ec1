export { applyInputs, checkMapping, modelFilesOf, parseApiWorkflow, WORKFLOW_INPUTS, type ApiWorkflow, type InputMapping, type InputTarget, type WorkflowInput, type WorkflowValues } from './comfy-workflow';
export { COMFY_WORKFLOW_PRESETS, comfyPresetOf, framesFor, sizeFor, type ComfyWorkflowPreset } from './comfy-presets';
export { chooseServer, type NoServer, type ServerStanding } from './choose-server';
export { comfyOperationId, parseComfyOperationId } from './comfy-operation-id';
export { foldComfyMessage, runFraction, runMessage, startRunState, type ComfyRunState } from './comfy-progress';
export { describeExecutionError, describePromptRejection, readHistory, type ComfyFile, type HistoryOutcome } from './comfy-outputs';
export { isQueued, modelsFromObjectInfo, queueLengthOf, readSystemStats, type ComfyServerInfo } from './comfy-server-info';
export { normaliseServerUrl, socketUrlOf, type ComfyServer } from './comfy-server';
export { runValuesOf, seedOf, type ComfyNodeParams } from './comfy-run-values';
