"""Settings shared by the API benchmark's parts: the database and the seed's vocabulary."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
DB = "abate_bench"
DB_URL = f"{SERVER}/{DB}"
WORDS = ["hosting", "seats", "support", "storage", "bandwidth", "licence", "training",
         "onboarding", "consulting", "analytics", "backup", "monitoring"]
CURRENCIES = ["USD"] * 8 + ["EUR", "GBP"]
STATUSES = ["unapplied"] * 5 + ["partially_applied", "fully_applied", "fully_applied",
                                 "paid_out", "closed"]
