// The ZXing reader's WebAssembly, bundled as one of our own hashed assets: the polyfill loads
// it from the console's origin, never from a CDN (its default).
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** The codes scan mode reads: our label QR, 1D barcodes with SKUs, suppliers' 2D codes. */
export const SCAN_FORMATS = [
  'qr_code',
  'data_matrix',
  'code_128',
  'code_39',
  'ean_13',
  'ean_8',
  'upc_a',
] as const;

export interface Detector {
  detect(source: HTMLVideoElement | ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * The browser's own BarcodeDetector where it reads QR codes (Chrome on Android, macOS), the
 * ZXing polyfill everywhere else, which is loaded only then.
 */
export async function createBarcodeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native) {
    const supported = await native.getSupportedFormats().catch(() => [] as string[]);
    if (supported.includes('qr_code')) {
      return new native({ formats: SCAN_FORMATS.filter((format) => supported.includes(format)) });
    }
  }
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  // Loaded and compiled now (while the browser asks for the camera), not at the first frame.
  await prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path,
    },
    fireImmediately: true,
  });
  return new BarcodeDetector({ formats: [...SCAN_FORMATS] });
}

/** Where the polyfill's WebAssembly is served from (the console's own assets). */
export const ZXING_WASM_URL = zxingReaderWasmUrl;
