import { Duration, RemovalPolicy, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Where the catalog keeps product media: `products/<productId>/…`, `datasheets/<productId>/…`. */
export const MEDIA_PREFIXES = ['products/', 'datasheets/'] as const;

export interface MediaBucketProps {
  /** Browser origins that upload with presigned PUTs and read with presigned GETs. */
  uploadOrigins: string[];
  /** Days an overwritten or deleted object's previous version is kept. */
  noncurrentVersionDays: number;
}

/**
 * Product images and datasheets. Private (browsers reach objects only through presigned
 * URLs the catalog signs), versioned so a deleted datasheet can be brought back, TLS only.
 */
export class MediaBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        // Once every old version is gone, the delete marker left behind goes too.
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      cors: [
        {
          // Presigned PUT uploads and presigned GET downloads straight from the browser.
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: props.uploadOrigins,
          allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      // Media outlives the stack: deleting the stack leaves the bucket and its objects.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** ARNs of the objects under the catalog's prefixes, for IAM. */
  objectArns(): string[] {
    return MEDIA_PREFIXES.map((prefix) => this.bucket.arnForObjects(`${prefix}*`));
  }
}
