/**
 * Finds the folders the hierarchy stack created, by display name under their parent, for stacks
 * that grant on folders. Folder ids are numbers Google assigns, so config cannot name them; a
 * lookup keeps each stack deployable on its own once the hierarchy exists.
 */
import { Construct } from 'constructs';
import { DataGoogleActiveFolder } from '@cdktf/provider-google/lib/data-google-active-folder';
import { parentsFirst, type FolderNode } from './folder-order';

export interface FolderLookupProps {
  /** Numeric organization id the top-level folders sit under. */
  readonly organizationId: string;
  /** The folders as declared in config. */
  readonly folders: readonly (FolderNode & { readonly displayName: string })[];
}

export class FolderLookup extends Construct {
  private readonly declared: ReadonlyMap<string, FolderNode & { readonly displayName: string }>;
  private readonly found = new Map<string, DataGoogleActiveFolder>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: FolderLookupProps,
  ) {
    super(scope, id);
    // Ordering validates the parents once, up front, so a bad hierarchy fails at construction.
    this.declared = new Map(parentsFirst(props.folders).map((f) => [f.key, f]));
  }

  /** `folders/<id>` of a declared folder; looks it (and its ancestors) up on first use only. */
  nameOf(key: string): string {
    return this.lookup(key).name;
  }

  private lookup(key: string): DataGoogleActiveFolder {
    const existing = this.found.get(key);
    if (existing) return existing;
    const folder = this.declared.get(key);
    if (!folder) throw new Error(`no folder with key "${key}"; declared: ${[...this.declared.keys()].join(', ')}`);
    const data = new DataGoogleActiveFolder(this, key, {
      displayName: folder.displayName,
      parent: folder.parent === undefined ? `organizations/${this.props.organizationId}` : this.lookup(folder.parent).name,
    });
    this.found.set(key, data);
    return data;
  }
}
