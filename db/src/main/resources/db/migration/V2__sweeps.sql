-- Sweeps: the spec of each sweep with the paths of its axes in order, and each child run with the
-- setting (axis path -> value) and seed it trains. A resumed sweep writes its rows again, so both
-- tables are keyed on their natural keys and written with upserts.

CREATE TABLE sweeps (
    sweep_id   text PRIMARY KEY,
    spec       jsonb NOT NULL,
    axes       jsonb NOT NULL
               CHECK (jsonb_typeof(axes) = 'array' AND jsonb_array_length(axes) > 0),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- run_id does not reference runs: a sweep records its children before they start, and a child
-- writes its own runs row only once it runs.
CREATE TABLE sweep_runs (
    sweep_id     text NOT NULL REFERENCES sweeps (sweep_id) ON DELETE CASCADE,
    run_id       text NOT NULL,
    setting_hash text NOT NULL,
    setting      jsonb NOT NULL CHECK (jsonb_typeof(setting) = 'object'),
    seed         bigint NOT NULL,
    PRIMARY KEY (sweep_id, run_id)
);
