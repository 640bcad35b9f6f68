import { AuditActions, AuditEntityTypes } from '@inventory/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { CategoryDto, CreateCategoryDto } from '@inventory/contracts';
import { UnprocessableError, AuditTrail, fieldChanges } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../database/categories.repository';
import { ReadCategoriesService } from '../../queries/read-categories/read-categories.service';
import { siblingNameTaken } from '../category-errors';

@Injectable()
export class CreateCategoryService {
  private readonly logger = new Logger(CreateCategoryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
    private readonly read: ReadCategoriesService,
  ) {}

  async create(dto: CreateCategoryDto, actor: string | null): Promise<CategoryDto> {
    const id = randomUUID();
    const parentId = dto.parentId ?? null;
    await this.dataSource.transaction(async (manager) => {
      await this.categories.lockTree(manager);
      const tree = await this.categories.tree(manager);
      if (parentId && !tree.has(parentId)) {
        throw new UnprocessableError(`Parent category ${parentId} not found`, [
          { field: 'parentId', message: `no category with id ${parentId}` },
        ]);
      }
      const clash = tree.siblingNamed(parentId, dto.name);
      if (clash) throw siblingNameTaken(dto.name, parentId ? tree.pathText(parentId) : null);
      await this.categories.insert(
        manager,
        { id, parentId, name: dto.name, description: dto.description ?? null },
        actor,
      );
      await AuditTrail.record(manager, {
        action: AuditActions.CategoryCreated,
        entityType: AuditEntityTypes.Category,
        entityId: id,
        summary: `Created category "${parentId ? `${tree.pathText(parentId)} > ` : ''}${dto.name}"`,
        changes: fieldChanges({
          name: { from: null, to: dto.name },
          parentId: { from: null, to: parentId },
        }),
      });
    });
    this.logger.log({ event: 'category.created', categoryId: id, name: dto.name, parentId });
    return this.read.get(id);
  }
}
