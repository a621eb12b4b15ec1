import { describe, expect, it } from 'vitest';
import { chooseServer, type ServerStanding } from '../../../src/core/comfyui';

const server = (id: string, patch: Partial<ServerStanding> = {}): ServerStanding => ({ id, name: id, paused: false, healthy: true, queueLength: 0, models: ['wan.safetensors'], ...patch });
const needs = { models: ['wan.safetensors'] };
const chosen = (servers: ServerStanding[], n = needs) => {
  const r = chooseServer(servers, n);
  return r.ok ? r.value.id : r.code;
};

describe('choosing a ComfyUI server', () => {
  it('takes the healthy server with the model and the shortest queue; registration order breaks ties', () => {
    expect(chosen([server('a', { queueLength: 3 }), server('b', { queueLength: 1 }), server('c', { queueLength: 1 })])).toBe('b');
    expect(chosen([server('a', { queueLength: 0, models: ['other.safetensors'] }), server('b', { queueLength: 5 })])).toBe('b');
    expect(chosen([server('a', { queueLength: 0, healthy: false }), server('b', { queueLength: 2 })])).toBe('b');
    expect(chosen([server('a', { queueLength: 0, paused: true }), server('b', { queueLength: 2 })])).toBe('b');
  });

  it('a server whose models are not read yet is not ruled out', () => {
    expect(chosen([server('a', { models: undefined, queueLength: 0 }), server('b', { queueLength: 1 })])).toBe('a');
  });

  it('the retry after a failure goes elsewhere: excluded servers are skipped', () => {
    expect(chooseServer([server('a'), server('b', { queueLength: 4 })], { ...needs, excluded: new Set(['a']) })).toMatchObject({ ok: true, value: { id: 'b' } });
    expect(chooseServer([server('a'), server('b')], { ...needs, excluded: new Set(['a', 'b']) })).toMatchObject({ ok: false, code: 'all_paused', message: expect.stringContaining('already failed') });
  });

  it('says in one sentence why no server fits', () => {
    expect(chooseServer([], needs)).toMatchObject({ ok: false, code: 'no_servers', message: expect.stringContaining('Settings → Compute') });
    expect(chosen([server('a', { paused: true })])).toBe('all_paused');
    expect(chooseServer([server('a', { healthy: false }), server('b', { healthy: false })], needs)).toMatchObject({ code: 'none_healthy', message: 'No ComfyUI server answers right now (a, b).' });
    expect(chooseServer([server('a', { models: ['x'] })], needs)).toMatchObject({ code: 'model_missing', message: expect.stringContaining('wan.safetensors') });
  });
});
