import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories (a tree), products, product media and pending uploads, and the staging table
 * for CSV imports that arrive in several bus messages.
 */
export class CreateCatalog1764200000000 implements MigrationInterface {
  name = 'CreateCatalog1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make "contains" searches (ILIKE '%esp32%') use an index. The extension
    // lives in public (one per database; trusted, so no superuser needed since Postgres 13).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);

    await queryRunner.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY,
        parent_id uuid REFERENCES categories (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    // Names are unique among siblings, whatever their case; top-level ones among themselves.
    await queryRunner.query(
      `CREATE UNIQUE INDEX categories_sibling_name ON categories (parent_id, lower(name)) NULLS NOT DISTINCT`,
    );

    await queryRunner.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        sku text NOT NULL CHECK (sku = upper(sku) AND length(sku) BETWEEN 1 AND 64),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        description text,
        category_id uuid REFERENCES categories (id) ON DELETE RESTRICT,
        unit_cost numeric CHECK (unit_cost >= 0 AND scale(unit_cost) <= 4 AND unit_cost < 1e12),
        sale_price numeric CHECK (sale_price >= 0 AND scale(sale_price) <= 4 AND sale_price < 1e12),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        manufacturer text,
        mpn text,
        parameters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(parameters) = 'object'),
        active boolean NOT NULL DEFAULT true,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        search_text text GENERATED ALWAYS AS (
          lower(sku || ' ' || name || ' ' || coalesce(mpn, '') || ' ' || coalesce(description, ''))
        ) STORED
      )`);
    // List pages are found in the sort index alone (the filter columns ride along with
    // INCLUDE), and only the rows of the page are read from the table.
    await queryRunner.query(
      `CREATE UNIQUE INDEX products_sku ON products (sku) INCLUDE (active, category_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX products_search ON products USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX products_category ON products (category_id) INCLUDE (active, sale_price, id)`,
    );
    for (const column of ['name', 'created_at', 'updated_at']) {
      await queryRunner.query(
        `CREATE INDEX products_${column} ON products (${column}, id) INCLUDE (active, category_id)`,
      );
    }

    await queryRunner.query(`
      CREATE TABLE product_media (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('image', 'datasheet')),
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        is_primary boolean NOT NULL DEFAULT false CHECK (NOT is_primary OR kind = 'image'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text
      )`);
    await queryRunner.query(`CREATE INDEX product_media_product ON product_media (product_id)`);
    // One primary image per product, whatever runs concurrently.
    await queryRunner.query(
      `CREATE UNIQUE INDEX product_media_one_primary ON product_media (product_id) WHERE is_primary`,
    );

    await queryRunner.query(`
      CREATE TABLE media_uploads (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('image', 'datasheet')),
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text
      )`);
    await queryRunner.query(`CREATE INDEX media_uploads_product ON media_uploads (product_id)`);
    await queryRunner.query(`CREATE INDEX media_uploads_expires_at ON media_uploads (expires_at)`);

    // Parts of a CSV file waiting for their import; short-lived, so not WAL-logged.
    await queryRunner.query(`
      CREATE UNLOGGED TABLE import_parts (
        import_id uuid NOT NULL,
        part integer NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (import_id, part)
      )`);
    await queryRunner.query(`CREATE INDEX import_parts_created_at ON import_parts (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS import_parts`);
    await queryRunner.query(`DROP TABLE IF EXISTS media_uploads`);
    await queryRunner.query(`DROP TABLE IF EXISTS product_media`);
    await queryRunner.query(`DROP TABLE IF EXISTS products`);
    await queryRunner.query(`DROP TABLE IF EXISTS categories`);
  }
}
