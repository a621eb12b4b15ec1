/**
 * FCPXML 1.8–1.13 → timeline. A project's spine is video track 1; clips anchored on lanes above it
 * become upper video tracks, lanes below it audio tracks; secondary storylines keep their order;
 * an audition plays its active pick. Compound, multicam and sync clips stay one clip each; titles
 * and generators become gaps. Several projects (or events holding only clips) are joined end to end
 * with a marker naming each, which the storyboard import turns into scenes.
 */
import { framesFromSeconds, isOnFrame, parseRationalSeconds, rateFromFrameDuration } from './frame-rate';
import { elements, firstElement, type XmlElement } from './xml';
import { emptyTimeline, itemFrames, timelineDuration, trackFromPlaced, trimTrack, type ReadResult, type Timeline, type TimelineClip, type TimelineTransition, type TrackItem } from './timeline-model';
import { TimelineReadError } from './timeline-read-error';

const CLIP_ELEMENTS = new Set(['asset-clip', 'clip', 'ref-clip', 'sync-clip', 'mc-clip', 'video', 'audio']);
const SKIPPED_QUIETLY = new Set(['text', 'text-style-def', 'param', 'sync-source', 'audition', 'note', 'metadata', 'conform-rate', 'timeMap', 'filter-video', 'filter-audio', 'filter-video-mask', 'adjust-volume', 'adjust-transform', 'adjust-crop', 'adjust-blend', 'audio-channel-source', 'audio-role-source', 'keyword', 'rating', 'analysis-marker', 'mc-source', 'adjust-panner', 'adjust-conform']);

interface Asset {
  name: string;
  src?: string;
  start: number;
  hasVideo: boolean;
}

export function readFcpxml(root: XmlElement, fileName: string): ReadResult {
  if (root.name !== 'fcpxml') throw new TimelineReadError(`${fileName} is not FCPXML (its root element is <${root.name}>).`);
  const warnings: string[] = [];
  const version = root.attrs.version ?? '';
  const [major, minor] = version.split('.').map(Number);
  if (major !== 1 || minor === undefined || !(minor >= 8 && minor <= 13)) warnings.push(`FCPXML version ${version || 'unknown'} is outside 1.8–1.13; read as 1.10.`);

  const resources = firstElement(root, 'resources');
  const byId = new Map(elements(resources).map((r) => [r.attrs.id, r]));
  const parts = sequencesOf(root, byId);
  if (!parts.length) throw new TimelineReadError(`${fileName} holds no project and no clips, so there is no timeline to read.`);
  const read = parts.map((part) => ({ ...part, ...readSequence(part.sequence, part.name, byId, fileName) }));
  if (read.length === 1) return { timeline: read[0]!.timeline, warnings: [...warnings, ...read[0]!.warnings] };
  // Several projects (or events of clips): one after the other, a marker naming each, so each becomes a scene.
  const byEvent = new Set(read.map((r) => r.event)).size === read.length;
  const joined = joinTimelines(read.map((r) => ({ timeline: r.timeline, label: (byEvent ? r.event : undefined) ?? r.name })), warnings);
  warnings.push(`FCPXML: ${read.length} ${byEvent ? 'events' : 'projects'} were placed one after the other, with a marker at the start of each.`);
  return { timeline: joined, warnings: [...warnings, ...new Set(read.flatMap((r) => r.warnings))] };
}

/** One sequence of the file as a timeline. */
function readSequence(sequence: XmlElement, projectName: string, byId: Map<string | undefined, XmlElement>, fileName: string): ReadResult {
  const warnings: string[] = [];
  const format = byId.get(sequence.attrs.format);
  const frameDuration = parseRationalSeconds(format?.attrs.frameDuration);
  if (!frameDuration || frameDuration.num <= 0) throw new TimelineReadError(`${fileName}: the sequence's format has no frame duration, so its frame rate is unknown.`);
  const rate = rateFromFrameDuration(frameDuration);
  let offFrame = false;
  const frames = (text: string | undefined): number => {
    const s = parseRationalSeconds(text);
    if (!s) return 0;
    if (!offFrame && !isOnFrame(s, rate)) offFrame = true;
    return framesFromSeconds(s, rate);
  };
  const startFrame = frames(sequence.attrs.tcStart);
  const timeline = emptyTimeline(projectName, rate, {
    dropFrame: sequence.attrs.tcFormat === 'DF',
    width: Number(format!.attrs.width) || 1920,
    height: Number(format!.attrs.height) || 1080,
    startFrame,
  });

  const assetOf = (ref: string | undefined): Asset | undefined => {
    const r = ref ? byId.get(ref) : undefined;
    if (!r || (r.name !== 'asset' && r.name !== 'media')) return undefined;
    const src = firstElement(r, 'media-rep')?.attrs.src ?? r.attrs.src;
    return { name: r.attrs.name ?? nameFromUrl(src) ?? r.attrs.id ?? 'Clip', src, start: frames(r.attrs.start), hasVideo: r.attrs.hasVideo === '1' || r.name === 'media' };
  };
  const skipped = new Set<string>();

  /** The clip an element stands for, in its parent's time; undefined for elements that are not clips. */
  const clipOf = (node: XmlElement): { clip: TimelineClip; video: boolean } | undefined => {
    const name = node.attrs.name ?? '';
    const duration = frames(node.attrs.duration);
    const start = frames(node.attrs.start);
    if (node.name === 'asset-clip' || node.name === 'video' || node.name === 'audio') {
      const asset = assetOf(node.attrs.ref);
      const video = node.name === 'video' || (node.name === 'asset-clip' && (asset?.hasVideo ?? true) && node.attrs.srcEnable !== 'audio');
      return { clip: makeClip(name || asset?.name || 'Clip', asset, start - (asset?.start ?? 0), duration), video };
    }
    // A clip wrapping its media: the media is its first video (or audio) child.
    const inner = elements(node).find((c) => c.name === 'video' || c.name === 'asset-clip') ?? elements(node).find((c) => c.name === 'audio');
    if (node.name === 'clip' && inner) {
      const asset = assetOf(inner.attrs.ref);
      const sourceIn = start - frames(inner.attrs.offset) + frames(inner.attrs.start) - (asset?.start ?? 0);
      return { clip: makeClip(name || asset?.name || 'Clip', asset, sourceIn, duration), video: inner.name !== 'audio' };
    }
    skipped.add(`<${node.name}> kept as one clip (its inner edits are not read)`);
    const asset = assetOf(node.attrs.ref);
    return { clip: makeClip(name || node.name, asset ?? { name: name || node.name, start: 0, hasVideo: true }, start - (asset?.start ?? 0), duration), video: true };
  };

  const lanes = new Map<number, { start: number; item: TimelineClip | TimelineTransition }[]>();
  const place = (lane: number, start: number, item: TimelineClip | TimelineTransition) => {
    if (!lanes.has(lane)) lanes.set(lane, []);
    lanes.get(lane)!.push({ start, item });
  };

  /** An audition stands for its active (first) clip, placed where the audition is. */
  const activeOf = (node: XmlElement): XmlElement => {
    if (node.name !== 'audition') return node;
    const pick = elements(node).find((c) => CLIP_ELEMENTS.has(c.name));
    if (!pick) return node;
    const { offset, lane } = node.attrs;
    return { ...pick, attrs: { ...pick.attrs, ...(offset !== undefined ? { offset } : {}), ...(lane !== undefined ? { lane } : {}) } };
  };

  /** Anchored items and markers of a spine item whose local time `localStart` sits at record `record`. */
  const readChildren = (node: XmlElement, record: number, localStart: number) => {
    for (const child of elements(node).map(activeOf)) {
      const at = record + frames(child.attrs.offset) - localStart;
      const lane = Number(child.attrs.lane ?? 0);
      if (child.name === 'marker' || child.name === 'chapter-marker') {
        timeline.markers.push({ frame: record + frames(child.attrs.start) - localStart, duration: child.attrs.duration ? frames(child.attrs.duration) : 0, note: child.attrs.value ?? '' });
      } else if (child.name === 'spine' && lane) {
        let cursor = at;
        for (const item of elements(child).map(activeOf)) {
          if (item.name === 'transition') place(lane, cursor, transitionOf(item));
          else if (CLIP_ELEMENTS.has(item.name) || item.name === 'gap' || item.name === 'title') {
            const clip = item.name === 'gap' || item.name === 'title' ? undefined : clipOf(item);
            if (clip) place(lane, cursor, clip.clip);
            cursor += frames(item.attrs.duration);
          }
        }
      } else if (lane && CLIP_ELEMENTS.has(child.name)) {
        const read = clipOf(child);
        if (read) place(lane, at, read.clip);
      } else if (lane && (child.name === 'title' || child.name === 'gap')) skipped.add(`<${child.name}> on a lane skipped`);
      else if (!lane && !SKIPPED_QUIETLY.has(child.name) && !child.name.startsWith('adjust-') && !CLIP_ELEMENTS.has(child.name) && child.name !== 'spine') skipped.add(`<${child.name}> skipped`);
    }
  };

  const spine = firstElement(sequence, 'spine');
  const primary: TrackItem[] = [];
  let cursor = 0;
  for (const item of elements(spine).map(activeOf)) {
    const record = cursor;
    if (item.name === 'transition') {
      primary.push(transitionOf(item));
      continue;
    }
    const duration = frames(item.attrs.duration);
    if (item.name === 'gap' || item.name === 'title') {
      if (item.name === 'title') skipped.add('<title> read as a gap (titles are generated, not media)');
      primary.push({ type: 'gap', duration });
    } else if (CLIP_ELEMENTS.has(item.name)) primary.push(clipOf(item)!.clip);
    else {
      skipped.add(`<${item.name}> skipped`);
      continue;
    }
    readChildren(item, record, frames(item.attrs.start));
    cursor += duration;
  }
  timeline.tracks.push({ kind: 'video', items: trimTrack(primary) });
  const laneNumbers = [...lanes.keys()];
  for (const lane of laneNumbers.filter((l) => l > 0).sort((a, b) => a - b)) timeline.tracks.push(trackFromPlaced('video', lanes.get(lane)!));
  for (const lane of laneNumbers.filter((l) => l < 0).sort((a, b) => b - a)) timeline.tracks.push(trackFromPlaced('audio', lanes.get(lane)!));
  timeline.markers.sort((a, b) => a.frame - b.frame);
  if (offFrame) warnings.push(`FCPXML: some times fall between frames at ${rate.num}/${rate.den} fps and were rounded to the nearest frame.`);
  for (const s of skipped) warnings.push(`FCPXML: ${s}.`);
  return { timeline, warnings };

  function makeClip(name: string, asset: Asset | undefined, sourceIn: number, duration: number): TimelineClip {
    const mediaName = asset?.name ?? name;
    const url = asset?.src && asset.src !== encodeURI(mediaName) ? asset.src : undefined;
    return { type: 'clip', name, media: { name: mediaName, ...(url ? { url } : {}) }, sourceIn: Math.max(0, sourceIn), duration };
  }
  function transitionOf(node: XmlElement): TimelineTransition {
    return { type: 'transition', kind: /wipe/i.test(node.attrs.name ?? '') ? 'wipe' : 'dissolve', duration: frames(node.attrs.duration) };
  }
}

interface SequencePart {
  sequence: XmlElement;
  name: string;
  event?: string;
}

/** The projects' sequences in document order; with none, each event's clips as a sequence of their own. */
function sequencesOf(root: XmlElement, byId: Map<string | undefined, XmlElement>): SequencePart[] {
  const events = [root, ...elements(root, 'library')].flatMap((c) => elements(c, 'event'));
  const parts: SequencePart[] = [];
  const projectsOf = (parent: XmlElement, event?: string) => {
    for (const project of elements(parent, 'project')) {
      const sequence = firstElement(project, 'sequence');
      if (sequence) parts.push({ sequence, name: project.attrs.name ?? event ?? 'Project', ...(event !== undefined ? { event } : {}) });
    }
  };
  projectsOf(root);
  for (const event of events) projectsOf(event, event.attrs.name);
  if (parts.length) return parts;
  for (const [parent, name] of [[root, 'Clips'], ...events.map((e) => [e, e.attrs.name ?? 'Event'] as const)] as const) {
    const clips = elements(parent).filter((c) => (CLIP_ELEMENTS.has(c.name) && c.name !== 'video' && c.name !== 'audio') || c.name === 'audition');
    const format = clips.map((c) => formatOf(c, byId)).find(Boolean) ?? [...byId.values()].find((r) => r.name === 'format')?.attrs.id;
    if (!clips.length || !format) continue;
    parts.push({ sequence: { name: 'sequence', attrs: { format }, children: [{ name: 'spine', attrs: {}, children: clips }] }, name, ...(parent !== root ? { event: name } : {}) });
  }
  return parts;
}

/** The format id of a clip: its own, its asset's, or its inner video's asset's. */
function formatOf(clip: XmlElement, byId: Map<string | undefined, XmlElement>): string | undefined {
  const inner = elements(clip).find((c) => c.name === 'video' || c.name === 'asset-clip');
  return clip.attrs.format ?? byId.get(clip.attrs.ref)?.attrs.format ?? (inner ? formatOf(inner, byId) : undefined);
}

/** Timelines end to end on matching tracks (n-th video with n-th video…), a marker named `label` at each start. */
function joinTimelines(parts: { timeline: Timeline; label: string }[], warnings: string[]): Timeline {
  const first = parts[0]!.timeline;
  const joined: Timeline = { ...first, tracks: [], markers: [] };
  let offset = 0;
  for (const { timeline, label } of parts) {
    if (timeline.rate.num !== first.rate.num || timeline.rate.den !== first.rate.den) {
      warnings.push(`FCPXML: "${label}" runs at ${timeline.rate.num}/${timeline.rate.den} fps, not the first project's ${first.rate.num}/${first.rate.den}, and was left out.`);
      continue;
    }
    joined.markers.push({ frame: offset, duration: 0, note: label }, ...timeline.markers.map((m) => ({ ...m, frame: m.frame + offset })));
    const seen = { video: 0, audio: 0 };
    for (const track of timeline.tracks) {
      const nth = seen[track.kind]++;
      let target = joined.tracks.filter((t) => t.kind === track.kind)[nth];
      if (!target) {
        target = { kind: track.kind, items: [] };
        joined.tracks.push(target);
      }
      const length = target.items.reduce((sum, item) => sum + itemFrames(item), 0);
      if (length < offset) target.items.push({ type: 'gap', duration: offset - length });
      target.items.push(...track.items);
    }
    offset += timelineDuration(timeline);
  }
  joined.tracks.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1));
  return joined;
}

/** The file name at the end of a URL or path, decoded. */
export function nameFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const last = url.split(/[\\/]/).filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
