import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createBarcodeDetector, type Detector } from '../camera/barcode-detector';
import { scanTexts as t } from '../texts';

/** How often a frame is read, and how long the same code is ignored after it was read. */
const FRAME_INTERVAL_MS = 150;
const SAME_CODE_PAUSE_MS = 2500;

interface Props {
  onCode: (code: string) => void;
}

/**
 * The device camera as a scanner (lazy-loaded with its detector): reads the picture a few
 * times a second and hands each new code to scan mode like a typed one. The same code held in
 * front of the camera counts once, until it has been out of sight for a moment.
 */
export default function CameraScanner({ onCode }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  useLayoutEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lastCode = '';
    let lastSeen = 0;

    // The reader loads while the browser asks for the camera.
    const detecting = createBarcodeDetector();
    detecting.catch(() => undefined);

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(t.cameraUnavailable);
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch (error) {
        const denied = error instanceof DOMException && error.name === 'NotAllowedError';
        setProblem(denied ? t.cameraDenied : t.cameraUnavailable);
        return;
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      let detector: Detector;
      try {
        detector = await detecting;
      } catch {
        setProblem(t.cameraUnavailable);
        return;
      }
      const read = async () => {
        if (stopped || !video.current) return;
        try {
          if (video.current.readyState >= 2) {
            const [found] = await detector.detect(video.current);
            const now = Date.now();
            if (found?.rawValue) {
              if (found.rawValue !== lastCode || now - lastSeen > SAME_CODE_PAUSE_MS) {
                onCodeRef.current(found.rawValue);
              }
              lastCode = found.rawValue;
              lastSeen = now;
            }
          }
        } catch {
          // A frame that could not be read: try the next one.
        }
        timer = setTimeout(read, FRAME_INTERVAL_MS);
      };
      void read();
    };
    void start();

    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  if (problem) {
    return (
      <Alert color="orange" role="alert">
        {problem}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="xs" radius="md">
      <Stack gap={4} align="center">
        <video
          ref={video}
          aria-label={t.cameraVideo}
          muted
          playsInline
          style={{ width: '100%', maxHeight: 320, objectFit: 'cover', borderRadius: 4 }}
        />
        <Text size="sm" c="dimmed">
          {t.cameraHint}
        </Text>
      </Stack>
    </Paper>
  );
}
