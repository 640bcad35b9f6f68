import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsInt,
  IsString,
  MinLength,
  validate,
  ValidateNested,
} from 'class-validator';
import { rememberValidationRules } from './validation-rules-cache';

class Part {
  @IsString()
  sku!: string;
}

class Counted extends Part {
  @IsInt()
  quantity!: number;

  @MinLength(3, { groups: ['strict'] })
  note?: string;
}

class Order {
  @ValidateNested({ each: true })
  @Type(() => Counted)
  lines!: Counted[];
}

const counted = (fields: Partial<Counted>) => Object.assign(new Counted(), fields);
const failing = async (object: object, groups?: string[]) =>
  (await validate(object, groups ? { groups } : {})).flatMap(function names(error): string[] {
    return [
      ...(error.constraints ? [error.property] : []),
      ...(error.children ?? []).flatMap(names).map((child) => `${error.property}.${child}`),
    ];
  });

describe('rememberValidationRules', () => {
  beforeAll(() => rememberValidationRules());

  it('gives the same answers: own and inherited rules, groups, nested objects', async () => {
    // Twice each, so the second answer comes from what was remembered.
    for (let round = 0; round < 2; round++) {
      expect(await failing(counted({ sku: 'R-1', quantity: 2, note: 'bin 4' }))).toEqual([]);
      expect(
        await failing(counted({ sku: 7 as unknown as string, quantity: 1.5, note: 'bin 4' })),
      ).toEqual(['quantity', 'sku']);
      expect(await failing(counted({ sku: 'R-1', quantity: 2, note: 'ab' }), ['other'])).toEqual(
        [],
      );
      expect(await failing(counted({ sku: 'R-1', quantity: 2, note: 'ab' }), ['strict'])).toEqual([
        'note',
      ]);
      const order = Object.assign(new Order(), {
        lines: [
          counted({ sku: 'A', quantity: 1, note: 'bin 4' }),
          counted({ sku: 'B', quantity: -0.5, note: 'bin 5' }),
        ],
      });
      expect(await failing(order)).toEqual(['lines.1.quantity']);
    }
  });

  it('looks a class up once per set of options, and is installed once', () => {
    const rules = [{ propertyName: 'sku' }];
    const lookUp = jest.fn(() => rules);
    const group = jest.fn(() => ({ sku: rules }));
    const storage = {
      getTargetValidationMetadatas: lookUp,
      groupByPropertyName: group,
    } as unknown as ReturnType<typeof getMetadataStorage>;
    rememberValidationRules(storage);
    rememberValidationRules(storage);

    for (let n = 0; n < 3; n++) {
      const found = storage.getTargetValidationMetadatas(Part, '', false, false, undefined);
      storage.groupByPropertyName(found);
      storage.getTargetValidationMetadatas(Part, '', false, false, ['strict']);
      storage.getTargetValidationMetadatas(Counted, '', false, false, undefined);
    }
    expect(lookUp).toHaveBeenCalledTimes(3);
    expect(group).toHaveBeenCalledTimes(1);
  });
});
