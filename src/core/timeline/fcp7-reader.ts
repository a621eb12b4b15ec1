/**
 * Final Cut Pro 7 XML (xmeml, Premiere's exchange format) → timeline: the first sequence, its video
 * and audio tracks, clip items, transition items and sequence markers.
 */
import { rateFromNumber } from './frame-rate';
import { nameFromUrl } from './fcpxml-reader';
import { childText, elements, findElement, firstElement, type XmlElement } from './xml';
import { emptyTimeline, trackFromPlaced, type FrameRate, type ReadResult, type TimelineClip, type TimelineTransition } from './timeline-model';
import { TimelineReadError } from './timeline-read-error';

function rateOf(el: XmlElement | undefined): FrameRate | undefined {
  const r = firstElement(el, 'rate');
  const base = Number(childText(r, 'timebase'));
  if (!(base > 0)) return undefined;
  return childText(r, 'ntsc')?.toUpperCase() === 'TRUE' ? { num: base * 1000, den: 1001 } : rateFromNumber(base);
}

export function readFcp7Xml(root: XmlElement, fileName: string): ReadResult {
  if (root.name !== 'xmeml') throw new TimelineReadError(`${fileName} is not Final Cut Pro 7 XML (its root element is <${root.name}>).`);
  const sequence = findElement(root, 'sequence');
  if (!sequence) throw new TimelineReadError(`${fileName} is Final Cut Pro 7 XML without a sequence, so there is no timeline to read.`);
  const warnings: string[] = [];
  const rate = rateOf(sequence) ?? { num: 25, den: 1 };
  const timecode = firstElement(sequence, 'timecode');
  const samples = findElement(firstElement(firstElement(sequence, 'media'), 'video') ?? sequence, 'samplecharacteristics');
  const timeline = emptyTimeline(childText(sequence, 'name') || fileName.replace(/\.[^.]+$/, ''), rate, {
    dropFrame: childText(timecode, 'displayformat') === 'DF',
    startFrame: Number(childText(timecode, 'frame')) || 0,
    width: Number(childText(samples, 'width')) || 1920,
    height: Number(childText(samples, 'height')) || 1080,
  });
  const files = new Map<string, { name: string; url?: string }>();
  const skipped = new Set<string>();
  const media = firstElement(sequence, 'media');
  for (const kind of ['video', 'audio'] as const) {
    for (const track of elements(firstElement(media, kind), 'track')) {
      const placed: { start: number; item: TimelineClip | TimelineTransition }[] = [];
      let cursor = 0;
      const children = elements(track);
      /** A transition item's span and its cut (the edit point it straddles, by its alignment). */
      const spanOf = (item: XmlElement) => {
        const start = Number(childText(item, 'start'));
        const end = Number(childText(item, 'end'));
        const alignment = childText(item, 'alignment') ?? 'center';
        const cut = /^end/.test(alignment) ? end : /^start/.test(alignment) ? start : start + Math.floor((end - start) / 2);
        return { start, end, cut };
      };
      children.forEach((item, index) => {
        if (item.name === 'transitionitem') {
          const { start, end, cut } = spanOf(item);
          const name = childText(firstElement(item, 'effect'), 'name') ?? '';
          placed.push({ start: cut, item: { type: 'transition', kind: /wipe/i.test(name) ? 'wipe' : 'dissolve', duration: end - start } });
          return;
        }
        if (item.name !== 'clipitem' && item.name !== 'generatoritem') {
          if (item.name !== 'enabled' && item.name !== 'locked' && item.name !== 'outputchannelindex') skipped.add(`<${item.name}>`);
          return;
        }
        if (item.name === 'generatoritem') skipped.add('generators');
        const fileEl = firstElement(item, 'file');
        const id = fileEl?.attrs.id;
        if (fileEl && elements(fileEl).length) {
          const url = childText(fileEl, 'pathurl');
          const name = childText(fileEl, 'name') || nameFromUrl(url) || childText(item, 'name') || 'Clip';
          files.set(id ?? name, { name, ...(url && url !== encodeURI(name) ? { url } : {}) });
        }
        const mediaRef = (id ? files.get(id) : undefined) ?? { name: childText(item, 'name') || 'Clip' };
        let start = Number(childText(item, 'start'));
        let end = Number(childText(item, 'end'));
        let sourceIn = Number(childText(item, 'in')) || 0;
        const sourceOut = Number(childText(item, 'out')) || 0;
        // -1 means "under a transition": the clip's in (or out) is at the transition's start (or end),
        // and our cut is the transition's edit point.
        const before = children[index - 1]?.name === 'transitionitem' ? spanOf(children[index - 1]!) : undefined;
        const after = children[index + 1]?.name === 'transitionitem' ? spanOf(children[index + 1]!) : undefined;
        if (start < 0 && before) {
          sourceIn += before.cut - before.start;
          start = before.cut;
        } else if (start < 0) start = cursor;
        if (end < 0) end = after ? after.cut : start + (sourceOut - sourceIn);
        cursor = end;
        if (item.name === 'generatoritem' || end <= start) return;
        placed.push({ start, item: { type: 'clip', name: childText(item, 'name') || mediaRef.name, media: mediaRef, sourceIn, duration: end - start } });
      });
      if (placed.length) timeline.tracks.push(trackFromPlaced(kind, placed));
    }
  }
  for (const marker of elements(sequence, 'marker')) {
    const at = Number(childText(marker, 'in')) || 0;
    const out = Number(childText(marker, 'out'));
    timeline.markers.push({ frame: at, duration: out > at ? out - at : 0, note: childText(marker, 'name') || childText(marker, 'comment') || '' });
  }
  for (const s of skipped) warnings.push(`FCP7 XML: ${s} skipped.`);
  return { timeline, warnings };
}
