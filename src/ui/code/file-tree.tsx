import { For, Show, createSignal } from 'solid-js';

export interface FileTreeProps {
  paths: readonly string[];
  selected: string | null;
  errorsByPath: ReadonlyMap<string, number>;
  onSelect: (path: string) => void;
  onCreate: (path: string) => void;
  onRename: (from: string, to: string) => void;
  onDelete: (path: string) => void;
}

/** The project's files as an indented list: select, create, rename, delete. */
export function FileTree(props: FileTreeProps) {
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const depth = (path: string) => path.split('/').length - 1;
  const name = (path: string) => path.split('/').pop()!;
  /** Files grouped under folder rows, folders first at each level, as in any editor. */
  const rows = () => {
    const sorted = [...props.paths].sort((a, b) => {
      const pa = a.split('/');
      const pb = b.split('/');
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        if (pa[i] === pb[i]) continue;
        const aDir = i < pa.length - 1;
        const bDir = i < pb.length - 1;
        if (aDir !== bDir) return aDir ? -1 : 1;
        return pa[i]!.localeCompare(pb[i]!);
      }
      return pa.length - pb.length;
    });
    const out: { kind: 'folder' | 'file'; path: string }[] = [];
    const seen = new Set<string>();
    for (const path of sorted) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        if (!seen.has(folder)) {
          seen.add(folder);
          out.push({ kind: 'folder', path: folder });
        }
      }
      out.push({ kind: 'file', path });
    }
    return out;
  };
  const askNew = () => {
    const path = prompt('New file path', 'src/scenes/NewScene.tsx');
    if (path) props.onCreate(path.trim());
  };
  return (
    <nav class="file-tree" aria-label="Files">
      <div class="file-tree-head">
        <span>Files</span>
        <button class="button small" onClick={askNew} title="New file">
          + New
        </button>
      </div>
      <ul>
        <For each={rows()}>
          {(row) => {
            const path = row.path;
            if (row.kind === 'folder')
              return (
                <li class="folder" style={{ 'padding-left': `${8 + depth(path) * 12}px` }}>
                  {name(path)}/
                </li>
              );
            return (
            <li classList={{ selected: props.selected === path }} style={{ 'padding-left': `${8 + depth(path) * 12}px` }}>
              <Show
                when={renaming() === path}
                fallback={
                  <button class="file-name" title={path} onClick={() => props.onSelect(path)} onDblClick={() => setRenaming(path)}>
                    {name(path)}
                    <Show when={props.errorsByPath.get(path)}>
                      {(n) => <span class="error-count" title={`${n()} build error(s)`}>{n()}</span>}
                    </Show>
                  </button>
                }
              >
                <input
                  aria-label="File path"
                  value={path}
                  ref={(el) => queueMicrotask(() => el.select())}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      setRenaming(null);
                      if (e.currentTarget.value.trim() !== path) props.onRename(path, e.currentTarget.value.trim());
                    }
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                  onBlur={() => setRenaming(null)}
                />
              </Show>
              <span class="file-actions">
                <button class="icon-button" title={`Rename ${path}`} aria-label={`Rename ${path}`} onClick={() => setRenaming(path)}>
                  ✎
                </button>
                <button class="icon-button" title={`Delete ${path}`} aria-label={`Delete ${path}`} onClick={() => confirm(`Delete ${path}?`) && props.onDelete(path)}>
                  🗑
                </button>
              </span>
            </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
