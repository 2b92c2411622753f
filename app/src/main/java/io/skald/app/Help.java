package io.skald.app;

/** The text of {@code ./skald --help}; keep it in step with docs/configuration.md. */
final class Help {

  private Help() {}

  static final String TEXT =
      """
      Skald — a Loki-compatible log store.

      Usage: ./skald [--option=value ...]

      With no options Skald runs every function on port 3100 with data under ./data:
      the push API, the chunker, the compactor and the query API, on a durable local
      bus and a file-system object store.

      Targets (--target, comma-separated, like Loki's -target):
        all         every function and route in one process (default)
        ingest      push API (/loki/api/v1/push, /api/prom/push) → bus
        chunker     bus → segments in object storage
        compactor   object events → per-tenant, per-day index
        querier     Loki query API (/loki/api/v1/query_range, labels, series, ...)

      Disaster recovery:
        --rebuild-index                  rewrite every tenant-day index from the segments in the
                                         bucket (same as --target=rebuild-index), then exit 0;
                                         run it while no compactor runs

      Common options (each also as an environment variable, e.g. SKALD_AUTH_ENABLED=true):
        --target=all                     functions to run
        --data-dir=./data                data directory of the embedded default
        --port=3100                      HTTP port (micronaut.server.port)
        --auth.enabled=false             require X-Scope-OrgID (else tenant 'fake')
        --auth.no-auth-tenant=fake       tenant used while auth is off
        --bus.kind=local|kafka           event bus
        --bus.kafka-bootstrap-servers=   Kafka bootstrap servers (bus.kind=kafka)
        --bus.partitions=4               partitions per topic
        --bus.timeout=10s                how long a push waits for the bus before 503
        --bus.kafka-properties.<key>=    further Kafka client properties (consumer./producer./admin. prefixes)
        --storage.kind=filesystem|s3     object store
        --storage.bucket=loki-chunks     bucket name
        --storage.s3-endpoint=           S3 endpoint (MinIO, Ceph RGW, AWS)
        --storage.s3-region=us-east-1    S3 region
        --storage.s3-access-key=         S3 access key
        --storage.s3-secret-key=         S3 secret key
        --storage.s3-path-style=true     path-style addressing
        --chunker.flush-interval=1s      how long entries wait before a segment is cut
        --compactor.consume-bus=true     compactor reads the bus itself (false: Knative delivers events)
        --compactor.compaction-interval=10m  sweep (merge, retention, deletes) interval; 0 = cron ticks only
        --compactor.retention-enabled=true   apply retention and serve /loki/api/v1/delete
        --compactor.retention-delete-delay=2h  replaced objects are deleted this long after
        --compactor.delete-request-cancel-period=24h  delete requests are processed after this
        --compactor.deletion-mode=filter-and-delete   or filter-only, disabled
        --limits.retention-period=168h   how long data is kept (0 = forever)
        --storage.admin-bucket=loki-admin  bucket for delete requests
        --storage-events.enabled=false   turn S3 bucket notifications into ObjectCreated (compactor)
        --limits.*                       ingestion and query limits (docs/configuration.md)

      Full reference: docs/configuration.md
      """;
}
