import { ConflictError } from '@inventory/platform';

export const siblingNameTaken = (name: string, parentPath: string | null) =>
  new ConflictError(
    parentPath
      ? `A category named "${name}" already exists in "${parentPath}"`
      : `A top-level category named "${name}" already exists`,
    [{ field: 'name', message: 'must be unique among its sibling categories' }],
  );
