import { getMetadataStorage } from 'class-validator';
import { PageQueryDto } from '../pagination';
import { ExportProductsQueryDto, ListProductsQueryDto } from './product.dto';

const validated = (target: new () => object) =>
  new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false)
      .map((metadata) => metadata.propertyName),
  );

describe('the CSV export filters like the list', () => {
  it('takes every filter GET /products takes (all but paging and sort)', () => {
    const paging = validated(PageQueryDto);
    const listFilters = [...validated(ListProductsQueryDto)].filter(
      (name) => !paging.has(name) && name !== 'sort',
    );
    expect(listFilters).toEqual(expect.arrayContaining(['search', 'categoryId', 'status']));
    expect([...validated(ExportProductsQueryDto)].sort()).toEqual(listFilters.sort());
  });
});
