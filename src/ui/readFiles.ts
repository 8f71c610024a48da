import type { InputFile } from '../core/corpus/types';

/** Files from an <input type="file"> (folders keep their relative paths). */
export async function readPickedFiles(list: FileList): Promise<InputFile[]> {
  return Promise.all(
    Array.from(list).map(async (f) => ({
      name: f.webkitRelativePath || f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

function entryFiles(entry: FileSystemEntry): Promise<InputFile[]> {
  if (entry.isFile) {
    return new Promise((resolve, reject) =>
      (entry as FileSystemFileEntry).file(
        async (f) =>
          resolve([
            {
              name: entry.fullPath.replace(/^\//, ''),
              bytes: new Uint8Array(await f.arrayBuffer()),
            },
          ]),
        reject,
      ),
    );
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    // readEntries returns a batch at a time; an empty batch means the folder is done
    const next = () =>
      reader.readEntries(async (batch) => {
        if (batch.length) {
          all.push(...batch);
          next();
        } else {
          resolve((await Promise.all(all.map(entryFiles))).flat());
        }
      }, reject);
    next();
  });
}

/** Files and folders dropped on the page, read recursively. */
export async function readDroppedFiles(data: DataTransfer): Promise<InputFile[]> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length) return (await Promise.all(entries.map(entryFiles))).flat();
  return readPickedFiles(data.files);
}
