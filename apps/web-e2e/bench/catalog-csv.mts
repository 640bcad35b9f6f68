/**
 * A deterministic catalog of any size in the CSV import format, for the console benchmark:
 * the families of parts a parts room holds, in the seed's categories, each row distinct
 * (SKU BENCH-000000 …).
 */
const FAMILIES: { category: string; name: (n: number) => string; maker: string }[] = [
  {
    category: 'Passives > Resistors',
    name: (n) =>
      `Resistor ${[10, 22, 47, 100, 220, 470][n % 6]}${['', 'k', 'M'][n % 3]}Ω ${['0402', '0603', '0805', '1206'][n % 4]} 1%`,
    maker: 'Yageo',
  },
  {
    category: 'Passives > Capacitors',
    name: (n) =>
      `Capacitor ${[1, 10, 100, 470][n % 4]}${['pF', 'nF', 'uF'][n % 3]} ${[16, 25, 50][n % 3]}V X7R`,
    maker: 'Murata',
  },
  {
    category: 'Semiconductors > Discretes',
    name: (n) => `LED ${['red', 'green', 'blue', 'yellow', 'white'][n % 5]} ${[3, 5][n % 2]} mm`,
    maker: 'Kingbright',
  },
  {
    category: 'Semiconductors > ICs',
    name: (n) =>
      `${['Op-amp', 'Timer', 'Shift register', 'Logic gate', 'EEPROM'][n % 5]} IC ${['DIP-8', 'SOIC-8', 'DIP-16', 'TSSOP-14'][n % 4]}`,
    maker: 'Texas Instruments',
  },
  {
    category: 'Microcontrollers > ESP32',
    name: (n) => `ESP32 ${['DevKitC', 'WROOM module', 'S3 board', 'C3 mini'][n % 4]} rev ${n % 9}`,
    maker: 'Espressif',
  },
  {
    category: 'Sensors > Environment',
    name: (n) =>
      `${['Temperature', 'Humidity', 'Pressure', 'Gas'][n % 4]} sensor breakout v${n % 7}`,
    maker: 'Bosch',
  },
  {
    category: 'Prototyping',
    name: (n) => `Pin header 1x${(n % 40) + 1} 2.54 mm`,
    maker: 'Amphenol',
  },
];

const COLUMNS = 'sku,name,description,category,salePrice,currency,manufacturer,mpn,active';

export function catalogCsv(rows: number): string {
  const lines = [COLUMNS];
  for (let i = 0; i < rows; i += 1) {
    const family = FAMILIES[i % FAMILIES.length];
    const n = Math.floor(i / FAMILIES.length);
    const name = family.name(n);
    const mpn = `${family.maker.slice(0, 3).toUpperCase()}-${i}`;
    lines.push(
      [
        `BENCH-${String(i).padStart(6, '0')}`,
        name,
        `"${name}, part number ${mpn}"`,
        family.category,
        (0.05 + (i % 9000) / 50).toFixed(2),
        'EUR',
        family.maker,
        mpn,
        'true',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
