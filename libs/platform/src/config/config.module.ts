import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';

/**
 * Makes an app's loaded configuration injectable by its class and by each class it extends,
 * so platform modules ask for `AppBaseConfig` while the app's own code asks for its
 * `StockConfig`. Loading happens in main.ts before Nest starts, so a bad environment stops
 * the app with one clear line.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: object): DynamicModule {
    const providers: Provider[] = [];
    for (
      let type = config.constructor;
      type && type !== Object;
      type = Object.getPrototypeOf(type.prototype)?.constructor
    ) {
      providers.push({ provide: type, useValue: config });
    }
    return { module: ConfigModule, providers, exports: providers };
  }
}
