-- The dashboard finds each run's sweep by run id; sweep_runs' primary key leads with sweep_id.
CREATE INDEX sweep_runs_run ON sweep_runs (run_id);
