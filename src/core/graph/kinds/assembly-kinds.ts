import { z } from 'zod';
import type { InputPortSpec } from '../node-kind';
import { defineKind } from '../node-kind';

/** What a Composition prop can be wired from. */
export const PROP_TYPES = ['video', 'image', 'text', 'beats', 'audio'] as const;

const propSpec = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'expected an identifier'),
  type: z.enum(PROP_TYPES),
  multiple: z.boolean().default(false),
});

export const compositionKind = defineKind({
  kind: 'composition',
  title: 'Composition',
  description: "A Remotion composition of this project; each declared prop becomes an input port.",
  version: 1,
  provider: 'local',
  params: z.object({
    compositionId: z.string().trim().min(1).max(100).default('Main'),
    props: z
      .array(propSpec)
      .max(32)
      .default([])
      .refine((props) => new Set(props.map((p) => p.name)).size === props.length, 'prop names must be unique'),
  }),
  paramInfo: {
    compositionId: { label: 'Composition', onNode: true },
    props: { label: 'Props' },
  },
  // Defensive about shape: ports are asked for before params are validated (e.g. on import).
  inputs: (p) =>
    (Array.isArray(p.props) ? p.props : []).map(
      (prop): InputPortSpec => ({ name: prop.name, label: prop.name, accepts: [prop.type], multiple: prop.multiple }),
    ),
  outputs: [{ name: 'composition', label: 'Composition', type: 'composition' }],
});

export const renderKind = defineKind({
  kind: 'render',
  title: 'Render',
  description: 'Exports a composition to a video file, in the browser or on the render server.',
  version: 1,
  provider: 'render',
  params: z.object({
    format: z.enum(['mp4', 'webm']).default('mp4'),
    quality: z.enum(['draft', 'standard', 'high']).default('standard'),
    where: z.enum(['browser', 'server']).default('browser'),
  }),
  paramInfo: {
    format: { label: 'Format', onNode: true, options: { mp4: 'MP4', webm: 'WebM' } },
    quality: { label: 'Quality', onNode: true, options: { draft: 'Draft', standard: 'Standard', high: 'High' } },
    where: { label: 'Renders on', onNode: true, options: { browser: 'This browser', server: 'Render server' } },
  },
  inputs: [{ name: 'composition', label: 'Composition', accepts: ['composition'], required: true }],
  outputs: [{ name: 'render', label: 'Render', type: 'render' }],
});
