import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import { useCategoryOptions } from '../api/categories';
import { clashingProductId, type Product, type ProductInput } from '../api/product';
import { adminPartsTexts as t } from '../texts';

const decimal = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{1,10}(\.\d{1,4})?$/.test(value), t.decimal);

const partSchema = z
  .object({
    sku: z.string().trim().min(1, t.requiredField),
    name: z.string().trim().min(1, t.requiredField),
    mpn: z.string(),
    manufacturer: z.string(),
    description: z.string(),
    categoryId: z.string().nullable(),
    unitCost: decimal,
    salePrice: decimal,
    currency: z.string().trim().min(3, t.requiredField),
    parameters: z.array(z.object({ key: z.string(), value: z.string() })),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.parameters.forEach((row, index) => {
      const key = row.key.trim();
      if (!key && row.value.trim()) {
        ctx.addIssue({
          code: 'custom',
          message: t.parameterKeyRequired,
          path: ['parameters', index, 'key'],
        });
      }
      if (key && seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          message: t.parameterKeyTwice,
          path: ['parameters', index, 'key'],
        });
      }
      seen.add(key);
    });
  });

export type PartFormValues = z.infer<typeof partSchema>;

const FIELDS = [
  'sku',
  'name',
  'mpn',
  'manufacturer',
  'description',
  'categoryId',
  'unitCost',
  'salePrice',
  'currency',
  'parameters',
] as const;

export function valuesOf(product?: Product): PartFormValues {
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    mpn: product?.mpn ?? '',
    manufacturer: product?.manufacturer ?? '',
    description: product?.description ?? '',
    categoryId: product?.categoryId ?? null,
    unitCost: product?.unitCost ?? '',
    salePrice: product?.salePrice ?? '',
    currency: product?.currency ?? 'EUR',
    parameters: Object.entries((product?.parameters ?? {}) as Record<string, unknown>).map(
      ([key, value]) => ({ key, value: String(value) }),
    ),
  };
}

/** The body the API takes: empty optional fields are cleared (null), parameters as a map. */
export function inputOf(values: PartFormValues): ProductInput {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    mpn: orNull(values.mpn),
    manufacturer: orNull(values.manufacturer),
    description: orNull(values.description),
    categoryId: values.categoryId,
    unitCost: orNull(values.unitCost),
    salePrice: orNull(values.salePrice),
    currency: values.currency.trim().toUpperCase(),
    parameters: Object.fromEntries(
      values.parameters
        .filter((row) => row.key.trim() !== '')
        .map((row) => [row.key.trim(), row.value.trim()]),
    ),
  } as ProductInput;
}

interface Props {
  product?: Product;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ProductInput) => Promise<unknown>;
}

/** Every field of a part; the API's field errors land on their fields. */
export function PartForm({ product, submitLabel, pending, error, onSubmit }: Props) {
  const categories = useCategoryOptions();
  const form = useForm<PartFormValues>({
    resolver: zodResolver(partSchema),
    defaultValues: valuesOf(product),
  });
  const parameters = useFieldArray({ control: form.control, name: 'parameters' });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(inputOf(values));
    } catch (caught) {
      applyFieldErrors(caught, form.setError, FIELDS);
    }
  });
  const problem = error instanceof ApiProblem ? error : null;
  const clash = problem?.status === 409 ? clashingProductId(problem.body?.message) : null;
  const placedOnField = problem?.body?.details?.some((d) =>
    (FIELDS as readonly string[]).includes(d.field),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.sku}
            description={t.skuHint}
            required
            error={errors.sku?.message}
            {...form.register('sku')}
          />
          <TextInput
            label={t.name}
            required
            error={errors.name?.message}
            {...form.register('name')}
          />
          <TextInput
            label={t.manufacturer}
            error={errors.manufacturer?.message}
            {...form.register('manufacturer')}
          />
          <TextInput label={t.mpn} error={errors.mpn?.message} {...form.register('mpn')} />
          <Controller
            control={form.control}
            name="categoryId"
            render={({ field }) => (
              <Select
                label={t.category}
                placeholder={t.noCategory}
                data={categories.data ?? []}
                value={field.value}
                onChange={field.onChange}
                searchable
                clearable
                error={errors.categoryId?.message}
              />
            )}
          />
          <Group grow align="flex-start" gap="xs">
            <TextInput
              label={t.unitCost}
              inputMode="decimal"
              error={errors.unitCost?.message}
              {...form.register('unitCost')}
            />
            <TextInput
              label={t.salePrice}
              inputMode="decimal"
              error={errors.salePrice?.message}
              {...form.register('salePrice')}
            />
            <TextInput
              label={t.currency}
              maxLength={3}
              error={errors.currency?.message}
              {...form.register('currency')}
            />
          </Group>
        </SimpleGrid>
        <Textarea
          label={t.description}
          autosize
          minRows={2}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t.parameters}
          </Text>
          {parameters.fields.map((row, index) => (
            <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`${t.parameterKey} ${index + 1}`}
                placeholder={t.parameterKey}
                style={{ flex: 1 }}
                error={errors.parameters?.[index]?.key?.message}
                {...form.register(`parameters.${index}.key`)}
              />
              <TextInput
                aria-label={`${t.parameterValue} ${index + 1}`}
                placeholder={t.parameterValue}
                style={{ flex: 1 }}
                {...form.register(`parameters.${index}.value`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t.removeParameter(form.getValues(`parameters.${index}.key`))}
                onClick={() => parameters.remove(index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {errors.parameters?.message && (
            <Text size="xs" c="red">
              {errors.parameters.message}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => parameters.append({ key: '', value: '' })}
            >
              {t.addParameter}
            </Button>
          </Group>
        </Stack>
        {clash ? (
          <Alert color="red" role="alert" data-testid="sku-clash">
            {t.skuClash}{' '}
            <TextLink to="/admin/parts/$productId/edit" params={{ productId: clash }}>
              {t.openClashing}
            </TextLink>
          </Alert>
        ) : (
          !placedOnField && <ErrorBanner error={error} />
        )}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
