/**
 * Opening stock of the example catalog (catalog-service's seed), by SKU: what a small
 * electronics shop might have on its shelves, and the level at or below which each part is
 * reordered. Everything is comfortably stocked except the two parts of the seed document's
 * sample alert, so the first low-stock digest reads like it:
 * "ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)" and
 * "9V Battery (SKU: PWR-BAT-9V): 6 units (Min: 12)".
 */
export const OPENING_STOCK: Record<string, { onHand: number; reorderLevel: number }> = {
  'MCU-ARD-UNO': { onHand: 24, reorderLevel: 8 },
  'MCU-ARD-NANO': { onHand: 40, reorderLevel: 10 },
  'MCU-ARD-MEGA': { onHand: 12, reorderLevel: 4 },
  'MCU-ARD-NANO-EVERY': { onHand: 18, reorderLevel: 6 },
  'MCU-ESP-32': { onHand: 8, reorderLevel: 10 },
  'MCU-ESP-32S3': { onHand: 15, reorderLevel: 5 },
  'MCU-ESP-8266': { onHand: 30, reorderLevel: 10 },
  'SBC-RPI-4B-4GB': { onHand: 7, reorderLevel: 3 },
  'SBC-RPI-5-8GB': { onHand: 9, reorderLevel: 3 },
  'MCU-RPI-PICO': { onHand: 45, reorderLevel: 15 },
  'MCU-RPI-PICO-W': { onHand: 32, reorderLevel: 10 },
  'MCU-STM-F401RE': { onHand: 10, reorderLevel: 4 },
  'SEN-DHT22': { onHand: 35, reorderLevel: 10 },
  'SEN-DS18B20-WP': { onHand: 28, reorderLevel: 10 },
  'SEN-BME280': { onHand: 22, reorderLevel: 8 },
  'SEN-BH1750': { onHand: 19, reorderLevel: 6 },
  'SEN-HC-SR04': { onHand: 60, reorderLevel: 20 },
  'SEN-HC-SR501': { onHand: 26, reorderLevel: 8 },
  'SEN-MPU6050': { onHand: 31, reorderLevel: 10 },
  'SEN-VL53L0X': { onHand: 14, reorderLevel: 5 },
  'PWR-BAT-9V': { onHand: 6, reorderLevel: 12 },
  'PWR-BAT-AA-4': { onHand: 50, reorderLevel: 15 },
  'PWR-BAT-18650': { onHand: 36, reorderLevel: 12 },
  'PWR-BAT-CR2032': { onHand: 80, reorderLevel: 25 },
  'PWR-REG-7805': { onHand: 75, reorderLevel: 20 },
  'PWR-REG-AMS1117-33': { onHand: 90, reorderLevel: 25 },
  'PWR-DCDC-LM2596': { onHand: 25, reorderLevel: 8 },
  'RES-KIT-600': { onHand: 11, reorderLevel: 4 },
  'RES-10K-025W-100': { onHand: 20, reorderLevel: 5 },
  'RES-220R-025W-100': { onHand: 18, reorderLevel: 5 },
  'CAP-100N-50V': { onHand: 150, reorderLevel: 40 },
  'CAP-100U-25V': { onHand: 120, reorderLevel: 30 },
  'SEMI-LED-RED-5MM-100': { onHand: 16, reorderLevel: 5 },
  'SEMI-1N4007': { onHand: 200, reorderLevel: 50 },
  'SEMI-2N2222A': { onHand: 140, reorderLevel: 40 },
  'IC-NE555P': { onHand: 65, reorderLevel: 20 },
  'IC-ATMEGA328P-PU': { onHand: 21, reorderLevel: 8 },
  'DSP-OLED-096-I2C': { onHand: 27, reorderLevel: 8 },
  'DSP-LCD-1602-I2C': { onHand: 17, reorderLevel: 6 },
  'MOT-SG90': { onHand: 44, reorderLevel: 12 },
  'MOT-DRV-L298N': { onHand: 13, reorderLevel: 5 },
  'MOT-DRV-A4988': { onHand: 23, reorderLevel: 8 },
  'PROTO-BB-830': { onHand: 38, reorderLevel: 10 },
  'PROTO-JUMPER-MM-40': { onHand: 55, reorderLevel: 15 },
  'PROTO-HDR-1X40': { onHand: 110, reorderLevel: 30 },
};

/** The reference of every opening-stock movement: how the seed recognises its own. */
export const OPENING_STOCK_REFERENCE = 'Opening stock';
