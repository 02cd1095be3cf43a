from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.urls import include, path


def healthz(request):
    """The process is up."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """The database answers and every migration is applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:  # noqa: BLE001 - any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "error": str(error)[:200]}, status=503)
    if pending:
        return JsonResponse({"status": "migrations_pending", "pending": len(pending)},
                            status=503)
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("healthz", healthz),
    path("readyz", readyz),
    path("api/v1/", include("api.urls")),
    path("", include("web.urls")),
]
