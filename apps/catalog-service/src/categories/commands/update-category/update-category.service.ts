import { AuditActions, AuditEntityTypes } from '@inventory/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { CategoryDto, UpdateCategoryRequestDto } from '@inventory/contracts';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  AuditTrail,
  fieldChanges,
} from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../database/categories.repository';
import { ReadCategoriesService } from '../../queries/read-categories/read-categories.service';
import { siblingNameTaken } from '../category-errors';

/** Rename, describe, or move a category (with its whole subtree) under another parent. */
@Injectable()
export class UpdateCategoryService {
  private readonly logger = new Logger(UpdateCategoryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
    private readonly read: ReadCategoriesService,
  ) {}

  async update(dto: UpdateCategoryRequestDto, actor: string | null): Promise<CategoryDto> {
    const changes = await this.dataSource.transaction(async (manager) => {
      await this.categories.lockTree(manager);
      const tree = await this.categories.tree(manager);
      const current = tree.get(dto.id);
      if (!current) throw new NotFoundError(`Category ${dto.id} not found`);

      const next = {
        id: current.id,
        name: dto.name ?? current.name,
        parentId: dto.parentId === undefined ? current.parentId : dto.parentId,
        description: dto.description === undefined ? current.description : dto.description,
      };
      if (next.parentId !== current.parentId) {
        if (next.parentId && !tree.has(next.parentId)) {
          throw new UnprocessableError(`Parent category ${next.parentId} not found`, [
            { field: 'parentId', message: `no category with id ${next.parentId}` },
          ]);
        }
        if (tree.wouldCreateCycle(current.id, next.parentId)) {
          throw new ConflictError(
            `Cannot move "${tree.pathText(current.id)}" under "${tree.pathText(next.parentId!)}": a category cannot be moved into itself or its own subcategories`,
            [{ field: 'parentId', message: 'would create a cycle in the category tree' }],
          );
        }
      }
      if (tree.siblingNamed(next.parentId, next.name, current.id)) {
        throw siblingNameTaken(next.name, next.parentId ? tree.pathText(next.parentId) : null);
      }
      const changed = (['name', 'parentId', 'description'] as const).filter(
        (field) => next[field] !== current[field],
      );
      const changes = Object.fromEntries(
        changed.map((field) => [field, { from: current[field], to: next[field] }]),
      );
      if (changed.length > 0) {
        await this.categories.update(manager, next, actor);
        const what = [
          changes.name ? `renamed "${current.name}" to "${next.name}"` : '',
          changes.parentId
            ? `moved to ${next.parentId ? `"${tree.pathText(next.parentId)}"` : 'the top level'}`
            : '',
          changes.description ? 'description' : '',
        ].filter(Boolean);
        await AuditTrail.record(manager, {
          action: AuditActions.CategoryUpdated,
          entityType: AuditEntityTypes.Category,
          entityId: current.id,
          summary: `Category "${tree.pathText(current.id)}": ${what.join(', ')}`,
          changes: fieldChanges(changes),
        });
      }
      return changes;
    });
    if (Object.keys(changes).length > 0) {
      this.logger.log({ event: 'category.updated', categoryId: dto.id, changes });
    }
    return this.read.get(dto.id);
  }
}
