import type { WorkflowFile } from './workflow-file';

/**
 * Starter graphs shipped as data; they enter a project through `restoreWorkflow` like any file.
 * Upload nodes start empty: the user drops a photo or a track in.
 */

type StarterNode = WorkflowFile['graph']['nodes'][number];
type StarterEdge = WorkflowFile['graph']['edges'][number];

const node = (id: string, kind: string, x: number, y: number, params: Record<string, unknown> = {}, label?: string): StarterNode => ({
  id,
  kind,
  params,
  position: { x, y },
  ...(label ? { label } : {}),
});

const edge = (from: string, fromPort: string, to: string, toPort: string): StarterEdge => ({
  id: `${from}.${fromPort}:${to}.${toPort}`,
  from,
  fromPort,
  to,
  toPort,
});

const SHOT_PROMPTS = [
  'Wide establishing shot: the character walks along a misty mountain ridge at dawn, slow dolly forward',
  'Medium shot: the character stops and looks over the valley, wind in their hair, golden light',
  'Close-up: the character smiles and turns toward the camera as the sun breaks through the clouds',
];

export const characterThreeShotsWorkflow: WorkflowFile = {
  type: 'director-workflow',
  version: 1,
  name: 'Character → three shots → extend',
  description: 'One character from a reference photo, three Veo shots that keep the face, and the last shot extended.',
  graph: {
    nodes: [
      node('photo', 'image', 0, 160, {}, 'Reference photo'),
      node('faces', 'face-analysis', 260, 80),
      node('hero', 'character', 520, 160, { name: 'Hero' }),
      ...SHOT_PROMPTS.flatMap((text, i) => [
        node(`shot-${i + 1}-prompt`, 'prompt', 520, 420 + i * 220, { text }, `Shot ${i + 1} prompt`),
        node(`shot-${i + 1}`, 'veo-video', 820, 300 + i * 220, { mode: 'reference_images', durationSeconds: 8 }, `Shot ${i + 1}`),
      ]),
      node('extend-prompt', 'prompt', 820, 1000, { text: 'The camera keeps rising as the character walks on into the light' }, 'Extension prompt'),
      node('shot-3-extended', 'extend', 1120, 760, {}, 'Shot 3 extended'),
    ],
    edges: [
      edge('photo', 'image', 'faces', 'image'),
      edge('photo', 'image', 'hero', 'photos'),
      edge('faces', 'faces', 'hero', 'faces'),
      ...[1, 2, 3].flatMap((n) => [edge(`shot-${n}-prompt`, 'text', `shot-${n}`, 'prompt'), edge('hero', 'character', `shot-${n}`, 'references')]),
      edge('shot-3', 'video', 'shot-3-extended', 'video'),
      edge('extend-prompt', 'text', 'shot-3-extended', 'prompt'),
    ],
    groups: [],
  },
};

const CLIP_PROMPTS = [
  'Neon city street at night, fast tracking shot, rain reflections',
  'Dancer spinning in a warehouse, strobe lights, handheld',
  'Crowd jumping at a concert, confetti, wide angle',
];

export const beatCutMontageWorkflow: WorkflowFile = {
  type: 'director-workflow',
  version: 1,
  name: 'Music → beat-cut montage',
  description: 'A music track, its beats, and generated clips cut on the beat by a Remotion composition, then exported.',
  graph: {
    nodes: [
      node('music', 'audio', 0, 0, {}, 'Music'),
      node('beats', 'beats', 260, 0),
      ...CLIP_PROMPTS.flatMap((text, i) => [
        { ...node(`clip-${i + 1}-prompt`, 'prompt', 0, 200 + i * 200, { text }, `Clip ${i + 1} prompt`), group: 'clips' },
        {
          ...node(`clip-${i + 1}`, 'veo-video', 260, 200 + i * 200, { durationSeconds: 4 }, `Clip ${i + 1}`),
          group: 'clips',
        },
      ]),
      node(
        'montage',
        'composition',
        560,
        200,
        {
          compositionId: 'BeatMontage',
          props: [
            { name: 'music', type: 'audio' },
            { name: 'beats', type: 'beats' },
            { name: 'clips', type: 'video', multiple: true },
          ],
        },
        'Beat-cut montage',
      ),
      node('export', 'render', 860, 200, { format: 'mp4' }, 'Export'),
    ],
    edges: [
      edge('music', 'audio', 'beats', 'audio'),
      edge('music', 'audio', 'montage', 'music'),
      edge('beats', 'beats', 'montage', 'beats'),
      ...[1, 2, 3].flatMap((n) => [edge(`clip-${n}-prompt`, 'text', `clip-${n}`, 'prompt'), edge(`clip-${n}`, 'video', 'montage', 'clips')]),
      edge('montage', 'composition', 'export', 'composition'),
    ],
    groups: [{ id: 'clips', label: 'Clips' }],
  },
};

export const STARTER_WORKFLOWS: readonly WorkflowFile[] = [characterThreeShotsWorkflow, beatCutMontageWorkflow];
