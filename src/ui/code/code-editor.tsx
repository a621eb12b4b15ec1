import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import type { BuildDiagnostic } from '../../core/bundler/build-diagnostics';

export interface CodeEditorProps {
  path: string;
  content: string;
  diagnostics: readonly BuildDiagnostic[];
  onChange: (content: string) => void;
  onSave?: () => void;
}

/** CodeMirror 6 with TS/TSX highlighting; build errors of this file show in the gutter. */
export function CodeEditor(props: CodeEditorProps) {
  let host!: HTMLDivElement;
  let view: EditorView | undefined;
  let applyingExternal = false;

  const languageFor = (path: string) => javascript({ typescript: /\.tsx?$/.test(path), jsx: /\.[jt]sx$/.test(path) });
  const makeState = (path: string, content: string) =>
    EditorState.create({
      doc: content,
      extensions: [
        basicSetup,
        languageFor(path),
        lintGutter(),
        oneDark,
        EditorView.theme({ '&': { height: '100%', fontSize: '13px' }, '.cm-scroller': { overflow: 'auto' } }),
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (props.onSave?.(), true) }]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applyingExternal) props.onChange(update.state.doc.toString());
        }),
      ],
    });

  onMount(() => {
    view = new EditorView({ parent: host, state: makeState(props.path, props.content) });
  });
  onCleanup(() => view?.destroy());

  // Another file opened: a fresh state (its own undo history).
  createEffect(on(() => props.path, (path) => view?.setState(makeState(path, props.content)), { defer: true }));

  // The same file changed elsewhere (another tab, a restore): take it in unless it is what we have.
  createEffect(
    on(() => props.content, (content) => {
      if (!view || view.state.doc.toString() === content) return;
      applyingExternal = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: content } });
      applyingExternal = false;
    }),
  );

  createEffect(() => {
    if (!view) return;
    const doc = view.state.doc;
    const mine: Diagnostic[] = props.diagnostics
      .filter((d) => d.file === props.path && d.line > 0 && d.line <= doc.lines)
      .map((d) => {
        const line = doc.line(d.line);
        const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
        return { from, to: Math.min(from + 1, line.to) || from, severity: d.severity, message: d.message };
      });
    view.dispatch(setDiagnostics(view.state, mine));
  });

  return <div class="code-editor" ref={host} data-testid="code-editor" />;
}
