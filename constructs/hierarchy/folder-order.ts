/**
 * Folder keys in an order where every parent comes before its children, so a construct can
 * always reference an already-built parent. Shared by the hierarchy that creates folders and the
 * lookup that finds them again.
 */

/** The parts of a folder declaration the ordering needs. */
export interface FolderNode {
  readonly key: string;
  /** Parent folder key; undefined means directly under the organization. */
  readonly parent?: string;
}

/** Parents first; throws on a parent that is not declared or on a cycle, naming the keys. */
export function parentsFirst<T extends FolderNode>(folders: readonly T[]): T[] {
  const byKey = new Map(folders.map((f) => [f.key, f]));
  const ordered: T[] = [];
  const done = new Set<string>();
  const visit = (folder: T, path: string[]): void => {
    if (done.has(folder.key)) return;
    if (path.includes(folder.key)) {
      throw new Error(`folder parents form a cycle: ${[...path, folder.key].join(' -> ')}`);
    }
    if (folder.parent !== undefined) {
      const parent = byKey.get(folder.parent);
      if (!parent) throw new Error(`folder "${folder.key}" names parent "${folder.parent}", which is not a declared folder`);
      visit(parent, [...path, folder.key]);
    }
    done.add(folder.key);
    ordered.push(folder);
  };
  for (const folder of folders) visit(folder, []);
  return ordered;
}
