import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { toJSONSchema } from 'zod';
import { addNode, groupNodes, moveNodes, removeNodes, ungroup, updateParams } from '../../core/graph/graph-edits';
import { emptyGraph, type Graph, type GraphNode, type NodePosition } from '../../core/graph/graph-types';
import { defaultKindRegistry } from '../../core/graph/kind-registry';
import { exportWorkflow } from '../../core/graph/export-workflow';
import { restoreWorkflow } from '../../core/graph/restore-workflow';
import { STARTER_WORKFLOWS } from '../../core/graph/starter-workflows';
import { newId } from '../../core/util/ids';
import { loadGraphRow, saveGraph } from '../../db/graphs-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { PropsEditor, type JsonSchema } from '../preview/props-editor';
import { useProject } from '../project/project-context';
import { downloadBlob } from '../../app/render/download-blob';
import { showToast } from '../shell/toasts';
import { fitViewport, GraphCanvas, type Viewport } from './graph-canvas';
import { createGraphHistory, LAYOUT_STEP } from './graph-history';
import { Minimap } from './minimap';
import { layoutOf, NODE_WIDTH } from './node-layout';
import { createNodeSizes } from './node-sizes';
import { tidyLayout } from '../../core/graph/tidy-layout';
import type { NodeSize } from '../../core/graph/node-geometry';
import { fieldLabel, optionLabel } from '../../core/graph/param-info';
import { NodePalette } from './node-palette';
import { ComfyWorkflowPanel } from './comfy-workflow-panel';
import { createGraphRunner } from '../../app/graph/create-graph-runner';
import { NodeOutput } from './node-output';
import { QueuePanel } from './queue-panel';
import { TakesPanel } from './takes-panel';
import { cacheKeysOfGraph } from '../../core/graph/stale';
import { withNewSeed } from '../../core/graph/takes';
import { CompositionPropsEditor } from './composition-props-editor';
import type { DeclaredProp } from '../../core/graph/composition-props';
import { uploadMedia } from '../../app/assets/upload-media';
import { StartChoices } from '../project/start-choices';
import { isStoryboardNode } from '../../core/storyboard/storyboard-graph';

const SAVE_DELAY_MS = 300;
let clipboard: { nodes: GraphNode[]; edges: Graph['edges'] } | null = null;

/** The Canvas view: wire generation steps as a graph, saved with the project, undoable to the last step. */
export default function CanvasView() {
  const project = useProject();
  // Captured: cleanups run after the project page's <Show> has let go of the project accessor.
  const projectId = project().id;
  const registry = defaultKindRegistry;
  const history = createGraphHistory(emptyGraph());
  const [loaded, setLoaded] = createSignal(false);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [viewport, setViewport] = createSignal<Viewport>({ x: 80, y: 80, zoom: 1 });
  const [palette, setPalette] = createSignal<NodePosition | null>(null);
  const [size, setSize] = createSignal({ width: 800, height: 600 });
  // The storyboard's jobs share the project's queue; they are the Storyboard view's to resume.
  const runner = createGraphRunner(() => projectId, history.graph, { ownsNode: (id) => !isStoryboardNode(id) });
  const sizes = createNodeSizes();
  /** A node's size as drawn (measured), or as an idle node of its kind is. */
  const sizeOf = (node: GraphNode): NodeSize => ({ width: NODE_WIDTH, height: sizes.heights().get(node.id) ?? layoutOf(node, registry).height });
  let stage!: HTMLDivElement;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = 0;

  onMount(async () => {
    const row = await loadGraphRow(db, projectId);
    history.reset(row?.graph ?? emptyGraph());
    // What was just loaded is not "another tab's save": without this, the live query's first
    // answer could replace a node added in the first moments with the stored graph.
    lastSaved = row?.updatedAt ?? 0;
    setLoaded(true);
    await runner.refreshCached();
    void runner.resume(); // jobs a reload interrupted: polled, never started twice
    const observer = new ResizeObserver(() => setSize({ width: stage.clientWidth, height: stage.clientHeight }));
    observer.observe(stage);
    onCleanup(() => observer.disconnect());
    if (history.graph().nodes.length) fit();
  });

  // Saves shortly after each change; another tab's save replaces what this tab shows.
  createEffect(
    on(history.graph, (graph) => {
      if (!loaded()) return;
      void runner.refreshCached();
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        lastSaved = Date.now();
        void saveGraph(db, projectId, graph, lastSaved);
      }, SAVE_DELAY_MS);
    }, { defer: true }),
  );
  onCleanup(() => {
    clearTimeout(saveTimer);
    if (loaded()) void saveGraph(db, projectId, history.graph());
  });
  const stored = createLiveQuery(() => loadGraphRow(db, projectId), undefined);
  createEffect(() => {
    const row = stored.value() as { graph: Graph; updatedAt: number } | undefined;
    if (row && loaded() && row.updatedAt > lastSaved && JSON.stringify(row.graph) !== JSON.stringify(history.graph())) {
      lastSaved = row.updatedAt;
      history.reset(row.graph);
    }
  });

  const fit = () => setViewport(fitViewport(history.graph(), sizeOf, stage.clientWidth || 800, stage.clientHeight || 600));
  const center = (): NodePosition => {
    const v = viewport();
    return { x: (size().width / 2 - v.x) / v.zoom - 110, y: (size().height / 2 - v.y) / v.zoom - 60 };
  };

  const add = (kind: string, at: NodePosition) => {
    const result = addNode(history.graph(), { kind, position: { x: Math.round(at.x), y: Math.round(at.y) } }, registry);
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    history.apply(result.value.graph);
    setSelected(new Set([result.value.node.id]));
    setPalette(null);
  };

  const copy = () => {
    const ids = selected();
    if (!ids.size) return;
    const graph = history.graph();
    clipboard = { nodes: graph.nodes.filter((n) => ids.has(n.id)), edges: graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
  };
  const paste = () => {
    if (!clipboard) return;
    const ids = new Map(clipboard.nodes.map((n) => [n.id, newId()]));
    const nodes = clipboard.nodes.map((n) => ({ ...n, id: ids.get(n.id)!, position: { x: n.position.x + 40, y: n.position.y + 40 } }));
    const edges = clipboard.edges.map((e) => ({ ...e, id: newId(), from: ids.get(e.from)!, to: ids.get(e.to)! }));
    const graph = history.graph();
    history.apply({ ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] });
    setSelected(new Set(nodes.map((n) => n.id)));
    clipboard = { nodes, edges: edges };
  };

  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable], [role=dialog]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'z' && !e.shiftKey) e.preventDefault(), history.undo();
    else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) e.preventDefault(), history.redo();
    else if (mod && key === 'c') copy();
    else if (mod && key === 'x') copy(), history.apply(removeNodes(history.graph(), [...selected()])), setSelected(new Set<string>());
    else if (mod && key === 'v') e.preventDefault(), paste();
    else if (mod && key === 'a') e.preventDefault(), setSelected(new Set(history.graph().nodes.map((n) => n.id)));
    else if (mod && key === 'g') e.preventDefault(), group();
    else if (e.key === ' ' && !mod) e.preventDefault(), setPalette(center());
    else if (key === 'f' && !mod) fit();
    else if (key === 't' && e.shiftKey && !mod) e.preventDefault(), tidy();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const group = () => {
    const ids = [...selected()];
    if (ids.length < 2) return;
    const label = `Group ${history.graph().groups.length + 1}`;
    history.apply(groupNodes(history.graph(), ids, label).graph);
  };
  /** Groups every selected node belongs to: Ungroup dissolves them (the nodes stay). */
  const selectedGroups = () => [...new Set(history.graph().nodes.filter((n) => selected().has(n.id) && n.group).map((n) => n.group!))];
  const ungroupSelected = () => {
    const groups = selectedGroups();
    if (!groups.length) return;
    history.apply(groups.reduce((graph, id) => ungroup(graph, id), history.graph()));
  };

  const exportFile = () => {
    const file = exportWorkflow(history.graph(), { name: project().name, exportedAt: Date.now() });
    downloadBlob(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `${project().name.replace(/[^\w-]+/g, '-')}.workflow.json`);
  };
  let fileInput!: HTMLInputElement;
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = restoreWorkflow(await file.text(), registry);
    fileInput.value = '';
    if (!result.ok) return showToast({ kind: 'error', message: `Could not import “${file.name}”: ${result.message}${result.problems.length ? ` — ${result.problems.map((p) => p.message).slice(0, 3).join('; ')}` : ''}` });
    loadWorkflow(result.value.graph, result.value.name);
  };
  /**
   * Auto-arrange: columns by dependency depth, rows that cross less, spaced by real sizes; a step
   * of its own (nodes that grow right after join it), or part of the last one (a starter's load).
   */
  const tidy = (partOfLastStep = false) => {
    if (!partOfLastStep) history.seal();
    const graph = history.graph();
    const moves = tidyLayout(graph, sizeOf, registry);
    if (Object.keys(moves).length) history.apply(moveNodes(graph, moves), LAYOUT_STEP);
    requestAnimationFrame(fit);
  };
  /**
   * A starter is tidied at its nodes' idle sizes, and again once they are drawn (a prompt's text
   * makes its node taller): both are part of the one step that loaded it.
   */
  let tidyWhenMeasured = false;
  sizes.listen(() => {
    if (!tidyWhenMeasured) return;
    tidyWhenMeasured = false;
    queueMicrotask(() => tidy(true));
  });
  const loadStarter = (graph: Graph, name: string) => {
    loadWorkflow(moveNodes(graph, tidyLayout(graph, sizeOf, registry)), name);
    // Only the first measure of the new nodes: zoomed out (plain boxes) there is none to wait for.
    tidyWhenMeasured = true;
    requestAnimationFrame(() => requestAnimationFrame(() => (tidyWhenMeasured = false)));
  };
  const loadWorkflow = (graph: Graph, name: string) => {
    history.seal();
    history.apply(graph, LAYOUT_STEP);
    setSelected(new Set<string>());
    requestAnimationFrame(fit);
    showToast({ kind: 'info', message: `Loaded “${name}”. Undo brings back what was here.` });
  };

  const runNodes = async (ids?: string[]) => {
    const result = await runner.run(ids);
    if (!result.ok) showToast({ kind: 'error', message: result.message });
  };

  const pick = async (nodeId: string, takeId: string, number: number) => {
    const result = await runner.pickTake(nodeId, takeId);
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    history.apply(result.value.graph);
    await runner.refreshCached();
    showToast({ kind: 'info', message: result.value.restored ? `Take ${number} is current again.` : `Take ${number}'s settings are back; its inputs changed since, so run the node to make it again.` });
  };
  const newTake = async (nodeId: string) => {
    const result = withNewSeed(history.graph(), nodeId, Math.floor(Math.random() * 2 ** 32), runner.registry);
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    history.apply(result.value);
    await runNodes([nodeId]);
  };

  /**
   * Image and Audio nodes: the chosen file is checked by what it is (content type from its bytes,
   * size limit, image decodes within the pixel limit), then becomes a project asset; its hash
   * identifies the output. Returns false when the file was refused (the reason is shown).
   */
  const upload = async (node: GraphNode, file: File | undefined): Promise<boolean> => {
    if (!file) return false;
    const uploaded = await uploadMedia(projectId, file, node.kind === 'image' ? 'image' : 'audio');
    if (!uploaded.ok) {
      showToast({ kind: 'error', message: uploaded.message });
      return false;
    }
    const result = updateParams(history.graph(), node.id, { assetId: uploaded.asset.id, contentHash: uploaded.contentHash }, registry);
    if (result.ok) history.apply(result.value);
    else showToast({ kind: 'error', message: result.message });
    return result.ok;
  };

  /** Files dropped on the canvas become Image or Audio nodes where they land (one step to undo each). */
  const dropFiles = async (files: File[], clientX: number, clientY: number) => {
    const rect = stage.getBoundingClientRect();
    const v = viewport();
    let at = { x: (clientX - rect.left - v.x) / v.zoom, y: (clientY - rect.top - v.y) / v.zoom };
    for (const file of files) {
      const kind = file.type.startsWith('audio/') || /\.(mp3|wav|flac|ogg|oga|m4a|aac|opus)$/i.test(file.name) ? 'audio' : 'image';
      const added = addNode(history.graph(), { kind, position: { x: Math.round(at.x), y: Math.round(at.y) } }, registry);
      if (!added.ok) return showToast({ kind: 'error', message: added.message });
      history.apply(added.value.graph);
      if (!(await upload(added.value.node, file))) history.undo(); // refused: no empty node left behind
      else setSelected(new Set([added.value.node.id]));
      at = { x: at.x + 40, y: at.y + 40 };
    }
  };
  const inspected = createMemo(() => (selected().size === 1 ? history.graph().nodes.find((n) => selected().has(n.id)) : undefined));
  // Takes: the inspected node's current key marks which take is showing.
  const inspectedKey = createMemo(() => {
    const node = inspected();
    return node ? cacheKeysOfGraph(history.graph(), runner.registry).get(node.id) : undefined;
  });

  return (
    <div class="canvas-view">
      <div class="canvas-toolbar">
        <button class="button small" onClick={() => setPalette(center())} title="Add a node (Space or double-click)">
          + Node
        </button>
        <button class="button small" onClick={() => history.undo()} disabled={!history.canUndo()} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button class="button small" onClick={() => history.redo()} disabled={!history.canRedo()} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button class="button small" onClick={fit} title="Fit view (F)">
          Fit
        </button>
        <button class="button small" onClick={() => tidy()} disabled={!history.graph().nodes.length} title="Arrange the graph left to right by what feeds what (Shift+T)">
          Tidy
        </button>
        <button class="button small" onClick={group} disabled={selected().size < 2} title="Group the selected nodes (Ctrl+G)">
          Group
        </button>
        <button class="button small" onClick={ungroupSelected} disabled={selectedGroups().length === 0} title="Dissolve the groups of the selected nodes; the nodes stay">
          Ungroup
        </button>
        <button class="button small primary" onClick={() => void runNodes(selected().size ? [...selected()] : undefined)} disabled={!history.graph().nodes.length} title="Run what is missing or changed (only the selected nodes and what they need, if any are selected)">
          {selected().size ? 'Run selected' : 'Run all'}
        </button>
        <span class="spacer" />
        <span class="hint" data-testid="graph-counts">
          {history.graph().nodes.length} nodes · {history.graph().edges.length} connections
        </span>
        <button class="button small" onClick={exportFile}>
          Export workflow
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="workflow-input" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        <button class="button small" onClick={() => fileInput.click()}>
          Import workflow
        </button>
      </div>
      <div class="canvas-main">
        <div
          class="canvas-stage"
          ref={stage}
          onDragOver={(e) => {
            if (!e.dataTransfer?.types.includes('Files')) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDrop={(e) => {
            const files = [...(e.dataTransfer?.files ?? [])];
            if (!files.length) return;
            e.preventDefault();
            void dropFiles(files, e.clientX, e.clientY);
          }}
        >
          <GraphCanvas
            history={history}
            registry={registry}
            sizes={sizes}
            selected={selected}
            setSelected={setSelected}
            viewport={viewport}
            setViewport={setViewport}
            onOpenPalette={setPalette}
            onError={(message) => showToast({ kind: 'error', message })}
            nodeState={(id) => runner.states().get(id)}
            renderBody={(node) => (
              <>
                <NodeOutput view={runner.states().get(node.id)} params={node.params} kind={node.kind} />
                <Show when={runner.states().get(node.id)?.state === 'error'}>
                  <button class="button small" onPointerDown={(e) => e.stopPropagation()} onClick={() => void runNodes([node.id])}>
                    Retry
                  </button>
                </Show>
              </>
            )}
          />
          <QueuePanel
            jobs={runner.jobs()}
            nameOf={(id) => { const n = history.graph().nodes.find((x) => x.id === id); return n?.label ?? registry.get(n?.kind ?? '')?.title ?? id; }}
            onCancel={(id) => runner.cancel(id)}
            onRunFirst={(id) => runner.runFirst(id)}
            onRetry={(id) => void runner.retry(id)}
            paused={runner.paused()}
            onPause={runner.setPaused}
          />
          <Show when={loaded() && history.graph().nodes.length === 0}>
            <div class="canvas-empty">
              <h2>An empty canvas</h2>
              <p class="hint">Double-click or press Space to add a node, or start from a ready-made graph:</p>
              <div class="inline">
                <For each={STARTER_WORKFLOWS}>
                  {(w) => {
                    const restored = () => restoreWorkflow(w, registry);
                    return (
                      <button class="button" onClick={() => { const r = restored(); if (r.ok) loadStarter(r.value.graph, r.value.name); }}>
                        {w.name}
                      </button>
                    );
                  }}
                </For>
              </div>
              <StartChoices projectId={projectId} omit={['starters']} compact />
            </div>
          </Show>
          <Minimap graph={history.graph()} viewport={viewport()} canvasSize={size()} onJump={setViewport} sizeOf={sizeOf} />
        </div>
        <Show when={inspected()}>
          {(node) => {
            const def = () => registry.get(node().kind);
            const schema = () => {
              try {
                const json = toJSONSchema(def()!.params, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown> };
                // A Composition's wired props get their own editor below; what the app sets (an upload's id) gets none.
                if (node().kind === 'composition' && json.properties) delete json.properties.props;
                // The ComfyUI node's workflow has its own picker (presets and the project's imports) below.
                if (node().kind === 'comfyui' && json.properties) delete json.properties.workflow;
                for (const [key, info] of Object.entries(def()!.paramInfo)) if (info.internal) delete json.properties?.[key];
                return json as JsonSchema;
              } catch {
                return null;
              }
            };
            const setParams = (values: Record<string, unknown>) => {
              const result = updateParams(history.graph(), node().id, values, registry);
              if (result.ok) history.apply(result.value, `params:${node().id}`);
              else showToast({ kind: 'error', message: result.message });
            };
            return (
              <aside class="inspector" aria-label="Node settings">
                <h3>{def()?.title ?? node().kind}</h3>
                <p class="hint">{def()?.description}</p>
                <Show when={node().kind === 'image' || node().kind === 'audio'}>
                  <label class="field">
                    <span>{node().kind === 'image' ? 'Image file' : 'Audio file'}</span>
                    <input type="file" aria-label={`Choose ${node().kind} file`} accept={node().kind === 'image' ? 'image/png,image/jpeg,image/webp' : 'audio/*'} onChange={(e) => void upload(node(), e.currentTarget.files?.[0])} />
                  </label>
                </Show>
                <p class="hint" data-testid="node-state">
                  {runner.states().get(node().id)?.state ?? 'idle'} {runner.states().get(node().id)?.message ?? ''}
                </p>
                <button class="button small primary" onClick={() => void runNodes([node().id])}>
                  Run this node
                </button>
                <PropsEditor
                  schema={schema()}
                  values={node().params}
                  onChange={setParams}
                  label={`${def()?.title ?? node().kind} settings`}
                  fieldLabel={(key) => (def()?.paramInfo[key] ? fieldLabel(def()!.paramInfo[key]!) : key)}
                  optionLabel={(key, value) => optionLabel(def()?.paramInfo[key], value)}
                  empty={null}
                />
                <Show when={node().kind === 'comfyui'}>
                  <ComfyWorkflowPanel projectId={projectId} value={String(node().params.workflow ?? '')} onChange={(workflow) => setParams({ ...node().params, workflow })} />
                </Show>
                <Show when={node().kind === 'composition'}>
                  <CompositionPropsEditor value={(node().params.props as DeclaredProp[] | undefined) ?? []} onChange={(props) => setParams({ ...node().params, props })} />
                </Show>
                <Show when={node().id} keyed>
                  {(nodeId) => (
                    <TakesPanel
                      projectId={projectId}
                      nodeId={nodeId}
                      currentKey={inspectedKey()}
                      currentParams={node().params}
                      canReseed={Boolean(def()?.seedParam)}
                      onPick={(take, number) => void pick(nodeId, take.id, number)}
                      onNewTake={() => void newTake(nodeId)}
                    />
                  )}
                </Show>
              </aside>
            );
          }}
        </Show>
      </div>
      <Show when={palette()}>{(at) => <NodePalette kinds={registry.list()} onPick={(kind) => add(kind, at())} onClose={() => setPalette(null)} />}</Show>
    </div>
  );
}
