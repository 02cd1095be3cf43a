"""The billing-run benchmark's parts (bench/billing_run.py runs them): seeding, the raw-SQL
baseline, and real `abate worker` processes billing a run."""
