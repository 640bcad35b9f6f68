/**
 * The sound of a scan: one short high tone when recorded, two low ones when not. Made with
 * Web Audio (no sound files); silent where the browser has no audio or blocks it.
 */
let context: AudioContext | null = null;

export function beep(kind: 'ok' | 'error'): void {
  try {
    const AudioContextClass = globalThis.AudioContext;
    if (!AudioContextClass) return;
    context ??= new AudioContextClass();
    const tones =
      kind === 'ok'
        ? [{ at: 0, hz: 1320, ms: 90 }]
        : [
            { at: 0, hz: 220, ms: 140 },
            { at: 0.18, hz: 220, ms: 140 },
          ];
    for (const tone of tones) {
      const start = context.currentTime + tone.at;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = kind === 'ok' ? 'sine' : 'square';
      oscillator.frequency.value = tone.hz;
      gain.gain.setValueAtTime(0.15, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + tone.ms / 1000);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + tone.ms / 1000);
    }
  } catch {
    // No sound: the flash on screen still says it.
  }
}
