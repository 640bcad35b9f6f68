/** The three services behind the gateway, as named on the bus, in logs and in health reports. */
export const SERVICE_NAMES = ['catalog', 'stock', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The services by name, for bus request definitions (`Services.Stock`). */
export const Services = {
  Catalog: 'catalog',
  Stock: 'stock',
  Notification: 'notification',
} as const satisfies Record<string, ServiceName>;

/** Default local ports: TCP bus listener and the small HTTP port that serves /health. */
export const DEFAULT_SERVICE_PORTS: Record<ServiceName, { bus: number; health: number }> = {
  catalog: { bus: 4001, health: 3001 },
  stock: { bus: 4002, health: 3002 },
  notification: { bus: 4003, health: 3003 },
};
