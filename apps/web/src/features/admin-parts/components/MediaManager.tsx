import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileTypePdf, IconStar, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { ApiProblem } from '../../../shared/api/problem';
import { describe } from '../../../shared/components/ErrorBanner';
import {
  DATASHEET_TYPES,
  IMAGE_TYPES,
  useDeleteMedia,
  useProductMedia,
  useSetPrimaryImage,
  useUploadMedia,
  type Media,
} from '../api/media';
import { adminPartsTexts as t } from '../texts';

interface Transfer {
  key: number;
  name: string;
  progress: number;
  state: 'uploading' | 'attached' | 'refused';
  reason?: string;
}

const ACCEPT = [...IMAGE_TYPES, ...DATASHEET_TYPES].join(',');

/**
 * Drop files (or choose them) onto a part: each goes straight to storage through the
 * presigned flow with its own progress bar, then appears in the list. A refused file says
 * why (the API's reason) and leaves nothing behind. Admins choose the primary image.
 */
export function MediaManager({ productId }: { productId: string }) {
  const media = useProductMedia(productId);
  const upload = useUploadMedia(productId);
  const setPrimary = useSetPrimaryImage(productId);
  const remove = useDeleteMedia(productId);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const update = (key: number, patch: Partial<Transfer>) =>
    setTransfers((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function send(files: File[]) {
    await Promise.all(
      files.map(async (file) => {
        const key = ++counter.current;
        setTransfers((all) => [...all, { key, name: file.name, progress: 0, state: 'uploading' }]);
        if (![...IMAGE_TYPES, ...DATASHEET_TYPES].includes(file.type)) {
          update(key, { state: 'refused', reason: t.wrongType(file.type) });
          return;
        }
        try {
          await upload.mutateAsync({ file, onProgress: (progress) => update(key, { progress }) });
          update(key, { state: 'attached', progress: 1 });
        } catch (error) {
          const problem = error instanceof ApiProblem ? error : null;
          const reason =
            problem?.body?.details?.map((d) => `${d.field} ${d.message}`).join('; ') ||
            (problem ? describe(problem).message : String(error));
          update(key, {
            state: 'refused',
            reason:
              problem?.body?.message && problem.status !== 400 ? problem.body.message : reason,
          });
        }
      }),
    );
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void send(Array.from(event.dataTransfer.files));
  };

  const items = media.data ?? [];
  const images = items.filter((item) => item.kind === 'image');
  const sheets = items.filter((item) => item.kind === 'datasheet');

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t.media}
      </Title>
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="media-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Stack align="center" gap="xs">
          <IconUpload size={28} aria-hidden />
          <Text ta="center">{t.dropHere}</Text>
          <Button variant="light" size="xs" onClick={() => input.current?.click()}>
            {t.orPick}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label={t.orPick}
            data-testid="media-input"
            onChange={(event) => {
              void send(Array.from(event.currentTarget.files ?? []));
              event.currentTarget.value = '';
            }}
          />
        </Stack>
      </Paper>
      {transfers.length > 0 && (
        <Stack gap={6} aria-live="polite">
          {transfers.map((item) => (
            <div key={item.key} data-testid="media-transfer" data-state={item.state}>
              {item.state === 'refused' ? (
                <Alert color="red" role="alert" title={t.refused(item.name)} py={6}>
                  {item.reason}
                </Alert>
              ) : (
                <Stack gap={2}>
                  <Text size="sm">
                    {item.state === 'attached' ? t.attached(item.name) : t.uploading(item.name)}
                  </Text>
                  <Progress
                    value={Math.round(item.progress * 100)}
                    color={item.state === 'attached' ? 'green' : 'blue'}
                    aria-label={t.uploading(item.name)}
                    animated={item.state === 'uploading'}
                  />
                </Stack>
              )}
            </div>
          ))}
        </Stack>
      )}
      {items.length === 0 && !media.isPending && (
        <Text c="dimmed" size="sm">
          {t.noMedia}
        </Text>
      )}
      {images.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} data-testid="media-images">
          {images.map((item) => (
            <ImageCard
              key={item.id}
              item={item}
              onPrimary={() => setPrimary.mutate(item.id)}
              onRemove={() => remove.mutate(item.id)}
              busy={setPrimary.isPending || remove.isPending}
            />
          ))}
        </SimpleGrid>
      )}
      {sheets.length > 0 && (
        <Stack gap={4} data-testid="media-datasheets">
          {sheets.map((item) => (
            <Group key={item.id} gap="xs" wrap="nowrap">
              <IconFileTypePdf size={20} aria-hidden />
              <Anchor
                href={item.url}
                target="_blank"
                rel="noopener"
                aria-label={t.openDatasheet(item.filename)}
              >
                {item.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t.bytes(item.size)}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t.removeMedia(item.filename)}
                onClick={() => remove.mutate(item.id)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ImageCard({
  item,
  onPrimary,
  onRemove,
  busy,
}: {
  item: Media;
  onPrimary: () => void;
  onRemove: () => void;
  busy: boolean;
}) {
  return (
    <Card withBorder padding="xs" data-testid="media-image" data-primary={item.primary}>
      <Card.Section>
        <Image src={item.url} alt={item.filename} h={120} fit="contain" />
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Text size="xs" truncate title={item.filename}>
          {item.filename}
        </Text>
        <Group gap={4} justify="space-between" wrap="nowrap">
          {item.primary ? (
            <Badge leftSection={<IconStar size={12} />}>{t.primary}</Badge>
          ) : (
            <Button size="compact-xs" variant="light" onClick={onPrimary} disabled={busy}>
              {t.makePrimary}
            </Button>
          )}
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t.removeMedia(item.filename)}
            onClick={onRemove}
            disabled={busy}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Stack>
    </Card>
  );
}
