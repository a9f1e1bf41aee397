-- Results of the pipeline: one row per run, its checkpoints, its training log and its metrics.
-- Every table is keyed on its natural key so that each write is an idempotent upsert.

CREATE TABLE runs (
    run_id      text PRIMARY KEY,
    workflow_id text,
    dataset     text,
    spec        jsonb NOT NULL,
    config_hash text NOT NULL,
    status      text NOT NULL
                CHECK (status IN ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX runs_dataset ON runs (dataset);

CREATE TABLE checkpoints (
    run_id      text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    iteration   bigint NOT NULL CHECK (iteration >= 0),
    blob_key    text NOT NULL,
    config_hash text NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, iteration)
);

CREATE TABLE training_log (
    run_id            text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    iteration         bigint NOT NULL CHECK (iteration >= 0),
    loss              double precision NOT NULL,
    mined_positives   bigint NOT NULL CHECK (mined_positives >= 0),
    mined_negatives   bigint NOT NULL CHECK (mined_negatives >= 0),
    lr                double precision NOT NULL,
    images_per_second double precision NOT NULL,
    PRIMARY KEY (run_id, iteration)
);

-- k is 0 for metrics that have no K (NMI, MAP@R): a NULL could not be part of the primary key.
CREATE TABLE metrics (
    run_id               text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    checkpoint_iteration bigint NOT NULL CHECK (checkpoint_iteration >= 0),
    head                 text NOT NULL,
    metric               text NOT NULL,
    k                    integer NOT NULL CHECK (k >= 0),
    value                double precision NOT NULL,
    PRIMARY KEY (run_id, checkpoint_iteration, head, metric, k)
);
