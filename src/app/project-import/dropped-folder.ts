import { SKIPPED_FOLDERS } from '../../core/project-import';
import type { FolderFile } from './import-remotion-project';

/** The files of an `<input webkitdirectory>` choice, by their path inside the chosen folder. */
export function filesOfDirectoryInput(list: FileList): { name: string; files: FolderFile[] } {
  const files = [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  return { name: files[0]?.path.split('/')[0] ?? 'folder', files };
}

/**
 * The folder in a drop, walked through the File System entries API (skipping node_modules and build
 * folders without opening them); null when the drop holds no folder.
 */
export async function filesOfDroppedFolder(items: DataTransferItemList): Promise<{ name: string; files: FolderFile[] } | null> {
  const folder = [...items].map((i) => i.webkitGetAsEntry?.()).find((e): e is FileSystemDirectoryEntry => !!e && e.isDirectory);
  if (!folder) return null;
  const files: FolderFile[] = [];
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string): Promise<void> => {
    const reader = dir.createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) return;
      for (const entry of batch) {
        if (entry.isDirectory) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await walk(entry as FileSystemDirectoryEntry, `${prefix}${entry.name}/`);
        } else {
          const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
          files.push({ path: `${prefix}${entry.name}`, file });
        }
      }
    }
  };
  await walk(folder, `${folder.name}/`);
  return { name: folder.name, files };
}
