import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/** An integer variable within bounds; "abc" or "1.5" fail with the variable's name. */
export const EnvInt = (min: number, max: number) =>
  applyDecorators(
    Type(() => Number),
    IsInt({ message: ({ property }) => `${property} must be an integer` }),
    Min(min, { message: ({ property }) => `${property} must be at least ${min}` }),
    Max(max, { message: ({ property }) => `${property} must be at most ${max}` }),
  );

export const EnvPort = () => EnvInt(1, 65535);

/** A boolean variable: true/false, 1/0, yes/no. Anything else is named as malformed. */
export const EnvBoolean = () =>
  applyDecorators(
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      const normalised = value.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(normalised)) return true;
      if (['false', '0', 'no'].includes(normalised)) return false;
      return value;
    }),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
