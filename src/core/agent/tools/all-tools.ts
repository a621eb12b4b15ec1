import { aiImageProxy } from './ai-image-proxy';
import { atomicEdit } from './atomic-edit';
import { atomicMultiEdit } from './atomic-multi-edit';
import { audioSpectrumAnalysis } from './audio-spectrum-analysis';
import { createComponent } from './create-component';
import { deleteFile } from './delete-file';
import { generateSvgAsset } from './generate-svg-asset';
import { manageDependencies } from './manage-dependencies';
import { mapProject } from './map-project';
import { readFile } from './read-file';
import { restoreVersion } from './restore-version';
import { runBuildCheck } from './run-build-check';
import { runPreview } from './run-preview';
import { saveVersion } from './save-version';
import { scaffoldProject } from './scaffold-project';
import { setProjectStyle } from './set-project-style';
import type { AgentTool } from './tool-types';
import { visualFrameInspection } from './visual-frame-inspection';

/** Every tool of the Director agent, in the order the model sees them. */
export const ALL_TOOLS: readonly AgentTool<any>[] = [
  scaffoldProject,
  manageDependencies,
  mapProject,
  readFile,
  atomicEdit,
  atomicMultiEdit,
  createComponent,
  deleteFile,
  runBuildCheck,
  runPreview,
  visualFrameInspection,
  audioSpectrumAnalysis,
  generateSvgAsset,
  aiImageProxy,
  saveVersion,
  restoreVersion,
  setProjectStyle,
];
