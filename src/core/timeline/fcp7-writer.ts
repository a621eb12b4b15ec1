/**
 * Timeline → Final Cut Pro 7 XML (xmeml version 4), which Premiere Pro imports and exports. Clips
 * carry record start/end and source in/out in frames; NTSC rates are a timebase with <ntsc>TRUE.
 */
import { timecodeBase } from './frame-rate';
import { framesToTimecode } from './timecode';
import { el, serializeXml, textEl, type XmlElement } from './xml';
import { recordStarts, timelineDuration, type Timeline, type TimelineTrack } from './timeline-model';

export function writeFcp7Xml(timeline: Timeline): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const rate = () => el('rate', {}, [textEl('timebase', timecodeBase(timeline.rate)), textEl('ntsc', timeline.rate.den === 1001 ? 'TRUE' : 'FALSE')]);
  const files = new Map<string, string>();
  let clipNumber = 0;
  const fileElement = (media: { name: string; url?: string }) => {
    const known = files.get(media.name);
    if (known) return el('file', { id: known });
    const id = `file-${files.size + 1}`;
    files.set(media.name, id);
    return el('file', { id }, [textEl('name', media.name), textEl('pathurl', media.url ?? encodeURI(media.name)), rate()]);
  };
  const trackElement = (track: TimelineTrack): XmlElement => {
    const starts = recordStarts(track);
    const children = track.items.flatMap((item, index): XmlElement[] => {
      const at = starts[index]!;
      if (item.type === 'gap') return [];
      if (item.type === 'transition') {
        const start = at - Math.floor(item.duration / 2);
        return [
          el('transitionitem', {}, [
            textEl('start', start),
            textEl('end', start + item.duration),
            textEl('alignment', 'center'),
            rate(),
            el('effect', {}, [
              textEl('name', item.kind === 'wipe' ? 'Wipe' : 'Cross Dissolve'),
              textEl('effectid', item.kind === 'wipe' ? 'Wipe' : 'Cross Dissolve'),
              textEl('effectcategory', item.kind === 'wipe' ? 'Wipe' : 'Dissolve'),
              textEl('effecttype', 'transition'),
              textEl('mediatype', track.kind),
            ]),
          ]),
        ];
      }
      if ((item.speed ?? 1) !== 1) warnings.push(`FCP7 XML: the speed of "${item.name}" is not written; it plays at normal speed.`);
      return [
        el('clipitem', { id: `clipitem-${++clipNumber}` }, [
          textEl('name', item.name),
          textEl('enabled', 'TRUE'),
          rate(),
          textEl('start', at),
          textEl('end', at + item.duration),
          textEl('in', item.sourceIn),
          textEl('out', item.sourceIn + item.duration),
          fileElement(item.media),
          // Premiere links an audio clip item to the file's audio by its source track.
          track.kind === 'audio' && el('sourcetrack', {}, [textEl('mediatype', 'audio'), textEl('trackindex', 1)]),
        ]),
      ];
    });
    return el('track', {}, children);
  };
  const video = timeline.tracks.filter((t) => t.kind === 'video');
  const audio = timeline.tracks.filter((t) => t.kind === 'audio');
  const sequence = el('sequence', { id: 'sequence-1' }, [
    textEl('name', timeline.name),
    textEl('duration', timelineDuration(timeline)),
    rate(),
    el('timecode', {}, [rate(), textEl('string', framesToTimecode(timeline.startFrame, timeline.rate, timeline.dropFrame)), textEl('frame', timeline.startFrame), textEl('displayformat', timeline.dropFrame ? 'DF' : 'NDF')]),
    el('media', {}, [
      el('video', {}, [el('format', {}, [el('samplecharacteristics', {}, [rate(), textEl('width', timeline.width), textEl('height', timeline.height)])]), ...video.map(trackElement)]),
      el('audio', {}, audio.map(trackElement)),
    ]),
    ...timeline.markers.map((m) => el('marker', {}, [textEl('name', m.note), textEl('comment', ''), textEl('in', m.frame), textEl('out', m.duration ? m.frame + m.duration : -1)])),
  ]);
  return { text: serializeXml(el('xmeml', { version: 4 }, [sequence]), '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>'), warnings };
}
