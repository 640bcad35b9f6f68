import { PRODUCT_CSV_COLUMNS } from '@inventory/contracts';

/** The category tree the generated products are spread over (top level → children). */
export const BENCH_CATEGORIES: Record<string, string[]> = {
  Microcontrollers: ['Arduino', 'ESP32', 'Raspberry Pi', 'STM32'],
  Sensors: ['Environment', 'Motion', 'Light'],
  Power: ['Batteries', 'Regulators'],
  Passives: ['Resistors', 'Capacitors', 'Inductors'],
  Semiconductors: ['Diodes', 'Transistors', 'LEDs', 'ICs'],
  Electromechanical: ['Connectors', 'Switches', 'Relays'],
};

const FAMILIES: {
  category: string;
  name: (i: number) => string;
  maker: string;
  mpn: (i: number) => string;
  params: (i: number) => Record<string, string | number>;
}[] = [
  {
    category: 'Passives > Resistors',
    name: (i) =>
      `Resistor ${[10, 22, 47, 100, 220, 470][i % 6]}${['', 'k', 'M'][i % 3]}Ω ${['0402', '0603', '0805', '1206'][i % 4]} 1%`,
    maker: 'Yageo',
    mpn: (i) => `RC${['0402', '0603', '0805', '1206'][i % 4]}FR-07${i}L`,
    params: (i) => ({
      package: ['0402', '0603', '0805', '1206'][i % 4],
      tolerance: '1%',
      power: '0.1W',
    }),
  },
  {
    category: 'Passives > Capacitors',
    name: (i) =>
      `Capacitor ${[1, 10, 100, 470][i % 4]}${['pF', 'nF', 'uF'][i % 3]} ${[16, 25, 50][i % 3]}V X7R`,
    maker: 'Murata',
    mpn: (i) => `GRM188R71H${i}KA01D`,
    params: (i) => ({ dielectric: 'X7R', voltage: `${[16, 25, 50][i % 3]}V` }),
  },
  {
    category: 'Semiconductors > LEDs',
    name: (i) => `LED ${['red', 'green', 'blue', 'yellow', 'white'][i % 5]} ${[3, 5][i % 2]} mm`,
    maker: 'Kingbright',
    mpn: (i) => `L-${i}${['ID', 'GD', 'BD', 'YD', 'WD'][i % 5]}`,
    params: (i) => ({ colour: ['red', 'green', 'blue', 'yellow', 'white'][i % 5] }),
  },
  {
    category: 'Semiconductors > ICs',
    name: (i) =>
      `${['Op-amp', 'Timer', 'Shift register', 'Logic gate', 'EEPROM'][i % 5]} IC ${['DIP-8', 'SOIC-8', 'DIP-16', 'TSSOP-14'][i % 4]}`,
    maker: 'Texas Instruments',
    mpn: (i) => `SN74HC${i}N`,
    params: (i) => ({ package: ['DIP-8', 'SOIC-8', 'DIP-16', 'TSSOP-14'][i % 4] }),
  },
  {
    category: 'Microcontrollers > ESP32',
    name: (i) => `ESP32 ${['DevKitC', 'WROOM module', 'S3 board', 'C3 mini'][i % 4]} rev ${i % 9}`,
    maker: 'Espressif',
    mpn: (i) => `ESP32-${['DEVKITC', 'WROOM', 'S3', 'C3'][i % 4]}-${i}`,
    params: () => ({ voltage: '3.3V', wifi: 1 }),
  },
  {
    category: 'Sensors > Environment',
    name: (i) =>
      `${['Temperature', 'Humidity', 'Pressure', 'Gas'][i % 4]} sensor breakout v${i % 7}`,
    maker: 'Bosch',
    mpn: (i) => `BME${i}`,
    params: () => ({ interface: 'I2C' }),
  },
  {
    category: 'Electromechanical > Connectors',
    name: (i) => `Pin header 1x${(i % 40) + 1} 2.54 mm`,
    maker: 'Amphenol',
    mpn: (i) => `PH-1X${(i % 40) + 1}-${i}`,
    params: (i) => ({ pins: (i % 40) + 1, pitchMm: 2.54 }),
  },
];

/** A CSV of `rows` distinct products, deterministic, in the import format. */
export function benchCsv(rows: number): string {
  const lines = [PRODUCT_CSV_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const family = FAMILIES[i % FAMILIES.length];
    const n = Math.floor(i / FAMILIES.length);
    const name = family.name(n);
    const params = JSON.stringify(family.params(n)).replace(/"/g, '""');
    lines.push(
      [
        `BEN-${String(i).padStart(6, '0')}`,
        name,
        `"${name}, part number ${family.mpn(n)} for general use"`,
        family.category,
        (0.01 + (i % 5000) / 100).toFixed(2),
        (0.05 + (i % 9000) / 50).toFixed(2),
        'USD',
        family.maker,
        family.mpn(n),
        `"${params}"`,
        i % 50 === 0 ? 'false' : 'true',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
